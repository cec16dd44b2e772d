//===- add.h - reference of the corpus `add` operator -----------*- C++ -*-===//
//
// out[i] = a[i] + b[i]. Launcher `add`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_ADD_H
#define XPILER_CORPUS_REF_ADD_H

namespace ref {

inline void add(const float *a, const float *b, float *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = a[i] + b[i];
}

} // namespace ref

#endif // XPILER_CORPUS_REF_ADD_H
