//===- gemv.cu - matrix-vector product (CUDA) ------------------*- CUDA -*-===//
//
// y[M] = A[M, K] · x[K], A row-major fp32.
//
// One warp per row: the lanes stride along the row (each pass reads 32
// consecutive floats, coalesced) and keep a private partial sum, which a
// __shfl_down_sync tree folds into lane 0. x is read by every warp and stays
// in cache. The row is uniform across a warp, so warps past the end leave as
// a whole. Any M, K works.
//
// extern "C" void gemv(const float *A, const float *x, float *y, int M, int K);
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

__global__ void __launch_bounds__(THREADS)
gemv_kernel(const float *__restrict__ A, const float *__restrict__ x,
            float *__restrict__ y, int M, int K) {
  int lane = threadIdx.x % WARP;
  int row = blockIdx.x * (THREADS / WARP) + threadIdx.x / WARP;
  if (row >= M)
    return;
  const float *a = A + size_t(row) * K;
  float acc = 0.0f;
  for (int k = lane; k < K; k += WARP)
    acc += a[k] * x[k];
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    acc += __shfl_down_sync(FULL_MASK, acc, offset);
  if (lane == 0)
    y[row] = acc;
}

extern "C" void gemv(const float *A, const float *x, float *y, int M, int K) {
  if (M <= 0 || K <= 0)
    return;
  size_t a_bytes = size_t(M) * K * sizeof(float);
  size_t x_bytes = size_t(K) * sizeof(float);
  size_t y_bytes = size_t(M) * sizeof(float);
  float *dA, *dx, *dy;
  CUDA_CHECK(cudaMalloc(&dA, a_bytes));
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dA, A, a_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  const int rows_per_block = THREADS / WARP;
  gemv_kernel<<<(M + rows_per_block - 1) / rows_per_block, THREADS>>>(
      dA, dx, dy, M, K);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dA));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dy));
}
