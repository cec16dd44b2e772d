//===- rmsnorm.h - reference of the corpus `rmsnorm` operator ---*- C++ -*-===//
//
// RMS normalization of each row of x[rows, cols]:
//   y[r, c] = x[r, c] / sqrt(mean_c x[r, c]^2 + eps) * gamma[c],
// computed in double. Launcher `rmsnorm`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_RMSNORM_H
#define XPILER_CORPUS_REF_RMSNORM_H

#include <cmath>

namespace ref {

inline void rmsnorm(const float *x, const float *gamma, float *y, int rows,
                    int cols, float eps) {
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (long)r * cols;
    double ss = 0;
    for (int c = 0; c < cols; ++c)
      ss += double(xr[c]) * xr[c];
    const double inv = 1.0 / std::sqrt(ss / cols + eps);
    for (int c = 0; c < cols; ++c)
      y[(long)r * cols + c] = float(xr[c] * inv * gamma[c]);
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_RMSNORM_H
