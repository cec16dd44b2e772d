//===- softmax.cpp - test driver of `softmax` -------------------*- C++ -*-===//
//
// Checks the launcher `softmax(x, out, rows, cols)` (row-wise softmax) against
// ref::softmax on rows x cols = 3x37, 17x1003, 64x256, 5x5000 (both rounded up
// to CORPUS_SHAPE_MULTIPLE), inputs in [-4, 4). Reduction tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/softmax.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER softmax
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *out, int rows, int cols);

static bool check1(int rows, int cols) {
  std::vector<float> x = check::randomFloats((size_t)rows * cols, 1);
  std::vector<float> got = drv::poisoned(rows * cols), want(rows * cols);
  CORPUS_LAUNCHER(x.data(), got.data(), rows, cols);
  ref::softmax(x.data(), want.data(), rows, cols);
  return check::allClose(drv::Label("softmax %dx%d", rows, cols), got.data(),
                         want.data(), want.size(), drv::kReductionTol,
                         drv::kReductionTol);
}

int main() {
  bool ok = true;
  for (auto [rows, cols] : std::vector<std::pair<int, int>>{
           {3, 37}, {17, 1003}, {64, 256}, {5, 5000}})
    ok &= check1(drv::dim(rows), drv::dim(cols));
  return drv::finish(ok, "softmax");
}
