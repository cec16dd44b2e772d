//===- rmsnorm.cu - RMS normalization over rows (CUDA) ---------*- CUDA -*-===//
//
// For each row r of a row-major fp32 x[rows, cols]:
//   y[r, c] = x[r, c] / sqrt(mean_c x[r, c]^2 + eps) * gamma[c].
//
// One block per row. Threads stride over the row (coalesced); the sum of
// squares is a block reduction: __shfl_xor_sync butterflies in each warp
// and the per-warp sums through shared memory. Any cols works.
//
// extern "C" void rmsnorm(const float *x, const float *gamma, float *y,
//                         int rows, int cols, float eps);
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                       \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,       \
                   cudaGetErrorString(err_));                                  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

#define THREADS 256
#define WARP 32
#define FULL_MASK 0xffffffffu

static __device__ float warp_sum(float v) {
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v += __shfl_xor_sync(FULL_MASK, v, offset);
  return v;
}

// Block-wide sum, returned to every thread: a butterfly in each warp, the
// per-warp sums through shared memory, a second butterfly. `partial` holds
// one float per warp; all threads of the block must call it.
static __device__ float block_sum(float v, float *partial) {
  int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP;
  v = warp_sum(v);
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  v = lane < blockDim.x / WARP ? partial[lane] : 0.0f;
  v = warp_sum(v);
  __syncthreads(); // `partial` may be reused after this
  return v;
}

__global__ void __launch_bounds__(THREADS)
rmsnorm_kernel(const float *__restrict__ x, const float *__restrict__ gamma,
               float *__restrict__ y, int cols, float eps) {
  __shared__ float partial[THREADS / WARP];
  const float *xr = x + size_t(blockIdx.x) * cols;
  float *yr = y + size_t(blockIdx.x) * cols;

  float ss = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    ss += xr[c] * xr[c];
  const float inv_rms = 1.0f / sqrtf(block_sum(ss, partial) / cols + eps);

  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    yr[c] = xr[c] * inv_rms * gamma[c];
}

extern "C" void rmsnorm(const float *x, const float *gamma, float *y, int rows,
                        int cols, float eps) {
  if (rows <= 0 || cols <= 0)
    return;
  size_t bytes = size_t(rows) * cols * sizeof(float);
  size_t param_bytes = size_t(cols) * sizeof(float);
  float *dx, *dgamma, *dy;
  CUDA_CHECK(cudaMalloc(&dx, bytes));
  CUDA_CHECK(cudaMalloc(&dgamma, param_bytes));
  CUDA_CHECK(cudaMalloc(&dy, bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dgamma, gamma, param_bytes, cudaMemcpyHostToDevice));
  rmsnorm_kernel<<<rows, THREADS>>>(dx, dgamma, dy, cols, eps);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dgamma));
  CUDA_CHECK(cudaFree(dy));
}
