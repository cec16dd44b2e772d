//===- rmsnorm.hip - RMS normalization (HIP, AMD CDNA) ----------*- C++ -*-===//
//
// y[r, c] = x[r, c] / sqrt(mean_c' x[r, c']^2 + eps) gamma[c] over a
// row-major fp32 [rows, cols] matrix.
//
// One wavefront per row: lanes stride over the row (coalesced) summing
// squares, a __shfl_xor butterfly gives every lane the sum, and the lanes
// then write their columns scaled by the common 1/rms. No LDS, no barrier.
// Rows go to wavefronts in a grid-stride loop; lane arithmetic uses warpSize
// (also correct on 32-lane wavefronts). Any rows, cols >= 1.
//
// extern "C" void rmsnorm(const float *x, const float *gamma, float *y,
//                         int rows, int cols, float eps);
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

constexpr int kBlock = 256; // 4 wavefronts of 64 lanes

__device__ inline float wave_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_xor(v, offset);
  return v;
}

__global__ void __launch_bounds__(kBlock)
rmsnorm_kernel(const float *__restrict__ x, const float *__restrict__ gamma,
               float *__restrict__ y, int rows, int cols, float eps) {
  const int lane = threadIdx.x % warpSize;
  const int wavesPerBlock = blockDim.x / warpSize;
  const int waveStride = gridDim.x * wavesPerBlock;
  for (int r = blockIdx.x * wavesPerBlock + threadIdx.x / warpSize; r < rows;
       r += waveStride) {
    const float *row = x + size_t(r) * cols;
    float *yrow = y + size_t(r) * cols;
    float sq = 0.0f;
    for (int c = lane; c < cols; c += warpSize)
      sq = fmaf(row[c], row[c], sq);
    const float inv = rsqrtf(wave_sum(sq) / float(cols) + eps);
    for (int c = lane; c < cols; c += warpSize)
      yrow[c] = row[c] * inv * gamma[c];
  }
}

extern "C" void rmsnorm(const float *x, const float *gamma, float *y, int rows,
                        int cols, float eps) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t bytes = size_t(rows) * cols * sizeof(float);
  const size_t colBytes = size_t(cols) * sizeof(float);
  float *d_x, *d_gamma, *d_y;
  HIP_CHECK(hipMalloc(&d_x, bytes));
  HIP_CHECK(hipMalloc(&d_gamma, colBytes));
  HIP_CHECK(hipMalloc(&d_y, bytes));
  HIP_CHECK(hipMemcpy(d_x, x, bytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_gamma, gamma, colBytes, hipMemcpyHostToDevice));

  const int rowsPerBlock = kBlock / 64; // one row per 64-lane wavefront
  const int blocks = (rows + rowsPerBlock - 1) / rowsPerBlock;
  hipLaunchKernelGGL(rmsnorm_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_x,
                     d_gamma, d_y, rows, cols, eps);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_gamma));
  HIP_CHECK(hipFree(d_y));
}
