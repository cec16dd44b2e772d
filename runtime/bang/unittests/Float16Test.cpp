//===- Float16Test.cpp - half and bfloat16_t ------------------------------===//
//
// Encodings and round-to-nearest-even conversions of the 16-bit float
// types, checked against bit patterns worked out by hand.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

#include <cmath>
#include <limits>

namespace {

uint16_t halfBits(float f) { return half(f).bits(); }
uint16_t bf16Bits(float f) { return bfloat16_t(f).bits(); }

float floatFromBits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

TEST(HalfTest, EncodesExactValues) {
  EXPECT_EQ(halfBits(1.0f), 0x3C00);
  EXPECT_EQ(halfBits(-2.0f), 0xC000);
  EXPECT_EQ(halfBits(0.5f), 0x3800);
  EXPECT_EQ(halfBits(65504.0f), 0x7BFF);         // largest finite
  EXPECT_EQ(halfBits(std::ldexp(1.0f, -14)), 0x0400); // smallest normal
  EXPECT_EQ(halfBits(std::ldexp(1.0f, -24)), 0x0001); // smallest subnormal
  EXPECT_EQ(halfBits(0.0f), 0x0000);
  EXPECT_EQ(halfBits(-0.0f), 0x8000);
  EXPECT_EQ(halfBits(INFINITY), 0x7C00);
  EXPECT_EQ(halfBits(-INFINITY), 0xFC00);
}

TEST(HalfTest, RoundsToNearestEven) {
  // 1 + 2^-11 is halfway between 1 (0x3C00, even) and 1 + 2^-10 (0x3C01).
  EXPECT_EQ(halfBits(1.0f + std::ldexp(1.0f, -11)), 0x3C00);
  // 1 + 3 * 2^-11 is halfway between 0x3C01 and 0x3C02 (even).
  EXPECT_EQ(halfBits(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3C02);
  // Just above a halfway point rounds up.
  EXPECT_EQ(halfBits(1.0f + std::ldexp(1.0f, -11) + std::ldexp(1.0f, -20)),
            0x3C01);
  // Integers above 2048 are spaced by 2: 2049 -> 2048, 2051 -> 2052.
  EXPECT_EQ(float(half(2049.0f)), 2048.0f);
  EXPECT_EQ(float(half(2051.0f)), 2052.0f);
  // 1/3 = 0x3555 (0.333251953125).
  EXPECT_EQ(halfBits(1.0f / 3.0f), 0x3555);
  // 65519 rounds down to 65504; 65520 (halfway to 2^16) rounds to infinity.
  EXPECT_EQ(halfBits(65519.0f), 0x7BFF);
  EXPECT_EQ(halfBits(65520.0f), 0x7C00);
  EXPECT_EQ(halfBits(1.0e6f), 0x7C00);
  // Subnormals: 2^-25 is halfway between 0 and 2^-24 and rounds to 0;
  // 1.5 * 2^-25 rounds to 2^-24; 3 * 2^-25 is halfway between 2^-24 (odd)
  // and 2^-23 and rounds to 2^-23 (0x0002).
  EXPECT_EQ(halfBits(std::ldexp(1.0f, -25)), 0x0000);
  EXPECT_EQ(halfBits(1.5f * std::ldexp(1.0f, -25)), 0x0001);
  EXPECT_EQ(halfBits(3.0f * std::ldexp(1.0f, -25)), 0x0002);
  EXPECT_EQ(halfBits(-std::ldexp(1.0f, -26)), 0x8000);
  // A subnormal that rounds up into the normals: (2^-14 - 2^-25) is halfway
  // between 0x03FF and 0x0400, and 0x0400 is even.
  EXPECT_EQ(halfBits(std::ldexp(1.0f, -14) - std::ldexp(1.0f, -25)), 0x0400);
}

TEST(HalfTest, ConvertsDoubleWithOneRounding) {
  // 1 + 2^-11 + 2^-40 is above the halfway point; rounding it to float
  // first would give exactly the halfway point and then 1.0.
  double d = 1.0 + std::ldexp(1.0, -11) + std::ldexp(1.0, -40);
  EXPECT_EQ(half(d).bits(), 0x3C01);
}

TEST(HalfTest, NaNStaysNaN) {
  half h(std::numeric_limits<float>::quiet_NaN());
  EXPECT_EQ(h.bits() & 0x7C00, 0x7C00);
  EXPECT_NE(h.bits() & 0x03FF, 0);
  EXPECT_TRUE(std::isnan(float(h)));
}

TEST(HalfTest, DecodesExactly) {
  EXPECT_EQ(float(half::fromBits(0x3555)), 0.333251953125f);
  EXPECT_EQ(float(half::fromBits(0x0001)), std::ldexp(1.0f, -24));
  EXPECT_EQ(float(half::fromBits(0x03FF)), 1023 * std::ldexp(1.0f, -24));
  EXPECT_EQ(float(half::fromBits(0x7BFF)), 65504.0f);
  EXPECT_EQ(float(half::fromBits(0xFC00)), -INFINITY);
  EXPECT_EQ(float(half::fromBits(0xC500)), -5.0f);
}

TEST(HalfTest, EveryNumberRoundTrips) {
  for (uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
    half h = half::fromBits(uint16_t(bits));
    float f = float(h);
    if (std::isnan(f))
      continue;
    ASSERT_EQ(half(f).bits(), bits) << "bits 0x" << std::hex << bits;
  }
}

TEST(HalfTest, ArithmeticRoundsEachOperation) {
  // 0.1 -> 0x2E66 (0.0999755859375), 0.2 -> 0x3266 (0.199951171875); their
  // sum 0.2999267578125 is halfway between 0x34CC and 0x34CD: 0x34CC.
  EXPECT_EQ(half(0.1f).bits(), 0x2E66);
  EXPECT_EQ(half(0.2f).bits(), 0x3266);
  EXPECT_EQ((half(0.1f) + half(0.2f)).bits(), 0x34CC);
  // 1 + 2^-11 in half arithmetic is 1.
  half one(1.0f), tiny(std::ldexp(1.0f, -11));
  EXPECT_EQ((one + tiny).bits(), 0x3C00);
  EXPECT_EQ((half(3.0f) * half(0.5f)).bits(), halfBits(1.5f));
  EXPECT_EQ((half(1.0f) / half(3.0f)).bits(), 0x3555);
  EXPECT_EQ((-half(2.0f)).bits(), 0xC000);
  half h(1.0f);
  h += 2;
  EXPECT_EQ(float(h), 3.0f);
  ++h;
  EXPECT_EQ(float(h), 4.0f);
}

TEST(HalfTest, MixedArithmeticTypes) {
  half h(1.5f);
  static_assert(std::is_same_v<decltype(h + 1.0f), float>);
  static_assert(std::is_same_v<decltype(h * 2.0), double>);
  static_assert(std::is_same_v<decltype(h + 1), half>);
  static_assert(std::is_same_v<decltype(2 * h), half>);
  EXPECT_EQ(h + 1.0f, 2.5f);
  EXPECT_EQ(float(h * 2), 3.0f);
  EXPECT_TRUE(h > 1);
  EXPECT_TRUE(h < 1.75f);
  EXPECT_TRUE(half(0.0f) == -half(0.0f));
  float f = h;
  EXPECT_EQ(f, 1.5f);
}

TEST(BFloat16Test, EncodesAndRounds) {
  EXPECT_EQ(bf16Bits(1.0f), 0x3F80);
  EXPECT_EQ(bf16Bits(-2.0f), 0xC000);
  // pi = 0x40490FDB: the low half 0x0FDB is below 0x8000, so it truncates.
  EXPECT_EQ(bf16Bits(floatFromBits(0x40490FDB)), 0x4049);
  // Halfway cases go to the even neighbour.
  EXPECT_EQ(bf16Bits(floatFromBits(0x3F808000)), 0x3F80);
  EXPECT_EQ(bf16Bits(floatFromBits(0x3F818000)), 0x3F82);
  EXPECT_EQ(bf16Bits(floatFromBits(0x3F808001)), 0x3F81);
  // The largest float rounds up to infinity.
  EXPECT_EQ(bf16Bits(floatFromBits(0x7F7FFFFF)), 0x7F80);
  EXPECT_EQ(bf16Bits(floatFromBits(0x00010000)), 0x0001); // subnormal
  EXPECT_EQ(float(bfloat16_t::fromBits(0x4049)), 3.140625f);
  bfloat16_t nan(std::numeric_limits<float>::quiet_NaN());
  EXPECT_TRUE(std::isnan(float(nan)));
  EXPECT_EQ((bfloat16_t(1.0f) + bfloat16_t(std::ldexp(1.0f, -9))).bits(),
            0x3F80);
}

} // namespace
