//===- min.hip - row minima (HIP, AMD CDNA) ---------------------*- C++ -*-===//
//
// out[r] = min_c x[r, c] over a row-major fp32 [rows, cols] matrix.
//
// One workgroup of 256 threads per row. Threads stride over the row keeping a
// running minimum from +inf and store it to LDS; a tree in LDS halves the 256
// values down to one wavefront's worth (64 on CDNA), and that wavefront
// finishes with a __shfl_down tree, lane 0 writing the result. Barriers are
// reached by all threads of the workgroup. Any rows, cols >= 1.
//
// extern "C" void min_op(const float *x, float *out, int rows, int cols);
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

__global__ void __launch_bounds__(kBlock)
min_kernel(const float *__restrict__ x, float *__restrict__ out, int cols) {
  __shared__ float buf[kBlock];
  const int tid = threadIdx.x;
  const float *row = x + size_t(blockIdx.x) * cols;

  float m = INFINITY;
  for (int c = tid; c < cols; c += blockDim.x)
    m = fminf(m, row[c]);
  buf[tid] = m;
  __syncthreads();

  // LDS tree down to one wavefront: 256 -> 128 -> 64 values.
  for (int s = blockDim.x / 2; s >= warpSize; s /= 2) {
    if (tid < s)
      buf[tid] = fminf(buf[tid], buf[tid + s]);
    __syncthreads();
  }

  // The first wavefront finishes in registers.
  if (tid < warpSize) {
    m = buf[tid];
    for (int offset = warpSize / 2; offset > 0; offset /= 2)
      m = fminf(m, __shfl_down(m, offset));
    if (tid == 0)
      out[blockIdx.x] = m;
  }
}

extern "C" void min_op(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t inBytes = size_t(rows) * cols * sizeof(float);
  const size_t outBytes = size_t(rows) * sizeof(float);
  float *d_x, *d_out;
  HIP_CHECK(hipMalloc(&d_x, inBytes));
  HIP_CHECK(hipMalloc(&d_out, outBytes));
  HIP_CHECK(hipMemcpy(d_x, x, inBytes, hipMemcpyHostToDevice));

  hipLaunchKernelGGL(min_kernel, dim3(rows), dim3(kBlock), 0, 0, d_x, d_out,
                     cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_out));
}
