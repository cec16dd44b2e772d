//===- depthwise_conv.cpp - test driver of `depthwise_conv` -----*- C++ -*-===//
//
// Checks the launcher `depthwise_conv(x, w, y, N, H, W, C, KH, KW, stride)`
// (NHWC, w[KH,KW,C], y[N,OH,OW,C], no padding) against ref::depthwise_conv on
// N,H,W,C,KH,KW,stride = 2,9,11,5,3,3,1 / 1,12,10,37,3,2,2 (non-square
// window, stride 2) / 1,8,8,64,3,3,1 (H, W, C rounded up to
// CORPUS_SHAPE_MULTIPLE), inputs in [-4, 4). With -DCORPUS_INPUT_T=T, x and
// w are passed as T and the half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/depthwise_conv.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER depthwise_conv
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *x, const drv::In *w, float *y,
                                int N, int H, int W, int C, int KH, int KW,
                                int stride);

static bool check1(int N, int H, int W, int C, int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  std::vector<float> x = check::randomFloats((size_t)N * H * W * C, 1);
  std::vector<float> w = check::randomFloats((size_t)KH * KW * C, 2);
  std::vector<drv::In> xi = drv::toInput(x), wi = drv::toInput(w);
  std::vector<float> got = drv::poisoned((size_t)N * OH * OW * C);
  std::vector<float> want(got.size());
  CORPUS_LAUNCHER(xi.data(), wi.data(), got.data(), N, H, W, C, KH, KW, stride);
  ref::depthwise_conv(x.data(), w.data(), want.data(), N, H, W, C, KH, KW,
                      stride);
  return check::allClose(
      drv::Label("depthwise_conv N=%d H=%d W=%d C=%d K=%dx%d s=%d", N, H, W, C,
                 KH, KW, stride),
      got.data(), want.data(), want.size(), drv::kProductTol, drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][7] = {
      {2, 9, 11, 5, 3, 3, 1}, {1, 12, 10, 37, 3, 2, 2}, {1, 8, 8, 64, 3, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]), s[4],
                 s[5], s[6]);
  return drv::finish(ok, "depthwise_conv");
}
