//===- gelu.hip - GELU, tanh form (HIP, AMD CDNA) ---------------*- C++ -*-===//
//
// out[i] = 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), x = x[i], fp32.
//
// One thread per element in a grid-stride loop: the 64 lanes of a wavefront
// touch 64 consecutive floats (one coalesced access), and the grid is capped
// so that large n reuse resident waves. Any n >= 0.
//
// extern "C" void gelu(const float *x, float *out, int n);
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
gelu_kernel(const float *__restrict__ x, float *__restrict__ out, int n) {
  const int stride = gridDim.x * blockDim.x;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
    const float v = x[i];
    const float kSqrt2OverPi = 0.7978845608028654f;
    const float inner = kSqrt2OverPi * (v + 0.044715f * v * v * v);
    out[i] = 0.5f * v * (1.0f + tanhf(inner));
  }
}

extern "C" void gelu(const float *x, float *out, int n) {
  if (n <= 0)
    return;
  const size_t bytes = size_t(n) * sizeof(float);
  float *d_x, *d_out;
  HIP_CHECK(hipMalloc(&d_x, bytes));
  HIP_CHECK(hipMalloc(&d_out, bytes));
  HIP_CHECK(hipMemcpy(d_x, x, bytes, hipMemcpyHostToDevice));

  int blocks = (n + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  hipLaunchKernelGGL(gelu_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_x,
                     d_out, n);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_out));
}
