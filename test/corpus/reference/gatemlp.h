//===- gatemlp.h - reference of the corpus `gatemlp` operator ---*- C++ -*-===//
//
// The gated MLP of LLaMA-style blocks: y[M, N] = silu(x . Wg^T) * (x . Wu^T),
// x[M, K], Wg and Wu [N, K], silu(v) = v / (1 + e^-v); products accumulated
// in double. Launcher `gatemlp`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_GATEMLP_H
#define XPILER_CORPUS_REF_GATEMLP_H

#include <cmath>

namespace ref {

inline void gatemlp(const float *x, const float *Wg, const float *Wu, float *y,
                    int M, int N, int K) {
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      double g = 0, u = 0;
      for (int k = 0; k < K; ++k) {
        g += double(x[(long)m * K + k]) * Wg[(long)n * K + k];
        u += double(x[(long)m * K + k]) * Wu[(long)n * K + k];
      }
      y[(long)m * N + n] = float(g / (1.0 + std::exp(-g)) * u);
    }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_GATEMLP_H
