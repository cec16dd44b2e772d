//===- mha.h - reference of the corpus `mha` operator -----------*- C++ -*-===//
//
// Multi-head attention without mask, q, k, v, out all [B, H, S, D]:
//   out[b, h] = softmax(q[b, h] . k[b, h]^T / sqrt(D)) . v[b, h]
// (softmax over the key axis, max-subtracted), computed in double.
// Launcher `mha`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_MHA_H
#define XPILER_CORPUS_REF_MHA_H

#include <cmath>
#include <vector>

namespace ref {

inline void mha(const float *q, const float *k, const float *v, float *out,
                int batch, int heads, int seq, int dim) {
  const double scale = 1.0 / std::sqrt(double(dim));
  std::vector<double> p(seq);
  for (int bh = 0; bh < batch * heads; ++bh) {
    const long base = (long)bh * seq * dim;
    for (int i = 0; i < seq; ++i) {
      double m = -INFINITY, s = 0;
      for (int j = 0; j < seq; ++j) {
        double dot = 0;
        for (int d = 0; d < dim; ++d)
          dot +=
              double(q[base + (long)i * dim + d]) * k[base + (long)j * dim + d];
        p[j] = dot * scale;
        m = p[j] > m ? p[j] : m;
      }
      for (int j = 0; j < seq; ++j)
        s += p[j] = std::exp(p[j] - m);
      for (int d = 0; d < dim; ++d) {
        double acc = 0;
        for (int j = 0; j < seq; ++j)
          acc += p[j] * v[base + (long)j * dim + d];
        out[base + (long)i * dim + d] = float(acc / s);
      }
    }
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_MHA_H
