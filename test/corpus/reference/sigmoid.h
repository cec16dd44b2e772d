//===- sigmoid.h - reference of the corpus `sigmoid` operator ---*- C++ -*-===//
//
// out[i] = 1 / (1 + e^-x[i]), computed in double. Launcher `sigmoid`,
// default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_SIGMOID_H
#define XPILER_CORPUS_REF_SIGMOID_H

#include <cmath>

namespace ref {

inline void sigmoid(const float *x, float *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = float(1.0 / (1.0 + std::exp(-double(x[i]))));
}

} // namespace ref

#endif // XPILER_CORPUS_REF_SIGMOID_H
