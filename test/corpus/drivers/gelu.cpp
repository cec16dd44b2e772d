//===- gelu.cpp - test driver of the corpus `gelu` operator -----*- C++ -*-===//
//
// Checks the launcher `gelu(x, out, n)` (tanh-form gelu) against ref::gelu
// on n = 37, 1003, 4096, 33333 (each rounded up to CORPUS_SHAPE_MULTIPLE),
// inputs in [-6.0, 6.0) with exact zeros. Element-wise tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/gelu.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gelu
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *out, int n);

static bool check1(int n) {
  std::vector<float> x = check::randomFloats(n, 1, -6.0f, 6.0f);
  std::vector<float> got = drv::poisoned(n), want(n);
  CORPUS_LAUNCHER(x.data(), got.data(), n);
  ref::gelu(x.data(), want.data(), n);
  return check::allClose(drv::Label("gelu n=%d", n), got.data(), want.data(), n,
                         drv::kElementwiseTol, drv::kElementwiseTol);
}

int main() {
  bool ok = true;
  for (int n : {37, 1003, 4096, 33333})
    ok &= check1(drv::dim(n));
  return drv::finish(ok, "gelu");
}
