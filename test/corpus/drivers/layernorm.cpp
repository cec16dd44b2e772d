//===- layernorm.cpp - test driver of `layernorm` ---------------*- C++ -*-===//
//
// Checks the launcher `layernorm(x, gamma, beta, y, rows, cols, eps)` (per
// row, biased variance) against ref::layernorm on rows x cols = 3x37,
// 17x1003, 64x256, 5x5000 (both rounded up to CORPUS_SHAPE_MULTIPLE),
// eps = 1e-5, x in [-4, 4) plus a per-row offset, gamma in [0.5, 2), beta in
// [-1, 1). Reduction tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/layernorm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER layernorm
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, const float *gamma,
                                const float *beta, float *y, int rows, int cols,
                                float eps);

static bool check1(int rows, int cols) {
  const float eps = 1e-5f;
  std::vector<float> x = check::randomFloats((size_t)rows * cols, 1);
  for (int r = 0; r < rows; ++r) // rows with a nonzero mean
    for (int c = 0; c < cols; ++c)
      x[(size_t)r * cols + c] += float(r % 5) - 2.0f;
  std::vector<float> gamma = check::randomFloats(cols, 2, 0.5f, 2.0f);
  std::vector<float> beta = check::randomFloats(cols, 3, -1.0f, 1.0f);
  std::vector<float> got = drv::poisoned(x.size()), want(x.size());
  CORPUS_LAUNCHER(x.data(), gamma.data(), beta.data(), got.data(), rows, cols,
                  eps);
  ref::layernorm(x.data(), gamma.data(), beta.data(), want.data(), rows, cols,
                 eps);
  return check::allClose(drv::Label("layernorm %dx%d", rows, cols), got.data(),
                         want.data(), want.size(), drv::kReductionTol,
                         drv::kReductionTol);
}

int main() {
  bool ok = true;
  const int shapes[][2] = {{3, 37}, {17, 1003}, {64, 256}, {5, 5000}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]));
  return drv::finish(ok, "layernorm");
}
