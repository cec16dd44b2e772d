//===- gatemlp.cu - gated MLP (SwiGLU) projection (CUDA) -------*- CUDA -*-===//
//
// y[M, N] = silu(x · Wg^T) ⊙ (x · Wu^T), x[M, K], Wg and Wu [N, K], all
// row-major fp32, silu(g) = g / (1 + e^-g). Both products share the x tile.
//
// A 256-thread block computes a 64x64 tile of y; each thread owns a 4x4
// grid of outputs (rows ty + 16i, columns tx + 16j, so that neighbouring
// threads write neighbouring columns) with one gate and one up accumulator
// each. Per step of 16 along K the block stages x, Wg and Wu tiles in shared
// memory, k-major (transposed while loading, reads coalesced along k), so
// that the inner loop reads one column of each tile: x values are
// broadcasts, weight values are consecutive words. Tiles past the edges are
// zero-filled and the epilogue is bounds-checked: any M, N, K works.
//
// extern "C" void gatemlp(const float *x, const float *Wg, const float *Wu,
//                         float *y, int M, int N, int K);
//
//===----------------------------------------------------------------------===//

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

#define BM 64
#define BN 64
#define BK 16
#define TM 4                 // outputs per thread along M
#define TN 4                 // outputs per thread along N
#define TY (BM / TM)         // 16 thread rows
#define TX (BN / TN)         // 16 thread columns
#define THREADS (TY * TX)    // 256
#define PAD 4

static_assert(BM == BN, "the tile loads share one loop over rows");

__global__ void __launch_bounds__(THREADS)
gatemlp_kernel(const float *__restrict__ x, const float *__restrict__ Wg,
               const float *__restrict__ Wu, float *__restrict__ y, int M,
               int N, int K) {
  __shared__ float Xs[BK][BM + PAD]; // Xs[k][m] = x[row0 + m, k0 + k]
  __shared__ float Gs[BK][BN + PAD]; // Gs[k][n] = Wg[col0 + n, k0 + k]
  __shared__ float Us[BK][BN + PAD]; // Us[k][n] = Wu[col0 + n, k0 + k]

  const int tid = threadIdx.x;
  const int tx = tid % TX, ty = tid / TX;
  const int row0 = blockIdx.y * BM, col0 = blockIdx.x * BN;

  float gate[TM][TN], up[TM][TN];
  for (int i = 0; i < TM; ++i)
    for (int j = 0; j < TN; ++j) {
      gate[i][j] = 0.0f;
      up[i][j] = 0.0f;
    }

  for (int k0 = 0; k0 < K; k0 += BK) {
    // BM * BK == BN * BK == 4 * THREADS: four elements of each tile per
    // thread; 16 consecutive threads read 16 consecutive k of one row.
    for (int e = tid; e < BM * BK; e += THREADS) {
      int r = e / BK, k = e % BK;
      int gk = k0 + k;
      int gm = row0 + r, gn = col0 + r;
      Xs[k][r] = (gm < M && gk < K) ? x[size_t(gm) * K + gk] : 0.0f;
      Gs[k][r] = (gn < N && gk < K) ? Wg[size_t(gn) * K + gk] : 0.0f;
      Us[k][r] = (gn < N && gk < K) ? Wu[size_t(gn) * K + gk] : 0.0f;
    }
    __syncthreads();

    for (int k = 0; k < BK; ++k) {
      float a[TM], g[TN], u[TN];
      for (int i = 0; i < TM; ++i)
        a[i] = Xs[k][ty + i * TY];
      for (int j = 0; j < TN; ++j) {
        g[j] = Gs[k][tx + j * TX];
        u[j] = Us[k][tx + j * TX];
      }
      for (int i = 0; i < TM; ++i)
        for (int j = 0; j < TN; ++j) {
          gate[i][j] += a[i] * g[j];
          up[i][j] += a[i] * u[j];
        }
    }
    __syncthreads(); // the tiles are overwritten by the next step
  }

  for (int i = 0; i < TM; ++i)
    for (int j = 0; j < TN; ++j) {
      int m = row0 + ty + i * TY, n = col0 + tx + j * TX;
      if (m < M && n < N) {
        float g = gate[i][j];
        y[size_t(m) * N + n] = g / (1.0f + expf(-g)) * up[i][j];
      }
    }
}

extern "C" void gatemlp(const float *x, const float *Wg, const float *Wu,
                        float *y, int M, int N, int K) {
  if (M <= 0 || N <= 0 || K <= 0)
    return;
  size_t x_bytes = size_t(M) * K * sizeof(float);
  size_t w_bytes = size_t(N) * K * sizeof(float);
  size_t y_bytes = size_t(M) * N * sizeof(float);
  float *dx, *dWg, *dWu, *dy;
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dWg, w_bytes));
  CUDA_CHECK(cudaMalloc(&dWu, w_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dWg, Wg, w_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dWu, Wu, w_bytes, cudaMemcpyHostToDevice));
  dim3 grid((N + BN - 1) / BN, (M + BM - 1) / BM);
  gatemlp_kernel<<<grid, THREADS>>>(dx, dWg, dWu, dy, M, N, K);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dWg));
  CUDA_CHECK(cudaFree(dWu));
  CUDA_CHECK(cudaFree(dy));
}
