//===- min.cu - row minima (CUDA) ------------------------------*- CUDA -*-===//
//
// out[r] = min_c x[r, c] over a row-major fp32 [rows, cols] matrix.
//
// One warp per row (rows are independent and often short): the lanes stride
// over the row (coalesced) and combine with a butterfly of __shfl_xor_sync.
// The row index is uniform across a warp, so whole warps leave together and
// the full-mask shuffles stay valid. Any rows/cols works. The launcher is
// min_op: min is a common macro/function name.
//
// extern "C" void min_op(const float *x, float *out, int rows, int cols);
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

__global__ void __launch_bounds__(THREADS)
min_kernel(const float *__restrict__ x, float *__restrict__ out, int rows,
           int cols) {
  int lane = threadIdx.x % WARP;
  int r = blockIdx.x * (THREADS / WARP) + threadIdx.x / WARP;
  if (r >= rows)
    return;
  const float *row = x + size_t(r) * cols;
  float v = INFINITY;
  for (int c = lane; c < cols; c += WARP)
    v = fminf(v, row[c]);
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v = fminf(v, __shfl_xor_sync(FULL_MASK, v, offset));
  if (lane == 0)
    out[r] = v;
}

extern "C" void min_op(const float *x, float *out, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  size_t in_bytes = size_t(rows) * cols * sizeof(float);
  size_t out_bytes = size_t(rows) * sizeof(float);
  float *dx, *dout;
  CUDA_CHECK(cudaMalloc(&dx, in_bytes));
  CUDA_CHECK(cudaMalloc(&dout, out_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, in_bytes, cudaMemcpyHostToDevice));
  const int rows_per_block = THREADS / WARP;
  min_kernel<<<(rows + rows_per_block - 1) / rows_per_block, THREADS>>>(
      dx, dout, rows, cols);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, out_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dout));
}
