//===- ReduceTest.cpp - __bang_max / __bang_min ---------------------------===//
//
// dst[0] is the extreme value; element slot 1 holds the index of its first
// occurrence as an unsigned integer of the element's width.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

TEST(ReduceTest, FloatMaxAndMin) {
  float src[6] = {3, -1, 7, 7, -4, -4};
  float dst[4] = {0, 0, 0, 0};
  __bang_max(dst, src, 6);
  uint32_t index;
  EXPECT_EQ(dst[0], 7.0f);
  std::memcpy(&index, &dst[1], sizeof index);
  EXPECT_EQ(index, 2u); // first of the two 7s
  __bang_min(dst, src, 6);
  EXPECT_EQ(dst[0], -4.0f);
  std::memcpy(&index, &dst[1], sizeof index);
  EXPECT_EQ(index, 4u);
  // Only the first elem_count elements count.
  __bang_max(dst, src, 2);
  EXPECT_EQ(dst[0], 3.0f);
  std::memcpy(&index, &dst[1], sizeof index);
  EXPECT_EQ(index, 0u);
}

TEST(ReduceTest, HalfIndexIs16Bits) {
  half src[4] = {half(0.5f), half(-2.0f), half(8.0f), half(1.0f)};
  half dst[4] = {half(0.0f), half(0.0f), half(0.0f), half(0.0f)};
  __bang_max(dst, src, 4);
  EXPECT_EQ(float(dst[0]), 8.0f);
  EXPECT_EQ(dst[1].bits(), 2); // ((uint16_t *)dst)[1]
  __bang_min(dst, src, 4);
  EXPECT_EQ(float(dst[0]), -2.0f);
  EXPECT_EQ(dst[1].bits(), 1);
  EXPECT_EQ(dst[2].bits(), 0); // nothing past slot 1 is written
}

TEST(ReduceTest, LargeIndex) {
  std::vector<float> src(1000, 1.0f);
  src[777] = 5.0f;
  float dst[2];
  __bang_max(dst, src.data(), 1000);
  uint32_t index;
  std::memcpy(&index, &dst[1], sizeof index);
  EXPECT_EQ(dst[0], 5.0f);
  EXPECT_EQ(index, 777u);
}

} // namespace
