//===- gemv.h - reference of the corpus `gemv` operator ---------*- C++ -*-===//
//
// y[M] = A[M, K] . x[K], row-major.
//   ref::gemv       float, accumulated in double (launcher `gemv`, default
//                   signature of ../README.md).
//   ref::gemv_u8s8  VNNI quantized variant: uint8 A x int8 x accumulated in
//                   int32 (exact).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_GEMV_H
#define XPILER_CORPUS_REF_GEMV_H

#include <cstdint>

namespace ref {

inline void gemv(const float *A, const float *x, float *y, int M, int K) {
  for (int m = 0; m < M; ++m) {
    double acc = 0;
    for (int k = 0; k < K; ++k)
      acc += double(A[(long)m * K + k]) * x[k];
    y[m] = float(acc);
  }
}

inline void gemv_u8s8(const uint8_t *A, const int8_t *x, int32_t *y, int M,
                      int K) {
  for (int m = 0; m < M; ++m) {
    int64_t acc = 0;
    for (int k = 0; k < K; ++k)
      acc += int32_t(A[(long)m * K + k]) * int32_t(x[k]);
    y[m] = int32_t(acc);
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_GEMV_H
