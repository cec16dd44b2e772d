//===- instancenorm.hip - instance normalization (HIP) ----------*- C++ -*-===//
//
// y[n, c, i] = (x[n, c, i] - mu_nc) / sqrt(var_nc + eps) gamma[c] + beta[c]
//   x, y [N, C, HW] fp32; mu_nc and the biased variance var_nc are taken over
//   the HW values of each (n, c) plane; gamma, beta [C].
//
// One workgroup of 256 threads per (n, c) plane (blockIdx.x = n*C + c), two
// passes (mean, then mean of squared deviations). Each reduction folds the
// wavefront's partials with a __shfl_down tree, parks one value per wavefront
// in LDS, and thread 0 combines them and broadcasts the statistic through LDS.
// The LDS array has a slot per 32 threads (64- and 32-lane wavefronts both
// fit). Any N, C, HW >= 1 with N*C < 2^31.
//
// extern "C" void instancenorm(const float *x, const float *gamma,
//                              const float *beta, float *y, int N, int C,
//                              int HW, float eps);
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

__device__ inline float wave_reduce_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_down(v, offset);
  return v; // complete in lane 0
}

// Sum over the workgroup, broadcast to every thread through LDS.
__device__ float block_sum(float v, float *partial, float *result) {
  v = wave_reduce_sum(v);
  if (threadIdx.x % warpSize == 0)
    partial[threadIdx.x / warpSize] = v;
  __syncthreads();
  if (threadIdx.x == 0) {
    float total = 0.0f;
    for (int w = 0; w < blockDim.x / warpSize; ++w)
      total += partial[w];
    *result = total;
  }
  __syncthreads();
  const float total = *result;
  __syncthreads(); // partial and result are reused by the next reduction
  return total;
}

__global__ void __launch_bounds__(kBlock)
instancenorm_kernel(const float *__restrict__ x,
                    const float *__restrict__ gamma,
                    const float *__restrict__ beta, float *__restrict__ y,
                    int C, int HW, float eps) {
  __shared__ float partial[kBlock / kMinWaveSize];
  __shared__ float result;
  const int c = blockIdx.x % C;
  const float *plane = x + size_t(blockIdx.x) * HW;
  float *yplane = y + size_t(blockIdx.x) * HW;

  float s = 0.0f;
  for (int i = threadIdx.x; i < HW; i += blockDim.x)
    s += plane[i];
  const float mu = block_sum(s, partial, &result) / float(HW);

  float sq = 0.0f;
  for (int i = threadIdx.x; i < HW; i += blockDim.x) {
    const float d = plane[i] - mu;
    sq = fmaf(d, d, sq);
  }
  const float var = block_sum(sq, partial, &result) / float(HW);
  const float scale = gamma[c] * rsqrtf(var + eps);
  const float shift = beta[c];

  for (int i = threadIdx.x; i < HW; i += blockDim.x)
    yplane[i] = (plane[i] - mu) * scale + shift;
}

extern "C" void instancenorm(const float *x, const float *gamma,
                             const float *beta, float *y, int N, int C, int HW,
                             float eps) {
  if (N <= 0 || C <= 0 || HW <= 0)
    return;
  const size_t bytes = size_t(N) * C * HW * sizeof(float);
  const size_t cBytes = size_t(C) * sizeof(float);
  float *d_x, *d_gamma, *d_beta, *d_y;
  HIP_CHECK(hipMalloc(&d_x, bytes));
  HIP_CHECK(hipMalloc(&d_gamma, cBytes));
  HIP_CHECK(hipMalloc(&d_beta, cBytes));
  HIP_CHECK(hipMalloc(&d_y, bytes));
  HIP_CHECK(hipMemcpy(d_x, x, bytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_gamma, gamma, cBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_beta, beta, cBytes, hipMemcpyHostToDevice));

  hipLaunchKernelGGL(instancenorm_kernel, dim3(N * C), dim3(kBlock), 0, 0, d_x,
                     d_gamma, d_beta, d_y, C, HW, eps);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_gamma));
  HIP_CHECK(hipFree(d_beta));
  HIP_CHECK(hipFree(d_y));
}
