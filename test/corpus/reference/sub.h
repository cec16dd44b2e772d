//===- sub.h - reference of the corpus `sub` operator -----------*- C++ -*-===//
//
// out[i] = a[i] - b[i]. Launcher `sub`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SUB_H
#define XPILER_CORPUS_REF_SUB_H

namespace ref {

inline void sub(const float *a, const float *b, float *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = a[i] - b[i];
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SUB_H
