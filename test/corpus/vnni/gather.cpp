//===- gather.cpp - row gather, AVX-512 -------------------------*- C++ -*-===//
//
// out[i, :] = table[idx[i], :] for i in [0, n); table [rows, cols], out
// [n, cols] fp32 row-major, idx [n] int32 with 0 <= idx[i] < rows.
//
// One OpenMP iteration per gathered row: the row is copied 16 floats at a
// time (_mm512_loadu_ps/_mm512_storeu_ps) and a scalar loop copies the
// cols % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void gather_kernel(const float *table, const int *idx, float *out,
                          int rows, int cols, int n) {
  (void)rows; // only bounds idx
  const int cvec = cols / 16 * 16;
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    const float *src = table + (size_t)idx[i] * cols;
    float *dst = out + (size_t)i * cols;
    for (int c = 0; c < cvec; c += 16)
      _mm512_storeu_ps(dst + c, _mm512_loadu_ps(src + c));
    for (int c = cvec; c < cols; ++c)
      dst[c] = src[c];
  }
}

extern "C" void gather(const float *table, const int *idx, float *out, int rows,
                       int cols, int n) {
  gather_kernel(table, idx, out, rows, cols, n);
}
