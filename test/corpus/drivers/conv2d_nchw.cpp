//===- conv2d_nchw.cpp - test driver of `conv2d_nchw` -----------*- C++ -*-===//
//
// Checks the launcher `conv2d_nchw(x, w, y, N, C, H, W, F, KH, KW, stride)`
// (x[N,C,H,W], w[F,C,KH,KW], y[N,F,OH,OW], no padding) against
// ref::conv2d_nchw on N,C,H,W,F,KH,KW,stride = 2,3,9,11,5,3,3,1 /
// 1,7,12,10,9,3,2,2 (non-square window, stride 2, last row unused) /
// 1,16,8,8,32,3,3,1 (C, H, W, F rounded up to CORPUS_SHAPE_MULTIPLE), inputs
// in [-4, 4). With -DCORPUS_INPUT_T=T, x and w are passed as T and the
// half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/conv2d_nchw.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER conv2d_nchw
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *x, const drv::In *w, float *y,
                                int N, int C, int H, int W, int F, int KH,
                                int KW, int stride);

static bool check1(int N, int C, int H, int W, int F, int KH, int KW,
                   int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  std::vector<float> x = check::randomFloats((size_t)N * C * H * W, 1);
  std::vector<float> w = check::randomFloats((size_t)F * C * KH * KW, 2);
  std::vector<drv::In> xi = drv::toInput(x), wi = drv::toInput(w);
  std::vector<float> got = drv::poisoned((size_t)N * F * OH * OW);
  std::vector<float> want(got.size());
  CORPUS_LAUNCHER(xi.data(), wi.data(), got.data(), N, C, H, W, F, KH, KW,
                  stride);
  ref::conv2d_nchw(x.data(), w.data(), want.data(), N, C, H, W, F, KH, KW,
                   stride);
  return check::allClose(
      drv::Label("conv2d_nchw N=%d C=%d H=%d W=%d F=%d K=%dx%d s=%d", N, C, H,
                 W, F, KH, KW, stride),
      got.data(), want.data(), want.size(), drv::kProductTol, drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][8] = {{2, 3, 9, 11, 5, 3, 3, 1},
                           {1, 7, 12, 10, 9, 3, 2, 2},
                           {1, 16, 8, 8, 32, 3, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]),
                 drv::dim(s[4]), s[5], s[6], s[7]);
  return drv::finish(ok, "conv2d_nchw");
}
