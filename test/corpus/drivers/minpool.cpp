//===- minpool.cpp - test driver of `minpool` -------------------*- C++ -*-===//
//
// Checks the launcher `minpool(x, y, N, H, W, C, KH, KW, stride)` (NHWC
// window min, no padding, y[N,OH,OW,C]) against ref::minpool on
// N,H,W,C,KH,KW,stride = 2,9,11,5,3,3,1 (overlapping windows) /
// 1,12,10,37,2,2,2 / 1,13,8,64,3,2,2 (non-square window, last row unused)
// (H, W, C rounded up to CORPUS_SHAPE_MULTIPLE), inputs in [-4, 4).
// Reduction tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/minpool.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER minpool
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, float *y, int N, int H, int W,
                                int C, int KH, int KW, int stride);

static bool check1(int N, int H, int W, int C, int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  std::vector<float> x = check::randomFloats((size_t)N * H * W * C, 1);
  std::vector<float> got = drv::poisoned((size_t)N * OH * OW * C);
  std::vector<float> want(got.size());
  CORPUS_LAUNCHER(x.data(), got.data(), N, H, W, C, KH, KW, stride);
  ref::minpool(x.data(), want.data(), N, H, W, C, KH, KW, stride);
  return check::allClose(drv::Label("minpool N=%d H=%d W=%d C=%d K=%dx%d s=%d",
                                    N, H, W, C, KH, KW, stride),
                         got.data(), want.data(), want.size(),
                         drv::kReductionTol, drv::kReductionTol);
}

int main() {
  bool ok = true;
  const int shapes[][7] = {{2, 9, 11, 5, 3, 3, 1},
                           {1, 12, 10, 37, 2, 2, 2},
                           {1, 13, 8, 64, 3, 2, 2}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]), s[4],
                 s[5], s[6]);
  return drv::finish(ok, "minpool");
}
