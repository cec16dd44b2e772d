//===- min.cpp - row minimum, AVX-512 ---------------------------*- C++ -*-===//
//
// out[r] = min_c x[r, c] (launcher `min_op`); cols >= 1.
// x [rows, cols] fp32 row-major, out [rows].
//
// One OpenMP iteration per row: 16-lane accumulation with _mm512_min_ps over
// the full vectors, _mm512_reduce_min_ps folds the 16 lanes, a scalar loop
// folds in the cols % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void min_kernel(const float *x, float *out, int rows, int cols) {
  const int cvec = cols / 16 * 16;
#pragma omp parallel for
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (size_t)r * cols;
    __m512 acc = _mm512_set1_ps(INFINITY);
    for (int c = 0; c < cvec; c += 16)
      acc = _mm512_min_ps(acc, _mm512_loadu_ps(xr + c));
    float s = _mm512_reduce_min_ps(acc);
    for (int c = cvec; c < cols; ++c)
      s = xr[c] < s ? xr[c] : s;
    out[r] = s;
  }
}

extern "C" void min_op(const float *x, float *out, int rows, int cols) {
  min_kernel(x, out, rows, cols);
}
