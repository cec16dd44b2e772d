//===- layernorm.h - reference of `layernorm` -------------------*- C++ -*-===//
//
// Layer normalization of each row of x[rows, cols] with the biased variance:
//   mu = mean_c x[r, c], var = mean_c (x[r, c] - mu)^2,
//   y[r, c] = (x[r, c] - mu) / sqrt(var + eps) * gamma[c] + beta[c],
// computed in double. Launcher `layernorm`, default signature of
// ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_LAYERNORM_H
#define XPILER_CORPUS_REF_LAYERNORM_H

#include <cmath>

namespace ref {

inline void layernorm(const float *x, const float *gamma, const float *beta,
                      float *y, int rows, int cols, float eps) {
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (long)r * cols;
    double mu = 0, var = 0;
    for (int c = 0; c < cols; ++c)
      mu += xr[c];
    mu /= cols;
    for (int c = 0; c < cols; ++c)
      var += (xr[c] - mu) * (xr[c] - mu);
    var /= cols;
    const double inv = 1.0 / std::sqrt(var + eps);
    for (int c = 0; c < cols; ++c)
      y[(long)r * cols + c] = float((xr[c] - mu) * inv * gamma[c] + beta[c]);
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_LAYERNORM_H
