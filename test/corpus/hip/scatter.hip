//===- scatter.hip - row scatter (HIP, AMD CDNA) ----------------*- C++ -*-===//
//
// out[idx[i], :] = src[i, :] for i < n; src [n, cols], out [rows, cols] fp32,
// idx int32, distinct, 0 <= idx[i] < rows. out is in/out: rows that idx does
// not name keep their values, so the launcher copies out to the device first.
//
// One workgroup per source row: the destination row index is uniform across
// the workgroup (a scalar load on CDNA) and the threads copy the row with
// coalesced loads and stores. Distinct indices mean no two workgroups write
// the same row, so no atomics are needed. Any n, cols.
//
// extern "C" void scatter(const float *src, const int *idx, float *out, int n,
//                         int cols, int rows);
//
//===----------------------------------------------------------------------===//

#include <hip/hip_runtime.h>

#include <cstdio>
#include <cstdlib>

#define HIP_CHECK(expr)                                                        \
  do {                                                                         \
    hipError_t err_ = (expr);                                                  \
    if (err_ != hipSuccess) {                                                  \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #expr,       \
                   hipGetErrorString(err_));                                   \
      std::exit(EXIT_FAILURE);                                                 \
    }                                                                          \
  } while (0)

constexpr int kBlock = 256; // 4 wavefronts of 64 lanes

__global__ void __launch_bounds__(kBlock)
scatter_kernel(const float *__restrict__ src, const int *__restrict__ idx,
               float *__restrict__ out, int cols) {
  const int i = blockIdx.x;
  const float *from = src + size_t(i) * cols;
  float *to = out + size_t(idx[i]) * cols;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    to[c] = from[c];
}

extern "C" void scatter(const float *src, const int *idx, float *out, int n,
                        int cols, int rows) {
  if (n <= 0 || cols <= 0 || rows <= 0)
    return;
  const size_t srcBytes = size_t(n) * cols * sizeof(float);
  const size_t idxBytes = size_t(n) * sizeof(int);
  const size_t outBytes = size_t(rows) * cols * sizeof(float);
  float *d_src, *d_out;
  int *d_idx;
  HIP_CHECK(hipMalloc(&d_src, srcBytes));
  HIP_CHECK(hipMalloc(&d_idx, idxBytes));
  HIP_CHECK(hipMalloc(&d_out, outBytes));
  HIP_CHECK(hipMemcpy(d_src, src, srcBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_idx, idx, idxBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_out, out, outBytes, hipMemcpyHostToDevice));

  hipLaunchKernelGGL(scatter_kernel, dim3(n), dim3(kBlock), 0, 0, d_src, d_idx,
                     d_out, cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_src));
  HIP_CHECK(hipFree(d_idx));
  HIP_CHECK(hipFree(d_out));
}
