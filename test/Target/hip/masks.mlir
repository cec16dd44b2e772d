// The *_sync forms (a 64-bit lane mask): newer HIP (ROCm 6.2+) and HIP's
// NVIDIA headers have them, Debian's HIP 5.2 does not, so this test only
// checks the text.
// RUN: xpiler-translate --emit-hip %s | FileCheck %s

!gf32 = memref<?xf32, #hip.memory_space<global>>

// CHECK-LABEL: __global__ void masked(float *arg0, int64_t arg1) {
// CHECK: float v = __shfl_xor_sync(arg1, arg0[0], 1, 32);
// CHECK: float v2 = __shfl_down_sync(arg1, v, 2);
// CHECK: bool v3 = v2 > 0.0f;
// CHECK: bool v4 = __any_sync(arg1, v3) != 0;
// CHECK: bool v5 = __all_sync(arg1, v3) != 0;
// CHECK: int64_t v6 = (int64_t)__ballot_sync(arg1, v3);
func.func @masked(%p: !gf32, %mask: i64) attributes {hip.kernel} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c32 = arith.constant 32 : i32
  %zero = arith.constant 0.0 : f32
  %x = memref.load %p[%c0] : !gf32
  %a = hip.shfl <xor> %x, %c1 width(%c32) mask(%mask) : f32
  %b = hip.shfl <down> %a, %c2 mask(%mask) : f32
  %pred = arith.cmpf ogt, %b, %zero : f32
  %any = hip.vote <any> %pred mask(%mask) : i1
  %all = hip.vote <all> %pred mask(%mask) : i1
  %bits = hip.ballot %pred mask(%mask) : i64
  %both = arith.andi %any, %all : i1
  %r = arith.select %both, %b, %zero : f32
  memref.store %r, %p[%c0] : !gf32
  %bf = arith.sitofp %bits : i64 to f32
  memref.store %bf, %p[%c0] : !gf32
  return
}
