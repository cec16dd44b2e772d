//===- depthwise_conv.hip - depthwise 2-D convolution (HIP) -----*- C++ -*-===//
//
// y[n, oh, ow, c] = sum_{kh, kw} x[n, oh*s + kh, ow*s + kw, c] w[kh, kw, c]
//   x [N, H, W, C], w [KH, KW, C], y [N, OH, OW, C], fp32,
//   OH = (H - KH) / s + 1, OW = (W - KW) / s + 1, no padding, no bias.
//
// One thread per output element, c fastest: the 64 lanes of a CDNA
// wavefront read 64 consecutive channels of each input pixel and of each
// filter tap (coalesced) and store 64 consecutive outputs. Grid-stride loop
// over the N*OH*OW*C outputs. Any shapes with H >= KH, W >= KW, stride >= 1
// and fewer than 2^31 outputs.
//
// extern "C" void depthwise_conv(const float *x, const float *w, float *y,
//                                int N, int H, int W, int C, int KH, int KW,
//                                int stride);
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
depthwise_conv_kernel(const float *__restrict__ x, const float *__restrict__ w,
                      float *__restrict__ y, int N, int H, int W, int C,
                      int KH, int KW, int stride, int OH, int OW) {
  const int total = N * OH * OW * C;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += gridDim.x * blockDim.x) {
    const int c = i % C;
    const int ow = (i / C) % OW;
    const int oh = (i / (C * OW)) % OH;
    const int n = i / (C * OW * OH);
    float acc = 0.0f;
    for (int kh = 0; kh < KH; ++kh)
      for (int kw = 0; kw < KW; ++kw)
        acc = fmaf(x[((size_t(n) * H + oh * stride + kh) * W + ow * stride +
                      kw) * C + c],
                   w[(kh * KW + kw) * C + c], acc);
    y[i] = acc;
  }
}

extern "C" void depthwise_conv(const float *x, const float *w, float *y,
                               int N, int H, int W, int C, int KH, int KW,
                               int stride) {
  if (N <= 0 || C <= 0 || H < KH || W < KW || KH <= 0 || KW <= 0 ||
      stride <= 0)
    return;
  const int OH = (H - KH) / stride + 1;
  const int OW = (W - KW) / stride + 1;
  const size_t xBytes = size_t(N) * H * W * C * sizeof(float);
  const size_t wBytes = size_t(KH) * KW * C * sizeof(float);
  const size_t yBytes = size_t(N) * OH * OW * C * sizeof(float);
  float *d_x, *d_w, *d_y;
  HIP_CHECK(hipMalloc(&d_x, xBytes));
  HIP_CHECK(hipMalloc(&d_w, wBytes));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_w, w, wBytes, hipMemcpyHostToDevice));

  const int total = N * OH * OW * C;
  int blocks = (total + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  hipLaunchKernelGGL(depthwise_conv_kernel, dim3(blocks), dim3(kBlock), 0, 0,
                     d_x, d_w, d_y, N, H, W, C, KH, KW, stride, OH, OW);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_w));
  HIP_CHECK(hipFree(d_y));
}
