//===- softmax.cu - row-wise softmax (CUDA) --------------------*- CUDA -*-===//
//
// out[r, c] = exp(x[r, c] - max_r) / sum_c' exp(x[r, c'] - max_r) over a
// row-major fp32 [rows, cols] matrix.
//
// One block per row. Threads stride over the row (coalesced); the row
// maximum and the sum of exponentials are block reductions: a butterfly
// within each warp (__shfl_xor_sync, every lane ends with the result), the
// per-warp partials through shared memory, then a second butterfly. Any
// cols works.
//
// extern "C" void softmax(const float *x, float *out, int rows, int cols);
//
//===----------------------------------------------------------------------===//

#include <cmath>
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

static __device__ float warp_max(float v) {
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v = fmaxf(v, __shfl_xor_sync(FULL_MASK, v, offset));
  return v;
}

static __device__ float warp_sum(float v) {
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v += __shfl_xor_sync(FULL_MASK, v, offset);
  return v;
}

// Block-wide maximum, returned to every thread. `partial` holds one value
// per warp; all threads of the block must call it.
static __device__ float block_max(float v, float *partial) {
  int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP;
  v = warp_max(v);
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  v = lane < blockDim.x / WARP ? partial[lane] : -INFINITY;
  v = warp_max(v);
  __syncthreads(); // `partial` may be reused after this
  return v;
}

static __device__ float block_sum(float v, float *partial) {
  int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP;
  v = warp_sum(v);
  if (lane == 0)
    partial[warp] = v;
  __syncthreads();
  v = lane < blockDim.x / WARP ? partial[lane] : 0.0f;
  v = warp_sum(v);
  __syncthreads();
  return v;
}

__global__ void __launch_bounds__(THREADS)
softmax_kernel(const float *__restrict__ x, float *__restrict__ out,
               int cols) {
  __shared__ float partial[THREADS / WARP];
  const float *row = x + size_t(blockIdx.x) * cols;
  float *orow = out + size_t(blockIdx.x) * cols;

  float m = -INFINITY;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    m = fmaxf(m, row[c]);
  m = block_max(m, partial);

  float s = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    s += expf(row[c] - m);
  s = block_sum(s, partial);

  float inv = 1.0f / s;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    orow[c] = expf(row[c] - m) * inv;
}

extern "C" void softmax(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  size_t bytes = size_t(rows) * cols * sizeof(float);
  float *dx, *dout;
  CUDA_CHECK(cudaMalloc(&dx, bytes));
  CUDA_CHECK(cudaMalloc(&dout, bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, bytes, cudaMemcpyHostToDevice));
  softmax_kernel<<<rows, THREADS>>>(dx, dout, cols);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dout));
}
