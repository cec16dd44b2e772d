//===- relu.cpp - test driver of the corpus `relu` operator -----*- C++ -*-===//
//
// Checks the launcher `relu(x, out, n)` (max(x, 0)) against ref::relu
// on n = 37, 1003, 4096, 33333 (each rounded up to CORPUS_SHAPE_MULTIPLE),
// inputs in [-4.0, 4.0) with exact zeros. Element-wise tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/relu.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER relu
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *out, int n);

static bool check1(int n) {
  std::vector<float> x = check::randomFloats(n, 1, -4.0f, 4.0f);
  std::vector<float> got = drv::poisoned(n), want(n);
  CORPUS_LAUNCHER(x.data(), got.data(), n);
  ref::relu(x.data(), want.data(), n);
  return check::allClose(drv::Label("relu n=%d", n), got.data(), want.data(), n,
                         drv::kElementwiseTol, drv::kElementwiseTol);
}

int main() {
  bool ok = true;
  for (int n : {37, 1003, 4096, 33333})
    ok &= check1(drv::dim(n));
  return drv::finish(ok, "relu");
}
