//===- add.cu - element-wise addition (CUDA) -------------------*- CUDA -*-===//
//
// out[i] = a[i] + b[i] over n contiguous fp32 values. A grid-stride loop:
// consecutive threads touch consecutive elements (coalesced); any n works.
//
// extern "C" void add(const float *a, const float *b, float *out, int n);
// Host pointers; the launcher allocates device memory, copies in, launches,
// copies back and frees.
//
//===----------------------------------------------------------------------===//

#include <algorithm>
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

__global__ void __launch_bounds__(THREADS)
add_kernel(const float *__restrict__ a, const float *__restrict__ b,
           float *__restrict__ out, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * blockDim.x)
    out[i] = a[i] + b[i];
}

extern "C" void add(const float *a, const float *b, float *out, int n) {
  if (n <= 0)
    return;
  size_t bytes = size_t(n) * sizeof(float);
  float *da, *db, *dout;
  CUDA_CHECK(cudaMalloc(&da, bytes));
  CUDA_CHECK(cudaMalloc(&db, bytes));
  CUDA_CHECK(cudaMalloc(&dout, bytes));
  CUDA_CHECK(cudaMemcpy(da, a, bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(db, b, bytes, cudaMemcpyHostToDevice));
  int blocks = std::min((n + THREADS - 1) / THREADS, 65535);
  add_kernel<<<blocks, THREADS>>>(da, db, dout, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(da));
  CUDA_CHECK(cudaFree(db));
  CUDA_CHECK(cudaFree(dout));
}
