//===- transpose.cpp - test driver of `transpose` ---------------*- C++ -*-===//
//
// Checks the launcher `transpose(x, y, rows, cols)` (y[c,r] = x[r,c]) against
// ref::transpose on rows x cols = 37x45, 130x7, 1x100, 64x64 (both rounded up
// to CORPUS_SHAPE_MULTIPLE). Exact comparison (pure data movement).
//
//===----------------------------------------------------------------------===//

#include "../reference/transpose.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER transpose
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *y, int rows, int cols);

static bool check1(int rows, int cols) {
  std::vector<float> x = check::randomFloats((size_t)rows * cols, 1);
  std::vector<float> got = drv::poisoned(x.size()), want(x.size());
  CORPUS_LAUNCHER(x.data(), got.data(), rows, cols);
  ref::transpose(x.data(), want.data(), rows, cols);
  return check::allClose(drv::Label("transpose %dx%d", rows, cols), got.data(),
                         want.data(), want.size(), 0.0f, 0.0f);
}

int main() {
  bool ok = true;
  const int shapes[][2] = {{37, 45}, {130, 7}, {1, 100}, {64, 64}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]));
  return drv::finish(ok, "transpose");
}
