//===- batchnorm.h - reference of `batchnorm` -------------------*- C++ -*-===//
//
// Inference-mode batch normalization over x[N, C, HW] with per-channel
// running statistics:
//   y[n, c, i] = gamma[c] * (x[n, c, i] - mean[c]) / sqrt(var[c] + eps)
//                + beta[c],
// computed in double. Launcher `batchnorm`, default signature of
// ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_BATCHNORM_H
#define XPILER_CORPUS_REF_BATCHNORM_H

#include <cmath>

namespace ref {

inline void batchnorm(const float *x, const float *mean, const float *var,
                      const float *gamma, const float *beta, float *y, int N,
                      int C, int HW, float eps) {
  for (int n = 0; n < N; ++n)
    for (int c = 0; c < C; ++c) {
      const double scale = gamma[c] / std::sqrt(double(var[c]) + eps);
      for (int i = 0; i < HW; ++i) {
        const long at = ((long)n * C + c) * HW + i;
        y[at] = float((x[at] - double(mean[c])) * scale + beta[c]);
      }
    }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_BATCHNORM_H
