//===- gqa.h - reference of the corpus `gqa` operator -----------*- C++ -*-===//
//
// Grouped-query attention without mask: q, out [B, Hq, S, D], k, v
// [B, Hkv, S, D], Hq % Hkv == 0; query head h attends with kv head
// h / (Hq / Hkv) (consecutive query heads share a kv head; Hkv == 1 is
// multi-query attention, Hkv == Hq is mha):
//   out[b, h] = softmax(q[b, h] . k[b, h/g]^T / sqrt(D)) . v[b, h/g],
// computed in double. Launcher `gqa`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_GQA_H
#define XPILER_CORPUS_REF_GQA_H

#include <cmath>
#include <vector>

namespace ref {

inline void gqa(const float *q, const float *k, const float *v, float *out,
                int batch, int q_heads, int kv_heads, int seq, int dim) {
  const int group = q_heads / kv_heads;
  const double scale = 1.0 / std::sqrt(double(dim));
  std::vector<double> p(seq);
  for (int b = 0; b < batch; ++b)
    for (int h = 0; h < q_heads; ++h) {
      const float *qh = q + ((long)b * q_heads + h) * seq * dim;
      const float *kh = k + ((long)b * kv_heads + h / group) * seq * dim;
      const float *vh = v + ((long)b * kv_heads + h / group) * seq * dim;
      float *oh = out + ((long)b * q_heads + h) * seq * dim;
      for (int i = 0; i < seq; ++i) {
        double m = -INFINITY, s = 0;
        for (int j = 0; j < seq; ++j) {
          double dot = 0;
          for (int d = 0; d < dim; ++d)
            dot += double(qh[(long)i * dim + d]) * kh[(long)j * dim + d];
          p[j] = dot * scale;
          m = p[j] > m ? p[j] : m;
        }
        for (int j = 0; j < seq; ++j)
          s += p[j] = std::exp(p[j] - m);
        for (int d = 0; d < dim; ++d) {
          double acc = 0;
          for (int j = 0; j < seq; ++j)
            acc += p[j] * vh[(long)j * dim + d];
          oh[(long)i * dim + d] = float(acc / s);
        }
      }
    }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_GQA_H
