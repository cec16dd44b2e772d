//===- max.h - reference of the corpus `max` operator -----------*- C++ -*-===//
//
// out[r] = max_c x[r, c] over x[rows, cols] (cols >= 1). Launcher `max_op`,
// default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_MAX_H
#define XPILER_CORPUS_REF_MAX_H

namespace ref {

inline void max_op(const float *x, float *out, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    float m = x[(long)r * cols];
    for (int c = 1; c < cols; ++c)
      m = x[(long)r * cols + c] > m ? x[(long)r * cols + c] : m;
    out[r] = m;
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_MAX_H
