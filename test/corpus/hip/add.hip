//===- add.hip - element-wise sum (HIP, AMD CDNA) ---------------*- C++ -*-===//
//
// out[i] = a[i] + b[i] over n fp32 values.
//
// A grid-stride loop: consecutive lanes of a 64-lane wavefront read
// consecutive floats (coalesced), and the grid is capped so that large n
// reuse the resident waves instead of launching one block per 256 values.
// Any n >= 0.
//
// extern "C" void add(const float *a, const float *b, float *out, int n);
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
add_kernel(const float *__restrict__ a, const float *__restrict__ b,
           float *__restrict__ out, int n) {
  const int stride = gridDim.x * blockDim.x;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride)
    out[i] = a[i] + b[i];
}

extern "C" void add(const float *a, const float *b, float *out, int n) {
  if (n <= 0)
    return;
  const size_t bytes = size_t(n) * sizeof(float);
  float *d_a, *d_b, *d_out;
  HIP_CHECK(hipMalloc(&d_a, bytes));
  HIP_CHECK(hipMalloc(&d_b, bytes));
  HIP_CHECK(hipMalloc(&d_out, bytes));
  HIP_CHECK(hipMemcpy(d_a, a, bytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_b, b, bytes, hipMemcpyHostToDevice));

  int blocks = (n + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  hipLaunchKernelGGL(add_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_a, d_b,
                     d_out, n);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_a));
  HIP_CHECK(hipFree(d_b));
  HIP_CHECK(hipFree(d_out));
}
