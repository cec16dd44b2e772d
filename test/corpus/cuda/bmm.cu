//===- bmm.cu - batched matrix product on tensor cores (wmma) --*- CUDA -*-===//
//
// C[b] = A[b] · B[b] for b < batch, with A[batch, M, K], B[batch, K, N] and
// C[batch, M, N] contiguous and row-major: half inputs and fp32 accumulation
// on the tensor cores (nvcuda::wmma, 16x16x16 fragments).
//
// Signature (deviates from the default: tensor-core products take half):
//   extern "C" void bmm(const __half *A, const __half *B, float *C,
//                       int batch, int M, int N, int K);
// Any M, N, K (no multiple-of-16 precondition): tiles are staged through
// shared memory with zero fill past the edges, and the result goes back
// through shared memory with bounds checks.
//
// blockIdx.z selects the batch. A block of 4 warps computes a 64x64 tile of
// C[b]; each warp owns a 32x32
// sub-tile (2x2 accumulator fragments). Per step of 32 along K the block
// copies a 64x32 tile of A and a 32x64 tile of B into shared memory
// (coalesced: consecutive threads take consecutive columns), then each warp
// runs 2 k-substeps of 2x2 mma_sync. Rows of the shared tiles are padded by
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
#define LDB_S (BN + 8)
#define LDC_S (BN + 4)

__global__ void __launch_bounds__(THREADS)
bmm_kernel(const __half *__restrict__ A, const __half *__restrict__ B,
           float *__restrict__ C, int M, int N, int K) {
  __shared__ __align__(32) __half As[BM][LDA_S];
  __shared__ __align__(32) __half Bs[BK][LDB_S];
  __shared__ __align__(32) float Cs[BM][LDC_S];

  const int tid = threadIdx.x;
  const int warp = tid / 32;
  const int warp_row = warp / (BN / WN); // 0..1
  const int warp_col = warp % (BN / WN); // 0..1
  A += size_t(blockIdx.z) * M * K;
  B += size_t(blockIdx.z) * K * N;
  C += size_t(blockIdx.z) * M * N;
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
      As[r][c] = (gr < M && gc < K) ? A[size_t(gr) * K + gc] : zero;
    }
    for (int e = tid; e < BK * BN; e += THREADS) {
      int r = e / BN, c = e % BN;
      int gr = k0 + r, gc = col0 + c;
      Bs[r][c] = (gr < K && gc < N) ? B[size_t(gr) * N + gc] : zero;
    }
    __syncthreads();

    for (int kk = 0; kk < BK; kk += WMMA_DIM) {
      wmma::fragment<wmma::matrix_a, WMMA_DIM, WMMA_DIM, WMMA_DIM, __half,
                     wmma::row_major>
          a[WM / WMMA_DIM];
      wmma::fragment<wmma::matrix_b, WMMA_DIM, WMMA_DIM, WMMA_DIM, __half,
                     wmma::row_major>
          b[WN / WMMA_DIM];
      for (int i = 0; i < WM / WMMA_DIM; ++i)
        wmma::load_matrix_sync(a[i], &As[warp_row * WM + i * WMMA_DIM][kk],
                               LDA_S);
      for (int j = 0; j < WN / WMMA_DIM; ++j)
        wmma::load_matrix_sync(b[j], &Bs[kk][warp_col * WN + j * WMMA_DIM],
                               LDB_S);
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
      C[size_t(gr) * N + gc] = Cs[r][c];
  }
}

extern "C" void bmm(const __half *A, const __half *B, float *C, int batch,
                    int M, int N, int K) {
  if (batch <= 0 || M <= 0 || N <= 0 || K <= 0)
    return;
  size_t a_bytes = size_t(batch) * M * K * sizeof(__half);
  size_t b_bytes = size_t(batch) * K * N * sizeof(__half);
  size_t c_bytes = size_t(batch) * M * N * sizeof(float);
  __half *dA, *dB;
  float *dC;
  CUDA_CHECK(cudaMalloc(&dA, a_bytes));
  CUDA_CHECK(cudaMalloc(&dB, b_bytes));
  CUDA_CHECK(cudaMalloc(&dC, c_bytes));
  CUDA_CHECK(cudaMemcpy(dA, A, a_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dB, B, b_bytes, cudaMemcpyHostToDevice));
  dim3 grid((N + BN - 1) / BN, (M + BM - 1) / BM, batch);
  bmm_kernel<<<grid, THREADS>>>(dA, dB, dC, M, N, K);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(C, dC, c_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dB));
  CUDA_CHECK(cudaFree(dC));
}
