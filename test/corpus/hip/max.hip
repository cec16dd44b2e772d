//===- max.hip - row maxima (HIP, AMD CDNA) ---------------------*- C++ -*-===//
//
// out[r] = max_c x[r, c] over a row-major fp32 [rows, cols] matrix.
//
// One wavefront per row: lanes stride over the row (coalesced) keeping a
// running maximum from -inf, then a __shfl_xor butterfly leaves the row
// maximum in every lane and lane 0 stores it. Rows go to wavefronts in a
// grid-stride loop; lane arithmetic uses warpSize (also correct on 32-lane
// wavefronts). Any rows, cols >= 1.
//
// extern "C" void max_op(const float *x, float *out, int rows, int cols);
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

// Butterfly over one wavefront: every lane returns the maximum.
__device__ inline float wave_max(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v = fmaxf(v, __shfl_xor(v, offset));
  return v;
}

__global__ void __launch_bounds__(kBlock)
max_kernel(const float *__restrict__ x, float *__restrict__ out, int rows,
           int cols) {
  const int lane = threadIdx.x % warpSize;
  const int wavesPerBlock = blockDim.x / warpSize;
  const int waveStride = gridDim.x * wavesPerBlock;
  for (int r = blockIdx.x * wavesPerBlock + threadIdx.x / warpSize; r < rows;
       r += waveStride) {
    const float *row = x + size_t(r) * cols;
    float m = -INFINITY;
    for (int c = lane; c < cols; c += warpSize)
      m = fmaxf(m, row[c]);
    m = wave_max(m);
    if (lane == 0)
      out[r] = m;
  }
}

extern "C" void max_op(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t inBytes = size_t(rows) * cols * sizeof(float);
  const size_t outBytes = size_t(rows) * sizeof(float);
  float *d_x, *d_out;
  HIP_CHECK(hipMalloc(&d_x, inBytes));
  HIP_CHECK(hipMalloc(&d_out, outBytes));
  HIP_CHECK(hipMemcpy(d_x, x, inBytes, hipMemcpyHostToDevice));

  const int rowsPerBlock = kBlock / 64; // one row per 64-lane wavefront
  const int blocks = (rows + rowsPerBlock - 1) / rowsPerBlock;
  hipLaunchKernelGGL(max_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_x, d_out,
                     rows, cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_out));
}
