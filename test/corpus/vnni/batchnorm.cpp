//===- batchnorm.cpp - batch normalization (inference), AVX-512 -*- C++ -*-===//
//
// x, y [N, C, HW] fp32 row-major; mean, var, gamma, beta [C]:
//   y[n, c, i] = gamma[c]·(x[n, c, i] - mean[c]) / √(var[c] + eps) + beta[c].
//
// Per channel scale = gamma/√(var+eps) is computed once and broadcast with
// mean and beta; y = (x - mean)·scale + beta is one subtract and one FMA per
// 16 lanes (not folded into x·scale + shift, which would cancel badly when
// mean·scale is large). OpenMP over the (n, c) planes (collapsed
// loop); a scalar loop for the HW % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void batchnorm_kernel(const float *x, const float *mean,
                             const float *var, const float *gamma,
                             const float *beta, float *y, int N, int C, int HW,
                             float eps) {
  const int hvec = HW / 16 * 16;
#pragma omp parallel for collapse(2)
  for (int n = 0; n < N; ++n)
    for (int c = 0; c < C; ++c) {
      const float *xp = x + ((size_t)n * C + c) * HW;
      float *yp = y + ((size_t)n * C + c) * HW;
      const float scale = gamma[c] / std::sqrt(var[c] + eps);
      const __m512 vmean = _mm512_set1_ps(mean[c]);
      const __m512 vscale = _mm512_set1_ps(scale);
      const __m512 vbeta = _mm512_set1_ps(beta[c]);
      for (int i = 0; i < hvec; i += 16) {
        __m512 d = _mm512_sub_ps(_mm512_loadu_ps(xp + i), vmean);
        _mm512_storeu_ps(yp + i, _mm512_fmadd_ps(d, vscale, vbeta));
      }
      for (int i = hvec; i < HW; ++i)
        yp[i] = (xp[i] - mean[c]) * scale + beta[c];
    }
}

extern "C" void batchnorm(const float *x, const float *mean, const float *var,
                          const float *gamma, const float *beta, float *y,
                          int N, int C, int HW, float eps) {
  batchnorm_kernel(x, mean, var, gamma, beta, y, N, C, HW, eps);
}
