//===- instancenorm.cpp - instance normalization, AVX-512 -------*- C++ -*-===//
//
// x, y [N, C, HW] fp32 row-major; per (n, c) over the HW plane:
//   μ = mean, σ² = mean((x - μ)²) (biased),
//   y = (x - μ) / √(σ² + eps) · gamma[c] + beta[c].
//
// One OpenMP iteration per (n, c) plane (collapsed loop), three passes over
// it as in layernorm (sum, squared deviations, then y = (x - μ)·scale +
// beta[c] by FMA with scale = gamma[c]/√(σ²+eps)), each over 16 lanes plus a
// scalar loop for the HW % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void instancenorm_kernel(const float *x, const float *gamma,
                                const float *beta, float *y, int N, int C,
                                int HW, float eps) {
  const int hvec = HW / 16 * 16;
#pragma omp parallel for collapse(2)
  for (int n = 0; n < N; ++n)
    for (int c = 0; c < C; ++c) {
      const float *xp = x + ((size_t)n * C + c) * HW;
      float *yp = y + ((size_t)n * C + c) * HW;

      __m512 vsum = _mm512_setzero_ps();
      for (int i = 0; i < hvec; i += 16)
        vsum = _mm512_add_ps(vsum, _mm512_loadu_ps(xp + i));
      float sum = _mm512_reduce_add_ps(vsum);
      for (int i = hvec; i < HW; ++i)
        sum += xp[i];
      const float mu = sum / (float)HW;
      const __m512 vmu = _mm512_set1_ps(mu);

      __m512 vsq = _mm512_setzero_ps();
      for (int i = 0; i < hvec; i += 16) {
        __m512 d = _mm512_sub_ps(_mm512_loadu_ps(xp + i), vmu);
        vsq = _mm512_fmadd_ps(d, d, vsq);
      }
      float sq = _mm512_reduce_add_ps(vsq);
      for (int i = hvec; i < HW; ++i)
        sq += (xp[i] - mu) * (xp[i] - mu);

      const float scale = gamma[c] / std::sqrt(sq / (float)HW + eps);
      const __m512 vscale = _mm512_set1_ps(scale);
      const __m512 vbeta = _mm512_set1_ps(beta[c]);
      for (int i = 0; i < hvec; i += 16) {
        __m512 d = _mm512_sub_ps(_mm512_loadu_ps(xp + i), vmu);
        _mm512_storeu_ps(yp + i, _mm512_fmadd_ps(d, vscale, vbeta));
      }
      for (int i = hvec; i < HW; ++i)
        yp[i] = (xp[i] - mu) * scale + beta[c];
    }
}

extern "C" void instancenorm(const float *x, const float *gamma,
                             const float *beta, float *y, int N, int C, int HW,
                             float eps) {
  instancenorm_kernel(x, gamma, beta, y, N, C, HW, eps);
}
