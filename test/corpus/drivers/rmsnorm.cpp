//===- rmsnorm.cpp - test driver of `rmsnorm` -------------------*- C++ -*-===//
//
// Checks the launcher `rmsnorm(x, gamma, y, rows, cols, eps)`
// (y = x / sqrt(mean(x^2) + eps) * gamma, per row) against ref::rmsnorm on
// rows x cols = 3x37, 17x1003, 64x256, 5x5000 (both rounded up to
// CORPUS_SHAPE_MULTIPLE), eps = 1e-5, x in [-4, 4), gamma in [0.5, 2).
// Reduction tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/rmsnorm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER rmsnorm
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, const float *gamma, float *y,
                                int rows, int cols, float eps);

static bool check1(int rows, int cols) {
  const float eps = 1e-5f;
  std::vector<float> x = check::randomFloats((size_t)rows * cols, 1);
  std::vector<float> gamma = check::randomFloats(cols, 2, 0.5f, 2.0f);
  std::vector<float> got = drv::poisoned(x.size()), want(x.size());
  CORPUS_LAUNCHER(x.data(), gamma.data(), got.data(), rows, cols, eps);
  ref::rmsnorm(x.data(), gamma.data(), want.data(), rows, cols, eps);
  return check::allClose(drv::Label("rmsnorm %dx%d", rows, cols), got.data(),
                         want.data(), want.size(), drv::kReductionTol,
                         drv::kReductionTol);
}

int main() {
  bool ok = true;
  const int shapes[][2] = {{3, 37}, {17, 1003}, {64, 256}, {5, 5000}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]));
  return drv::finish(ok, "rmsnorm");
}
