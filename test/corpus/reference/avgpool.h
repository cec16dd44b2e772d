//===- avgpool.h - reference of the corpus `avgpool` operator ---*- C++ -*-===//
//
// Average pooling in NHWC, no padding: x[N, H, W, C], y[N, OH, OW, C],
// OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1; each output is the
// mean (in double) of the KH x KW window at (oh*stride, ow*stride), per
// channel. Launcher `avgpool`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_AVGPOOL_H
#define XPILER_CORPUS_REF_AVGPOOL_H

namespace ref {

inline void avgpool(const float *x, float *y, int N, int H, int W, int C,
                    int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  for (int n = 0; n < N; ++n)
    for (int oh = 0; oh < OH; ++oh)
      for (int ow = 0; ow < OW; ++ow)
        for (int c = 0; c < C; ++c) {
          double acc = 0;
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j) {
              float v =
                  x[(((long)n * H + oh * stride + i) * W + ow * stride + j) *
                        C +
                    c];
              acc += v;
            }
          y[(((long)n * OH + oh) * OW + ow) * C + c] = float(acc / (KH * KW));
        }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_AVGPOOL_H
