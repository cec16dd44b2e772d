//===- bmm.h - reference of the corpus `bmm` operator -----------*- C++ -*-===//
//
// C[b, M, N] = A[b, M, K] . B[b, K, N] for each b < batch, row-major, batches
// contiguous.
//   ref::bmm       float, accumulated in double (launcher `bmm`, default
//                  signature of ../README.md).
//   ref::bmm_u8s8  VNNI quantized variant: uint8 A x int8 B accumulated in
//                  int32 (exact).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_BMM_H
#define XPILER_CORPUS_REF_BMM_H

#include "gemm.h"

namespace ref {

inline void bmm(const float *A, const float *B, float *C, int batch, int M,
                int N, int K) {
  for (int b = 0; b < batch; ++b)
    gemm(A + (long)b * M * K, B + (long)b * K * N, C + (long)b * M * N, M, N,
         K);
}

inline void bmm_u8s8(const uint8_t *A, const int8_t *B, int32_t *C, int batch,
                     int M, int N, int K) {
  for (int b = 0; b < batch; ++b)
    gemm_u8s8(A + (long)b * M * K, B + (long)b * K * N, C + (long)b * M * N, M,
              N, K);
}

} // namespace ref

#endif // XPILER_CORPUS_REF_BMM_H
