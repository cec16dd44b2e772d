//===- relu.h - reference of the corpus `relu` operator ---------*- C++ -*-===//
//
// out[i] = max(x[i], 0). Launcher `relu`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_RELU_H
#define XPILER_CORPUS_REF_RELU_H

namespace ref {

inline void relu(const float *x, float *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

} // namespace ref

#endif // XPILER_CORPUS_REF_RELU_H
