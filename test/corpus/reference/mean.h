//===- mean.h - reference of the corpus `mean` operator ---------*- C++ -*-===//
//
// out[r] = sum_c x[r, c] / cols over x[rows, cols], accumulated in double.
// Launcher `mean`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_MEAN_H
#define XPILER_CORPUS_REF_MEAN_H

namespace ref {

inline void mean(const float *x, float *out, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    double s = 0;
    for (int c = 0; c < cols; ++c)
      s += x[(long)r * cols + c];
    out[r] = float(s / cols);
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_MEAN_H
