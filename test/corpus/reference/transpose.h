//===- transpose.h - reference of `transpose` -------------------*- C++ -*-===//
//
// 2-D transpose: x[rows, cols] -> y[cols, rows], y[c, r] = x[r, c].
// Launcher `transpose`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_TRANSPOSE_H
#define XPILER_CORPUS_REF_TRANSPOSE_H

namespace ref {

inline void transpose(const float *x, float *y, int rows, int cols) {
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      y[(long)c * rows + r] = x[(long)r * cols + c];
}

} // namespace ref

#endif // XPILER_CORPUS_REF_TRANSPOSE_H
