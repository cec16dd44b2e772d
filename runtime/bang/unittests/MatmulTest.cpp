//===- MatmulTest.cpp - __bang_matmul and __bang_mlp ----------------------===//
//
// __bang_matmul: lhs row-major m x k (NRAM), rhs the k x n matrix stored with
// each column contiguous (n x k row-major, WRAM), dst row-major m x n:
//   dst[i * n + j] = sum_p lhs[i * k + p] * rhs[j * k + p].
// __bang_mlp: weight row-major height x width, dst[h] = sum_w weight[h *
// width + w] * src[w] (+ bias[h]). Integer inputs are scaled by
// 2^fix_position.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

using V = std::vector<float>;

// A = [[1 2 3]      B = [[7 10]     A B = [[ 50  68]
//      [4 5 6]]          [8 11]            [122 167]]
//                        [9 12]]
// rhs holds B's columns one after the other: 7 8 9 | 10 11 12.

TEST(MatmulTest, FloatLayout) {
  float lhs[6] = {1, 2, 3, 4, 5, 6};
  float rhs[6] = {7, 8, 9, 10, 11, 12};
  float dst[4];
  __bang_matmul(dst, lhs, rhs, 2, 3, 2);
  EXPECT_EQ(V(dst, dst + 4), V({50, 68, 122, 167}));
}

TEST(MatmulTest, NonSquareShapes) {
  // m = 1, k = 2, n = 3: [1 2] x [[1 0 -1] [2 1 0]] = [5 2 -1];
  // columns of B: (1, 2), (0, 1), (-1, 0).
  float lhs[2] = {1, 2};
  float rhs[6] = {1, 2, 0, 1, -1, 0};
  float dst[3];
  __bang_matmul(dst, lhs, rhs, 1, 2, 3);
  EXPECT_EQ(V(dst, dst + 3), V({5, 2, -1}));
}

TEST(MatmulTest, HalfInputsFloatOutput) {
  half lhs[6], rhs[6];
  for (int i = 0; i < 6; ++i) {
    lhs[i] = half(float(i + 1));
    rhs[i] = half(float(i + 7));
  }
  float dst[4];
  __bang_matmul(dst, lhs, rhs, 2, 3, 2);
  EXPECT_EQ(V(dst, dst + 4), V({50, 68, 122, 167}));
  half hdst[4];
  __bang_matmul(hdst, lhs, rhs, 2, 3, 2);
  EXPECT_EQ(bang_test::toFloats(hdst, 4), V({50, 68, 122, 167}));
}

TEST(MatmulTest, FixedPointInputs) {
  int8_t lhs[6] = {1, 2, 3, 4, 5, 6};
  int16_t rhs[6] = {7, 8, 9, 10, 11, 12};
  float dst[4];
  __bang_matmul(dst, lhs, rhs, 2, 3, 2, -1); // times 2^-1
  EXPECT_EQ(V(dst, dst + 4), V({25, 34, 61, 83.5f}));
  __bang_matmul(dst, lhs, lhs, 2, 3, 2, 2); // A A^T times 4
  // A A^T = [[14 32] [32 77]]
  EXPECT_EQ(V(dst, dst + 4), V({56, 128, 128, 308}));
}

// W = [[1 2 3]
//      [4 5 6]], x = (1, 2, 3): W x = (14, 32).

TEST(MlpTest, FloatWithAndWithoutBias) {
  float weight[6] = {1, 2, 3, 4, 5, 6};
  float src[3] = {1, 2, 3};
  float bias[2] = {10, -40};
  float dst[2];
  __bang_mlp(dst, src, weight, 2, 3);
  EXPECT_EQ(V(dst, dst + 2), V({14, 32}));
  __bang_mlp(dst, src, bias, weight, 2, 3);
  EXPECT_EQ(V(dst, dst + 2), V({24, -8}));
}

TEST(MlpTest, FixedPoint) {
  int8_t weight[6] = {1, 2, 3, 4, 5, 6};
  int16_t src[3] = {1, 2, 3};
  float dst[2];
  __bang_mlp(dst, src, weight, 2, 3, 2);
  EXPECT_EQ(V(dst, dst + 2), V({56, 128}));
  float bias[2] = {0.5f, -0.5f};
  __bang_mlp(dst, src, bias, weight, 2, 3, -1);
  EXPECT_EQ(V(dst, dst + 2), V({7.5f, 15.5f}));
  int16_t idst[2];
  __bang_mlp(idst, src, weight, 2, 3, 0);
  EXPECT_EQ(idst[0], 14);
  EXPECT_EQ(idst[1], 32);
}

TEST(MlpTest, HalfWithBias) {
  half weight[4] = {half(0.5f), half(1.0f), half(-1.0f), half(2.0f)};
  half src[2] = {half(2.0f), half(3.0f)};
  half bias[2] = {half(1.0f), half(0.25f)};
  half dst[2];
  __bang_mlp(dst, src, bias, weight, 2, 2);
  // (0.5 * 2 + 1 * 3) + 1 = 5; (-2 + 6) + 0.25 = 4.25.
  EXPECT_EQ(bang_test::toFloats(dst, 2), V({5, 4.25f}));
}

} // namespace
