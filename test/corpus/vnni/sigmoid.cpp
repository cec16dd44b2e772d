//===- sigmoid.cpp - logistic sigmoid, AVX-512 ------------------*- C++ -*-===//
//
// out[i] = 1 / (1 + e^-x[i]) for i in [0, n), fp32, contiguous.
//
// e^-x comes from a vector polynomial (exp512_ps below; AVX-512F has no exp
// instruction), the reciprocal from _mm512_div_ps. OpenMP over the vectors;
// the n % 16 tail reuses the vector code through a masked load/store.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

/// e^x for every lane, by a polynomial (AVX-512F has no exp instruction):
/// x = n·ln2 + r with n = round(x·log2 e) and |r| <= ln2/2, e^r by the
/// Cephes expf polynomial 1 + r + r²·P5(r) by FMAs (relative error
/// about 2e-7), then e^x = e^r·2^n by _mm512_scalef_ps. x is clamped to
/// [-87.3, 88.7], the range where e^x is a normal float.
static inline __m512 exp512_ps(__m512 x) {
  x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.3f)),
                    _mm512_set1_ps(88.7f));
  __m512 n = _mm512_cvtepi32_ps(
      _mm512_cvtps_epi32(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504f))));
  // r = x - n·ln2, ln2 split in two parts so that n·ln2_hi is exact.
  __m512 r = _mm512_fmadd_ps(n, _mm512_set1_ps(-0.693359375f), x);
  r = _mm512_fmadd_ps(n, _mm512_set1_ps(2.12194440e-4f), r);
  __m512 p = _mm512_set1_ps(1.9875691500e-4f);
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
  // e^r = 1 + r + r²·p(r)
  __m512 r2 = _mm512_mul_ps(r, r);
  p = _mm512_fmadd_ps(p, r2, _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
  return _mm512_scalef_ps(p, n);
}

static inline __m512 sigmoid512_ps(__m512 x) {
  const __m512 one = _mm512_set1_ps(1.0f);
  __m512 e = exp512_ps(_mm512_sub_ps(_mm512_setzero_ps(), x));
  return _mm512_div_ps(one, _mm512_add_ps(one, e));
}

static void sigmoid_kernel(const float *x, float *out, int n) {
  const int nvec = n / 16 * 16;
#pragma omp parallel for
  for (int i = 0; i < nvec; i += 16)
    _mm512_storeu_ps(out + i, sigmoid512_ps(_mm512_loadu_ps(x + i)));
  if (nvec < n) {
    __mmask16 tail = (__mmask16)((1u << (n - nvec)) - 1);
    __m512 v = _mm512_maskz_loadu_ps(tail, x + nvec);
    _mm512_mask_storeu_ps(out + nvec, tail, sigmoid512_ps(v));
  }
}

extern "C" void sigmoid(const float *x, float *out, int n) {
  sigmoid_kernel(x, out, n);
}
