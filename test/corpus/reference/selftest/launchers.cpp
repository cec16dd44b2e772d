//===- launchers.cpp - reference-backed launchers for the selftests -*- C++ -*-===//
//
// Defines every corpus launcher (extern "C", default signature) by calling its
// plain C++ reference, so each driver in ../../drivers can be built and run
// without any corpus kernel: a driver that passes against these launchers is
// known to compile, to feed its reference and launcher the same inputs and to
// compare correctly. drivers.test links each driver with this file.
//
//   -DSHIM_U8S8           define the VNNI quantized launchers (gemm, gemv,
//                         bmm, dense, conv1d, conv2d_nhwc, conv2d_nchw,
//                         depthwise_conv with uint8 x int8 -> int32) instead
//                         of the float ones (they share the launcher names).
//   -DSHIM_INPUT_T=T      matrix-product launchers take T operands (as the
//                         drivers do with -DCORPUS_INPUT_T=T); they widen
//                         them to float and call the float reference.
//
//===----------------------------------------------------------------------===//

#include "../add.h"
#include "../gelu.h"
#include "../max.h"
#include "../mean.h"
#include "../min.h"
#include "../relu.h"
#include "../sigmoid.h"
#include "../sign.h"
#include "../sin.h"
#include "../softmax.h"
#include "../sub.h"
#include "../sum.h"

#include <vector>

#ifndef SHIM_U8S8

extern "C" {

// Element-wise.
void add(const float *a, const float *b, float *out, int n) {
  ref::add(a, b, out, n);
}
void sub(const float *a, const float *b, float *out, int n) {
  ref::sub(a, b, out, n);
}
void sign(const float *x, float *out, int n) { ref::sign(x, out, n); }
void sin_op(const float *x, float *out, int n) { ref::sin_op(x, out, n); }
void relu(const float *x, float *out, int n) { ref::relu(x, out, n); }
void sigmoid(const float *x, float *out, int n) { ref::sigmoid(x, out, n); }
void gelu(const float *x, float *out, int n) { ref::gelu(x, out, n); }

// Row reductions.
void softmax(const float *x, float *out, int rows, int cols) {
  ref::softmax(x, out, rows, cols);
}
void sum(const float *x, float *out, int rows, int cols) {
  ref::sum(x, out, rows, cols);
}
void mean(const float *x, float *out, int rows, int cols) {
  ref::mean(x, out, rows, cols);
}
void max_op(const float *x, float *out, int rows, int cols) {
  ref::max_op(x, out, rows, cols);
}
void min_op(const float *x, float *out, int rows, int cols) {
  ref::min_op(x, out, rows, cols);
}

} // extern "C"

#endif // !SHIM_U8S8
