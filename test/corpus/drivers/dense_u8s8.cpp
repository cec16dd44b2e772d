//===- dense_u8s8.cpp - VNNI quantized `dense` driver -----------*- C++ -*-===//
//
// Checks the VNNI launcher `dense(const uint8_t *x, const int8_t *W,
// const int32_t *bias, int32_t *y, int M, int N, int K)` (y = x . W^T + bias,
// W[N, K], uint8 x int8 accumulated in int32) against ref::dense_u8s8 on
// M x N x K = 37x45x29, 130x70x200, 1x33x17 and 64x64x64 (every extent
// rounded up to CORPUS_SHAPE_MULTIPLE), x in [0, 255], W in [-128, 127],
// bias in [-100000, 100000). Exact comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/dense.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER dense
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *x, const int8_t *W,
                                const int32_t *bias, int32_t *y, int M, int N,
                                int K);

static bool check1(int M, int N, int K) {
  std::vector<uint8_t> x = drv::randomU8((size_t)M * K, 1);
  std::vector<int8_t> w = drv::randomS8((size_t)N * K, 2);
  std::vector<int> b = check::randomInts(N, 3, -100000, 100000);
  std::vector<int32_t> bias(b.begin(), b.end());
  std::vector<int32_t> got = drv::poisonedInts((size_t)M * N), want(got.size());
  CORPUS_LAUNCHER(x.data(), w.data(), bias.data(), got.data(), M, N, K);
  ref::dense_u8s8(x.data(), w.data(), bias.data(), want.data(), M, N, K);
  return check::allEqual(drv::Label("dense_u8s8 %dx%dx%d", M, N, K), got.data(),
                         want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][3] = {
      {37, 45, 29}, {130, 70, 200}, {1, 33, 17}, {64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "dense_u8s8");
}
