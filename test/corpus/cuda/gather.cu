//===- gather.cu - row gather / embedding lookup (CUDA) --------*- CUDA -*-===//
//
// out[i, :] = table[idx[i], :] for i < n, with table[rows, cols] and
// out[n, cols] row-major fp32 and 0 <= idx[i] < rows.
//
// Blocks take output rows (grid-stride over n); the threads of a block copy
// one row, striding over the columns, so both the read of the table row and
// the write are coalesced. The index is read once per thread (a broadcast).
//
// extern "C" void gather(const float *table, const int *idx, float *out,
//                        int rows, int cols, int n);
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
gather_kernel(const float *__restrict__ table, const int *__restrict__ idx,
              float *__restrict__ out, int cols, int n) {
  for (int i = blockIdx.x; i < n; i += gridDim.x) {
    const float *src = table + size_t(idx[i]) * cols;
    float *dst = out + size_t(i) * cols;
    for (int c = threadIdx.x; c < cols; c += blockDim.x)
      dst[c] = src[c];
  }
}

extern "C" void gather(const float *table, const int *idx, float *out, int rows,
                       int cols, int n) {
  if (rows <= 0 || cols <= 0 || n <= 0)
    return;
  size_t table_bytes = size_t(rows) * cols * sizeof(float);
  size_t idx_bytes = size_t(n) * sizeof(int);
  size_t out_bytes = size_t(n) * cols * sizeof(float);
  float *dtable, *dout;
  int *didx;
  CUDA_CHECK(cudaMalloc(&dtable, table_bytes));
  CUDA_CHECK(cudaMalloc(&didx, idx_bytes));
  CUDA_CHECK(cudaMalloc(&dout, out_bytes));
  CUDA_CHECK(cudaMemcpy(dtable, table, table_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(didx, idx, idx_bytes, cudaMemcpyHostToDevice));
  gather_kernel<<<std::min(n, 65535), THREADS>>>(dtable, didx, dout, cols, n);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, out_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dtable));
  CUDA_CHECK(cudaFree(didx));
  CUDA_CHECK(cudaFree(dout));
}
