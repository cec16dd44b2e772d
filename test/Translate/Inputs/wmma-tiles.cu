// Tensor-core code in the forms CUDA -> HIP maps to mfma: row- and
// column-major matrix_a/matrix_b fragments, accumulators loaded and stored
// in either memory layout, f16 and f32 accumulators, one- and two-dimensional
// blocks, shared and global tiles. Two warps per block: each is one half of a
// 64-lane wavefront.
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <mma.h>

using namespace nvcuda;

// Warp w: D[w] = A[w] B^T + C[w], A[w] row-major, B^T column-major (B
// stored [n][k]), C[w] row-major, D[w] column-major; each tile 16x16.
__global__ void __launch_bounds__(64)
    scaled_tiles(const __half *A, const __half *B, const float *C, float *D) {
  __shared__ __half Bs[16][24];
  int warp = threadIdx.x / 32;
  for (int e = threadIdx.x; e < 256; e += 64)
    Bs[e / 16][e % 16] = B[e];
  __syncthreads();
  wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a;
  wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> b;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> c;
  wmma::load_matrix_sync(a, A + warp * 256, 16);
  wmma::load_matrix_sync(b, &Bs[0][0], 24);
  wmma::load_matrix_sync(c, C + warp * 256, 16, wmma::mem_row_major);
  wmma::mma_sync(c, a, b, c);
  wmma::store_matrix_sync(D + warp * 256, c, 16, wmma::mem_col_major);
}

// Blocks of 32x2 threads, warp y: E[:, 16y:16y+16] = A[:, 16y:16y+16] B in
// half precision, A and E 16x32 row-major, B column-major from memory.
__global__ void half_tiles(const __half *A, const __half *B, __half *E) {
  int warp = threadIdx.y;
  wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> a;
  wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::col_major> b;
  wmma::fragment<wmma::accumulator, 16, 16, 16, __half> acc;
  wmma::fill_fragment(acc, __float2half(0.5f));
  wmma::load_matrix_sync(a, A + 16 * warp, 32);
  wmma::load_matrix_sync(b, B, 16);
  wmma::mma_sync(acc, a, b, acc);
  wmma::store_matrix_sync(E + 16 * warp, acc, 32, wmma::mem_row_major);
}

extern "C" void tiles(const __half *A, const __half *B, const float *C,
                      float *D, __half *E) {
  __half *dA, *dB, *dE;
  float *dC, *dD;
  cudaMalloc(&dA, 512 * sizeof(__half));
  cudaMalloc(&dB, 256 * sizeof(__half));
  cudaMalloc(&dC, 512 * sizeof(float));
  cudaMalloc(&dD, 512 * sizeof(float));
  cudaMalloc(&dE, 512 * sizeof(__half));
  cudaMemcpy(dA, A, 512 * sizeof(__half), cudaMemcpyHostToDevice);
  cudaMemcpy(dB, B, 256 * sizeof(__half), cudaMemcpyHostToDevice);
  cudaMemcpy(dC, C, 512 * sizeof(float), cudaMemcpyHostToDevice);
  scaled_tiles<<<1, 64>>>(dA, dB, dC, dD);
  half_tiles<<<1, dim3(32, 2)>>>(dA, dB, dE);
  cudaMemcpy(D, dD, 512 * sizeof(float), cudaMemcpyDeviceToHost);
  cudaMemcpy(E, dE, 512 * sizeof(__half), cudaMemcpyDeviceToHost);
  cudaFree(dA);
  cudaFree(dB);
  cudaFree(dC);
  cudaFree(dD);
  cudaFree(dE);
}
