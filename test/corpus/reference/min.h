//===- min.h - reference of the corpus `min` operator -----------*- C++ -*-===//
//
// out[r] = min_c x[r, c] over x[rows, cols] (cols >= 1). Launcher `min_op`,
// default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_MIN_H
#define XPILER_CORPUS_REF_MIN_H

namespace ref {

inline void min_op(const float *x, float *out, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    float m = x[(long)r * cols];
    for (int c = 1; c < cols; ++c)
      m = x[(long)r * cols + c] < m ? x[(long)r * cols + c] : m;
    out[r] = m;
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_MIN_H
