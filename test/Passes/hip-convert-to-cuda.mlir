// RUN: xpiler-opt %s --hip-convert-to-cuda | FileCheck %s

// CHECK-LABEL: func.func @wave_sum
// CHECK-SAME: memref<?xf32, #cuda.memory_space<global>>
// CHECK-SAME: attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256>, xpl.kernel}
// CHECK: cuda.thread_idx x
// CHECK: cuda.shared_array : memref<64xf32, #cuda.memory_space<shared>>
// warpSize stays warpSize: 32 on NVIDIA GPUs.
// CHECK: %[[WS:.+]] = cuda.warp_size
// A shuffle across the source's whole wavefront (width 64 or warpSize) goes
// across the whole warp; a narrower one keeps its width.
// CHECK: %[[FULL:.+]] = arith.constant -1 : i32
// CHECK: cuda.shfl_sync down %[[FULL]], %{{.*}}, %{{.*}} : f32
// CHECK: cuda.shfl_sync down %{{.*}}, %{{.*}}, %{{.*}} : f32
// CHECK: cuda.shfl_sync xor %{{.*}}, %{{.*}}, %{{.*}} width %{{.*}} : f32
// The 64-bit ballot is the 32-bit one widened; votes are warp votes.
// CHECK: %[[P:.+]] = arith.extui %{{.*}} : i1 to i32
// CHECK: %[[B:.+]] = cuda.vote_sync ballot %{{.*}}, %[[P]]
// CHECK: arith.extui %[[B]] : i32 to i64
// CHECK: %[[A:.+]] = cuda.vote_sync any
// CHECK: arith.cmpi ne, %[[A]], %{{.*}} : i32
// CHECK: cuda.atomic_rmw umin
// CHECK: cuda.atomic_rmw add
// CHECK: cuda.atomic_cas
func.func @wave_sum(%x: memref<?xf32, #hip.memory_space<global>>,
                    %m: memref<?xi32, #hip.memory_space<global>>)
    attributes {hip.kernel, hip.launch_bounds = array<i32: 256, 2>,
                xpl.kernel} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : i32
  %c8 = arith.constant 8 : i32
  %c64 = arith.constant 64 : i32
  %tid = hip.thread_idx <x>
  %tile = hip.shared_alloc : memref<64xf32, #hip.memory_space<shared>>
  %ws = hip.warp_size
  %i = arith.index_cast %tid : i32 to index
  %v = memref.load %x[%i] : memref<?xf32, #hip.memory_space<global>>
  %s0 = hip.shfl <down> %v, %c1 width(%c64) : f32
  %s1 = hip.shfl <down> %s0, %c1 width(%ws) : f32
  %s2 = hip.shfl <xor> %s1, %c1 width(%c8) : f32
  %p = arith.cmpf ogt, %s2, %v : f32
  %b = hip.ballot %p : i64
  %any = hip.vote <any> %p : i1
  %bi = arith.trunci %b : i64 to i32
  %o0 = hip.atomic <min> unsigned %bi, %m[%c0] : memref<?xi32, #hip.memory_space<global>>
  %o1 = hip.atomic <add> %o0, %m[%c0] : memref<?xi32, #hip.memory_space<global>>
  %o2 = hip.atomic_cas %m[%c0], %o1, %bi : memref<?xi32, #hip.memory_space<global>>
  %r = arith.select %any, %s2, %v : f32
  memref.store %r, %tile[%i] : memref<64xf32, #hip.memory_space<shared>>
  memref.store %r, %x[%i] : memref<?xf32, #hip.memory_space<global>>
  return
}
