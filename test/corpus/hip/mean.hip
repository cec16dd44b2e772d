//===- mean.hip - row means (HIP, AMD CDNA) ---------------------*- C++ -*-===//
//
// out[r] = sum_c x[r, c] / cols over a row-major fp32 [rows, cols] matrix.
//
// One workgroup of 256 threads per row. Threads stride over the row
// (coalesced) and keep partial sums; each wavefront folds its partials with a
// __shfl_down tree, lane 0 of every wavefront parks its sum in LDS, and after
// a barrier thread 0 adds the per-wavefront sums and divides by cols. The LDS
// array has a slot per 32 threads, enough for CDNA's 64-lane wavefronts and
// for 32-lane ones. Any rows, cols >= 1.
//
// extern "C" void mean(const float *x, float *out, int rows, int cols);
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

// Tree reduction over one wavefront; lane 0 returns the total.
__device__ inline float wave_reduce_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_down(v, offset);
  return v;
}

__global__ void __launch_bounds__(kBlock)
mean_kernel(const float *__restrict__ x, float *__restrict__ out, int cols) {
  __shared__ float waveSums[kBlock / kMinWaveSize];
  const int lane = threadIdx.x % warpSize;
  const int wave = threadIdx.x / warpSize;
  const float *row = x + size_t(blockIdx.x) * cols;

  float acc = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    acc += row[c];
  acc = wave_reduce_sum(acc);
  if (lane == 0)
    waveSums[wave] = acc;
  __syncthreads();

  if (threadIdx.x == 0) {
    float total = 0.0f;
    for (int w = 0; w < blockDim.x / warpSize; ++w)
      total += waveSums[w];
    out[blockIdx.x] = total / float(cols);
  }
}

extern "C" void mean(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t inBytes = size_t(rows) * cols * sizeof(float);
  const size_t outBytes = size_t(rows) * sizeof(float);
  float *d_x, *d_out;
  HIP_CHECK(hipMalloc(&d_x, inBytes));
  HIP_CHECK(hipMalloc(&d_out, outBytes));
  HIP_CHECK(hipMemcpy(d_x, x, inBytes, hipMemcpyHostToDevice));

  hipLaunchKernelGGL(mean_kernel, dim3(rows), dim3(kBlock), 0, 0, d_x, d_out,
                     cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_out));
}
