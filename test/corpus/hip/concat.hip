//===- concat.hip - concatenation along the last axis (HIP) -----*- C++ -*-===//
//
// out[r, :] = [a[r, :], b[r, :]]; a [rows, ca], b [rows, cb],
// out [rows, ca + cb], fp32 row-major.
//
// One thread per output element in a grid-stride loop: consecutive lanes
// write consecutive floats of out (coalesced) and read consecutive floats of
// a or b; only the wavefronts that straddle the a/b seam of a row diverge.
// Any rows, ca, cb (either may be 0) with fewer than 2^31 outputs.
//
// extern "C" void concat(const float *a, const float *b, float *out, int rows,
//                        int ca, int cb);
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
concat_kernel(const float *__restrict__ a, const float *__restrict__ b,
              float *__restrict__ out, int rows, int ca, int cb) {
  const int width = ca + cb;
  const int total = rows * width;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += gridDim.x * blockDim.x) {
    const int r = i / width;
    const int c = i % width;
    out[i] = c < ca ? a[size_t(r) * ca + c] : b[size_t(r) * cb + (c - ca)];
  }
}

extern "C" void concat(const float *a, const float *b, float *out, int rows,
                       int ca, int cb) {
  const int width = ca + cb;
  if (rows <= 0 || width <= 0)
    return;
  const size_t aBytes = size_t(rows) * ca * sizeof(float);
  const size_t bBytes = size_t(rows) * cb * sizeof(float);
  const size_t outBytes = size_t(rows) * width * sizeof(float);
  float *d_a = nullptr, *d_b = nullptr, *d_out;
  if (aBytes > 0) {
    HIP_CHECK(hipMalloc(&d_a, aBytes));
    HIP_CHECK(hipMemcpy(d_a, a, aBytes, hipMemcpyHostToDevice));
  }
  if (bBytes > 0) {
    HIP_CHECK(hipMalloc(&d_b, bBytes));
    HIP_CHECK(hipMemcpy(d_b, b, bBytes, hipMemcpyHostToDevice));
  }
  HIP_CHECK(hipMalloc(&d_out, outBytes));

  const int total = rows * width;
  int blocks = (total + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  hipLaunchKernelGGL(concat_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_a, d_b,
                     d_out, rows, ca, cb);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_a)); // hipFree(nullptr) is a no-op
  HIP_CHECK(hipFree(d_b));
  HIP_CHECK(hipFree(d_out));
}
