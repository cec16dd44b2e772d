//===- scatter.h - reference of the corpus `scatter` operator ---*- C++ -*-===//
//
// Row scatter: out[idx[i], :] = src[i, :] for i < n, src[n, cols],
// out[rows, cols] in/out (rows not named by idx keep their values),
// idx distinct and 0 <= idx[i] < rows. Launcher `scatter`, default signature
// of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SCATTER_H
#define XPILER_CORPUS_REF_SCATTER_H

namespace ref {

inline void scatter(const float *src, const int *idx, float *out, int n,
                    int cols, int rows) {
  (void)rows; // only bounds idx
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < cols; ++c)
      out[(long)idx[i] * cols + c] = src[(long)i * cols + c];
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SCATTER_H
