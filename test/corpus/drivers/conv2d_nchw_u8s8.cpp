//===- conv2d_nchw_u8s8.cpp - VNNI quantized driver -------------*- C++ -*-===//
//
// Checks the VNNI launcher `conv2d_nchw(const uint8_t *x, const int8_t *w,
// int32_t *y, int N, int C, int H, int W, int F, int KH, int KW, int stride)`
// (the default name, argument order and layouts x[N,C,H,W], w[F,C,KH,KW],
// y[N,F,OH,OW]; uint8 x int8 accumulated in int32) against
// ref::conv2d_nchw_u8s8 on N,C,H,W,F,KH,KW,stride = 2,3,9,11,5,3,3,1 /
// 1,7,12,10,9,3,2,2 / 1,16,8,8,32,3,3,1 (C, H, W, F rounded up to
// CORPUS_SHAPE_MULTIPLE), x in [0, 255], w in [-128, 127]. Exact comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/conv2d_nchw.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER conv2d_nchw
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *x, const int8_t *w, int32_t *y,
                                int N, int C, int H, int W, int F, int KH,
                                int KW, int stride);

static bool check1(int N, int C, int H, int W, int F, int KH, int KW,
                   int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  std::vector<uint8_t> x = drv::randomU8((size_t)N * C * H * W, 1);
  std::vector<int8_t> w = drv::randomS8((size_t)F * C * KH * KW, 2);
  std::vector<int32_t> got = drv::poisonedInts((size_t)N * F * OH * OW);
  std::vector<int32_t> want(got.size());
  CORPUS_LAUNCHER(x.data(), w.data(), got.data(), N, C, H, W, F, KH, KW,
                  stride);
  ref::conv2d_nchw_u8s8(x.data(), w.data(), want.data(), N, C, H, W, F, KH, KW,
                        stride);
  return check::allEqual(
      drv::Label("conv2d_nchw_u8s8 N=%d C=%d H=%d W=%d F=%d K=%dx%d s=%d", N, C,
                 H, W, F, KH, KW, stride),
      got.data(), want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][8] = {{2, 3, 9, 11, 5, 3, 3, 1},
                           {1, 7, 12, 10, 9, 3, 2, 2},
                           {1, 16, 8, 8, 32, 3, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]),
                 drv::dim(s[4]), s[5], s[6], s[7]);
  return drv::finish(ok, "conv2d_nchw_u8s8");
}
