//===- scatter.cpp - row scatter, AVX-512 -----------------------*- C++ -*-===//
//
// out[idx[i], :] = src[i, :] for i in [0, n); src [n, cols], out [rows, cols]
// fp32 row-major, idx [n] int32, distinct, 0 <= idx[i] < rows. out is
// in/out: rows no index names keep their values.
//
// The indices are distinct, so the n row copies are independent: one OpenMP
// iteration per source row, copied 16 floats at a time with a scalar loop for
// the cols % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void scatter_kernel(const float *src, const int *idx, float *out, int n,
                           int cols, int rows) {
  (void)rows; // only bounds idx
  const int cvec = cols / 16 * 16;
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    const float *s = src + (size_t)i * cols;
    float *d = out + (size_t)idx[i] * cols;
    for (int c = 0; c < cvec; c += 16)
      _mm512_storeu_ps(d + c, _mm512_loadu_ps(s + c));
    for (int c = cvec; c < cols; ++c)
      d[c] = s[c];
  }
}

extern "C" void scatter(const float *src, const int *idx, float *out, int n,
                        int cols, int rows) {
  scatter_kernel(src, idx, out, n, cols, rows);
}
