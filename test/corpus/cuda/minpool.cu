//===- minpool.cu - min pooling, NHWC (CUDA) -------------------*- CUDA -*-===//
//
// y[n, oh, ow, c] = the minimum of x[n, oh*s + i, ow*s + j, c] over the
// KH x KW window (0 <= i < KH, 0 <= j < KW), with x[N, H, W, C],
// y[N, OH, OW, C], OH = (H - KH) / s + 1, OW = (W - KW) / s + 1, no
// padding, fp32.
//
// One thread per output element, channel fastest: a warp covers 32
// consecutive channels of a pixel, so every read of the window loop and the
// write are contiguous, coalesced runs in NHWC. A grid-stride loop covers
// any shape.
//
// extern "C" void minpool(const float *x, float *y, int N, int H, int W, int C,
//                         int KH, int KW, int stride);
//
//===----------------------------------------------------------------------===//

#include <algorithm>
#include <cmath>
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

#define THREADS 256

__global__ void __launch_bounds__(THREADS)
minpool_kernel(const float *__restrict__ x, float *__restrict__ y, int H,
               int W, int C, int KH, int KW, int stride, int OH, int OW,
               int total) {
  for (int e = blockIdx.x * blockDim.x + threadIdx.x; e < total;
       e += gridDim.x * blockDim.x) {
    int c = e % C, t = e / C;
    int ow = t % OW;
    t /= OW;
    int oh = t % OH, n = t / OH;
    const float *xp =
        x + ((size_t(n) * H + oh * stride) * W + ow * stride) * C + c;
    float acc = INFINITY;
    for (int i = 0; i < KH; ++i)
      for (int j = 0; j < KW; ++j) {
        float v = xp[(size_t(i) * W + j) * C];
        acc = fminf(acc, v);
      }
    y[e] = acc;
  }
}

extern "C" void minpool(const float *x, float *y, int N, int H, int W, int C,
                        int KH, int KW, int stride) {
  if (N <= 0 || C <= 0 || KH <= 0 || KW <= 0 || KH > H || KW > W ||
      stride <= 0)
    return;
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  const int total = N * OH * OW * C;
  size_t x_bytes = size_t(N) * H * W * C * sizeof(float);
  size_t y_bytes = size_t(total) * sizeof(float);
  float *dx, *dy;
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  int blocks = std::min((total + THREADS - 1) / THREADS, 65535);
  minpool_kernel<<<blocks, THREADS>>>(dx, dy, H, W, C, KH, KW, stride, OH, OW,
                                     total);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dy));
}
