//===- concat.cu - concatenation along the last axis (CUDA) ----*- CUDA -*-===//
//
// out[r, :] = [a[r, :], b[r, :]] with a[rows, ca], b[rows, cb] and
// out[rows, ca + cb], row-major fp32.
//
// One thread per output element (grid-stride): consecutive threads write
// consecutive elements of out and read consecutive elements of a or b, so
// all accesses are coalesced except at the seam between the two sources.
// Any shape works.
//
// extern "C" void concat(const float *a, const float *b, float *out,
//                        int rows, int ca, int cb);
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
concat_kernel(const float *__restrict__ a, const float *__restrict__ b,
              float *__restrict__ out, int ca, int cb, int total) {
  const int cols = ca + cb;
  for (int e = blockIdx.x * blockDim.x + threadIdx.x; e < total;
       e += gridDim.x * blockDim.x) {
    int r = e / cols, c = e % cols;
    out[e] = c < ca ? a[size_t(r) * ca + c] : b[size_t(r) * cb + (c - ca)];
  }
}

extern "C" void concat(const float *a, const float *b, float *out, int rows,
                       int ca, int cb) {
  const int total = rows * (ca + cb);
  if (rows <= 0 || ca < 0 || cb < 0 || total <= 0)
    return;
  size_t a_bytes = size_t(rows) * ca * sizeof(float);
  size_t b_bytes = size_t(rows) * cb * sizeof(float);
  size_t out_bytes = size_t(total) * sizeof(float);
  float *da, *db, *dout;
  CUDA_CHECK(cudaMalloc(&da, a_bytes));
  CUDA_CHECK(cudaMalloc(&db, b_bytes));
  CUDA_CHECK(cudaMalloc(&dout, out_bytes));
  CUDA_CHECK(cudaMemcpy(da, a, a_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(db, b, b_bytes, cudaMemcpyHostToDevice));
  int blocks = std::min((total + THREADS - 1) / THREADS, 65535);
  concat_kernel<<<blocks, THREADS>>>(da, db, dout, ca, cb, total);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, out_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(da));
  CUDA_CHECK(cudaFree(db));
  CUDA_CHECK(cudaFree(dout));
}
