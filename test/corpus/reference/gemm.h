//===- gemm.h - reference of the corpus `gemm` operator ---------*- C++ -*-===//
//
// C[M, N] = A[M, K] . B[K, N], row-major.
//   ref::gemm       float, accumulated in double (launcher `gemm`, default
//                   signature of ../README.md; a half-input CUDA/HIP kernel is
//                   checked against it on the half-rounded inputs).
//   ref::gemm_u8s8  VNNI quantized variant: uint8 A x int8 B accumulated in
//                   int32 (exact; wraps like vpdpbusd, no saturation).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_GEMM_H
#define XPILER_CORPUS_REF_GEMM_H

#include <cstdint>

namespace ref {

inline void gemm(const float *A, const float *B, float *C, int M, int N,
                 int K) {
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      double acc = 0;
      for (int k = 0; k < K; ++k)
        acc += double(A[(long)m * K + k]) * B[(long)k * N + n];
      C[(long)m * N + n] = float(acc);
    }
}

inline void gemm_u8s8(const uint8_t *A, const int8_t *B, int32_t *C, int M,
                      int N, int K) {
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      int64_t acc = 0;
      for (int k = 0; k < K; ++k)
        acc += int32_t(A[(long)m * K + k]) * int32_t(B[(long)k * N + n]);
      C[(long)m * N + n] = int32_t(acc);
    }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_GEMM_H
