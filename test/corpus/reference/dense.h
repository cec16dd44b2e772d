//===- dense.h - reference of the corpus `dense` operator -------*- C++ -*-===//
//
// A fully connected layer: y[M, N] = x[M, K] . W[N, K]^T + bias[N] (W in the
// [out_features, in_features] layout), row-major.
//   ref::dense       float, accumulated in double (launcher `dense`, default
//                    signature of ../README.md).
//   ref::dense_u8s8  VNNI quantized variant: uint8 x, int8 W, int32 bias and
//                    y, accumulated in int32 (exact):
//                      dense_u8s8(const uint8_t *x, const int8_t *W,
//                                 const int32_t *bias, int32_t *y,
//                                 int M, int N, int K)
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_DENSE_H
#define XPILER_CORPUS_REF_DENSE_H

#include <cstdint>

namespace ref {

inline void dense(const float *x, const float *W, const float *bias, float *y,
                  int M, int N, int K) {
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      double acc = bias[n];
      for (int k = 0; k < K; ++k)
        acc += double(x[(long)m * K + k]) * W[(long)n * K + k];
      y[(long)m * N + n] = float(acc);
    }
}

inline void dense_u8s8(const uint8_t *x, const int8_t *W, const int32_t *bias,
                       int32_t *y, int M, int N, int K) {
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      int64_t acc = bias[n];
      for (int k = 0; k < K; ++k)
        acc += int32_t(x[(long)m * K + k]) * int32_t(W[(long)n * K + k]);
      y[(long)m * N + n] = int32_t(acc);
    }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_DENSE_H
