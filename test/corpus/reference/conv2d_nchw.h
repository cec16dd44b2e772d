//===- conv2d_nchw.h - reference of `conv2d_nchw` ---------------*- C++ -*-===//
//
// 2-D convolution (cross-correlation) in NCHW, no padding, no dilation:
//   x[N, C, H, W], w[F, C, KH, KW], y[N, F, OH, OW],
//   OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1,
//   y[n, f, oh, ow] = sum_{c, i, j} x[n, c, oh*stride + i, ow*stride + j]
//                                   * w[f, c, i, j].
//   ref::conv2d_nchw       float, accumulated in double (launcher
//                          `conv2d_nchw`, default signature of ../README.md).
//   ref::conv2d_nchw_u8s8  VNNI quantized variant, same layouts: uint8 x,
//                          int8 w, int32 y, accumulated in int32 (exact).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_CONV2D_NCHW_H
#define XPILER_CORPUS_REF_CONV2D_NCHW_H

#include <cstdint>

namespace ref {
namespace detail {
template <typename Acc, typename X, typename Wt, typename Y>
void conv2d_nchw(const X *x, const Wt *w, Y *y, int N, int C, int H, int W,
                 int F, int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  for (int n = 0; n < N; ++n)
    for (int f = 0; f < F; ++f)
      for (int oh = 0; oh < OH; ++oh)
        for (int ow = 0; ow < OW; ++ow) {
          Acc acc = 0;
          for (int c = 0; c < C; ++c)
            for (int i = 0; i < KH; ++i)
              for (int j = 0; j < KW; ++j)
                acc += Acc(x[(((long)n * C + c) * H + oh * stride + i) * W +
                             ow * stride + j]) *
                       Acc(w[(((long)f * C + c) * KH + i) * KW + j]);
          y[(((long)n * F + f) * OH + oh) * OW + ow] = Y(acc);
        }
}
} // namespace detail

inline void conv2d_nchw(const float *x, const float *w, float *y, int N, int C,
                        int H, int W, int F, int KH, int KW, int stride) {
  detail::conv2d_nchw<double>(x, w, y, N, C, H, W, F, KH, KW, stride);
}

inline void conv2d_nchw_u8s8(const uint8_t *x, const int8_t *w, int32_t *y,
                             int N, int C, int H, int W, int F, int KH, int KW,
                             int stride) {
  detail::conv2d_nchw<int64_t>(x, w, y, N, C, H, W, F, KH, KW, stride);
}

} // namespace ref

#endif // XPILER_CORPUS_REF_CONV2D_NCHW_H
