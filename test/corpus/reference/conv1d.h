//===- conv1d.h - reference of the corpus `conv1d` operator -----*- C++ -*-===//
//
// 1-D convolution (cross-correlation), no padding, no dilation:
//   x[N, C, L], w[F, C, KW], y[N, F, OL], OL = (L - KW) / stride + 1,
//   y[n, f, o] = sum_{c, k} x[n, c, o*stride + k] * w[f, c, k].
//   ref::conv1d       float, accumulated in double (launcher `conv1d`, default
//                     signature of ../README.md).
//   ref::conv1d_u8s8  VNNI quantized variant, same layouts: uint8 x, int8 w,
//                     int32 y, accumulated in int32 (exact).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_CONV1D_H
#define XPILER_CORPUS_REF_CONV1D_H

#include <cstdint>

namespace ref {
namespace detail {
template <typename Acc, typename X, typename Wt, typename Y>
void conv1d(const X *x, const Wt *w, Y *y, int N, int C, int L, int F, int KW,
            int stride) {
  const int OL = (L - KW) / stride + 1;
  for (int n = 0; n < N; ++n)
    for (int f = 0; f < F; ++f)
      for (int o = 0; o < OL; ++o) {
        Acc acc = 0;
        for (int c = 0; c < C; ++c)
          for (int k = 0; k < KW; ++k)
            acc += Acc(x[((long)n * C + c) * L + o * stride + k]) *
                   Acc(w[((long)f * C + c) * KW + k]);
        y[((long)n * F + f) * OL + o] = Y(acc);
      }
}
} // namespace detail

inline void conv1d(const float *x, const float *w, float *y, int N, int C,
                   int L, int F, int KW, int stride) {
  detail::conv1d<double>(x, w, y, N, C, L, F, KW, stride);
}

inline void conv1d_u8s8(const uint8_t *x, const int8_t *w, int32_t *y, int N,
                        int C, int L, int F, int KW, int stride) {
  detail::conv1d<int64_t>(x, w, y, N, C, L, F, KW, stride);
}

} // namespace ref

#endif // XPILER_CORPUS_REF_CONV1D_H
