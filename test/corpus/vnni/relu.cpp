//===- relu.cpp - rectified linear unit, AVX-512 ----------------*- C++ -*-===//
//
// out[i] = max(x[i], 0) for i in [0, n), fp32, contiguous.
// One _mm512_max_ps against zero per 16 lanes, OpenMP over the vectors, a
// scalar loop for the n % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void relu_kernel(const float *x, float *out, int n) {
  const int nvec = n / 16 * 16;
  const __m512 zero = _mm512_setzero_ps();
#pragma omp parallel for
  for (int i = 0; i < nvec; i += 16)
    _mm512_storeu_ps(out + i, _mm512_max_ps(_mm512_loadu_ps(x + i), zero));
  for (int i = nvec; i < n; ++i)
    out[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

extern "C" void relu(const float *x, float *out, int n) {
  relu_kernel(x, out, n);
}
