//===- sum.h - reference of the corpus `sum` operator -----------*- C++ -*-===//
//
// out[r] = sum_c x[r, c] over x[rows, cols], accumulated in double.
// Launcher `sum`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SUM_H
#define XPILER_CORPUS_REF_SUM_H

namespace ref {

inline void sum(const float *x, float *out, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    double s = 0;
    for (int c = 0; c < cols; ++c)
      s += x[(long)r * cols + c];
    out[r] = float(s);
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SUM_H
