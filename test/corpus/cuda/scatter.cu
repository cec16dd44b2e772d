//===- scatter.cu - row scatter (CUDA) -------------------------*- CUDA -*-===//
//
// out[idx[i], :] = src[i, :] for i < n, with src[n, cols] and out[rows, cols]
// row-major fp32, 0 <= idx[i] < rows and the idx[i] distinct. out is in/out:
// rows no index names keep their values, so the launcher copies out to the
// device before the launch as well as back after it.
//
// Blocks take source rows (grid-stride over n); the threads of a block copy
// one row, striding over the columns, so the read and the write are
// coalesced. Distinct indices mean no two blocks write the same row: no
// atomics are needed.
//
// extern "C" void scatter(const float *src, const int *idx, float *out, int n,
//                         int cols, int rows);
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

#define THREADS 128

__global__ void __launch_bounds__(THREADS)
scatter_kernel(const float *__restrict__ src, const int *__restrict__ idx,
               float *__restrict__ out, int n, int cols) {
  for (int i = blockIdx.x; i < n; i += gridDim.x) {
    const float *s = src + size_t(i) * cols;
    float *d = out + size_t(idx[i]) * cols;
    for (int c = threadIdx.x; c < cols; c += blockDim.x)
      d[c] = s[c];
  }
}

extern "C" void scatter(const float *src, const int *idx, float *out, int n,
                        int cols, int rows) {
  if (rows <= 0 || cols <= 0 || n <= 0)
    return;
  size_t src_bytes = size_t(n) * cols * sizeof(float);
  size_t idx_bytes = size_t(n) * sizeof(int);
  size_t out_bytes = size_t(rows) * cols * sizeof(float);
  float *dsrc, *dout;
  int *didx;
  CUDA_CHECK(cudaMalloc(&dsrc, src_bytes));
  CUDA_CHECK(cudaMalloc(&didx, idx_bytes));
  CUDA_CHECK(cudaMalloc(&dout, out_bytes));
  CUDA_CHECK(cudaMemcpy(dsrc, src, src_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(didx, idx, idx_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dout, out, out_bytes, cudaMemcpyHostToDevice));
  scatter_kernel<<<std::min(n, 65535), THREADS>>>(dsrc, didx, dout, n, cols);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, out_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dsrc));
  CUDA_CHECK(cudaFree(didx));
  CUDA_CHECK(cudaFree(dout));
}
