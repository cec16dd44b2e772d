//===- gather.cpp - test driver of the corpus `gather` operator -*- C++ -*-===//
//
// Checks the launcher `gather(table, idx, out, rows, cols, n)`
// (out[i,:] = table[idx[i],:]) against ref::gather on rows,cols,n =
// 50,37,23 / 100,64,300 (more lookups than rows: repeats) / 7,1003,5 (rows,
// cols, n rounded up to CORPUS_SHAPE_MULTIPLE), idx uniform in [0, rows)
// including the first and last row. Exact comparison (pure data movement).
//
//===----------------------------------------------------------------------===//

#include "../reference/gather.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gather
#endif

extern "C" void CORPUS_LAUNCHER(const float *table, const int *idx, float *out,
                                int rows, int cols, int n);

static bool check1(int rows, int cols, int n) {
  std::vector<float> table = check::randomFloats((size_t)rows * cols, 1);
  std::vector<int> idx = check::randomInts(n, 2, 0, rows);
  idx[0] = rows - 1;
  idx[n - 1] = 0;
  std::vector<float> got = drv::poisoned((size_t)n * cols), want(got.size());
  CORPUS_LAUNCHER(table.data(), idx.data(), got.data(), rows, cols, n);
  ref::gather(table.data(), idx.data(), want.data(), rows, cols, n);
  return check::allClose(
      drv::Label("gather rows=%d cols=%d n=%d", rows, cols, n), got.data(),
      want.data(), want.size(), 0.0f, 0.0f);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {{50, 37, 23}, {100, 64, 300}, {7, 1003, 5}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "gather");
}
