//===- conv2d_nchw.hip - 2-D convolution, NCHW (HIP, AMD CDNA) --*- C++ -*-===//
//
// y[n, f, oh, ow] = sum_{c, kh, kw} x[n, c, oh*s + kh, ow*s + kw]
//                                   w[f, c, kh, kw]
//   x [N, C, H, W], w [F, C, KH, KW], y [N, F, OH, OW], fp32,
//   OH = (H - KH) / s + 1, OW = (W - KW) / s + 1, no padding, no bias.
//
// Grid (pixel tiles, F, N): a workgroup computes 256 output pixels of one
// (n, f) plane, ow fastest (coalesced stores, runs of x along W). All its
// threads use the same filter w[f], a contiguous run of C*KH*KW floats, so
// the workgroup stages it through LDS in chunks of kChunk values and every
// thread reads the chunk from LDS (broadcast) instead of global memory. The
// chunked staging puts no limit on C*KH*KW. Any shapes with H >= KH,
// W >= KW, stride >= 1, F and N up to 65535.
//
// extern "C" void conv2d_nchw(const float *x, const float *w, float *y,
//                             int N, int C, int H, int W, int F, int KH,
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

constexpr int kBlock = 256;  // 4 wavefronts of 64 lanes
constexpr int kChunk = 1024; // filter values staged in LDS per step (4 KiB)

__global__ void __launch_bounds__(kBlock)
conv2d_nchw_kernel(const float *__restrict__ x, const float *__restrict__ w,
                   float *__restrict__ y, int C, int H, int W, int KH, int KW,
                   int stride, int OH, int OW) {
  __shared__ float wTile[kChunk];
  const int f = blockIdx.y;
  const int n = blockIdx.z;
  const int F = gridDim.y;
  const int pixel = blockIdx.x * blockDim.x + threadIdx.x;
  const bool active = pixel < OH * OW; // inactive threads still stage
  const int oh = active ? pixel / OW : 0;
  const int ow = active ? pixel % OW : 0;

  const int taps = KH * KW;
  const int filterSize = C * taps;
  const float *wf = w + size_t(f) * filterSize;
  const float *xn = x + size_t(n) * C * H * W;
  const int ih0 = oh * stride, iw0 = ow * stride;

  float acc = 0.0f;
  for (int base = 0; base < filterSize; base += kChunk) {
    const int len = min(kChunk, filterSize - base);
    for (int j = threadIdx.x; j < len; j += blockDim.x)
      wTile[j] = wf[base + j];
    __syncthreads();
    if (active) {
      for (int j = 0; j < len; ++j) {
        const int flat = base + j; // (c, kh, kw) of the filter
        const int c = flat / taps;
        const int kh = (flat % taps) / KW;
        const int kw = flat % KW;
        acc = fmaf(xn[(size_t(c) * H + ih0 + kh) * W + iw0 + kw], wTile[j],
                   acc);
      }
    }
    __syncthreads(); // the tile is overwritten by the next chunk
  }
  if (active)
    y[((size_t(n) * F + f) * OH + oh) * OW + ow] = acc;
}

extern "C" void conv2d_nchw(const float *x, const float *w, float *y, int N,
                            int C, int H, int W, int F, int KH, int KW,
                            int stride) {
  if (N <= 0 || F <= 0 || H < KH || W < KW || KH <= 0 || KW <= 0 ||
      stride <= 0)
    return;
  const int OH = (H - KH) / stride + 1;
  const int OW = (W - KW) / stride + 1;
  const size_t xBytes = size_t(N) * C * H * W * sizeof(float);
  const size_t wBytes = size_t(F) * C * KH * KW * sizeof(float);
  const size_t yBytes = size_t(N) * F * OH * OW * sizeof(float);
  float *d_x, *d_w, *d_y;
  HIP_CHECK(hipMalloc(&d_x, xBytes));
  HIP_CHECK(hipMalloc(&d_w, wBytes));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_w, w, wBytes, hipMemcpyHostToDevice));

  const dim3 grid((OH * OW + kBlock - 1) / kBlock, F, N);
  hipLaunchKernelGGL(conv2d_nchw_kernel, grid, dim3(kBlock), 0, 0, d_x, d_w,
                     d_y, C, H, W, KH, KW, stride, OH, OW);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_w));
  HIP_CHECK(hipFree(d_y));
}
