//===- depthwise_conv.h - reference of `depthwise_conv` ---------*- C++ -*-===//
//
// Depthwise 2-D convolution in NHWC (one filter per channel), no padding:
//   x[N, H, W, C], w[KH, KW, C], y[N, OH, OW, C],
//   OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1,
//   y[n, oh, ow, c] = sum_{i, j} x[n, oh*stride + i, ow*stride + j, c]
//                                * w[i, j, c].
//   ref::depthwise_conv       float, accumulated in double (launcher
//                             `depthwise_conv`, default signature of
//                             ../README.md).
//   ref::depthwise_conv_u8s8  VNNI quantized variant, same layouts: uint8 x,
//                             int8 w, int32 y (exact).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_DEPTHWISE_CONV_H
#define XPILER_CORPUS_REF_DEPTHWISE_CONV_H

#include <cstdint>

namespace ref {
namespace detail {
template <typename Acc, typename X, typename Wt, typename Y>
void depthwise_conv(const X *x, const Wt *w, Y *y, int N, int H, int W, int C,
                    int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  for (int n = 0; n < N; ++n)
    for (int oh = 0; oh < OH; ++oh)
      for (int ow = 0; ow < OW; ++ow)
        for (int c = 0; c < C; ++c) {
          Acc acc = 0;
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j)
              acc += Acc(x[(((long)n * H + oh * stride + i) * W + ow * stride +
                            j) *
                               C +
                           c]) *
                     Acc(w[((long)i * KW + j) * C + c]);
          y[(((long)n * OH + oh) * OW + ow) * C + c] = Y(acc);
        }
}
} // namespace detail

inline void depthwise_conv(const float *x, const float *w, float *y, int N,
                           int H, int W, int C, int KH, int KW, int stride) {
  detail::depthwise_conv<double>(x, w, y, N, H, W, C, KH, KW, stride);
}

inline void depthwise_conv_u8s8(const uint8_t *x, const int8_t *w, int32_t *y,
                                int N, int H, int W, int C, int KH, int KW,
                                int stride) {
  detail::depthwise_conv<int64_t>(x, w, y, N, H, W, C, KH, KW, stride);
}

} // namespace ref

#endif // XPILER_CORPUS_REF_DEPTHWISE_CONV_H
