// RUN: xpiler-opt %s --cuda-convert-to-hip --mlir-print-debuginfo | FileCheck %s
// RUN: xpiler-opt %s --cuda-convert-to-hip=arch=gfx1100 | FileCheck %s --check-prefix=WAVE32

// Ops map one to one; memory spaces follow in every type.
// CHECK-LABEL: func.func @reduce
// CHECK-SAME: memref<?xf32, #hip.memory_space<global>>
// CHECK-SAME: memref<?xi32, #hip.memory_space<global>>
// CHECK-SAME: attributes {hip.kernel, hip.launch_bounds = array<i32: 256>, xpl.kernel}
// CHECK: hip.thread_idx <x>
// The shared array keeps its name (in its location, where emitters read it).
// CHECK: hip.shared_alloc : memref<256xf32, #hip.memory_space<shared>> loc(#[[TILE:loc[0-9]+]])
// CHECK: hip.syncthreads
// A CUDA warp is half a 64-lane wavefront: shuffles stay within 32 lanes.
// CHECK: %[[W:.+]] = arith.constant 32 : i32
// CHECK: hip.shfl <down> %{{.*}}, %{{.*}} width(%[[W]]) : f32
// warpSize is the CUDA warp's.
// CHECK: arith.constant 32 : i32
// The ballot keeps the 32 bits of the thread's half of the wavefront.
// CHECK: %[[B:.+]] = hip.ballot %{{.*}} : i64
// CHECK: arith.andi %{{.*}}, %{{.*}} : i32
// CHECK: arith.shrui %[[B]], %{{.*}} : i64
// CHECK: arith.trunci %{{.*}} : i64 to i32
// CHECK: hip.atomic <max> unsigned %{{.*}}, %{{.*}}[%{{.*}}] : memref<?xi32, #hip.memory_space<global>>
// CHECK: hip.atomic_cas %{{.*}}[%{{.*}}], %{{.*}}, %{{.*}} : memref<?xi32, #hip.memory_space<global>>
// CHECK: hip.threadfence <block>

// On 32-lane wavefronts a warp is the wavefront: no width, no halves.
// WAVE32-LABEL: func.func @reduce
// WAVE32: hip.shfl <down> %{{.*}}, %{{.*}} : f32
// WAVE32: %[[B:.+]] = hip.ballot %{{.*}} : i64
// WAVE32-NEXT: arith.trunci %[[B]] : i64 to i32
func.func @reduce(%x: memref<?xf32, #cuda.memory_space<global>>,
                  %flags: memref<?xi32, #cuda.memory_space<global>>)
    attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256, 2>,
                xpl.kernel} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : i32
  %full = arith.constant -1 : i32
  %tid = cuda.thread_idx x
  %tile = cuda.shared_array "tile" : memref<256xf32, #cuda.memory_space<shared>>
  %i = arith.index_cast %tid : i32 to index
  %v = memref.load %x[%i] : memref<?xf32, #cuda.memory_space<global>>
  memref.store %v, %tile[%i] : memref<256xf32, #cuda.memory_space<shared>>
  cuda.syncthreads
  %s = cuda.shfl_sync down %full, %v, %c16 : f32
  %ws = cuda.warp_size
  %b = cuda.vote_sync ballot %full, %ws
  %old = cuda.atomic_rmw umax %b, %flags[%c0] : memref<?xi32, #cuda.memory_space<global>>
  %cas = cuda.atomic_cas %old, %b, %flags[%c0] : memref<?xi32, #cuda.memory_space<global>>
  cuda.threadfence block
  memref.store %s, %x[%i] : memref<?xf32, #cuda.memory_space<global>>
  return
}

// The host side: allocation, copies, streams and the launch.
// CHECK-LABEL: func.func @launcher
// CHECK: %[[S:.+]] = hip.stream_create
// CHECK: %[[D:.+]] = hip.malloc %{{.*}} : memref<?xf32, #hip.memory_space<global>>
// CHECK: hip.memcpy <host_to_device> %[[D]], %{{.*}}, %{{.*}}
// CHECK: hip.launch @reduce grid(%{{.*}}, %{{.*}}, %{{.*}}) block(%{{.*}}, %{{.*}}, %{{.*}}) stream(%[[S]]) args(%[[D]], %{{.*}} : memref<?xf32, #hip.memory_space<global>>, memref<?xi32, #hip.memory_space<global>>) {note = "kept"}
// CHECK: hip.stream_synchronize %[[S]]
// CHECK: hip.free %[[D]]
// CHECK: #[[TILE]] = loc("tile"
func.func @launcher(%h: memref<?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %s = cuda.stream_create
  %d = cuda.malloc %n : memref<?xf32, #cuda.memory_space<global>>
  %f = cuda.malloc %n : memref<?xi32, #cuda.memory_space<global>>
  cuda.memcpy HostToDevice %d, %h, %n : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  cuda.launch @reduce grid(%c1, %c1, %c1) block(%c256, %c1, %c1) stream(%s) args(%d, %f : memref<?xf32, #cuda.memory_space<global>>, memref<?xi32, #cuda.memory_space<global>>) {note = "kept"}
  cuda.stream_synchronize %s
  cuda.free %d : memref<?xf32, #cuda.memory_space<global>>
  cuda.free %f : memref<?xi32, #cuda.memory_space<global>>
  cuda.stream_destroy %s
  return
}
