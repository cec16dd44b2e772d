//===- gemv_u8s8.cpp - VNNI quantized `gemv` driver -------------*- C++ -*-===//
//
// Checks the VNNI launcher `gemv(const uint8_t *A, const int8_t *x,
// int32_t *y, int M, int K)` (y[M] = A[M,K] . x[K], uint8 x int8 accumulated
// in int32) against ref::gemv_u8s8 on M x K = 37x29, 130x1000, 1x77 and
// 64x256 (every extent rounded up to CORPUS_SHAPE_MULTIPLE), A in [0, 255],
// x in [-128, 127]. Exact comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/gemv.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gemv
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *A, const int8_t *x, int32_t *y,
                                int M, int K);

static bool check1(int M, int K) {
  std::vector<uint8_t> a = drv::randomU8((size_t)M * K, 1);
  std::vector<int8_t> x = drv::randomS8(K, 2);
  std::vector<int32_t> got = drv::poisonedInts(M), want(M);
  CORPUS_LAUNCHER(a.data(), x.data(), got.data(), M, K);
  ref::gemv_u8s8(a.data(), x.data(), want.data(), M, K);
  return check::allEqual(drv::Label("gemv_u8s8 %dx%d", M, K), got.data(),
                         want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][2] = {{37, 29}, {130, 1000}, {1, 77}, {64, 256}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]));
  return drv::finish(ok, "gemv_u8s8");
}
