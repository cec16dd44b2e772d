//===- sum.cpp - row sum, AVX-512 -------------------------------*- C++ -*-===//
//
// out[r] = Σ_c x[r, c].
// x [rows, cols] fp32 row-major, out [rows].
//
// One OpenMP iteration per row: 16-lane accumulation with _mm512_add_ps over
// the full vectors, _mm512_reduce_add_ps folds the 16 lanes, a scalar loop adds
// the cols % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void sum_kernel(const float *x, float *out, int rows, int cols) {
  const int cvec = cols / 16 * 16;
#pragma omp parallel for
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (size_t)r * cols;
    __m512 acc = _mm512_setzero_ps();
    for (int c = 0; c < cvec; c += 16)
      acc = _mm512_add_ps(acc, _mm512_loadu_ps(xr + c));
    float s = _mm512_reduce_add_ps(acc);
    for (int c = cvec; c < cols; ++c)
      s += xr[c];
    out[r] = s;
  }
}

extern "C" void sum(const float *x, float *out, int rows, int cols) {
  sum_kernel(x, out, rows, cols);
}
