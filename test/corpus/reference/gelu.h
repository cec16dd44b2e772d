//===- gelu.h - reference of the corpus `gelu` operator ---------*- C++ -*-===//
//
// out[i] = 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3))) (the tanh form),
// computed in double. Launcher `gelu`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_GELU_H
#define XPILER_CORPUS_REF_GELU_H

#include <cmath>

namespace ref {

inline void gelu(const float *x, float *out, int n) {
  const double k = std::sqrt(2.0 / 3.14159265358979323846);
  for (int i = 0; i < n; ++i) {
    double v = x[i];
    out[i] = float(0.5 * v * (1.0 + std::tanh(k * (v + 0.044715 * v * v * v))));
  }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_GELU_H
