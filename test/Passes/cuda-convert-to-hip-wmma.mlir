// RUN: xpiler-opt %s --cuda-convert-to-hip | FileCheck %s
// RUN: xpiler-opt %s --cuda-convert-to-hip=arch=gfx90a -o %t.mlir
// RUN: xpiler verify %s %t.mlir | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// wmma -> mfma (WmmaToMfma.cpp), from test/Translate/Inputs/wmma-tiles.cu
// plus an element-wise loop over an accumulator (c.x[i], num_elements).
// A fragment is 8 registers per lane; lane l of a warp holds row/column
// l % 16 from position 4 (l / 16) on, elements 0-3 and 8-11 of K (A, B) or
// of the rows (C, D), in mfma_f32_16x16x16f16's layout.

// CHECK-LABEL: func.func @scaled_tiles
// The lane values, once per kernel (blocks are one-dimensional).
// CHECK: %[[TID:.+]] = hip.thread_idx <x>
// CHECK: %[[L16:.+]] = arith.remsi %[[TID]], %{{.*}} : i32
// CHECK: %[[UPPER:.+]] = arith.cmpi sge, %{{.*}}, %{{.*}} : i32
// A row-major matrix_a from a 1-D buffer: 8 loads, no cross-lane traffic.
// CHECK-COUNT-8: memref.load %arg0[%{{.*}}] : memref<?xf16, #hip.memory_space<global>>
// CHECK: vector.from_elements {{.*}} : vector<8xf16>
// A column-major matrix_b from a 2-D shared tile whose row stride is ldm.
// CHECK-COUNT-8: memref.load %{{.*}}[%{{.*}}, %{{.*}}] : memref<16x24xf16, #hip.memory_space<shared>>
// CHECK: vector.from_elements {{.*}} : vector<8xf16>
// CHECK-COUNT-8: memref.load %arg2[%{{.*}}] : memref<?xf32, #hip.memory_space<global>>
// CHECK: vector.from_elements {{.*}} : vector<8xf32>
// mma_sync: one xor-32 shuffle per item of A, B and C (f16 as f32), two
// mfma (the products of the two warps of the wavefront), four shuffles back.
// CHECK-COUNT-4: hip.shfl <xor> %{{.*}}, %{{.*}} width(%{{.*}}) : f32
// CHECK: %[[A0:.+]] = vector.from_elements {{.*}} : vector<4xf16>
// CHECK: %[[A1:.+]] = vector.from_elements {{.*}} : vector<4xf16>
// CHECK-COUNT-4: hip.shfl <xor>
// CHECK: %[[B0:.+]] = vector.from_elements {{.*}} : vector<4xf16>
// CHECK: %[[B1:.+]] = vector.from_elements {{.*}} : vector<4xf16>
// CHECK-COUNT-4: hip.shfl <xor>
// CHECK: %[[C0:.+]] = vector.from_elements {{.*}} : vector<4xf32>
// CHECK: %[[C1:.+]] = vector.from_elements {{.*}} : vector<4xf32>
// CHECK: hip.mfma <f32_16x16x16f16> %[[A0]], %[[B0]], %[[C0]] cbsz = 0 abid = 0 blgp = 0
// CHECK: hip.mfma <f32_16x16x16f16> %[[A1]], %[[B1]], %[[C1]] cbsz = 0 abid = 0 blgp = 0
// CHECK-COUNT-4: hip.shfl <xor>
// CHECK: %[[D:.+]] = vector.from_elements {{.*}} : vector<8xf32>
// Element access is per lane; num_elements is 8.
// CHECK: arith.constant 8 : i32
// CHECK: scf.for {{.*}} iter_args(%[[F:.+]] = %[[D]]) -> (vector<8xf32>)
// CHECK: vector.extract %[[F]][%{{.*}}] : f32 from vector<8xf32>
// CHECK: vector.insert %{{.*}}, %[[F]] [%{{.*}}] : f32 into vector<8xf32>
// CHECK-COUNT-8: memref.store %{{.*}}, %arg3[%{{.*}}] : memref<?xf32, #hip.memory_space<global>>
// CHECK-NOT: cuda.
// CHECK-NOT: unrealized_conversion_cast

// Two-dimensional blocks: the lane comes from the linear thread index; an
// f16 accumulator is widened for the mfma and rounded back.
// CHECK-LABEL: func.func @half_tiles
// CHECK: hip.thread_idx <y>
// CHECK: hip.block_dim <x>
// CHECK: vector.broadcast %{{.*}} : f16 to vector<8xf16>
// CHECK: arith.extf %{{.*}} : f16 to f32
// CHECK: hip.mfma <f32_16x16x16f16>
// CHECK: hip.mfma <f32_16x16x16f16>
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK-COUNT-8: memref.store %{{.*}}, %arg2[%{{.*}}] : memref<?xf16, #hip.memory_space<global>>
// CHECK-LABEL: func.func @tiles
// CHECK: hip.launch @scaled_tiles
// CHECK: hip.launch @half_tiles

module {
  func.func @scaled_tiles(%arg0: memref<?xf16, #cuda.memory_space<global>>, %arg1: memref<?xf16, #cuda.memory_space<global>>, %arg2: memref<?xf32, #cuda.memory_space<global>>, %arg3: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<64>, xpl.kernel} {
    %c0 = arith.constant 0 : index
    %c24_i32 = arith.constant 24 : i32
    %c64_i32 = arith.constant 64 : i32
    %c16_i32 = arith.constant 16 : i32
    %c256_i32 = arith.constant 256 : i32
    %c32_i32 = arith.constant 32 : i32
    %0 = cuda.shared_array "Bs" : memref<16x24xf16, #cuda.memory_space<shared>>
    %1 = cuda.thread_idx x
    %2 = arith.divui %1, %c32_i32 : i32
    %3 = scf.while (%arg4 = %1) : (i32) -> i32 {
      %10 = arith.cmpi slt, %arg4, %c256_i32 : i32
      scf.condition(%10) %arg4 : i32
    } do {
    ^bb0(%arg4: i32):
      %10 = arith.divsi %arg4, %c16_i32 : i32
      %11 = arith.index_cast %10 : i32 to index
      %12 = arith.remsi %arg4, %c16_i32 : i32
      %13 = arith.index_cast %12 : i32 to index
      %14 = arith.index_cast %arg4 : i32 to index
      %15 = memref.load %arg1[%14] : memref<?xf16, #cuda.memory_space<global>>
      memref.store %15, %0[%11, %13] : memref<16x24xf16, #cuda.memory_space<shared>>
      %16 = arith.addi %arg4, %c64_i32 : i32
      scf.yield %16 : i32
    }
    cuda.syncthreads
    %4 = arith.muli %2, %c256_i32 : i32
    %5 = arith.index_cast %4 : i32 to index
    %6 = cuda.wmma.load_matrix_sync %arg0[%5], %c16_i32 : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
    %7 = cuda.wmma.load_matrix_sync %0[%c0, %c0], %c24_i32 : memref<16x24xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
    %8 = cuda.wmma.load_matrix_sync %arg2[%5], %c16_i32 mem_row_major : memref<?xf32, #cuda.memory_space<global>> -> !cuda.fragment<accumulator, 16x16x16, f32>
    %9 = cuda.wmma.mma_sync %6, %7, %8 : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
    // c.x[i] = 2 * c.x[i] for i < c.num_elements (not importable from C++).
    %n = cuda.wmma.num_elements !cuda.fragment<accumulator, 16x16x16, f32>
    %ni = arith.index_cast %n : i32 to index
    %c1 = arith.constant 1 : index
    %two = arith.constant 2.0 : f32
    %scaled = scf.for %i = %c0 to %ni step %c1 iter_args(%f = %9) -> (!cuda.fragment<accumulator, 16x16x16, f32>) {
      %x = cuda.wmma.fragment_extract %f[%i] : !cuda.fragment<accumulator, 16x16x16, f32> -> f32
      %y = arith.mulf %two, %x : f32
      %g = cuda.wmma.fragment_insert %y, %f[%i] : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
      scf.yield %g : !cuda.fragment<accumulator, 16x16x16, f32>
    }
    cuda.wmma.store_matrix_sync %scaled, %arg3[%5], %c16_i32 mem_col_major : !cuda.fragment<accumulator, 16x16x16, f32>, memref<?xf32, #cuda.memory_space<global>>
    return
  }
  func.func @half_tiles(%arg0: memref<?xf16, #cuda.memory_space<global>>, %arg1: memref<?xf16, #cuda.memory_space<global>>, %arg2: memref<?xf16, #cuda.memory_space<global>>) attributes {cuda.kernel, xpl.kernel} {
    %cst = arith.constant 5.000000e-01 : f16
    %c32_i32 = arith.constant 32 : i32
    %c16_i32 = arith.constant 16 : i32
    %c0 = arith.constant 0 : index
    %0 = cuda.thread_idx y
    %1 = cuda.wmma.fill_fragment %cst : f16 -> !cuda.fragment<accumulator, 16x16x16, f16>
    %2 = arith.muli %0, %c16_i32 : i32
    %3 = arith.index_cast %2 : i32 to index
    %4 = cuda.wmma.load_matrix_sync %arg0[%3], %c32_i32 : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
    %5 = cuda.wmma.load_matrix_sync %arg1[%c0], %c16_i32 : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
    %6 = cuda.wmma.mma_sync %4, %5, %1 : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f16> -> !cuda.fragment<accumulator, 16x16x16, f16>
    cuda.wmma.store_matrix_sync %6, %arg2[%3], %c32_i32 mem_row_major : !cuda.fragment<accumulator, 16x16x16, f16>, memref<?xf16, #cuda.memory_space<global>>
    return
  }
  func.func @tiles(%arg0: memref<?xf16> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3, s4] -> (512)>}, %arg1: memref<?xf16> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3, s4] -> (256)>}, %arg2: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3, s4] -> (512)>}, %arg3: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3, s4] -> (512)>}, %arg4: memref<?xf16> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3, s4] -> (512)>}) attributes {xpl.launcher} {
    %c2 = arith.constant 2 : index
    %c32 = arith.constant 32 : index
    %c64 = arith.constant 64 : index
    %c2048 = arith.constant 2048 : index
    %c512 = arith.constant 512 : index
    %c1 = arith.constant 1 : index
    %c1024 = arith.constant 1024 : index
    %0 = cuda.malloc %c1024 : memref<?xf16, #cuda.memory_space<global>>
    %1 = cuda.malloc %c512 : memref<?xf16, #cuda.memory_space<global>>
    %2 = cuda.malloc %c2048 : memref<?xf32, #cuda.memory_space<global>>
    %3 = cuda.malloc %c2048 : memref<?xf32, #cuda.memory_space<global>>
    %4 = cuda.malloc %c1024 : memref<?xf16, #cuda.memory_space<global>>
    cuda.memcpy HostToDevice %0, %arg0, %c1024 : memref<?xf16, #cuda.memory_space<global>>, memref<?xf16>
    cuda.memcpy HostToDevice %1, %arg1, %c512 : memref<?xf16, #cuda.memory_space<global>>, memref<?xf16>
    cuda.memcpy HostToDevice %2, %arg2, %c2048 : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
    cuda.launch @scaled_tiles grid(%c1, %c1, %c1) block(%c64, %c1, %c1) args(%0, %1, %2, %3 : memref<?xf16, #cuda.memory_space<global>>, memref<?xf16, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>) {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3, s4] -> (1)], block = [()[s0, s1, s2, s3, s4] -> (64)]>}
    cuda.launch @half_tiles grid(%c1, %c1, %c1) block(%c32, %c2, %c1) args(%0, %1, %4 : memref<?xf16, #cuda.memory_space<global>>, memref<?xf16, #cuda.memory_space<global>>, memref<?xf16, #cuda.memory_space<global>>) {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3, s4] -> (1)], block = [()[s0, s1, s2, s3, s4] -> (32), ()[s0, s1, s2, s3, s4] -> (2)]>}
    cuda.memcpy DeviceToHost %arg3, %3, %c2048 : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
    cuda.memcpy DeviceToHost %arg4, %4, %c1024 : memref<?xf16>, memref<?xf16, #cuda.memory_space<global>>
    cuda.free %0 : memref<?xf16, #cuda.memory_space<global>>
    cuda.free %1 : memref<?xf16, #cuda.memory_space<global>>
    cuda.free %2 : memref<?xf32, #cuda.memory_space<global>>
    cuda.free %3 : memref<?xf32, #cuda.memory_space<global>>
    cuda.free %4 : memref<?xf16, #cuda.memory_space<global>>
    return
  }
}
