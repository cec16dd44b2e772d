//===- depthwise_conv_u8s8.cpp - VNNI quantized driver ----------*- C++ -*-===//
//
// Checks the VNNI launcher `depthwise_conv(const uint8_t *x, const int8_t *w,
// int32_t *y, int N, int H, int W, int C, int KH, int KW, int stride)` (the
// default name, argument order and layouts: NHWC x, w[KH,KW,C],
// y[N,OH,OW,C]; uint8 x int8 accumulated in int32) against
// ref::depthwise_conv_u8s8 on N,H,W,C,KH,KW,stride = 2,9,11,5,3,3,1 /
// 1,12,10,37,3,2,2 / 1,8,8,64,3,3,1 (H, W, C rounded up to
// CORPUS_SHAPE_MULTIPLE), x in [0, 255], w in [-128, 127]. Exact comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/depthwise_conv.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER depthwise_conv
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *x, const int8_t *w, int32_t *y,
                                int N, int H, int W, int C, int KH, int KW,
                                int stride);

static bool check1(int N, int H, int W, int C, int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  std::vector<uint8_t> x = drv::randomU8((size_t)N * H * W * C, 1);
  std::vector<int8_t> w = drv::randomS8((size_t)KH * KW * C, 2);
  std::vector<int32_t> got = drv::poisonedInts((size_t)N * OH * OW * C);
  std::vector<int32_t> want(got.size());
  CORPUS_LAUNCHER(x.data(), w.data(), got.data(), N, H, W, C, KH, KW, stride);
  ref::depthwise_conv_u8s8(x.data(), w.data(), want.data(), N, H, W, C, KH, KW,
                           stride);
  return check::allEqual(
      drv::Label("depthwise_conv_u8s8 N=%d H=%d W=%d C=%d K=%dx%d s=%d", N, H,
                 W, C, KH, KW, stride),
      got.data(), want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][7] = {
      {2, 9, 11, 5, 3, 3, 1}, {1, 12, 10, 37, 3, 2, 2}, {1, 8, 8, 64, 3, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]), s[4],
                 s[5], s[6]);
  return drv::finish(ok, "depthwise_conv_u8s8");
}
