//===- PoolTest.cpp - __bang_sumpool / avgpool / maxpool / minpool --------===//
//
// Layout HWC (channel fastest), stride_x along the width, stride_y along the
// height. The input is src[h][w][c] = 100 c + 10 h + w, so every window's
// result can be read off by hand.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

using V = std::vector<float>;

/// channel 2, height 4, width 5.
V input() {
  V src(4 * 5 * 2);
  for (int h = 0; h < 4; ++h)
    for (int w = 0; w < 5; ++w)
      for (int c = 0; c < 2; ++c)
        src[(h * 5 + w) * 2 + c] = float(100 * c + 10 * h + w);
  return src;
}

// Kernel 2 (height) x 3 (width), stride_x 2, stride_y 1:
// out_h = (4 - 2) / 1 + 1 = 3, out_w = (5 - 3) / 2 + 1 = 2; window (oh, ow)
// covers rows oh, oh + 1 and columns 2 ow .. 2 ow + 2.
// Output order: (oh, ow, c).

TEST(PoolTest, MaxWithStrides) {
  V src = input();
  V dst(12, -1);
  __bang_maxpool(dst.data(), src.data(), 2, 4, 5, 2, 3, 2, 1);
  // max = src[oh + 1][2 ow + 2][c].
  EXPECT_EQ(dst, V({12, 112, 14, 114, 22, 122, 24, 124, 32, 132, 34, 134}));
}

TEST(PoolTest, MinWithStrides) {
  V src = input();
  V dst(12, -1);
  __bang_minpool(dst.data(), src.data(), 2, 4, 5, 2, 3, 2, 1);
  // min = src[oh][2 ow][c].
  EXPECT_EQ(dst, V({0, 100, 2, 102, 10, 110, 12, 112, 20, 120, 22, 122}));
}

TEST(PoolTest, SumAndAvgWithStrides) {
  V src = input();
  V dst(12, -1);
  __bang_sumpool(dst.data(), src.data(), 2, 4, 5, 2, 3, 2, 1);
  // Window (0, 0), c = 0: rows 0, 1 x columns 0..2:
  // (0 + 1 + 2) + (10 + 11 + 12) = 36; c = 1 adds 6 * 100.
  // Each step of oh adds 6 * 10, each step of ow adds 6 * 2.
  EXPECT_EQ(dst, V({36, 636, 48, 648, 96, 696, 108, 708, 156, 756, 168, 768}));
  __bang_avgpool(dst.data(), src.data(), 2, 4, 5, 2, 3, 2, 1);
  EXPECT_EQ(dst, V({6, 106, 8, 108, 16, 116, 18, 118, 26, 126, 28, 128}));
}

TEST(PoolTest, OverlappingWindowsAlongHeight) {
  // Kernel 3 x 1 with stride_y 1 and stride_x 4 on channel 1:
  // out_h = (4 - 3) / 1 + 1 = 2, out_w = (5 - 1) / 4 + 1 = 2 (columns 0, 4).
  V src = input();
  V one(4 * 5);
  for (int i = 0; i < 20; ++i)
    one[i] = src[i * 2]; // channel 0: 10 h + w
  V dst(4, -1);
  __bang_sumpool(dst.data(), one.data(), 1, 4, 5, 3, 1, 4, 1);
  // (0,0): 0 + 10 + 20; (0,1): 4 + 14 + 24; (1,0): 10 + 20 + 30; (1,1): 72.
  EXPECT_EQ(dst, V({30, 42, 60, 72}));
}

TEST(PoolTest, DefaultStridesAreTheKernel) {
  // 4 x 4, channel 1, src = 4 h + w; 2 x 2 windows without overlap.
  V src(16);
  for (int i = 0; i < 16; ++i)
    src[i] = float(i);
  V dst(4, -1);
  __bang_maxpool(dst.data(), src.data(), 1, 4, 4, 2, 2);
  EXPECT_EQ(dst, V({5, 7, 13, 15}));
  __bang_sumpool(dst.data(), src.data(), 1, 4, 4, 2, 2);
  EXPECT_EQ(dst, V({10, 18, 42, 50}));
  // A 1 x 3 kernel on 4 x 4: stride_x 3, stride_y 1 -> out 4 x 1.
  V dst2(4, -1);
  __bang_minpool(dst2.data(), src.data(), 1, 4, 4, 1, 3);
  EXPECT_EQ(dst2, V({0, 4, 8, 12}));
}

TEST(PoolTest, Half) {
  half src[8];
  for (int i = 0; i < 8; ++i)
    src[i] = half(float(i) * 0.5f); // 2 x 2, channel 2
  half dst[2];
  __bang_avgpool(dst, src, 2, 2, 2, 2, 2);
  // channel 0: (0 + 1 + 2 + 3) / 4 = 1.5; channel 1: (0.5 + 1.5 + 2.5 +
  // 3.5) / 4 = 2.
  EXPECT_EQ(bang_test::toFloats(dst, 2), V({1.5f, 2.0f}));
  __bang_maxpool(dst, src, 2, 2, 2, 2, 2);
  EXPECT_EQ(bang_test::toFloats(dst, 2), V({3.0f, 3.5f}));
}

TEST(PoolDeathTest, KernelLargerThanInput) {
  bang_test::useThreadsafeDeathTests();
  float src[4] = {}, dst[4];
  EXPECT_DEATH(__bang_maxpool(dst, src, 1, 2, 2, 3, 1),
               "larger than the input");
}

} // namespace
