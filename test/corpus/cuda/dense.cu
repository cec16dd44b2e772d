//===- dense.cu - fully connected layer, tensor cores (wmma) ---*- CUDA -*-===//
//
// y[M, N] = x[M, K] · W[N, K]^T + bias[N], row-major, with half x and W,
// fp32 bias and output, and fp32 accumulation on the tensor cores
// (nvcuda::wmma, 16x16x16 fragments).
//
// Signature (deviates from the default: tensor-core products take half):
//   extern "C" void dense(const __half *x, const __half *W, const float *bias,
//                         float *y, int M, int N, int K);
// Any M, N, K (no multiple-of-16 precondition): tiles are staged through
// shared memory with zero fill past the edges, and the result goes back
// through shared memory with bounds checks.
//
// A block of 4 warps computes a 64x64 tile of y; each warp owns a 32x32
// sub-tile (2x2 accumulator fragments). Per step of 32 along K the block
// copies a 64x32 tile of x and a 64x32 tile of W (both K-contiguous, so
// consecutive threads read consecutive k: coalesced) into shared memory.
// W's tile, stored [n][k], is W^T in column-major order, so it loads as a
// col_major matrix_b fragment with no transpose. The bias is added in the
// epilogue. Rows of the shared tiles are padded by
// 8 halves to spread banks while keeping every fragment pointer 32-byte
// aligned and every leading dimension a multiple of 8 halves.
//
//===----------------------------------------------------------------------===//

#include <cuda_fp16.h>
#include <mma.h>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                       \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,       \
                   cudaGetErrorString(err_));                                  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

using namespace nvcuda;

#define BM 64        // block tile rows (of C)
#define BN 64        // block tile columns
#define BK 32        // block tile depth
#define WM 32        // warp tile rows
#define WN 32        // warp tile columns
#define WMMA_DIM 16  // fragment edge
#define THREADS 128  // 4 warps in a 2x2 grid
#define LDA_S (BK + 8)
#define LDW_S (BK + 8)
#define LDC_S (BN + 4)

__global__ void __launch_bounds__(THREADS)
dense_kernel(const __half *__restrict__ x, const __half *__restrict__ W,
             const float *__restrict__ bias, float *__restrict__ y, int M,
             int N, int K) {
  __shared__ __align__(32) __half Xs[BM][LDA_S];
  __shared__ __align__(32) __half Ws[BN][LDW_S];
  __shared__ __align__(32) float Cs[BM][LDC_S];

  const int tid = threadIdx.x;
  const int warp = tid / 32;
  const int warp_row = warp / (BN / WN); // 0..1
  const int warp_col = warp % (BN / WN); // 0..1
  const int row0 = blockIdx.y * BM;
  const int col0 = blockIdx.x * BN;

  wmma::fragment<wmma::accumulator, WMMA_DIM, WMMA_DIM, WMMA_DIM, float>
      acc[WM / WMMA_DIM][WN / WMMA_DIM];
  for (int i = 0; i < WM / WMMA_DIM; ++i)
    for (int j = 0; j < WN / WMMA_DIM; ++j)
      wmma::fill_fragment(acc[i][j], 0.0f);

  const __half zero = __float2half(0.0f);
  for (int k0 = 0; k0 < K; k0 += BK) {
    for (int e = tid; e < BM * BK; e += THREADS) {
      int r = e / BK, c = e % BK;
      int gr = row0 + r, gc = k0 + c;
      Xs[r][c] = (gr < M && gc < K) ? x[size_t(gr) * K + gc] : zero;
    }
    for (int e = tid; e < BN * BK; e += THREADS) {
      int r = e / BK, c = e % BK;
      int gr = col0 + r, gc = k0 + c;
      Ws[r][c] = (gr < N && gc < K) ? W[size_t(gr) * K + gc] : zero;
    }
    __syncthreads();

    for (int kk = 0; kk < BK; kk += WMMA_DIM) {
      wmma::fragment<wmma::matrix_a, WMMA_DIM, WMMA_DIM, WMMA_DIM, __half,
                     wmma::row_major>
          a[WM / WMMA_DIM];
      wmma::fragment<wmma::matrix_b, WMMA_DIM, WMMA_DIM, WMMA_DIM, __half,
                     wmma::col_major>
          b[WN / WMMA_DIM];
      for (int i = 0; i < WM / WMMA_DIM; ++i)
        wmma::load_matrix_sync(a[i], &Xs[warp_row * WM + i * WMMA_DIM][kk],
                               LDA_S);
      for (int j = 0; j < WN / WMMA_DIM; ++j)
        wmma::load_matrix_sync(b[j], &Ws[warp_col * WN + j * WMMA_DIM][kk],
                               LDW_S);
      for (int i = 0; i < WM / WMMA_DIM; ++i)
        for (int j = 0; j < WN / WMMA_DIM; ++j)
          wmma::mma_sync(acc[i][j], a[i], b[j], acc[i][j]);
    }
    __syncthreads(); // the tiles are overwritten by the next step
  }

  for (int i = 0; i < WM / WMMA_DIM; ++i)
    for (int j = 0; j < WN / WMMA_DIM; ++j)
      wmma::store_matrix_sync(&Cs[warp_row * WM + i * WMMA_DIM]
                                 [warp_col * WN + j * WMMA_DIM],
                              acc[i][j], LDC_S, wmma::mem_row_major);
  __syncthreads();

  for (int e = tid; e < BM * BN; e += THREADS) {
    int r = e / BN, c = e % BN;
    int gr = row0 + r, gc = col0 + c;
    if (gr < M && gc < N)
      y[size_t(gr) * N + gc] = Cs[r][c] + bias[gc];
  }
}

extern "C" void dense(const __half *x, const __half *W, const float *bias,
                      float *y, int M, int N, int K) {
  if (M <= 0 || N <= 0 || K <= 0)
    return;
  size_t x_bytes = size_t(M) * K * sizeof(__half);
  size_t w_bytes = size_t(N) * K * sizeof(__half);
  size_t bias_bytes = size_t(N) * sizeof(float);
  size_t y_bytes = size_t(M) * N * sizeof(float);
  __half *dx, *dW;
  float *dbias, *dy;
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dW, w_bytes));
  CUDA_CHECK(cudaMalloc(&dbias, bias_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dW, W, w_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dbias, bias, bias_bytes, cudaMemcpyHostToDevice));
  dim3 grid((N + BN - 1) / BN, (M + BM - 1) / BM);
  dense_kernel<<<grid, THREADS>>>(dx, dW, dbias, dy, M, N, K);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dW));
  CUDA_CHECK(cudaFree(dbias));
  CUDA_CHECK(cudaFree(dy));
}
