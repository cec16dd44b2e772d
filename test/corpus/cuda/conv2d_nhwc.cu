//===- conv2d_nhwc.cu - NHWC convolution as implicit GEMM ------*- CUDA -*-===//
//
// y[n, oh, ow, f] = sum_{i, j, c} x[n, oh*s + i, ow*s + j, c] · w[f, i, j, c]
// with x[N, H, W, C], w[F, KH, KW, C], y[N, OH, OW, F],
// OH = (H - KH) / s + 1, OW = (W - KW) / s + 1, no padding, fp32.
//
// Implicit GEMM: y viewed as [P = N*OH*OW, F] is A[P, R] · w[F, R]^T with
// R = KH*KW*C, where row p of A is the receptive field of output pixel p
// (gathered from x on the fly, contiguous over c) and w is already [F, R].
// A 256-thread block computes a 64-pixel x 64-filter tile; each thread owns
// 4x4 outputs (pixels ty + 16i, filters tx + 16j: neighbouring threads
// write neighbouring filters of a pixel, coalesced in NHWC). Per step of 16
// along R the block stages both tiles in shared memory, r-major, reading
// global memory along r (= along c). Edges are zero-filled / bounds-checked:
// any shape works.
//
// extern "C" void conv2d_nhwc(const float *x, const float *w, float *y,
//                             int N, int H, int W, int C, int F, int KH,
//                             int KW, int stride);
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

#define BM 64                // output pixels per block
#define BN 64                // filters per block
#define BK 16                // reduction step
#define TM 4
#define TN 4
#define TY (BM / TM)
#define TX (BN / TN)
#define THREADS (TY * TX)    // 256
#define PAD 4

__global__ void __launch_bounds__(THREADS)
conv2d_nhwc_kernel(const float *__restrict__ x, const float *__restrict__ w,
                   float *__restrict__ y, int H, int W, int C, int F, int KW,
                   int stride, int OH, int OW, int P, int R) {
  __shared__ float As[BK][BM + PAD]; // As[r][p]: receptive fields
  __shared__ float Bs[BK][BN + PAD]; // Bs[r][f] = w[f, r]

  const int tid = threadIdx.x;
  const int tx = tid % TX, ty = tid / TX;
  const int p0 = blockIdx.x * BM, f0 = blockIdx.y * BN;

  float acc[TM][TN];
  for (int i = 0; i < TM; ++i)
    for (int j = 0; j < TN; ++j)
      acc[i][j] = 0.0f;

  for (int r0 = 0; r0 < R; r0 += BK) {
    for (int e = tid; e < BM * BK; e += THREADS) {
      int row = e / BK, k = e % BK;
      int p = p0 + row, r = r0 + k;
      float v = 0.0f;
      if (p < P && r < R) {
        int ow = p % OW, t = p / OW;
        int oh = t % OH, n = t / OH;
        int c = r % C, ij = r / C;
        int j = ij % KW, i = ij / KW;
        v = x[((size_t(n) * H + oh * stride + i) * W + ow * stride + j) * C +
              c];
      }
      As[k][row] = v;
    }
    for (int e = tid; e < BN * BK; e += THREADS) {
      int row = e / BK, k = e % BK;
      int f = f0 + row, r = r0 + k;
      Bs[k][row] = (f < F && r < R) ? w[size_t(f) * R + r] : 0.0f;
    }
    __syncthreads();

    for (int k = 0; k < BK; ++k) {
      float a[TM], b[TN];
      for (int i = 0; i < TM; ++i)
        a[i] = As[k][ty + i * TY];
      for (int j = 0; j < TN; ++j)
        b[j] = Bs[k][tx + j * TX];
      for (int i = 0; i < TM; ++i)
        for (int j = 0; j < TN; ++j)
          acc[i][j] += a[i] * b[j];
    }
    __syncthreads(); // the tiles are overwritten by the next step
  }

  for (int i = 0; i < TM; ++i)
    for (int j = 0; j < TN; ++j) {
      int p = p0 + ty + i * TY, f = f0 + tx + j * TX;
      if (p < P && f < F)
        y[size_t(p) * F + f] = acc[i][j]; // y[n, oh, ow, f] is [P, F]
    }
}

extern "C" void conv2d_nhwc(const float *x, const float *w, float *y, int N,
                            int H, int W, int C, int F, int KH, int KW,
                            int stride) {
  if (N <= 0 || C <= 0 || F <= 0 || KH <= 0 || KW <= 0 || KH > H || KW > W ||
      stride <= 0)
    return;
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  const int P = N * OH * OW, R = KH * KW * C;
  size_t x_bytes = size_t(N) * H * W * C * sizeof(float);
  size_t w_bytes = size_t(F) * R * sizeof(float);
  size_t y_bytes = size_t(P) * F * sizeof(float);
  float *dx, *dw, *dy;
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dw, w_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dw, w, w_bytes, cudaMemcpyHostToDevice));
  dim3 grid((P + BM - 1) / BM, (F + BN - 1) / BN);
  conv2d_nhwc_kernel<<<grid, THREADS>>>(dx, dw, dy, H, W, C, F, KW, stride,
                                        OH, OW, P, R);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dw));
  CUDA_CHECK(cudaFree(dy));
}
