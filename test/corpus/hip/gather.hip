//===- gather.hip - row gather (HIP, AMD CDNA) ------------------*- C++ -*-===//
//
// out[i, :] = table[idx[i], :] for i < n; table [rows, cols], out [n, cols]
// fp32, idx int32 with 0 <= idx[i] < rows.
//
// One workgroup per output row: the row index is the same for every thread
// (a uniform, scalar load on CDNA), and the threads copy the row with
// coalesced loads and stores. Any n, cols.
//
// extern "C" void gather(const float *table, const int *idx, float *out,
//                        int rows, int cols, int n);
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
gather_kernel(const float *__restrict__ table, const int *__restrict__ idx,
              float *__restrict__ out, int cols) {
  const int i = blockIdx.x;
  const float *src = table + size_t(idx[i]) * cols;
  float *dst = out + size_t(i) * cols;
  for (int c = threadIdx.x; c < cols; c += blockDim.x)
    dst[c] = src[c];
}

extern "C" void gather(const float *table, const int *idx, float *out,
                       int rows, int cols, int n) {
  if (n <= 0 || cols <= 0 || rows <= 0)
    return;
  const size_t tableBytes = size_t(rows) * cols * sizeof(float);
  const size_t idxBytes = size_t(n) * sizeof(int);
  const size_t outBytes = size_t(n) * cols * sizeof(float);
  float *d_table, *d_out;
  int *d_idx;
  HIP_CHECK(hipMalloc(&d_table, tableBytes));
  HIP_CHECK(hipMalloc(&d_idx, idxBytes));
  HIP_CHECK(hipMalloc(&d_out, outBytes));
  HIP_CHECK(hipMemcpy(d_table, table, tableBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_idx, idx, idxBytes, hipMemcpyHostToDevice));

  gather_kernel<<<n, kBlock>>>(d_table, d_idx, d_out, cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_table));
  HIP_CHECK(hipFree(d_idx));
  HIP_CHECK(hipFree(d_out));
}
