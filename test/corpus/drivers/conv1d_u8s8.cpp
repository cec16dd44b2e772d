//===- conv1d_u8s8.cpp - VNNI quantized `conv1d` driver ---------*- C++ -*-===//
//
// Checks the VNNI launcher `conv1d(const uint8_t *x, const int8_t *w,
// int32_t *y, int N, int C, int L, int F, int KW, int stride)` (the default
// name, argument order and layouts x[N,C,L], w[F,C,KW], y[N,F,OL]; uint8 x
// int8 accumulated in int32) against ref::conv1d_u8s8 on
// N,C,L,F,KW,stride = 2,3,37,5,3,1 / 2,7,50,9,5,2 / 1,16,64,32,3,1 (C, L, F
// rounded up to CORPUS_SHAPE_MULTIPLE), x in [0, 255], w in [-128, 127].
// Exact comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/conv1d.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER conv1d
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *x, const int8_t *w, int32_t *y,
                                int N, int C, int L, int F, int KW, int stride);

static bool check1(int N, int C, int L, int F, int KW, int stride) {
  const int OL = (L - KW) / stride + 1;
  std::vector<uint8_t> x = drv::randomU8((size_t)N * C * L, 1);
  std::vector<int8_t> w = drv::randomS8((size_t)F * C * KW, 2);
  std::vector<int32_t> got = drv::poisonedInts((size_t)N * F * OL),
                       want(got.size());
  CORPUS_LAUNCHER(x.data(), w.data(), got.data(), N, C, L, F, KW, stride);
  ref::conv1d_u8s8(x.data(), w.data(), want.data(), N, C, L, F, KW, stride);
  return check::allEqual(
      drv::Label("conv1d_u8s8 N=%d C=%d L=%d F=%d KW=%d s=%d", N, C, L, F, KW,
                 stride),
      got.data(), want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][6] = {
      {2, 3, 37, 5, 3, 1}, {2, 7, 50, 9, 5, 2}, {1, 16, 64, 32, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]), s[4],
                 s[5]);
  return drv::finish(ok, "conv1d_u8s8");
}
