//===- sub.cpp - element-wise subtraction, AVX-512 --------------*- C++ -*-===//
//
// out[i] = a[i] - b[i] for i in [0, n), fp32, contiguous.
// Sixteen lanes per __m512; OpenMP splits the vectors over threads and a
// scalar loop finishes the n % 16 tail. Works on the host pointers directly.
//
//===----------------------------------------------------------------------===//

#include <immintrin.h>

static void sub_kernel(const float *a, const float *b, float *out, int n) {
  const int nvec = n / 16 * 16;
#pragma omp parallel for
  for (int i = 0; i < nvec; i += 16) {
    __m512 va = _mm512_loadu_ps(a + i);
    __m512 vb = _mm512_loadu_ps(b + i);
    _mm512_storeu_ps(out + i, _mm512_sub_ps(va, vb));
  }
  for (int i = nvec; i < n; ++i)
    out[i] = a[i] - b[i];
}

extern "C" void sub(const float *a, const float *b, float *out, int n) {
  sub_kernel(a, b, out, n);
}
