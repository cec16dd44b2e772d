//===- gemv.cpp - quantized matrix-vector product, AVX-512 VNNI -*- C++ -*-===//
//
// y[M] = A[M, K] · x[K] in int8 arithmetic, A row-major:
//
//   extern "C" void gemv(const uint8_t *A, const int8_t *x, int32_t *y,
//                        int M, int K);
//
// uint8 A × int8 x accumulated in int32 (the VNNI variant of the default fp32
// signature; checked against ref::gemv_u8s8).
//
// Rows of A and x are both K-contiguous, so each row is a dot product: 64
// bytes per step into 16 int32 lanes with _mm512_dpbusds_epi32 (the
// saturating form: a row whose partial sums leave the int32 range clamps
// instead of wrapping; |A·x| <= 255·128·K keeps any K < 65793 exact), then
// _mm512_reduce_add_epi32 and a scalar loop over the K % 64 tail. OpenMP
// over the rows.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <immintrin.h>

static void gemv_kernel(const uint8_t *A, const int8_t *x, int32_t *y, int M,
                        int K) {
  const int kvec = K / 64 * 64;
#pragma omp parallel for
  for (int m = 0; m < M; ++m) {
    const uint8_t *a = A + (size_t)m * K;
    __m512i acc = _mm512_setzero_si512();
    for (int k = 0; k < kvec; k += 64)
      acc = _mm512_dpbusds_epi32(acc, _mm512_loadu_si512(a + k),
                                 _mm512_loadu_si512(x + k));
    int32_t s = _mm512_reduce_add_epi32(acc);
    for (int k = kvec; k < K; ++k)
      s += (int32_t)a[k] * (int32_t)x[k];
    y[m] = s;
  }
}

extern "C" void gemv(const uint8_t *A, const int8_t *x, int32_t *y, int M,
                     int K) {
  gemv_kernel(A, x, y, M, K);
}
