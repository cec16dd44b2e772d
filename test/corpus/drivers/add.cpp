//===- add.cpp - test driver of the corpus `add` operator -------*- C++ -*-===//
//
// Checks the launcher `add(a, b, out, n)` (out = a + b) against ref::add
// on n = 37, 1003, 4096, 33333 (each rounded up to CORPUS_SHAPE_MULTIPLE).
// Element-wise tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/add.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER add
#endif

extern "C" void CORPUS_LAUNCHER(const float *a, const float *b, float *out,
                                int n);

static bool check1(int n) {
  std::vector<float> a = check::randomFloats(n, 1),
                     b = check::randomFloats(n, 2);
  std::vector<float> got = drv::poisoned(n), want(n);
  CORPUS_LAUNCHER(a.data(), b.data(), got.data(), n);
  ref::add(a.data(), b.data(), want.data(), n);
  return check::allClose(drv::Label("add n=%d", n), got.data(), want.data(), n,
                         drv::kElementwiseTol, drv::kElementwiseTol);
}

int main() {
  bool ok = true;
  for (int n : {37, 1003, 4096, 33333})
    ok &= check1(drv::dim(n));
  return drv::finish(ok, "add");
}
