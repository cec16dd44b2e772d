//===- FillTest.cpp - memset_nram, write_value, write_zero ---------------===//
//
// The value's type decides the element width: only `elem_count` elements of
// that width change.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

TEST(FillTest, MemsetNramFloatAndHalf) {
  float f[5] = {-1, -1, -1, -1, -1};
  __memset_nram(f, 4, 2.5f);
  EXPECT_EQ(std::vector<float>(f, f + 5),
            std::vector<float>({2.5f, 2.5f, 2.5f, 2.5f, -1}));
  half h[4] = {half(9.0f), half(9.0f), half(9.0f), half(9.0f)};
  __memset_nram(h, 3, half(0.5f));
  EXPECT_EQ(h[0].bits(), 0x3800);
  EXPECT_EQ(h[2].bits(), 0x3800);
  EXPECT_EQ(float(h[3]), 9.0f);
}

TEST(FillTest, WriteValueIntegerWidths) {
  int8_t b[4] = {0, 0, 0, 0};
  __bang_write_value(b, 3, int8_t(-3));
  EXPECT_EQ(std::vector<int8_t>(b, b + 4),
            std::vector<int8_t>({-3, -3, -3, 0}));
  int16_t s[3] = {0, 0, 0};
  __bang_write_value(s, 2, int16_t(1000));
  EXPECT_EQ(std::vector<int16_t>(s, s + 3),
            std::vector<int16_t>({1000, 1000, 0}));
  // An int value writes 32-bit elements, whatever the buffer's type.
  int32_t w[3] = {0, 0, 0};
  __bang_write_value(w, 2, 0x01020304);
  EXPECT_EQ(w[0], 0x01020304);
  EXPECT_EQ(w[1], 0x01020304);
  EXPECT_EQ(w[2], 0);
  uint8_t u[2] = {0, 0};
  __memset_nram(u, 1, uint8_t(200));
  EXPECT_EQ(u[0], 200);
  EXPECT_EQ(u[1], 0);
}

TEST(FillTest, WriteValueFloatTypes) {
  float f[2] = {0, 0};
  __bang_write_value(f, 2, -0.75f);
  EXPECT_EQ(f[1], -0.75f);
  bfloat16_t b[3] = {bfloat16_t(7.0f), bfloat16_t(7.0f), bfloat16_t(7.0f)};
  __bang_write_value(b, 2, bfloat16_t(1.0f));
  EXPECT_EQ(b[0].bits(), 0x3F80);
  EXPECT_EQ(b[1].bits(), 0x3F80);
  EXPECT_EQ(float(b[2]), 7.0f);
}

TEST(FillTest, WriteZero) {
  float f[4] = {1, 2, 3, 4};
  __bang_write_zero(f, 3);
  EXPECT_EQ(std::vector<float>(f, f + 4), std::vector<float>({0, 0, 0, 4}));
  half h[2] = {half(1.0f), half(1.0f)};
  __bang_write_zero(h, 1);
  EXPECT_EQ(h[0].bits(), 0x0000);
  EXPECT_EQ(h[1].bits(), 0x3C00);
  bfloat16_t b[1] = {bfloat16_t(5.0f)};
  __bang_write_zero(b, 1);
  EXPECT_EQ(b[0].bits(), 0x0000);
}

TEST(FillDeathTest, RejectsBadCounts) {
  bang_test::useThreadsafeDeathTests();
  float f[2];
  EXPECT_DEATH(__bang_write_zero(f, 0), "elem_count' must be positive");
  EXPECT_DEATH(__memset_nram(f, -1, 0.0f), "elem_count' must be positive");
}

} // namespace
