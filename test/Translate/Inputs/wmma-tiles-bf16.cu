// wmma-tiles.cu with bf16 multiplicands (f32 accumulators): CUDA -> HIP
// maps them to mfma_f32_16x16x16bf16_1k (gfx90a and later), whose builtin
// takes the bf16 bits as shorts.
#include <cuda_bf16.h>
#include <cuda_runtime.h>
#include <mma.h>

using namespace nvcuda;

// Warp w: D[w] = A[w] B^T + C[w], A[w] row-major, B^T column-major (B
// stored [n][k]), C[w] row-major, D[w] column-major; each tile 16x16.
__global__ void __launch_bounds__(64)
    scaled_tiles(const __nv_bfloat16 *A, const __nv_bfloat16 *B, const float *C,
                 float *D) {
  __shared__ __nv_bfloat16 Bs[16][24];
  int warp = threadIdx.x / 32;
  for (int e = threadIdx.x; e < 256; e += 64)
    Bs[e / 16][e % 16] = B[e];
  __syncthreads();
  wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> a;
  wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::col_major> b;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> c;
  wmma::load_matrix_sync(a, A + warp * 256, 16);
  wmma::load_matrix_sync(b, &Bs[0][0], 24);
  wmma::load_matrix_sync(c, C + warp * 256, 16, wmma::mem_row_major);
  wmma::mma_sync(c, a, b, c);
  wmma::store_matrix_sync(D + warp * 256, c, 16, wmma::mem_col_major);
}

// Blocks of 32x2 threads, warp y: E[:, 16y:16y+16] = A[:, 16y:16y+16] B +
// 0.5, A and E 16x32 row-major, B column-major from memory.
__global__ void bf16_tiles(const __nv_bfloat16 *A, const __nv_bfloat16 *B,
                           float *E) {
  int warp = threadIdx.y;
  wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> a;
  wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::col_major> b;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
  wmma::fill_fragment(acc, 0.5f);
  wmma::load_matrix_sync(a, A + 16 * warp, 32);
  wmma::load_matrix_sync(b, B, 16);
  wmma::mma_sync(acc, a, b, acc);
  wmma::store_matrix_sync(E + 16 * warp, acc, 32, wmma::mem_row_major);
}

extern "C" void tiles(const __nv_bfloat16 *A, const __nv_bfloat16 *B,
                      const float *C, float *D, float *E) {
  __nv_bfloat16 *dA, *dB;
  float *dC, *dD, *dE;
  cudaMalloc(&dA, 512 * sizeof(__nv_bfloat16));
  cudaMalloc(&dB, 256 * sizeof(__nv_bfloat16));
  cudaMalloc(&dC, 512 * sizeof(float));
  cudaMalloc(&dD, 512 * sizeof(float));
  cudaMalloc(&dE, 512 * sizeof(float));
  cudaMemcpy(dA, A, 512 * sizeof(__nv_bfloat16), cudaMemcpyHostToDevice);
  cudaMemcpy(dB, B, 256 * sizeof(__nv_bfloat16), cudaMemcpyHostToDevice);
  cudaMemcpy(dC, C, 512 * sizeof(float), cudaMemcpyHostToDevice);
  scaled_tiles<<<1, 64>>>(dA, dB, dC, dD);
  bf16_tiles<<<1, dim3(32, 2)>>>(dA, dB, dE);
  cudaMemcpy(D, dD, 512 * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(E, dE, 512 * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dA);
  cudaFree(dB);
  cudaFree(dC);
  cudaFree(dD);
  cudaFree(dE);
}
