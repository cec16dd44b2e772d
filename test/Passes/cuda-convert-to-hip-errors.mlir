// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --cuda-convert-to-hip
// RUN: not xpiler-opt %s -split-input-file --cuda-convert-to-hip=arch=sm_90 2>&1 | FileCheck %s --check-prefix=ARCH

// ARCH: error: unknown HIP architecture 'sm_90' (expected gfx<N>, e.g. gfx90a)

// What has no counterpart is an error at the op; nothing is converted then.
func.func @syncwarp(%m: i32) attributes {cuda.kernel} {
  // expected-error @below {{'cuda.syncwarp' has no HIP equivalent: HIP has no warp-level barrier; synchronise the block with __syncthreads instead}}
  cuda.syncwarp %m
  return
}

// -----

func.func @system_atomic(%m: memref<?xi32, #cuda.memory_space<global>>, %v: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'cuda.atomic_rmw' has no HIP equivalent: system-scope atomics are not modelled}}
  %o = cuda.atomic_rmw add %v, %m[%c0] scope system : memref<?xi32, #cuda.memory_space<global>>
  return
}

// -----

func.func @half_atomic(%m: memref<?xf16, #cuda.memory_space<global>>, %v: f16) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'cuda.atomic_rmw' has no HIP equivalent: HIP atomics take int, long long, float or double elements}}
  %o = cuda.atomic_rmw add %v, %m[%c0] : memref<?xf16, #cuda.memory_space<global>>
  return
}

// -----

func.func @bf16_shuffle(%v: bf16, %m: i32, %o: i32) -> bf16 attributes {cuda.device} {
  // expected-error @below {{'cuda.shfl_sync' has no HIP equivalent: HIP shuffles take int, long long, half, float or double values}}
  %r = cuda.shfl_sync down %m, %v, %o : bf16
  return %r : bf16
}

// -----

func.func @short_cas(%m: memref<?xi16, #cuda.memory_space<global>>, %v: i16) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @below {{'cuda.atomic_cas' has no HIP equivalent: HIP's atomicCAS takes 32- or 64-bit integers}}
  %o = cuda.atomic_cas %v, %v, %m[%c0] : memref<?xi16, #cuda.memory_space<global>>
  return
}

