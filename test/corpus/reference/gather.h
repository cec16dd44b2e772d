//===- gather.h - reference of the corpus `gather` operator -----*- C++ -*-===//
//
// Row gather (embedding lookup): out[i, :] = table[idx[i], :] for i < n,
// table[rows, cols], out[n, cols], 0 <= idx[i] < rows (repeats allowed).
// Launcher `gather`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_GATHER_H
#define XPILER_CORPUS_REF_GATHER_H

namespace ref {

inline void gather(const float *table, const int *idx, float *out, int rows,
                   int cols, int n) {
  (void)rows; // only bounds idx
  for (int i = 0; i < n; ++i)
    for (int c = 0; c < cols; ++c)
      out[(long)i * cols + c] = table[(long)idx[i] * cols + c];
}

} // namespace ref

#endif // XPILER_CORPUS_REF_GATHER_H
