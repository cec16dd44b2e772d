//===- conv2d_nchw.cu - 2-D convolution, NCHW, tiled (CUDA) ----*- CUDA -*-===//
//
// y[n, f, oh, ow] = sum_{c, i, j} x[n, c, oh*s + i, ow*s + j] · w[f, c, i, j]
// with x[N, C, H, W], w[F, C, KH, KW], y[N, F, OH, OW],
// OH = (H - KH) / s + 1, OW = (W - KW) / s + 1, no padding, fp32.
//
// A 16x16 block computes a 16x16 tile of output pixels for 4 filters
// (grid: OW tiles, OH tiles, N x filter groups). For each input channel it
// stages in dynamic shared memory the input patch the tile reads,
// ((16-1)*s + KH) x ((16-1)*s + KW) values (coalesced along W, zero past
// the image), and the 4 filters' KH x KW slices, then every thread
// accumulates its pixel for the 4 filters from shared memory: each input
// value is fetched from global memory once per block instead of up to
// KH*KW*4 times. Any shape works; precondition: the staged patch fits the
// 48 KiB of shared memory, ((15*s + KH) * (15*s + KW) + 4*KH*KW) * 4 bytes.
//
// extern "C" void conv2d_nchw(const float *x, const float *w, float *y,
//                             int N, int C, int H, int W, int F, int KH,
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

#define TILE 16           // output tile edge; the block is TILE x TILE
#define FPB 4             // filters per block

__global__ void __launch_bounds__(TILE * TILE)
conv2d_nchw_kernel(const float *__restrict__ x, const float *__restrict__ w,
                   float *__restrict__ y, int C, int H, int W, int F, int KH,
                   int KW, int stride, int OH, int OW, int filter_groups) {
  extern __shared__ float smem[];
  const int PH = (TILE - 1) * stride + KH; // staged patch height
  const int PW = (TILE - 1) * stride + KW; // staged patch width
  float *patch = smem;                     // [PH][PW]
  float *filt = smem + PH * PW;            // [FPB][KH][KW]

  const int n = blockIdx.z / filter_groups;
  const int f0 = (blockIdx.z % filter_groups) * FPB;
  const int oh0 = blockIdx.y * TILE, ow0 = blockIdx.x * TILE;
  const int ih0 = oh0 * stride, iw0 = ow0 * stride;
  const int tid = threadIdx.y * TILE + threadIdx.x;
  const int oh = oh0 + threadIdx.y, ow = ow0 + threadIdx.x;

  float acc[FPB];
  for (int q = 0; q < FPB; ++q)
    acc[q] = 0.0f;

  for (int c = 0; c < C; ++c) {
    const float *xc = x + (size_t(n) * C + c) * H * W;
    for (int e = tid; e < PH * PW; e += TILE * TILE) {
      int r = e / PW, s = e % PW;
      int ih = ih0 + r, iw = iw0 + s;
      patch[e] = (ih < H && iw < W) ? xc[size_t(ih) * W + iw] : 0.0f;
    }
    for (int e = tid; e < FPB * KH * KW; e += TILE * TILE) {
      int q = e / (KH * KW), ij = e % (KH * KW);
      filt[e] = f0 + q < F ? w[(size_t(f0 + q) * C + c) * KH * KW + ij] : 0.0f;
    }
    __syncthreads();

    const float *p = patch + threadIdx.y * stride * PW + threadIdx.x * stride;
    for (int i = 0; i < KH; ++i)
      for (int j = 0; j < KW; ++j) {
        float v = p[i * PW + j];
        for (int q = 0; q < FPB; ++q)
          acc[q] += v * filt[(q * KH + i) * KW + j];
      }
    __syncthreads(); // the patch is overwritten for the next channel
  }

  if (oh < OH && ow < OW)
    for (int q = 0; q < FPB; ++q)
      if (f0 + q < F)
        y[((size_t(n) * F + f0 + q) * OH + oh) * OW + ow] = acc[q];
}

extern "C" void conv2d_nchw(const float *x, const float *w, float *y, int N,
                            int C, int H, int W, int F, int KH, int KW,
                            int stride) {
  if (N <= 0 || C <= 0 || F <= 0 || KH <= 0 || KW <= 0 || KH > H || KW > W ||
      stride <= 0)
    return;
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  size_t x_bytes = size_t(N) * C * H * W * sizeof(float);
  size_t w_bytes = size_t(F) * C * KH * KW * sizeof(float);
  size_t y_bytes = size_t(N) * F * OH * OW * sizeof(float);
  float *dx, *dw, *dy;
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dw, w_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dw, w, w_bytes, cudaMemcpyHostToDevice));
  const int filter_groups = (F + FPB - 1) / FPB;
  const int PH = (TILE - 1) * stride + KH, PW = (TILE - 1) * stride + KW;
  size_t shared_bytes = (size_t(PH) * PW + FPB * KH * KW) * sizeof(float);
  dim3 grid((OW + TILE - 1) / TILE, (OH + TILE - 1) / TILE, N * filter_groups);
  dim3 block(TILE, TILE);
  conv2d_nchw_kernel<<<grid, block, shared_bytes>>>(
      dx, dw, dy, C, H, W, F, KH, KW, stride, OH, OW, filter_groups);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dw));
  CUDA_CHECK(cudaFree(dy));
}
