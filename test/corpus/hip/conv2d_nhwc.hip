//===- conv2d_nhwc.hip - 2-D convolution, NHWC (HIP, AMD CDNA) --*- C++ -*-===//
//
// y[n, oh, ow, f] = sum_{kh, kw, c} x[n, oh*s + kh, ow*s + kw, c]
//                                   w[f, kh, kw, c]
//   x [N, H, W, C], w [F, KH, KW, C], y [N, OH, OW, F], fp32,
//   OH = (H - KH) / s + 1, OW = (W - KW) / s + 1, no padding, no bias.
//
// One thread per output element, f fastest (the layout of y): the lanes of a
// wavefront share one output pixel, so they read the same x values (a
// broadcast) and each walks its own filter w[f] along the contiguous
// (kh, kw, c) axis; the stores to y are coalesced. Grid-stride loop over the
// N*OH*OW*F outputs. Any shapes with H >= KH, W >= KW, stride >= 1 and fewer
// than 2^31 outputs.
//
// extern "C" void conv2d_nhwc(const float *x, const float *w, float *y,
//                             int N, int H, int W, int C, int F, int KH,
//                             int KW, int stride);
//
//===----------------------------------------------------------------------===//

#include <hip/hip_runtime.h>

#include <cstdio>
#include <cstdlib>

#define HIP_CHECK(expr)                                                        \
  do {                                                                         \
    hipError_t err_ = (expr);                                                  \
    if (err_ != hipSuccess) {                                                  \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #expr,       \
                   hipGetErrorString(err_));                                   \
      std::exit(EXIT_FAILURE);                                                 \
    }                                                                          \
  } while (0)

constexpr int kBlock = 256;      // 4 wavefronts of 64 lanes
constexpr int kMaxBlocks = 4096; // grid cap; the loop covers the rest

__global__ void __launch_bounds__(kBlock)
conv2d_nhwc_kernel(const float *__restrict__ x, const float *__restrict__ w,
                   float *__restrict__ y, int N, int H, int W, int C, int F,
                   int KH, int KW, int stride, int OH, int OW) {
  const int total = N * OH * OW * F;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += gridDim.x * blockDim.x) {
    const int f = i % F;
    const int ow = (i / F) % OW;
    const int oh = (i / (F * OW)) % OH;
    const int n = i / (F * OW * OH);
    const float *wf = w + size_t(f) * KH * KW * C;
    float acc = 0.0f;
    for (int kh = 0; kh < KH; ++kh) {
      for (int kw = 0; kw < KW; ++kw) {
        const float *px =
            x + ((size_t(n) * H + oh * stride + kh) * W + ow * stride + kw) * C;
        const float *pw = wf + (kh * KW + kw) * C;
        for (int c = 0; c < C; ++c)
          acc = fmaf(px[c], pw[c], acc);
      }
    }
    y[i] = acc;
  }
}

extern "C" void conv2d_nhwc(const float *x, const float *w, float *y, int N,
                            int H, int W, int C, int F, int KH, int KW,
                            int stride) {
  if (N <= 0 || F <= 0 || H < KH || W < KW || KH <= 0 || KW <= 0 ||
      stride <= 0)
    return;
  const int OH = (H - KH) / stride + 1;
  const int OW = (W - KW) / stride + 1;
  const size_t xBytes = size_t(N) * H * W * C * sizeof(float);
  const size_t wBytes = size_t(F) * KH * KW * C * sizeof(float);
  const size_t yBytes = size_t(N) * OH * OW * F * sizeof(float);
  float *d_x, *d_w, *d_y;
  HIP_CHECK(hipMalloc(&d_x, xBytes));
  HIP_CHECK(hipMalloc(&d_w, wBytes));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_w, w, wBytes, hipMemcpyHostToDevice));

  const int total = N * OH * OW * F;
  int blocks = (total + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  hipLaunchKernelGGL(conv2d_nhwc_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_x,
                     d_w, d_y, N, H, W, C, F, KH, KW, stride, OH, OW);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_w));
  HIP_CHECK(hipFree(d_y));
}
