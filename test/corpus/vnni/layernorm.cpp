//===- layernorm.cpp - layer normalization, AVX-512 -------------*- C++ -*-===//
//
// Per row r of x [rows, cols] (fp32, row-major):
//   μ = mean(x[r,:]), σ² = mean((x[r,:] - μ)²) (biased),
//   y[r, c] = (x[r, c] - μ) / √(σ² + eps) · gamma[c] + beta[c].
//
// One OpenMP iteration per row, three passes: the sum, the sum of squared
// deviations (two-pass variance, no cancellation), then y by one FMA per
// vector. Each pass runs 16 lanes over the full vectors and a scalar loop
// over the cols % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void layernorm_kernel(const float *x, const float *gamma,
                             const float *beta, float *y, int rows, int cols,
                             float eps) {
  const int cvec = cols / 16 * 16;
#pragma omp parallel for
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (size_t)r * cols;
    float *yr = y + (size_t)r * cols;

    __m512 vsum = _mm512_setzero_ps();
    for (int c = 0; c < cvec; c += 16)
      vsum = _mm512_add_ps(vsum, _mm512_loadu_ps(xr + c));
    float sum = _mm512_reduce_add_ps(vsum);
    for (int c = cvec; c < cols; ++c)
      sum += xr[c];
    const float mu = sum / (float)cols;
    const __m512 vmu = _mm512_set1_ps(mu);

    __m512 vsq = _mm512_setzero_ps();
    for (int c = 0; c < cvec; c += 16) {
      __m512 d = _mm512_sub_ps(_mm512_loadu_ps(xr + c), vmu);
      vsq = _mm512_fmadd_ps(d, d, vsq);
    }
    float sq = _mm512_reduce_add_ps(vsq);
    for (int c = cvec; c < cols; ++c)
      sq += (xr[c] - mu) * (xr[c] - mu);
    const float rstd = 1.0f / std::sqrt(sq / (float)cols + eps);
    const __m512 vrstd = _mm512_set1_ps(rstd);

    for (int c = 0; c < cvec; c += 16) {
      __m512 xhat =
          _mm512_mul_ps(_mm512_sub_ps(_mm512_loadu_ps(xr + c), vmu), vrstd);
      _mm512_storeu_ps(yr + c, _mm512_fmadd_ps(xhat, _mm512_loadu_ps(gamma + c),
                                               _mm512_loadu_ps(beta + c)));
    }
    for (int c = cvec; c < cols; ++c)
      yr[c] = (xr[c] - mu) * rstd * gamma[c] + beta[c];
  }
}

extern "C" void layernorm(const float *x, const float *gamma, const float *beta,
                          float *y, int rows, int cols, float eps) {
  layernorm_kernel(x, gamma, beta, y, rows, cols, eps);
}
