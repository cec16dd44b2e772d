//===- sin.cpp - sine, AVX-512 ----------------------------------*- C++ -*-===//
//
// out[i] = sin(x[i]) for i in [0, n), fp32, contiguous. Launcher `sin_op`
// (`sin` is libm's).
//
// AVX-512F has no sine instruction (`_mm512_sin_ps` is SVML, a library of
// the Intel compiler, not an intrinsic), so the vector body evaluates each
// lane with a scalar std::sin: the 16 lanes go through a stack buffer by
// store/load, which keeps libm's accuracy over the whole float range (a
// polynomial would need a careful argument reduction for large |x|). OpenMP
// over the vectors, a scalar loop for the n % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

/// sin of every lane, one std::sin per lane through a 64-byte buffer.
static inline __m512 sin512_ps(__m512 v) {
  alignas(64) float lanes[16];
  _mm512_store_ps(lanes, v);
  for (int l = 0; l < 16; ++l)
    lanes[l] = std::sin(lanes[l]);
  return _mm512_load_ps(lanes);
}

static void sin_kernel(const float *x, float *out, int n) {
  const int nvec = n / 16 * 16;
#pragma omp parallel for
  for (int i = 0; i < nvec; i += 16)
    _mm512_storeu_ps(out + i, sin512_ps(_mm512_loadu_ps(x + i)));
  for (int i = nvec; i < n; ++i)
    out[i] = std::sin(x[i]);
}

extern "C" void sin_op(const float *x, float *out, int n) {
  sin_kernel(x, out, n);
}
