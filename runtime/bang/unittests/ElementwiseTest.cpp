//===- ElementwiseTest.cpp - binary, _scalar/_const and cycle builtins ----===//

#include "BangTestUtil.h"

namespace {

using bang_test::toFloats;
using V = std::vector<float>;

TEST(BinaryTest, FloatArithmetic) {
  float a[4] = {1.5f, -2.0f, 3.0f, 0.0f};
  float b[4] = {0.5f, 4.0f, -1.0f, 2.0f};
  float d[4];
  __bang_add(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({2.0f, 2.0f, 2.0f, 2.0f}));
  __bang_sub(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({1.0f, -6.0f, 4.0f, -2.0f}));
  __bang_mul(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0.75f, -8.0f, -3.0f, 0.0f}));
  __bang_div(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({3.0f, -0.5f, -3.0f, 0.0f}));
  __bang_maximum(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({1.5f, 4.0f, 3.0f, 2.0f}));
  __bang_minimum(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0.5f, -2.0f, -1.0f, 0.0f}));
  __bang_maxequal(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({1.5f, 4.0f, 3.0f, 2.0f}));
  __bang_minequal(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0.5f, -2.0f, -1.0f, 0.0f}));
}

TEST(BinaryTest, OnlyTheFirstCountElements) {
  float a[4] = {1, 2, 3, 4}, b[4] = {10, 20, 30, 40};
  float d[4] = {-1, -1, -1, -1};
  __bang_add(d, a, b, 3);
  EXPECT_EQ(V(d, d + 4), V({11, 22, 33, -1}));
}

TEST(BinaryTest, InPlace) {
  float a[3] = {1, 2, 3}, b[3] = {4, 5, 6};
  __bang_mul(a, a, b, 3);
  EXPECT_EQ(V(a, a + 3), V({4, 10, 18}));
}

TEST(BinaryTest, Comparisons) {
  float a[4] = {1, 2, 3, -1};
  float b[4] = {2, 2, 1, -1};
  float d[4];
  __bang_eq(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0, 1, 0, 1}));
  __bang_ne(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({1, 0, 1, 0}));
  __bang_gt(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0, 0, 1, 0}));
  __bang_ge(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0, 1, 1, 1}));
  __bang_lt(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({1, 0, 0, 0}));
  __bang_le(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({1, 1, 0, 1}));
}

TEST(BinaryTest, Logical) {
  float a[4] = {0, 0, 2.5f, -1};
  float b[4] = {0, 3, 0, 0.5f};
  float d[4];
  __bang_and(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0, 0, 0, 1}));
  __bang_or(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0, 1, 1, 1}));
  __bang_xor(d, a, b, 4);
  EXPECT_EQ(V(d, d + 4), V({0, 1, 1, 0}));
}

TEST(BinaryTest, HalfRoundsEachElement) {
  half a[3] = {half(1.0f), half(0.1f), half(2048.0f)};
  half b[3] = {half(std::ldexp(1.0f, -11)), half(0.2f), half(1.0f)};
  half d[3];
  __bang_add(d, a, b, 3);
  // 1 + 2^-11 -> 1 (tie to even); 0.1 + 0.2 -> 0x34CC; 2048 + 1 -> 2048.
  EXPECT_EQ(d[0].bits(), 0x3C00);
  EXPECT_EQ(d[1].bits(), 0x34CC);
  EXPECT_EQ(float(d[2]), 2048.0f);
  __bang_gt(d, a, b, 3);
  EXPECT_EQ(toFloats(d, 3), V({1, 0, 1}));
}

TEST(BinaryTest, BFloat16) {
  bfloat16_t a[2] = {bfloat16_t(3.0f), bfloat16_t(-1.0f)};
  bfloat16_t b[2] = {bfloat16_t(0.5f), bfloat16_t(4.0f)};
  bfloat16_t d[2];
  __bang_mul(d, a, b, 2);
  EXPECT_EQ(toFloats(d, 2), V({1.5f, -4.0f}));
  __bang_minimum(d, a, b, 2);
  EXPECT_EQ(toFloats(d, 2), V({0.5f, -1.0f}));
}

TEST(BinaryTest, IntegersWrapAround) {
  int16_t a[3] = {30000, -5, 7}, b[3] = {10000, 3, -8};
  int16_t d[3];
  __bang_add(d, a, b, 3);
  EXPECT_EQ(d[0], int16_t(40000 - 65536));
  EXPECT_EQ(d[1], -2);
  EXPECT_EQ(d[2], -1);
  __bang_mul(d, a, b, 3);
  EXPECT_EQ(d[0], int16_t(300000000 % 65536)); // 300000000 mod 2^16 = 41728
  EXPECT_EQ(d[1], -15);
  EXPECT_EQ(d[2], -56);
  int32_t x[2] = {2147483647, -7}, y[2] = {1, 9};
  int32_t z[2];
  __bang_add(z, x, y, 2);
  EXPECT_EQ(z[0], int32_t(-2147483647 - 1));
  EXPECT_EQ(z[1], 2);
  __bang_sub(z, x, y, 2);
  EXPECT_EQ(z[0], 2147483646);
  EXPECT_EQ(z[1], -16);
}

TEST(ScalarTest, ScalarAndConstForms) {
  float a[3] = {1, -2, 4};
  float d[3];
  __bang_add_scalar(d, a, 0.5f, 3);
  EXPECT_EQ(V(d, d + 3), V({1.5f, -1.5f, 4.5f}));
  __bang_sub_scalar(d, a, 1.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({0, -3, 3}));
  __bang_mul_scalar(d, a, -2.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({-2, 4, -8}));
  __bang_add_const(d, a, 1.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({2, -1, 5}));
  __bang_sub_const(d, a, 2.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({-1, -4, 2}));
  __bang_mul_const(d, a, 3.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({3, -6, 12}));
  __bang_eq_scalar(d, a, -2.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({0, 1, 0}));
  __bang_ne_scalar(d, a, -2.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({1, 0, 1}));
  __bang_gt_scalar(d, a, 1.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({0, 0, 1}));
  __bang_ge_scalar(d, a, 1.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({1, 0, 1}));
  __bang_lt_scalar(d, a, 1.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({0, 1, 0}));
  __bang_le_scalar(d, a, 1.0f, 3);
  EXPECT_EQ(V(d, d + 3), V({1, 1, 0}));
}

TEST(ScalarTest, HalfAndIntegerTypes) {
  half h[2] = {half(1.0f), half(2.0f)};
  half hd[2];
  __bang_mul_scalar(hd, h, half(0.1f), 2);
  // 0x2E66 * 1 = 0x2E66; 0x2E66 * 2 = 0x3266 (exact doubling).
  EXPECT_EQ(hd[0].bits(), 0x2E66);
  EXPECT_EQ(hd[1].bits(), 0x3266);
  __bang_add_const(hd, h, half(-1.0f), 2);
  EXPECT_EQ(toFloats(hd, 2), V({0, 1}));
  int32_t i[2] = {5, -5}, id[2];
  __bang_sub_scalar(id, i, 7, 2);
  EXPECT_EQ(id[0], -2);
  EXPECT_EQ(id[1], -12);
}

TEST(CycleTest, RepeatsTheSegment) {
  // src is 2 rows of 3; seg (3 values) is applied to each row.
  float src[6] = {1, 2, 3, 4, 5, 6};
  float seg[3] = {10, 0, -10};
  float d[6];
  __bang_cycle_add(d, src, seg, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({11, 2, -7, 14, 5, -4}));
  __bang_cycle_sub(d, src, seg, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({-9, 2, 13, -6, 5, 16}));
  __bang_cycle_mul(d, src, seg, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({10, 0, -30, 40, 0, -60}));
  float seg2[2] = {2, 5};
  __bang_cycle_maxequal(d, src, seg2, 6, 2);
  EXPECT_EQ(V(d, d + 6), V({2, 5, 3, 5, 5, 6}));
  __bang_cycle_minequal(d, src, seg2, 6, 2);
  EXPECT_EQ(V(d, d + 6), V({1, 2, 2, 4, 2, 5}));
  float seg3[3] = {1, 3, 3};
  __bang_cycle_eq(d, src, seg3, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({1, 0, 1, 0, 0, 0}));
  __bang_cycle_ne(d, src, seg3, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({0, 1, 0, 1, 1, 1}));
  __bang_cycle_gt(d, src, seg3, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({0, 0, 0, 1, 1, 1}));
  __bang_cycle_ge(d, src, seg3, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({1, 0, 1, 1, 1, 1}));
  __bang_cycle_lt(d, src, seg3, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({0, 1, 0, 0, 0, 0}));
  __bang_cycle_le(d, src, seg3, 6, 3);
  EXPECT_EQ(V(d, d + 6), V({1, 1, 1, 0, 0, 0}));
  float bits[4] = {0, 1, 0, 2}, mask[2] = {0, 1};
  __bang_cycle_and(d, bits, mask, 4, 2);
  EXPECT_EQ(V(d, d + 4), V({0, 1, 0, 1}));
  __bang_cycle_or(d, bits, mask, 4, 2);
  EXPECT_EQ(V(d, d + 4), V({0, 1, 0, 1}));
  float mask2[2] = {1, 1};
  __bang_cycle_xor(d, bits, mask2, 4, 2);
  EXPECT_EQ(V(d, d + 4), V({1, 0, 1, 0}));
}

TEST(CycleTest, Half) {
  half src[4] = {half(1.0f), half(2.0f), half(3.0f), half(4.0f)};
  half seg[2] = {half(0.5f), half(-1.0f)};
  half d[4];
  __bang_cycle_mul(d, src, seg, 4, 2);
  EXPECT_EQ(toFloats(d, 4), V({0.5f, -2.0f, 1.5f, -4.0f}));
}

TEST(ElementwiseDeathTest, RejectsBadOperands) {
  bang_test::useThreadsafeDeathTests();
  float a[4] = {}, d[4];
  EXPECT_DEATH(__bang_add(d, a, a, 0), "elem_count' must be positive");
  EXPECT_DEATH(__bang_cycle_add(d, a, a, 4, 3),
               "not a multiple of seg_elem_count");
  float *device = nullptr;
  ASSERT_EQ(cnrtMalloc(reinterpret_cast<void **>(&device), 16),
            CNRT_RET_SUCCESS);
  // Vector builtins compute in NRAM: GDRAM operands are program errors.
  EXPECT_DEATH(__bang_add(d, device, a, 4), "is device memory");
  cnrtFree(device);
  static float big[BANG_EMU_NRAM_SIZE / 4 + 1];
  EXPECT_DEATH(__bang_add(big, big, big, BANG_EMU_NRAM_SIZE / 4 + 1),
               "more than the 524288 bytes of NRAM");
}

} // namespace
