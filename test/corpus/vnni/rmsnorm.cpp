//===- rmsnorm.cpp - RMS normalization, AVX-512 -----------------*- C++ -*-===//
//
// Per row r of x [rows, cols] (fp32, row-major):
//   y[r, c] = x[r, c] / √(mean(x[r,:]²) + eps) · gamma[c].
//
// One OpenMP iteration per row: the sum of squares by FMA over 16 lanes plus
// a scalar tail, then one scaled multiply per vector (scalar tail again).
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void rmsnorm_kernel(const float *x, const float *gamma, float *y,
                           int rows, int cols, float eps) {
  const int cvec = cols / 16 * 16;
#pragma omp parallel for
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (size_t)r * cols;
    float *yr = y + (size_t)r * cols;

    __m512 vsq = _mm512_setzero_ps();
    for (int c = 0; c < cvec; c += 16) {
      __m512 v = _mm512_loadu_ps(xr + c);
      vsq = _mm512_fmadd_ps(v, v, vsq);
    }
    float sq = _mm512_reduce_add_ps(vsq);
    for (int c = cvec; c < cols; ++c)
      sq += xr[c] * xr[c];
    const float rrms = 1.0f / std::sqrt(sq / (float)cols + eps);
    const __m512 vrrms = _mm512_set1_ps(rrms);

    for (int c = 0; c < cvec; c += 16) {
      __m512 v = _mm512_mul_ps(_mm512_loadu_ps(xr + c), vrrms);
      _mm512_storeu_ps(yr + c, _mm512_mul_ps(v, _mm512_loadu_ps(gamma + c)));
    }
    for (int c = cvec; c < cols; ++c)
      yr[c] = xr[c] * rrms * gamma[c];
  }
}

extern "C" void rmsnorm(const float *x, const float *gamma, float *y, int rows,
                        int cols, float eps) {
  rmsnorm_kernel(x, gamma, y, rows, cols, eps);
}
