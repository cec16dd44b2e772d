//===- concat.cpp - concatenation along the last axis, AVX-512 --*- C++ -*-===//
//
// out[r, :] = [a[r, :], b[r, :]]; a [rows, ca], b [rows, cb], out
// [rows, ca + cb] fp32 row-major.
//
// One OpenMP iteration per row; each of the two pieces is copied 16 floats at
// a time with a scalar loop for its tail (the destination of b's piece is
// generally unaligned: loadu/storeu throughout).
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

/// dst[0, len) = src[0, len), 16 lanes at a time.
static inline void copy_row(float *dst, const float *src, int len) {
  const int lvec = len / 16 * 16;
  for (int c = 0; c < lvec; c += 16)
    _mm512_storeu_ps(dst + c, _mm512_loadu_ps(src + c));
  for (int c = lvec; c < len; ++c)
    dst[c] = src[c];
}

static void concat_kernel(const float *a, const float *b, float *out, int rows,
                          int ca, int cb) {
  const int co = ca + cb;
#pragma omp parallel for
  for (int r = 0; r < rows; ++r) {
    copy_row(out + (size_t)r * co, a + (size_t)r * ca, ca);
    copy_row(out + (size_t)r * co + ca, b + (size_t)r * cb, cb);
  }
}

extern "C" void concat(const float *a, const float *b, float *out, int rows,
                       int ca, int cb) {
  concat_kernel(a, b, out, rows, ca, cb);
}
