//===- instancenorm.h - reference of `instancenorm` -------------*- C++ -*-===//
//
// Instance normalization of x[N, C, HW]: each (n, c) plane is normalized over
// its HW values with the biased variance, then scaled and shifted per channel:
//   mu = mean_i x[n, c, i], var = mean_i (x[n, c, i] - mu)^2,
//   y[n, c, i] = (x[n, c, i] - mu) / sqrt(var + eps) * gamma[c] + beta[c],
// computed in double. Launcher `instancenorm`, default signature of
// ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_INSTANCENORM_H
#define XPILER_CORPUS_REF_INSTANCENORM_H

#include <cmath>

namespace ref {

inline void instancenorm(const float *x, const float *gamma, const float *beta,
                         float *y, int N, int C, int HW, float eps) {
  for (int n = 0; n < N; ++n)
    for (int c = 0; c < C; ++c) {
      const float *xp = x + ((long)n * C + c) * HW;
      float *yp = y + ((long)n * C + c) * HW;
      double mu = 0, var = 0;
      for (int i = 0; i < HW; ++i)
        mu += xp[i];
      mu /= HW;
      for (int i = 0; i < HW; ++i)
        var += (xp[i] - mu) * (xp[i] - mu);
      var /= HW;
      const double inv = 1.0 / std::sqrt(var + eps);
      for (int i = 0; i < HW; ++i)
        yp[i] = float((xp[i] - mu) * inv * gamma[c] + beta[c]);
    }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_INSTANCENORM_H
