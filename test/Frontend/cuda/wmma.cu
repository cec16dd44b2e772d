// RUN: xpiler-translate --import-cuda %s | FileCheck %s
#include <mma.h>
using namespace nvcuda;

// One warp computes a 16x16 tile of C = A·B with tensor cores; A and B are
// staged in shared memory. An array of fragments is a memref of fragments;
// single fragment variables become SSA values.
// CHECK-LABEL: func.func @tile_gemm
// CHECK: memref.alloca() : memref<2x!cuda.fragment<accumulator, 16x16x16, f32>>
// CHECK-NOT: memref.alloca
// CHECK: cuda.wmma.fill_fragment %{{.*}} : f32 -> !cuda.fragment<accumulator, 16x16x16, f32>
// CHECK: memref.store %{{.*}}, %{{.*}}[%{{.*}}] : memref<2x!cuda.fragment<accumulator, 16x16x16, f32>>
// CHECK: cuda.wmma.load_matrix_sync %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} : memref<16x32xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
// CHECK: cuda.wmma.load_matrix_sync %{{.*}}[%{{.*}}], %{{.*}} : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
// CHECK: cuda.wmma.mma_sync
// CHECK: cuda.wmma.store_matrix_sync %{{.*}}, %{{.*}}[%{{.*}}], %{{.*}} mem_row_major
__global__ void tile_gemm(const __half *A, const __half *B, float *C, int K) {
  __shared__ __half As[16][32];
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2];
  wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a;
  wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> b;
  for (int i = 0; i < 2; ++i)
    wmma::fill_fragment(acc[i], 0.0f);
  for (int k = 0; k < K; k += 32) {
    for (int e = threadIdx.x; e < 16 * 32; e += 32)
      As[e / 32][e % 32] = A[(e / 32) * K + k + e % 32];
    __syncthreads();
    for (int i = 0; i < 2; ++i) {
      wmma::load_matrix_sync(a, &As[0][i * 16], 32);
      wmma::load_matrix_sync(b, B + k + i * 16, K);
      wmma::mma_sync(acc[i], a, b, acc[i]);
    }
    __syncthreads();
  }
  wmma::store_matrix_sync(C, acc[0], 16, wmma::mem_row_major);
}
