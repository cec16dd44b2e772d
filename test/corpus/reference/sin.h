//===- sin.h - reference of the corpus `sin` operator -----------*- C++ -*-===//
//
// out[i] = sin(x[i]), computed in double. Launcher `sin_op` (`sin` is
// libm's), default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SIN_H
#define XPILER_CORPUS_REF_SIN_H

#include <cmath>

namespace ref {

inline void sin_op(const float *x, float *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = float(std::sin(double(x[i])));
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SIN_H
