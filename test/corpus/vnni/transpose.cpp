//===- transpose.cpp - matrix transpose, AVX-512 ----------------*- C++ -*-===//
//
// y[c, r] = x[r, c]; x [rows, cols], y [cols, rows] fp32 row-major;
// rows·cols < 2^31.
//
// Blocks of 16 source rows: for each column c one _mm512_i32gather_ps reads
// x[r0 .. r0+15, c] (lane offsets l·cols) and one store writes them as the
// contiguous y[c, r0 .. r0+15]. The 16 rows of a block stay in cache while c
// runs across them. OpenMP over the row blocks; the rows % 16 leftover rows
// are copied by a scalar loop.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void transpose_kernel(const float *x, float *y, int rows, int cols) {
  const int rvec = rows / 16 * 16;
  // Offsets, in floats, of the 16 rows of a block: lane l = l·cols.
  const __m512i lane_offsets = _mm512_mullo_epi32(
      _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
      _mm512_set1_epi32(cols));
#pragma omp parallel for
  for (int r0 = 0; r0 < rvec; r0 += 16) {
    const float *block = x + (size_t)r0 * cols;
    for (int c = 0; c < cols; ++c)
      _mm512_storeu_ps(y + (size_t)c * rows + r0,
                       _mm512_i32gather_ps(lane_offsets, block + c, 4));
  }
  for (int r = rvec; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      y[(size_t)c * rows + r] = x[(size_t)r * cols + c];
}

extern "C" void transpose(const float *x, float *y, int rows, int cols) {
  transpose_kernel(x, y, rows, cols);
}
