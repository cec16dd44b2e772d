//===- relu.cu - element-wise ReLU (CUDA) ----------------------*- CUDA -*-===//
//
// out[i] = max(x[i], 0) over fp32 values.
//
// extern "C" void relu(const float *x, float *out, int n);
// Host pointers; the launcher allocates device memory, copies in, launches,
// copies back and frees. A grid-stride loop: consecutive threads touch
// consecutive elements (coalesced); any n works.
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
relu_kernel(const float *__restrict__ x, float *__restrict__ out, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n;
       i += gridDim.x * blockDim.x) {
    out[i] = fmaxf(x[i], 0.0f);
  }
}

extern "C" void relu(const float *x, float *out, int n) {
  if (n <= 0)
    return;
  size_t bytes = size_t(n) * sizeof(float);
  float *dx, *dout;
  CUDA_CHECK(cudaMalloc(&dx, bytes));
  CUDA_CHECK(cudaMalloc(&dout, bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, bytes, cudaMemcpyHostToDevice));
  int blocks = std::min((n + THREADS - 1) / THREADS, 65535);
  relu_kernel<<<blocks, THREADS>>>(dx, dout, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dout));
}
