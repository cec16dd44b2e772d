//===- concat.h - reference of the corpus `concat` operator -----*- C++ -*-===//
//
// Concatenation along the last axis: a[rows, ca], b[rows, cb] ->
// out[rows, ca + cb], out[r, :ca] = a[r, :], out[r, ca:] = b[r, :].
// Launcher `concat`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_CONCAT_H
#define XPILER_CORPUS_REF_CONCAT_H

namespace ref {

inline void concat(const float *a, const float *b, float *out, int rows, int ca,
                   int cb) {
  const int co = ca + cb;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < ca; ++c)
      out[(long)r * co + c] = a[(long)r * ca + c];
    for (int c = 0; c < cb; ++c)
      out[(long)r * co + ca + c] = b[(long)r * cb + c];
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_CONCAT_H
