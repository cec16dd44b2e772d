//===- conv1d.hip - 1-D convolution, NCL (HIP, AMD CDNA) --------*- C++ -*-===//
//
// y[n, f, o] = sum_{c, k} x[n, c, o*stride + k] w[f, c, k]
//   x [N, C, L], w [F, C, KW], y [N, F, OL], OL = (L - KW) / stride + 1,
//   fp32, no padding, no bias.
//
// One thread per output element, o fastest: a wavefront covers 64 consecutive
// outputs of one (n, f) row, so its reads of x are (strided) runs along L and
// its reads of w are the same address in every lane (a broadcast). Grid-stride
// loop over the N*F*OL outputs. Any shapes with L >= KW >= 1, stride >= 1 and
// fewer than 2^31 outputs.
//
// extern "C" void conv1d(const float *x, const float *w, float *y, int N,
//                        int C, int L, int F, int KW, int stride);
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
conv1d_kernel(const float *__restrict__ x, const float *__restrict__ w,
              float *__restrict__ y, int N, int C, int L, int F, int KW,
              int stride, int OL) {
  const int total = N * F * OL;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += gridDim.x * blockDim.x) {
    const int o = i % OL;
    const int f = (i / OL) % F;
    const int n = i / (OL * F);
    const float *xn = x + size_t(n) * C * L + size_t(o) * stride;
    const float *wf = w + size_t(f) * C * KW;
    float acc = 0.0f;
    for (int c = 0; c < C; ++c)
      for (int k = 0; k < KW; ++k)
        acc = fmaf(xn[size_t(c) * L + k], wf[c * KW + k], acc);
    y[i] = acc;
  }
}

extern "C" void conv1d(const float *x, const float *w, float *y, int N, int C,
                       int L, int F, int KW, int stride) {
  if (N <= 0 || F <= 0 || L < KW || KW <= 0 || stride <= 0)
    return;
  const int OL = (L - KW) / stride + 1;
  const size_t xBytes = size_t(N) * C * L * sizeof(float);
  const size_t wBytes = size_t(F) * C * KW * sizeof(float);
  const size_t yBytes = size_t(N) * F * OL * sizeof(float);
  float *d_x, *d_w, *d_y;
  HIP_CHECK(hipMalloc(&d_x, xBytes));
  HIP_CHECK(hipMalloc(&d_w, wBytes));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_w, w, wBytes, hipMemcpyHostToDevice));

  const int total = N * F * OL;
  int blocks = (total + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  conv1d_kernel<<<blocks, kBlock>>>(d_x, d_w, d_y, N, C, L, F, KW, stride, OL);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_w));
  HIP_CHECK(hipFree(d_y));
}
