//===- sign.cpp - sign function, AVX-512 ------------------------*- C++ -*-===//
//
// out[i] = -1, 0 or 1 as x[i] is negative, zero (either sign) or positive;
// fp32, contiguous. Two ordered compares give lane masks and two blends
// pick the constants (AVX512F has no sign intrinsic). OpenMP over the
// vectors, a scalar loop for the n % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void sign_kernel(const float *x, float *out, int n) {
  const int nvec = n / 16 * 16;
  const __m512 zero = _mm512_setzero_ps();
  const __m512 one = _mm512_set1_ps(1.0f);
  const __m512 minus_one = _mm512_set1_ps(-1.0f);
#pragma omp parallel for
  for (int i = 0; i < nvec; i += 16) {
    __m512 v = _mm512_loadu_ps(x + i);
    __mmask16 pos = _mm512_cmp_ps_mask(v, zero, _CMP_GT_OQ);
    __mmask16 neg = _mm512_cmp_ps_mask(v, zero, _CMP_LT_OQ);
    __m512 s = _mm512_mask_blend_ps(neg, zero, minus_one);
    _mm512_storeu_ps(out + i, _mm512_mask_blend_ps(pos, s, one));
  }
  for (int i = nvec; i < n; ++i)
    out[i] = x[i] > 0.0f ? 1.0f : (x[i] < 0.0f ? -1.0f : 0.0f);
}

extern "C" void sign(const float *x, float *out, int n) {
  sign_kernel(x, out, n);
}
