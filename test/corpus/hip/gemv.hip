//===- gemv.hip - matrix-vector product (HIP, AMD CDNA) ---------*- C++ -*-===//
//
// y[m] = sum_k A[m, k] x[k], A row-major fp32 [M, K].
//
// One wavefront per row of A: its lanes stride over the row (64 consecutive
// floats per load on CDNA, coalesced; x is read the same way and stays in the
// caches across rows), each lane keeps a partial dot product, and a
// __shfl_down tree gathers the 64 partials in lane 0, which writes y[m].
// Rows go to wavefronts in a grid-stride loop; lane arithmetic uses warpSize.
// Any M; any K >= 0.
//
// extern "C" void gemv(const float *A, const float *x, float *y, int M, int K);
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

// Tree reduction over one wavefront; lane 0 returns the total.
__device__ inline float wave_reduce_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_down(v, offset);
  return v;
}

__global__ void __launch_bounds__(kBlock)
gemv_kernel(const float *__restrict__ A, const float *__restrict__ x,
            float *__restrict__ y, int M, int K) {
  const int lane = threadIdx.x % warpSize;
  const int wavesPerBlock = blockDim.x / warpSize;
  const int waveStride = gridDim.x * wavesPerBlock;
  for (int m = blockIdx.x * wavesPerBlock + threadIdx.x / warpSize; m < M;
       m += waveStride) {
    const float *row = A + size_t(m) * K;
    float acc = 0.0f;
    for (int k = lane; k < K; k += warpSize)
      acc = fmaf(row[k], x[k], acc);
    acc = wave_reduce_sum(acc);
    if (lane == 0)
      y[m] = acc;
  }
}

extern "C" void gemv(const float *A, const float *x, float *y, int M, int K) {
  if (M <= 0)
    return;
  const size_t aBytes = size_t(M) * K * sizeof(float);
  const size_t xBytes = size_t(K) * sizeof(float);
  const size_t yBytes = size_t(M) * sizeof(float);
  float *d_A, *d_x, *d_y;
  HIP_CHECK(hipMalloc(&d_A, aBytes > 0 ? aBytes : sizeof(float)));
  HIP_CHECK(hipMalloc(&d_x, xBytes > 0 ? xBytes : sizeof(float)));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  if (K > 0) {
    HIP_CHECK(hipMemcpy(d_A, A, aBytes, hipMemcpyHostToDevice));
    HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  }

  const int rowsPerBlock = kBlock / 64; // one row per 64-lane wavefront
  const int blocks = (M + rowsPerBlock - 1) / rowsPerBlock;
  hipLaunchKernelGGL(gemv_kernel, dim3(blocks), dim3(kBlock), 0, 0, d_A, d_x,
                     d_y, M, K);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_A));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_y));
}
