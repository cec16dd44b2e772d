//===- conv2d_nhwc.h - reference of `conv2d_nhwc` ---------------*- C++ -*-===//
//
// 2-D convolution (cross-correlation) in NHWC, no padding, no dilation:
//   x[N, H, W, C], w[F, KH, KW, C], y[N, OH, OW, F],
//   OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1,
//   y[n, oh, ow, f] = sum_{i, j, c} x[n, oh*stride + i, ow*stride + j, c]
//                                   * w[f, i, j, c].
//   ref::conv2d_nhwc       float, accumulated in double (launcher
//                          `conv2d_nhwc`, default signature of ../README.md).
//   ref::conv2d_nhwc_u8s8  VNNI quantized variant, same layouts: uint8 x,
//                          int8 w, int32 y, accumulated in int32 (exact).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_CONV2D_NHWC_H
#define XPILER_CORPUS_REF_CONV2D_NHWC_H

#include <cstdint>

namespace ref {
namespace detail {
template <typename Acc, typename X, typename Wt, typename Y>
void conv2d_nhwc(const X *x, const Wt *w, Y *y, int N, int H, int W, int C,
                 int F, int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  for (int n = 0; n < N; ++n)
    for (int oh = 0; oh < OH; ++oh)
      for (int ow = 0; ow < OW; ++ow)
        for (int f = 0; f < F; ++f) {
          Acc acc = 0;
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j)
              for (int c = 0; c < C; ++c)
                acc += Acc(x[(((long)n * H + oh * stride + i) * W +
                              ow * stride + j) *
                                 C +
                             c]) *
                       Acc(w[(((long)f * KH + i) * KW + j) * C + c]);
          y[(((long)n * OH + oh) * OW + ow) * F + f] = Y(acc);
        }
}
} // namespace detail

inline void conv2d_nhwc(const float *x, const float *w, float *y, int N, int H,
                        int W, int C, int F, int KH, int KW, int stride) {
  detail::conv2d_nhwc<double>(x, w, y, N, H, W, C, F, KH, KW, stride);
}

inline void conv2d_nhwc_u8s8(const uint8_t *x, const int8_t *w, int32_t *y,
                             int N, int H, int W, int C, int F, int KH, int KW,
                             int stride) {
  detail::conv2d_nhwc<int64_t>(x, w, y, N, H, W, C, F, KH, KW, stride);
}

} // namespace ref

#endif // XPILER_CORPUS_REF_CONV2D_NHWC_H
