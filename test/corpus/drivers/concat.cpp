//===- concat.cpp - test driver of the corpus `concat` operator -*- C++ -*-===//
//
// Checks the launcher `concat(a, b, out, rows, ca, cb)` (out[rows, ca+cb],
// along the last axis) against ref::concat on rows,ca,cb = 7,13,29 /
// 33,64,1 / 16,64,32 / 3,1003,517 (every extent rounded up to
// CORPUS_SHAPE_MULTIPLE). Exact comparison (pure data movement).
//
//===----------------------------------------------------------------------===//

#include "../reference/concat.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER concat
#endif

extern "C" void CORPUS_LAUNCHER(const float *a, const float *b, float *out,
                                int rows, int ca, int cb);

static bool check1(int rows, int ca, int cb) {
  std::vector<float> a = check::randomFloats((size_t)rows * ca, 1);
  std::vector<float> b = check::randomFloats((size_t)rows * cb, 2);
  std::vector<float> got = drv::poisoned((size_t)rows * (ca + cb));
  std::vector<float> want(got.size());
  CORPUS_LAUNCHER(a.data(), b.data(), got.data(), rows, ca, cb);
  ref::concat(a.data(), b.data(), want.data(), rows, ca, cb);
  return check::allClose(drv::Label("concat rows=%d ca=%d cb=%d", rows, ca, cb),
                         got.data(), want.data(), want.size(), 0.0f, 0.0f);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {
      {7, 13, 29}, {33, 64, 1}, {16, 64, 32}, {3, 1003, 517}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "concat");
}
