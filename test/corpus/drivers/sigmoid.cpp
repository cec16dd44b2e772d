//===- sigmoid.cpp - test driver of `sigmoid` -------------------*- C++ -*-===//
//
// Checks the launcher `sigmoid(x, out, n)` (1/(1+e^-x)) against ref::sigmoid
// on n = 37, 1003, 4096, 33333 (each rounded up to CORPUS_SHAPE_MULTIPLE),
// inputs in [-10.0, 10.0) with exact zeros. Element-wise tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/sigmoid.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER sigmoid
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *out, int n);

static bool check1(int n) {
  std::vector<float> x = check::randomFloats(n, 1, -10.0f, 10.0f);
  std::vector<float> got = drv::poisoned(n), want(n);
  CORPUS_LAUNCHER(x.data(), got.data(), n);
  ref::sigmoid(x.data(), want.data(), n);
  return check::allClose(drv::Label("sigmoid n=%d", n), got.data(), want.data(),
                         n, drv::kElementwiseTol, drv::kElementwiseTol);
}

int main() {
  bool ok = true;
  for (int n : {37, 1003, 4096, 33333})
    ok &= check1(drv::dim(n));
  return drv::finish(ok, "sigmoid");
}
