//===- layernorm.hip - layer normalization (HIP, AMD CDNA) ------*- C++ -*-===//
//
// y[r, c] = (x[r, c] - mu_r) / sqrt(var_r + eps) gamma[c] + beta[c] over a
// row-major fp32 [rows, cols] matrix; mu_r and the biased variance var_r are
// taken over the row.
//
// One workgroup of 256 threads per row, two passes for accuracy: the mean,
// then the mean of squared deviations. Each is a workgroup reduction: a
// __shfl_xor butterfly inside every wavefront, one partial per wavefront in
// LDS, and every thread adds the (4 on CDNA) partials, so all threads get the
// result without another broadcast. The LDS array has a slot per 32 threads,
// enough for 64- and 32-lane wavefronts. Any rows, cols >= 1.
//
// extern "C" void layernorm(const float *x, const float *gamma,
//                           const float *beta, float *y, int rows, int cols,
//                           float eps);
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
constexpr int kMinWaveSize = 32; // sizes the per-wavefront LDS slots

__device__ inline float wave_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_xor(v, offset);
  return v;
}

// Sum over the workgroup, returned to every thread. All threads must call it.
__device__ float block_sum(float v, float *partial) {
  v = wave_sum(v);
  if (threadIdx.x % warpSize == 0)
    partial[threadIdx.x / warpSize] = v;
  __syncthreads();
  float total = 0.0f;
  for (int w = 0; w < blockDim.x / warpSize; ++w)
    total += partial[w];
  __syncthreads(); // partial is reused by the next reduction
  return total;
}

__global__ void __launch_bounds__(kBlock)
layernorm_kernel(const float *__restrict__ x, const float *__restrict__ gamma,
                 const float *__restrict__ beta, float *__restrict__ y,
                 int cols, float eps) {
  __shared__ float partial[kBlock / kMinWaveSize];
  const float *row = x + size_t(blockIdx.x) * cols;
  float *yrow = y + size_t(blockIdx.x) * cols;

  float s = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    s += row[c];
  const float mu = block_sum(s, partial) / float(cols);

  float sq = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    const float d = row[c] - mu;
    sq = fmaf(d, d, sq);
  }
  const float rstd = rsqrtf(block_sum(sq, partial) / float(cols) + eps);

  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    yrow[c] = (row[c] - mu) * rstd * gamma[c] + beta[c];
}

extern "C" void layernorm(const float *x, const float *gamma,
                          const float *beta, float *y, int rows, int cols,
                          float eps) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t bytes = size_t(rows) * cols * sizeof(float);
  const size_t colBytes = size_t(cols) * sizeof(float);
  float *d_x, *d_gamma, *d_beta, *d_y;
  HIP_CHECK(hipMalloc(&d_x, bytes));
  HIP_CHECK(hipMalloc(&d_gamma, colBytes));
  HIP_CHECK(hipMalloc(&d_beta, colBytes));
  HIP_CHECK(hipMalloc(&d_y, bytes));
  HIP_CHECK(hipMemcpy(d_x, x, bytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_gamma, gamma, colBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_beta, beta, colBytes, hipMemcpyHostToDevice));

  hipLaunchKernelGGL(layernorm_kernel, dim3(rows), dim3(kBlock), 0, 0, d_x,
                     d_gamma, d_beta, d_y, cols, eps);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_gamma));
  HIP_CHECK(hipFree(d_beta));
  HIP_CHECK(hipFree(d_y));
}
