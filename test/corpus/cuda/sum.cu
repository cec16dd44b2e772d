//===- sum.cu - row sums (CUDA) --------------------------------*- CUDA -*-===//
//
// out[r] = sum_c x[r, c] over a row-major fp32 [rows, cols] matrix.
//
// One block per row. Threads stride over the row (coalesced) accumulating a
// private partial; the block reduction is a tree within each warp
// (__shfl_down_sync, lane 0 ends with the warp's sum), the per-warp sums
// through shared memory, and a last tree in warp 0. Any cols works.
//
// extern "C" void sum(const float *x, float *out, int rows, int cols);
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

// Sum over the warp; the result is valid in lane 0.
static __device__ float warp_reduce_sum(float v) {
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v += __shfl_down_sync(FULL_MASK, v, offset);
  return v;
}

__global__ void __launch_bounds__(THREADS)
sum_kernel(const float *__restrict__ x, float *__restrict__ out, int cols) {
  __shared__ float warp_sums[THREADS / WARP];
  const float *row = x + size_t(blockIdx.x) * cols;
  int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP;

  float v = 0.0f;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    v += row[c];
  v = warp_reduce_sum(v);
  if (lane == 0)
    warp_sums[warp] = v;
  __syncthreads();

  if (warp == 0) {
    v = lane < blockDim.x / WARP ? warp_sums[lane] : 0.0f;
    v = warp_reduce_sum(v);
    if (lane == 0)
      out[blockIdx.x] = v;
  }
}

extern "C" void sum(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  size_t in_bytes = size_t(rows) * cols * sizeof(float);
  size_t out_bytes = size_t(rows) * sizeof(float);
  float *dx, *dout;
  CUDA_CHECK(cudaMalloc(&dx, in_bytes));
  CUDA_CHECK(cudaMalloc(&dout, out_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, in_bytes, cudaMemcpyHostToDevice));
  sum_kernel<<<rows, THREADS>>>(dx, dout, cols);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, out_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dout));
}
