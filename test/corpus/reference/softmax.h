//===- softmax.h - reference of the corpus `softmax` operator ---*- C++ -*-===//
//
// Row-wise softmax of x[rows, cols]: out[r, c] = e^(x[r,c] - m_r) / sum_c
// e^(x[r,c] - m_r), m_r the row max; in double. Launcher `softmax`, default
// signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SOFTMAX_H
#define XPILER_CORPUS_REF_SOFTMAX_H

#include <cmath>

namespace ref {

inline void softmax(const float *x, float *out, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const float *xr = x + (long)r * cols;
    float *yr = out + (long)r * cols;
    double m = xr[0];
    for (int c = 1; c < cols; ++c)
      m = xr[c] > m ? xr[c] : m;
    double s = 0;
    for (int c = 0; c < cols; ++c)
      s += std::exp(double(xr[c]) - m);
    for (int c = 0; c < cols; ++c)
      yr[c] = float(std::exp(double(xr[c]) - m) / s);
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SOFTMAX_H
