//===- scatter.cpp - test driver of `scatter` -------------------*- C++ -*-===//
//
// Checks the launcher `scatter(src, idx, out, n, cols, rows)`
// (out[idx[i],:] = src[i,:], out in/out) against ref::scatter on n,cols,rows
// = 23,37,50 / 64,64,64 (a permutation of all rows) / 5,1003,12 (n, cols,
// rows rounded up to CORPUS_SHAPE_MULTIPLE). idx holds distinct rows in
// random order; out starts with random values, which the rows not named by
// idx must keep. Exact comparison (pure data movement).
//
//===----------------------------------------------------------------------===//

#include "../reference/scatter.h"
#include "driver.h"

#include <numeric>
#include <utility>

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER scatter
#endif

extern "C" void CORPUS_LAUNCHER(const float *src, const int *idx, float *out,
                                int n, int cols, int rows);

static bool check1(int n, int cols, int rows) {
  std::vector<float> src = check::randomFloats((size_t)n * cols, 1);
  // n distinct rows: the first n of a seeded shuffle of 0..rows-1.
  std::vector<int> perm(rows);
  std::iota(perm.begin(), perm.end(), 0);
  check::Rng rng(2);
  for (int i = rows - 1; i > 0; --i)
    std::swap(perm[i], perm[rng.integer(0, i + 1)]);
  std::vector<int> idx(perm.begin(), perm.begin() + n);
  std::vector<float> got = check::randomFloats((size_t)rows * cols, 3);
  std::vector<float> want = got;
  CORPUS_LAUNCHER(src.data(), idx.data(), got.data(), n, cols, rows);
  ref::scatter(src.data(), idx.data(), want.data(), n, cols, rows);
  return check::allClose(
      drv::Label("scatter n=%d cols=%d rows=%d", n, cols, rows), got.data(),
      want.data(), want.size(), 0.0f, 0.0f);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {{23, 37, 50}, {64, 64, 64}, {5, 1003, 12}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "scatter");
}
