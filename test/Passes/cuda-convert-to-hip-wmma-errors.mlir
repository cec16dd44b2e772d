// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --cuda-convert-to-hip
// RUN: not xpiler-opt %s -split-input-file --cuda-convert-to-hip=arch=gfx1100 2>&1 | FileCheck %s --check-prefix=WAVE32
// RUN: not xpiler-opt %s -split-input-file --cuda-convert-to-hip=arch=gfx908 2>&1 | FileCheck %s --check-prefix=GFX908

// What wmma -> mfma cannot translate, or cannot prove right, is an error at
// the op; nothing is converted then.

// WAVE32: error: wmma fragments map to mfma only on CDNA targets with 64-lane wavefronts (gfx908, gfx90a, gfx940-gfx942, gfx950), not 'gfx1100'
// GFX908: error: bf16 wmma fragments need f32_16x16x16bf16_1k, which gfx908 lacks (gfx90a and later have it)

// Shapes other than 16x16x16 (here 32x8x16) have no mapping.
func.func @shape(%m: memref<?xf16, #cuda.memory_space<global>>, %ld: i32) attributes {cuda.device} {
  %c0 = arith.constant 0 : index
  // expected-error @below {{wmma fragment '!cuda.fragment<matrix_a, 32x8x16, f16, row_major>' has no mfma mapping: only 16x16x16 fragments with f16 or bf16 multiplicands and an f32 (or, for f16, f16) accumulator are translated}}
  %a = cuda.wmma.load_matrix_sync %m[%c0], %ld : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 32x8x16, f16, row_major>
  return
}

// -----

// CUDA's f16 matrix_a holds 16 elements per lane, the mfma registers 8.
func.func @half_elements(%m: memref<?xf16, #cuda.memory_space<global>>, %ld: i32, %i: index) -> f16 attributes {cuda.device} {
  %c0 = arith.constant 0 : index
  %a = cuda.wmma.load_matrix_sync %m[%c0], %ld : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
  // expected-error @below {{per-lane elements of f16 matrix_a/matrix_b fragments (16 per lane in CUDA, each matrix element held twice) have no mfma counterpart; only accumulator and bf16 fragment elements are translated}}
  %x = cuda.wmma.fragment_extract %a[%i] : !cuda.fragment<matrix_a, 16x16x16, f16, row_major> -> f16
  return %x : f16
}

// -----

// A tile whose leading dimension is not the row stride of the 2-D buffer.
func.func @tile_stride(%m: memref<32x32xf16, #cuda.memory_space<shared>>, %ld: i32) attributes {cuda.device} {
  %c0 = arith.constant 0 : index
  // expected-error @below {{cannot address the wmma tile in 'memref<32x32xf16, #cuda.memory_space<shared>>' element by element for mfma: the leading dimension must be a constant equal to the row stride of the last two dimensions, or the buffer one-dimensional and contiguous}}
  %a = cuda.wmma.load_matrix_sync %m[%c0, %c0], %ld : memref<32x32xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
  return
}

// -----

// bf16 is supported (gfx90a and later); on gfx908 it is the error above.
func.func @bf16(%a: !cuda.fragment<matrix_a, 16x16x16, bf16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, bf16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.device} {
  // expected-error @below {{mma_sync in a device function is not translated to mfma: only in kernels, whose launches and control flow are checked}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, bf16, row_major>, !cuda.fragment<matrix_b, 16x16x16, bf16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

// One warp per block: the wavefront's other half does not exist.
func.func @one_warp(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.kernel} {
  // expected-error @below {{mma_sync maps to mfma only if every launch of @one_warp has a block of a multiple of 64 threads (both CUDA warps of each 64-lane wavefront)}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}
func.func @launch_one_warp(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>) {
  %c1 = arith.constant 1 : index
  %c32 = arith.constant 32 : index
  // expected-note @below {{launched here with a block of 32 threads}}
  cuda.launch @one_warp grid(%c1, %c1, %c1) block(%c32, %c1, %c1) args(%a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32>)
  return
}

// -----

func.func @runtime_block(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.kernel} {
  // expected-error @below {{mma_sync maps to mfma only if every launch of @runtime_block has a block of a multiple of 64 threads}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}
func.func @launch_runtime_block(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>, %n: index) {
  %c1 = arith.constant 1 : index
  // expected-note @below {{launched here with a block size that is not a constant}}
  cuda.launch @runtime_block grid(%c1, %c1, %c1) block(%n, %c1, %c1) args(%a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32>)
  return
}

// -----

// expected-note @below {{no launch in this module fixes the block size of @unlaunched}}
func.func @unlaunched(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.kernel} {
  // expected-error @below {{mma_sync maps to mfma only if every launch of @unlaunched has a block of a multiple of 64 threads}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

// Only one warp of each wavefront takes the branch (warp-uniform is not
// enough: the mfma needs both warps).
func.func @divergent(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>, %out: memref<1x!cuda.fragment<accumulator, 16x16x16, f32>>) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : i32
  %tid = cuda.thread_idx x
  %warp = arith.divui %tid, %c32 : i32
  %zero = arith.constant 0 : i32
  %first = arith.cmpi eq, %warp, %zero : i32
  // expected-note @below {{this 'scf.if' depends on the thread (threadIdx, memory or a warp-level value)}}
  scf.if %first {
    // expected-error @below {{mma_sync under control flow that may differ between the threads of a block is not translated to mfma: an mfma needs all 64 lanes of the wavefront, that is both CUDA warps of it}}
    %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
    memref.store %d, %out[%c0] : memref<1x!cuda.fragment<accumulator, 16x16x16, f32>>
  }
  return
}
func.func @launch_divergent(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>, %out: memref<1x!cuda.fragment<accumulator, 16x16x16, f32>>) {
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  cuda.launch @divergent grid(%c1, %c1, %c1) block(%c128, %c1, %c1) args(%a, %b, %c, %out : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32>, memref<1x!cuda.fragment<accumulator, 16x16x16, f32>>)
  return
}

// -----

// A loop whose trip count is read from memory: threads may leave it at
// different times.
func.func @data_loop(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>, %counts: memref<?xi32>) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %tid = cuda.thread_idx x
  %t = arith.index_cast %tid : i32 to index
  %n = memref.load %counts[%t] : memref<?xi32>
  // expected-note @below {{this 'scf.while' depends on the thread}}
  %r:2 = scf.while (%i = %zero, %acc = %c) : (i32, !cuda.fragment<accumulator, 16x16x16, f32>) -> (i32, !cuda.fragment<accumulator, 16x16x16, f32>) {
    %more = arith.cmpi slt, %i, %n : i32
    scf.condition(%more) %i, %acc : i32, !cuda.fragment<accumulator, 16x16x16, f32>
  } do {
  ^bb0(%i: i32, %acc: !cuda.fragment<accumulator, 16x16x16, f32>):
    // expected-error @below {{mma_sync under control flow that may differ between the threads of a block}}
    %d = cuda.wmma.mma_sync %a, %b, %acc : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
    %next = arith.addi %i, %c1 : i32
    scf.yield %next, %d : i32, !cuda.fragment<accumulator, 16x16x16, f32>
  }
  return
}
func.func @launch_data_loop(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, %c: !cuda.fragment<accumulator, 16x16x16, f32>, %counts: memref<?xi32>) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  cuda.launch @data_loop grid(%c1, %c1, %c1) block(%c64, %c1, %c1) args(%a, %b, %c, %counts : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32>, memref<?xi32>)
  return
}
