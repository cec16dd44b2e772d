//===- sin.cpp - test driver of the corpus `sin` operator -------*- C++ -*-===//
//
// Checks the launcher `sin_op(x, out, n)` (sin x) against ref::sin_op
// on n = 37, 1003, 4096, 33333 (each rounded up to CORPUS_SHAPE_MULTIPLE),
// inputs in [-8.0, 8.0) with exact zeros. Element-wise tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/sin.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER sin_op
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *out, int n);

static bool check1(int n) {
  std::vector<float> x = check::randomFloats(n, 1, -8.0f, 8.0f);
  std::vector<float> got = drv::poisoned(n), want(n);
  CORPUS_LAUNCHER(x.data(), got.data(), n);
  ref::sin_op(x.data(), want.data(), n);
  return check::allClose(drv::Label("sin n=%d", n), got.data(), want.data(), n,
                         drv::kElementwiseTol, drv::kElementwiseTol);
}

int main() {
  bool ok = true;
  for (int n : {37, 1003, 4096, 33333})
    ok &= check1(drv::dim(n));
  return drv::finish(ok, "sin");
}
