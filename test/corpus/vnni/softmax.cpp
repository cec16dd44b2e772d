//===- softmax.cpp - row-wise softmax, AVX-512 ------------------*- C++ -*-===//
//
// out[r, c] = e^(x[r,c] - m_r) / Σ_c' e^(x[r,c'] - m_r), m_r = max_c x[r,c];
// x and out [rows, cols], fp32, row-major.
//
// One OpenMP iteration per row, three passes over it: the maximum
// (_mm512_max_ps, _mm512_reduce_max_ps), the exponentials written to out and
// summed (exp512_ps below is a polynomial: AVX-512F has no exp instruction),
// then the scaling by 1/sum. The cols % 16 tail goes through the same vector
// code with masked loads/stores (masked-off lanes read -inf for the maximum
// and are left out of the sum).
//
//===----------------------------------------------------------------------===//

#include <cmath>
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

static void softmax_kernel(const float *x, float *out, int rows, int cols) {
  const int cvec = cols / 16 * 16;
  const __mmask16 tail = (__mmask16)((1u << (cols - cvec)) - 1);
#pragma omp parallel for
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (size_t)r * cols;
    float *outr = out + (size_t)r * cols;

    __m512 vmax = _mm512_set1_ps(-INFINITY);
    for (int c = 0; c < cvec; c += 16)
      vmax = _mm512_max_ps(vmax, _mm512_loadu_ps(xr + c));
    if (tail)
      vmax = _mm512_max_ps(vmax, _mm512_mask_loadu_ps(vmax, tail, xr + cvec));
    const __m512 m = _mm512_set1_ps(_mm512_reduce_max_ps(vmax));

    __m512 vsum = _mm512_setzero_ps();
    for (int c = 0; c < cvec; c += 16) {
      __m512 e = exp512_ps(_mm512_sub_ps(_mm512_loadu_ps(xr + c), m));
      _mm512_storeu_ps(outr + c, e);
      vsum = _mm512_add_ps(vsum, e);
    }
    if (tail) {
      __m512 e =
          exp512_ps(_mm512_sub_ps(_mm512_maskz_loadu_ps(tail, xr + cvec), m));
      _mm512_mask_storeu_ps(outr + cvec, tail, e);
      vsum = _mm512_mask_add_ps(vsum, tail, vsum, e);
    }
    const __m512 inv = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(vsum));

    for (int c = 0; c < cvec; c += 16)
      _mm512_storeu_ps(outr + c, _mm512_mul_ps(_mm512_loadu_ps(outr + c), inv));
    if (tail)
      _mm512_mask_storeu_ps(
          outr + cvec, tail,
          _mm512_mul_ps(_mm512_maskz_loadu_ps(tail, outr + cvec), inv));
  }
}

extern "C" void softmax(const float *x, float *out, int rows, int cols) {
  softmax_kernel(x, out, rows, cols);
}
