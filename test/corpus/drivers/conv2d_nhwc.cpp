//===- conv2d_nhwc.cpp - test driver of `conv2d_nhwc` -----------*- C++ -*-===//
//
// Checks the launcher `conv2d_nhwc(x, w, y, N, H, W, C, F, KH, KW, stride)`
// (x[N,H,W,C], w[F,KH,KW,C], y[N,OH,OW,F], no padding) against
// ref::conv2d_nhwc on N,H,W,C,F,KH,KW,stride = 2,9,11,3,5,3,3,1 /
// 1,12,10,7,9,3,2,2 (non-square window, stride 2, last row unused) /
// 1,8,8,16,32,3,3,1 (H, W, C, F rounded up to CORPUS_SHAPE_MULTIPLE), inputs
// in [-4, 4). With -DCORPUS_INPUT_T=T, x and w are passed as T and the
// half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/conv2d_nhwc.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER conv2d_nhwc
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *x, const drv::In *w, float *y,
                                int N, int H, int W, int C, int F, int KH,
                                int KW, int stride);

static bool check1(int N, int H, int W, int C, int F, int KH, int KW,
                   int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  std::vector<float> x = check::randomFloats((size_t)N * H * W * C, 1);
  std::vector<float> w = check::randomFloats((size_t)F * KH * KW * C, 2);
  std::vector<drv::In> xi = drv::toInput(x), wi = drv::toInput(w);
  std::vector<float> got = drv::poisoned((size_t)N * OH * OW * F);
  std::vector<float> want(got.size());
  CORPUS_LAUNCHER(xi.data(), wi.data(), got.data(), N, H, W, C, F, KH, KW,
                  stride);
  ref::conv2d_nhwc(x.data(), w.data(), want.data(), N, H, W, C, F, KH, KW,
                   stride);
  return check::allClose(
      drv::Label("conv2d_nhwc N=%d H=%d W=%d C=%d F=%d K=%dx%d s=%d", N, H, W,
                 C, F, KH, KW, stride),
      got.data(), want.data(), want.size(), drv::kProductTol, drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][8] = {{2, 9, 11, 3, 5, 3, 3, 1},
                           {1, 12, 10, 7, 9, 3, 2, 2},
                           {1, 8, 8, 16, 32, 3, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]),
                 drv::dim(s[4]), s[5], s[6], s[7]);
  return drv::finish(ok, "conv2d_nhwc");
}
