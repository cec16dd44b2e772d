//===- sign.h - reference of the corpus `sign` operator ---------*- C++ -*-===//
//
// out[i] = -1, 0 or 1 by the sign of x[i] (0 for +-0; NaN is not an input).
// Launcher `sign`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SIGN_H
#define XPILER_CORPUS_REF_SIGN_H

namespace ref {

inline void sign(const float *x, float *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = x[i] > 0.0f ? 1.0f : x[i] < 0.0f ? -1.0f : 0.0f;
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SIGN_H
