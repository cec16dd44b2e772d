//===- max.cpp - test driver of the corpus `max` operator -------*- C++ -*-===//
//
// Checks the launcher `max_op(x, out, rows, cols)` (row max) against
// ref::max_op on rows x cols = 3x37, 17x1003, 64x256, 5x5000 (both rounded up
// to CORPUS_SHAPE_MULTIPLE), inputs in [-4, 4). Reduction tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/max.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER max_op
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *out, int rows, int cols);

static bool check1(int rows, int cols) {
  std::vector<float> x = check::randomFloats((size_t)rows * cols, 1);
  std::vector<float> got = drv::poisoned(rows), want(rows);
  CORPUS_LAUNCHER(x.data(), got.data(), rows, cols);
  ref::max_op(x.data(), want.data(), rows, cols);
  return check::allClose(drv::Label("max %dx%d", rows, cols), got.data(),
                         want.data(), want.size(), drv::kReductionTol,
                         drv::kReductionTol);
}

int main() {
  bool ok = true;
  for (auto [rows, cols] : std::vector<std::pair<int, int>>{
           {3, 37}, {17, 1003}, {64, 256}, {5, 5000}})
    ok &= check1(drv::dim(rows), drv::dim(cols));
  return drv::finish(ok, "max");
}
