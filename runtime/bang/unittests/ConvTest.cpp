//===- ConvTest.cpp - __bang_conv -----------------------------------------===//
//
// src HWC (NRAM), kernel NHWC with N the output channel (WRAM), dst HWC:
//   dst[oh, ow, co] = sum_{kh, kw, ci} src[oh * stride_y + kh,
//                     ow * stride_x + kw, ci] * kernel[co, kh, kw, ci]
// (+ bias[co]); stride_x along the width, stride_y along the height.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

using V = std::vector<float>;

// channel_input 2, height 3, width 4, src[h][w][ci] = 10 h + w + 100 ci.
// Kernel 2 x 2, stride_x 2, stride_y 1, channel_output 2:
// out_h = (3 - 2) / 1 + 1 = 2, out_w = (4 - 2) / 2 + 1 = 2.
//  co 0: all ones: the window sum over kh, kw, ci. Window (0, 0) holds
//        rows 0-1, columns 0-1: (0 + 1 + 10 + 11) + (100 + 101 + 110 + 111)
//        = 444; ow + 1 adds 8 * 2, oh + 1 adds 8 * 10.
//  co 1: one 1 at (kh 1, kw 0, ci 1): src[oh + 1][2 ow][1]
//        = 10 (oh + 1) + 2 ow + 100.
template <class T> std::vector<T> input() {
  std::vector<T> src(3 * 4 * 2);
  for (int h = 0; h < 3; ++h)
    for (int w = 0; w < 4; ++w)
      for (int ci = 0; ci < 2; ++ci)
        src[(h * 4 + w) * 2 + ci] = T(10 * h + w + 100 * ci);
  return src;
}

template <class T> std::vector<T> filter() {
  std::vector<T> kernel(2 * 2 * 2 * 2, T(0));
  for (int i = 0; i < 8; ++i)
    kernel[i] = T(1); // co 0
  // co 1, kh 1, kw 0, ci 1: ((1 * 2 + 1) * 2 + 0) * 2 + 1 = 13
  kernel[13] = T(1);
  return kernel;
}

const V kExpected = {444, 110, 460, 112, 524, 120, 540, 122};

TEST(ConvTest, FloatLayoutAndStrides) {
  V src = input<float>(), kernel = filter<float>();
  V dst(8, -1);
  __bang_conv(dst.data(), src.data(), kernel.data(), 2, 3, 4, 2, 2, 2, 1, 2);
  EXPECT_EQ(dst, kExpected);
}

TEST(ConvTest, Bias) {
  V src = input<float>(), kernel = filter<float>();
  V bias = {1000, 2000};
  V dst(8, -1);
  __bang_conv(dst.data(), src.data(), kernel.data(), bias.data(), 2, 3, 4, 2,
              2, 2, 1, 2);
  EXPECT_EQ(dst, V({1444, 2110, 1460, 2112, 1524, 2120, 1540, 2122}));
}

TEST(ConvTest, SwappedStridesGiveOtherShape) {
  // stride_x 1, stride_y 2: out_h = (3 - 2) / 2 + 1 = 1, out_w = 3;
  // co 1 = src[1][ow][1] = 10 + ow + 100.
  V src = input<float>(), kernel = filter<float>();
  V dst(6, -1);
  __bang_conv(dst.data(), src.data(), kernel.data(), 2, 3, 4, 2, 2, 1, 2, 2);
  // co 0, window (0, ow): 444 + 8 ow.
  EXPECT_EQ(dst, V({444, 110, 452, 111, 460, 112}));
}

TEST(ConvTest, HalfInputs) {
  std::vector<half> src = input<half>(), kernel = filter<half>();
  V dst(8, -1);
  __bang_conv(dst.data(), src.data(), kernel.data(), 2, 3, 4, 2, 2, 2, 1, 2);
  EXPECT_EQ(dst, kExpected);
}

TEST(ConvTest, FixedPointInputs) {
  std::vector<int8_t> src = input<int8_t>(), kernel = filter<int8_t>();
  V dst(8, -1);
  __bang_conv(dst.data(), src.data(), kernel.data(), 2, 3, 4, 2, 2, 2, 1, 2, 1);
  V doubled;
  for (float v : kExpected)
    doubled.push_back(2 * v);
  EXPECT_EQ(dst, doubled);
  std::vector<int16_t> out(8);
  std::vector<int16_t> ibias = {-400, 0};
  __bang_conv(out.data(), src.data(), kernel.data(), ibias.data(), 2, 3, 4, 2,
              2, 2, 1, 2, 0);
  EXPECT_EQ(out, std::vector<int16_t>({44, 110, 60, 112, 124, 120, 140, 122}));
}

TEST(ConvTest, OneByOneIsAChannelMix) {
  // 1 x 1 kernel, ci 2 -> co 3: dst[p][co] = sum_ci src[p][ci] * k[co][ci].
  float src[4] = {1, 2, 3, 4}; // 1 x 2 pixels, ci 2
  float kernel[6] = {1, 0, 0, 1, 1, 1};
  float dst[6];
  __bang_conv(dst, src, kernel, 2, 1, 2, 1, 1, 1, 1, 3);
  EXPECT_EQ(V(dst, dst + 6), V({1, 2, 3, 3, 4, 7}));
}

} // namespace
