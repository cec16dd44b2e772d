//===- softmax.hip - row-wise softmax (HIP, AMD CDNA) -----------*- C++ -*-===//
//
// out[r, c] = exp(x[r, c] - max_r) / sum_c' exp(x[r, c'] - max_r) over a
// row-major fp32 [rows, cols] matrix.
//
// One wavefront per row: its lanes stride over the row (64 consecutive floats
// per access on CDNA), and the row maximum and the sum of exponentials are
// butterfly reductions with __shfl_xor, so every lane ends with the result and
// no LDS or barrier is needed. Rows are distributed wave-by-wave in a
// grid-stride loop. Lane arithmetic uses warpSize, so the kernel is also
// correct on 32-lane wavefronts. Any rows, cols >= 1.
//
// extern "C" void softmax(const float *x, float *out, int rows, int cols);
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

// Butterfly reductions over one wavefront: every lane returns the result.
__device__ inline float wave_max(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v = fmaxf(v, __shfl_xor(v, offset));
  return v;
}

__device__ inline float wave_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_xor(v, offset);
  return v;
}

__global__ void __launch_bounds__(kBlock)
softmax_kernel(const float *__restrict__ x, float *__restrict__ out, int rows,
               int cols) {
  const int lane = threadIdx.x % warpSize;
  const int wavesPerBlock = blockDim.x / warpSize;
  const int waveStride = gridDim.x * wavesPerBlock;
  // The row index is uniform across the wavefront, so all its lanes take the
  // loop (and the shuffles inside it) together.
  for (int r = blockIdx.x * wavesPerBlock + threadIdx.x / warpSize; r < rows;
       r += waveStride) {
    const float *row = x + size_t(r) * cols;
    float *orow = out + size_t(r) * cols;

    float m = -INFINITY;
    for (int c = lane; c < cols; c += warpSize)
      m = fmaxf(m, row[c]);
    m = wave_max(m);

    float s = 0.0f;
    for (int c = lane; c < cols; c += warpSize)
      s += expf(row[c] - m);
    s = wave_sum(s);

    const float inv = 1.0f / s;
    for (int c = lane; c < cols; c += warpSize)
      orow[c] = expf(row[c] - m) * inv;
  }
}

extern "C" void softmax(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t bytes = size_t(rows) * cols * sizeof(float);
  float *d_x, *d_out;
  HIP_CHECK(hipMalloc(&d_x, bytes));
  HIP_CHECK(hipMalloc(&d_out, bytes));
  HIP_CHECK(hipMemcpy(d_x, x, bytes, hipMemcpyHostToDevice));

  const int rowsPerBlock = kBlock / 64; // one row per 64-lane wavefront
  const int blocks = (rows + rowsPerBlock - 1) / rowsPerBlock;
  hipLaunchKernelGGL(softmax_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_x,
                     d_out, rows, cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_out));
}
