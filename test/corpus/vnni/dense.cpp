//===- dense.cpp - quantized fully connected, AVX-512 VNNI ------*- C++ -*-===//
//
// y[M, N] = x[M, K] · W[N, K]ᵀ + bias[N] in int8 arithmetic, row-major, W in
// the [out_features, in_features] layout:
//
//   extern "C" void dense(const uint8_t *x, const int8_t *W,
//                         const int32_t *bias, int32_t *y, int M, int N,
//                         int K);
//
// uint8 activations × int8 weights with int32 bias and output (the VNNI
// variant of the default fp32 signature; checked against ref::dense_u8s8).
// Sums wrap modulo 2^32 like vpdpbusd.
//
// x rows and W rows are both K-contiguous, so each output is a dot product:
// 64 bytes per _mm512_dpbusd_epi32 into 16 int32 lanes, folded by
// _mm512_reduce_add_epi32, plus a scalar loop over the K % 64 tail and the
// bias. OpenMP over the (m, n) outputs, collapsed.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <immintrin.h>

static void dense_kernel(const uint8_t *x, const int8_t *W, const int32_t *bias,
                         int32_t *y, int M, int N, int K) {
  const int kvec = K / 64 * 64;
#pragma omp parallel for collapse(2)
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      const uint8_t *xr = x + (size_t)m * K;
      const int8_t *wr = W + (size_t)n * K;
      __m512i acc = _mm512_setzero_si512();
      for (int k = 0; k < kvec; k += 64)
        acc = _mm512_dpbusd_epi32(acc, _mm512_loadu_si512(xr + k),
                                  _mm512_loadu_si512(wr + k));
      int32_t s = bias[n] + _mm512_reduce_add_epi32(acc);
      for (int k = kvec; k < K; ++k)
        s += (int32_t)xr[k] * (int32_t)wr[k];
      y[(size_t)m * N + n] = s;
    }
}

extern "C" void dense(const uint8_t *x, const int8_t *W, const int32_t *bias,
                      int32_t *y, int M, int N, int K) {
  dense_kernel(x, W, bias, y, M, N, K);
}
