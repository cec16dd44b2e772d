//===- TransposeTest.cpp - __bang_transpose -------------------------------===//
//
// src is a row-major height x width matrix, dst its row-major width x height
// transpose: dst[j * height + i] = src[i * width + j].
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

TEST(TransposeTest, Float2x3) {
  // [[1 2 3]
  //  [4 5 6]]  ->  [[1 4] [2 5] [3 6]]
  float src[6] = {1, 2, 3, 4, 5, 6};
  float dst[6];
  __bang_transpose(dst, src, 2, 3);
  EXPECT_EQ(std::vector<float>(dst, dst + 6),
            std::vector<float>({1, 4, 2, 5, 3, 6}));
}

TEST(TransposeTest, Int8_3x4) {
  int8_t src[12] = {0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
  int8_t dst[12];
  __bang_transpose(dst, src, 3, 4);
  EXPECT_EQ(std::vector<int8_t>(dst, dst + 12),
            std::vector<int8_t>({0, 10, 20, 1, 11, 21, 2, 12, 22, 3, 13, 23}));
}

TEST(TransposeTest, HalfInPlace) {
  half m[6] = {half(1.0f), half(2.0f), half(3.0f),
               half(4.0f), half(5.0f), half(6.0f)};
  __bang_transpose(m, m, 3, 2); // [[1 2] [3 4] [5 6]] -> [[1 3 5] [2 4 6]]
  EXPECT_EQ(bang_test::toFloats(m, 6), std::vector<float>({1, 3, 5, 2, 4, 6}));
}

TEST(TransposeTest, SingleRowBecomesColumn) {
  int32_t src[3] = {7, 8, 9}, dst[3];
  __bang_transpose(dst, src, 1, 3);
  EXPECT_EQ(std::vector<int32_t>(dst, dst + 3),
            std::vector<int32_t>({7, 8, 9}));
}

} // namespace
