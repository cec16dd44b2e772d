//===- VnniRuntimeTest.cpp - vnni reference functions vs. the hardware ----===//
//
// Each `__xpl_rt_vnni_*` reference function of the oracle is compared with
// the real AVX-512 / AVX512-VNNI intrinsic on random inputs (special float
// values included) when the host CPU has AVX512-VNNI (skipped otherwise),
// and with hand-computed values for saturation, rounding, NaN and mask
// cases. Out-of-bounds accesses are checked to trap, and masked-off lanes
// past the end of a buffer not to (fault suppression).
//
// This file is compiled with -mavx512f -mavx512bw -mavx512vl -mavx512vnni;
// the intrinsics run only after `hasVnni()` said the CPU has them.
//
//===----------------------------------------------------------------------===//

#include "VnniRuntime.h"

#include "Runtime.h"

#include "gtest/gtest.h"

#include <immintrin.h>

#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <utility>
#include <vector>

namespace {

using Bytes = std::array<uint8_t, 64>;

bool hasVnni() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") &&
         __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("fma") &&
         __builtin_cpu_supports("avx512vnni");
}

#define REQUIRE_VNNI()                                                         \
  do {                                                                         \
    if (!hasVnni())                                                            \
      GTEST_SKIP() << "the host CPU has no AVX512-VNNI";                       \
  } while (0)

// Enum values of the vnni dialect (VnniAttributes.td).
enum Lane : int32_t { Epi8 = 0, Epi16 = 1, Epi32 = 2, Epi64 = 3, Ps = 4 };
enum Binary : int32_t {
  Add = 0,
  Sub = 1,
  Mullo = 2,
  Mul = 3,
  Max = 4,
  Min = 5,
  Div = 6,
  Scalef = 7
};

constexpr int kRounds = 200;

std::mt19937_64 &rng() {
  static std::mt19937_64 generator(20240611);
  return generator;
}

Bytes randomBytes() {
  Bytes b;
  for (auto &x : b)
    x = (uint8_t)rng()();
  return b;
}

/// Integer bytes biased to the extremes (0, ±1, min, max) to exercise
/// saturation and wrapping.
Bytes extremeBytes() {
  Bytes b = randomBytes();
  for (size_t i = 0; i < b.size(); ++i)
    if (rng()() % 3 == 0)
      b[i] = (rng()() & 1) ? 0x7f : 0x80;
    else if (rng()() % 5 == 0)
      b[i] = (rng()() & 1) ? 0xff : 0x00;
  return b;
}

float specialFloat() {
  static const float specials[] = {
      0.0f,
      -0.0f,
      1.0f,
      -1.0f,
      0.5f,
      2.5f,
      -2.5f,
      3.5f,
      std::numeric_limits<float>::infinity(),
      -std::numeric_limits<float>::infinity(),
      std::numeric_limits<float>::quiet_NaN(),
      -std::numeric_limits<float>::quiet_NaN(),
      std::numeric_limits<float>::denorm_min(),
      -std::numeric_limits<float>::denorm_min(),
      1e-40f,
      std::numeric_limits<float>::max(),
      std::numeric_limits<float>::lowest(),
      2147483520.0f,
      2147483648.0f,
      -2147483648.0f,
      130.0f,
      -160.0f,
      1e30f,
  };
  return specials[rng()() % (sizeof(specials) / sizeof(specials[0]))];
}

/// 16 floats: mostly ordinary values of varied magnitude and sign, some
/// special ones (±0, ±inf, NaN, denormals, i32 limits, halves).
Bytes randomFloats(bool specials = true) {
  Bytes b;
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  std::uniform_int_distribution<int> exponent(-30, 30);
  for (int j = 0; j < 16; ++j) {
    float f = (specials && rng()() % 4 == 0)
                  ? specialFloat()
                  : std::ldexp(unit(rng()), exponent(rng()));
    std::memcpy(&b[4 * j], &f, 4);
  }
  return b;
}

template <typename V> V ld(const void *p) {
  V v;
  std::memcpy(&v, p, sizeof(V));
  return v;
}
template <typename V> Bytes st(V v) {
  Bytes b{};
  std::memcpy(b.data(), &v, sizeof(V));
  return b;
}

float f32(const Bytes &b, int j) {
  float f;
  std::memcpy(&f, &b[4 * j], 4);
  return f;
}
int32_t i32(const Bytes &b, int j) {
  int32_t v;
  std::memcpy(&v, &b[4 * j], 4);
  return v;
}

/// Bytes [0, n) equal, f32 lanes compared as "both NaN or same bits" when
/// `floats` (the NaN payload x86 propagates is not part of the contract).
::testing::AssertionResult sameBytes(const Bytes &expected, const Bytes &actual,
                                     int n, bool floats) {
  for (int i = 0; i < n; i += floats ? 4 : 1) {
    if (floats) {
      float e = f32(expected, i / 4), a = f32(actual, i / 4);
      if ((e != e && a != a) || std::memcmp(&e, &a, 4) == 0)
        continue;
      return ::testing::AssertionFailure()
             << "f32 lane " << i / 4 << ": hardware " << e << " (0x"
             << std::hex << i32(expected, i / 4) << "), reference " << a
             << " (0x" << i32(actual, i / 4) << ")" << std::dec;
    }
    if (expected[i] != actual[i])
      return ::testing::AssertionFailure()
             << "byte " << i << ": hardware " << int(expected[i])
             << ", reference " << int(actual[i]);
  }
  return ::testing::AssertionSuccess();
}

//===----------------------------------------------------------------------===//
// Dot products
//===----------------------------------------------------------------------===//

using Ternary = std::function<Bytes(const Bytes &, const Bytes &,
                                    const Bytes &)>;

template <typename V> Ternary dp(V (*f)(V, V, V)) {
  return [f](const Bytes &c, const Bytes &a, const Bytes &b) {
    return st(f(ld<V>(c.data()), ld<V>(a.data()), ld<V>(b.data())));
  };
}

Bytes refDp(int kind, int bytes, const Bytes &c, const Bytes &a,
            const Bytes &b) {
  Bytes r{};
  __xpl_rt_vnni_dp(kind, bytes, r.data(), c.data(), a.data(), b.data());
  return r;
}

TEST(VnniRuntime, DotProductsMatchHardware) {
  REQUIRE_VNNI();
  struct Case {
    int kind, bytes;
    Ternary hw;
  } cases[] = {
      {0, 64, dp<__m512i>([](__m512i c, __m512i a, __m512i b) {
         return _mm512_dpbusd_epi32(c, a, b);
       })},
      {1, 64, dp<__m512i>([](__m512i c, __m512i a, __m512i b) {
         return _mm512_dpbusds_epi32(c, a, b);
       })},
      {2, 64, dp<__m512i>([](__m512i c, __m512i a, __m512i b) {
         return _mm512_dpwssd_epi32(c, a, b);
       })},
      {3, 64, dp<__m512i>([](__m512i c, __m512i a, __m512i b) {
         return _mm512_dpwssds_epi32(c, a, b);
       })},
      {0, 32, dp<__m256i>([](__m256i c, __m256i a, __m256i b) {
         return _mm256_dpbusd_epi32(c, a, b);
       })},
      {1, 32, dp<__m256i>([](__m256i c, __m256i a, __m256i b) {
         return _mm256_dpbusds_epi32(c, a, b);
       })},
      {2, 32, dp<__m256i>([](__m256i c, __m256i a, __m256i b) {
         return _mm256_dpwssd_epi32(c, a, b);
       })},
      {3, 32, dp<__m256i>([](__m256i c, __m256i a, __m256i b) {
         return _mm256_dpwssds_epi32(c, a, b);
       })},
      {0, 16, dp<__m128i>([](__m128i c, __m128i a, __m128i b) {
         return _mm_dpbusd_epi32(c, a, b);
       })},
      {1, 16, dp<__m128i>([](__m128i c, __m128i a, __m128i b) {
         return _mm_dpbusds_epi32(c, a, b);
       })},
      {2, 16, dp<__m128i>([](__m128i c, __m128i a, __m128i b) {
         return _mm_dpwssd_epi32(c, a, b);
       })},
      {3, 16, dp<__m128i>([](__m128i c, __m128i a, __m128i b) {
         return _mm_dpwssds_epi32(c, a, b);
       })},
  };
  for (const Case &t : cases)
    for (int round = 0; round < kRounds; ++round) {
      bool extreme = round % 2;
      Bytes c = extreme ? extremeBytes() : randomBytes();
      Bytes a = extreme ? extremeBytes() : randomBytes();
      Bytes b = extreme ? extremeBytes() : randomBytes();
      ASSERT_TRUE(sameBytes(t.hw(c, a, b), refDp(t.kind, t.bytes, c, a, b),
                            t.bytes, false))
          << "kind " << t.kind << ", " << t.bytes * 8 << " bits";
    }
}

Bytes fill32(int32_t v) {
  Bytes b;
  for (int j = 0; j < 16; ++j)
    std::memcpy(&b[4 * j], &v, 4);
  return b;
}
Bytes fill16(int16_t v) {
  Bytes b;
  for (int j = 0; j < 32; ++j)
    std::memcpy(&b[2 * j], &v, 2);
  return b;
}
Bytes fill8(uint8_t v) {
  Bytes b;
  b.fill(v);
  return b;
}

TEST(VnniRuntime, DotProductSaturationByHand) {
  const int32_t max = std::numeric_limits<int32_t>::max();
  const int32_t min = std::numeric_limits<int32_t>::min();
  // dpbusd: a is unsigned (0xff = 255), b signed (0x7f = 127): four products
  // of 32385 on INT32_MAX wrap; dpbusds saturates.
  Bytes r = refDp(0, 64, fill32(max), fill8(0xff), fill8(0x7f));
  EXPECT_EQ(i32(r, 0), (int32_t)((int64_t)max + 4 * 255 * 127 - (1ll << 32)));
  EXPECT_EQ(i32(r, 0), -2147354109);
  r = refDp(1, 64, fill32(max), fill8(0xff), fill8(0x7f));
  EXPECT_EQ(i32(r, 15), max);
  // 255 * -128 on INT32_MIN: wraps to 2147353088, saturates to INT32_MIN.
  r = refDp(0, 32, fill32(min), fill8(0xff), fill8(0x80));
  EXPECT_EQ(i32(r, 7), 2147353088);
  r = refDp(1, 32, fill32(min), fill8(0xff), fill8(0x80));
  EXPECT_EQ(i32(r, 7), min);
  // Unsigned x signed, not signed x signed: 0xff * 0xff = 255 * -1.
  r = refDp(0, 16, fill32(0), fill8(0xff), fill8(0xff));
  EXPECT_EQ(i32(r, 3), -4 * 255);
  // The sum is exact before saturation: positive and negative products
  // cancel although a partial sum would leave the range.
  Bytes a = fill8(0), b = fill8(0);
  a[0] = 255, b[0] = 127; // +32385
  a[1] = 255, b[1] = 0x80; // -32640
  r = refDp(1, 64, fill32(max), a, b);
  EXPECT_EQ(i32(r, 0), max - 255);
  // dpwssd: (-32768)^2 twice is 2^31 on INT32_MAX: wraps to -1, dpwssds
  // saturates; on INT32_MIN it is exact: 0.
  r = refDp(2, 64, fill32(max), fill16(-32768), fill16(-32768));
  EXPECT_EQ(i32(r, 5), -1);
  r = refDp(3, 64, fill32(max), fill16(-32768), fill16(-32768));
  EXPECT_EQ(i32(r, 5), max);
  r = refDp(3, 64, fill32(min), fill16(-32768), fill16(-32768));
  EXPECT_EQ(i32(r, 5), 0);
  r = refDp(3, 16, fill32(min), fill16(-32768), fill16(32767));
  EXPECT_EQ(i32(r, 1), min);
}

//===----------------------------------------------------------------------===//
// Lane-wise arithmetic, blends, compares, fmadd
//===----------------------------------------------------------------------===//

using BinaryFn = std::function<Bytes(const Bytes &, const Bytes &)>;
using MaskedFn = std::function<Bytes(const Bytes &, uint64_t, const Bytes &,
                                     const Bytes &)>;

template <typename V> BinaryFn bin(V (*f)(V, V)) {
  return [f](const Bytes &a, const Bytes &b) {
    return st(f(ld<V>(a.data()), ld<V>(b.data())));
  };
}

#define XPL_BIN(W, V, NAME)                                                    \
  bin<V>([](V a, V b) { return W##_##NAME(a, b); })

struct BinaryCase {
  int kind, lane, bytes;
  BinaryFn hw;
};

std::vector<BinaryCase> binaryCases() {
  std::vector<BinaryCase> cases = {
#define XPL_INT_WIDTH(W, V, B)                                                 \
  {Add, Epi8, B, XPL_BIN(W, V, add_epi8)},                                     \
      {Add, Epi16, B, XPL_BIN(W, V, add_epi16)},                               \
      {Add, Epi32, B, XPL_BIN(W, V, add_epi32)},                               \
      {Add, Epi64, B, XPL_BIN(W, V, add_epi64)},                               \
      {Sub, Epi8, B, XPL_BIN(W, V, sub_epi8)},                                 \
      {Sub, Epi16, B, XPL_BIN(W, V, sub_epi16)},                               \
      {Sub, Epi32, B, XPL_BIN(W, V, sub_epi32)},                               \
      {Sub, Epi64, B, XPL_BIN(W, V, sub_epi64)},                               \
      {Mullo, Epi16, B, XPL_BIN(W, V, mullo_epi16)},                           \
      {Mullo, Epi32, B, XPL_BIN(W, V, mullo_epi32)},                           \
      {Mullo, Epi64, B, XPL_BIN(W, V, mullo_epi64)},                           \
      {Max, Epi8, B, XPL_BIN(W, V, max_epi8)},                                 \
      {Max, Epi16, B, XPL_BIN(W, V, max_epi16)},                               \
      {Max, Epi32, B, XPL_BIN(W, V, max_epi32)},                               \
      {Max, Epi64, B, XPL_BIN(W, V, max_epi64)},                               \
      {Min, Epi8, B, XPL_BIN(W, V, min_epi8)},                                 \
      {Min, Epi16, B, XPL_BIN(W, V, min_epi16)},                               \
      {Min, Epi32, B, XPL_BIN(W, V, min_epi32)},                               \
      {Min, Epi64, B, XPL_BIN(W, V, min_epi64)}
#define XPL_PS_WIDTH(W, V, B)                                                  \
  {Add, Ps, B, XPL_BIN(W, V, add_ps)}, {Sub, Ps, B, XPL_BIN(W, V, sub_ps)},    \
      {Mul, Ps, B, XPL_BIN(W, V, mul_ps)},                                     \
      {Div, Ps, B, XPL_BIN(W, V, div_ps)},                                     \
      {Max, Ps, B, XPL_BIN(W, V, max_ps)},                                     \
      {Min, Ps, B, XPL_BIN(W, V, min_ps)},                                     \
      {Scalef, Ps, B, XPL_BIN(W, V, scalef_ps)}
      XPL_INT_WIDTH(_mm512, __m512i, 64), XPL_INT_WIDTH(_mm256, __m256i, 32),
      XPL_INT_WIDTH(_mm, __m128i, 16),    XPL_PS_WIDTH(_mm512, __m512, 64),
      XPL_PS_WIDTH(_mm256, __m256, 32),   XPL_PS_WIDTH(_mm, __m128, 16),
#undef XPL_INT_WIDTH
#undef XPL_PS_WIDTH
  };
  return cases;
}

Bytes refBinary(int kind, int lane, int bytes, const Bytes &a, const Bytes &b,
                bool masked = false, uint64_t mask = 0,
                const Bytes *passthru = nullptr) {
  Bytes r{};
  __xpl_rt_vnni_binary(kind, lane, bytes, r.data(), a.data(), b.data(),
                       masked, mask, passthru ? passthru->data() : nullptr);
  return r;
}

TEST(VnniRuntime, BinaryMatchesHardware) {
  REQUIRE_VNNI();
  for (const BinaryCase &t : binaryCases())
    for (int round = 0; round < kRounds; ++round) {
      bool floats = t.lane == Ps;
      Bytes a = floats ? randomFloats() : (round % 2 ? extremeBytes()
                                                     : randomBytes());
      Bytes b = floats ? randomFloats() : (round % 2 ? extremeBytes()
                                                     : randomBytes());
      if (t.kind == Scalef && round % 3 == 0) {
        // Exponents around the overflow/underflow thresholds.
        for (int j = 0; j < 16; ++j) {
          float e = (float)((int)(rng()() % 600) - 300) +
                    (rng()() & 1 ? 0.5f : 0.0f);
          std::memcpy(&b[4 * j], &e, 4);
        }
      }
      ASSERT_TRUE(sameBytes(t.hw(a, b), refBinary(t.kind, t.lane, t.bytes, a, b),
                            t.bytes, floats))
          << "kind " << t.kind << ", lane " << t.lane << ", "
          << t.bytes * 8 << " bits, round " << round;
    }
}

TEST(VnniRuntime, MaskedBinaryMatchesHardware) {
  REQUIRE_VNNI();
  struct Case {
    int kind, lane, bytes;
    MaskedFn hw;  // mask form (with passthru)
    MaskedFn hwz; // maskz form
  } cases[] = {
      {Add, Ps, 64,
       [](const Bytes &p, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_mask_add_ps(ld<__m512>(p.data()), (__mmask16)k,
                                      ld<__m512>(a.data()),
                                      ld<__m512>(b.data())));
       },
       [](const Bytes &, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_maskz_add_ps((__mmask16)k, ld<__m512>(a.data()),
                                       ld<__m512>(b.data())));
       }},
      {Max, Ps, 32,
       [](const Bytes &p, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm256_mask_max_ps(ld<__m256>(p.data()), (__mmask8)k,
                                      ld<__m256>(a.data()),
                                      ld<__m256>(b.data())));
       },
       [](const Bytes &, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm256_maskz_max_ps((__mmask8)k, ld<__m256>(a.data()),
                                       ld<__m256>(b.data())));
       }},
      {Sub, Epi8, 64,
       [](const Bytes &p, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_mask_sub_epi8(ld<__m512i>(p.data()), (__mmask64)k,
                                        ld<__m512i>(a.data()),
                                        ld<__m512i>(b.data())));
       },
       [](const Bytes &, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_maskz_sub_epi8((__mmask64)k, ld<__m512i>(a.data()),
                                         ld<__m512i>(b.data())));
       }},
      {Mullo, Epi32, 16,
       [](const Bytes &p, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm_mask_mullo_epi32(ld<__m128i>(p.data()), (__mmask8)k,
                                        ld<__m128i>(a.data()),
                                        ld<__m128i>(b.data())));
       },
       [](const Bytes &, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm_maskz_mullo_epi32((__mmask8)k, ld<__m128i>(a.data()),
                                         ld<__m128i>(b.data())));
       }},
      {Min, Epi16, 64,
       [](const Bytes &p, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_mask_min_epi16(ld<__m512i>(p.data()), (__mmask32)k,
                                         ld<__m512i>(a.data()),
                                         ld<__m512i>(b.data())));
       },
       [](const Bytes &, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_maskz_min_epi16((__mmask32)k, ld<__m512i>(a.data()),
                                          ld<__m512i>(b.data())));
       }},
      {Scalef, Ps, 64,
       [](const Bytes &p, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_mask_scalef_ps(ld<__m512>(p.data()), (__mmask16)k,
                                         ld<__m512>(a.data()),
                                         ld<__m512>(b.data())));
       },
       [](const Bytes &, uint64_t k, const Bytes &a, const Bytes &b) {
         return st(_mm512_maskz_scalef_ps((__mmask16)k, ld<__m512>(a.data()),
                                          ld<__m512>(b.data())));
       }},
  };
  for (const Case &t : cases)
    for (int round = 0; round < kRounds; ++round) {
      bool floats = t.lane == Ps;
      Bytes p = floats ? randomFloats() : randomBytes();
      Bytes a = floats ? randomFloats() : randomBytes();
      Bytes b = floats ? randomFloats() : randomBytes();
      uint64_t k = rng()();
      ASSERT_TRUE(sameBytes(t.hw(p, k, a, b),
                            refBinary(t.kind, t.lane, t.bytes, a, b, true, k,
                                      &p),
                            t.bytes, floats))
          << "mask, kind " << t.kind << ", lane " << t.lane;
      ASSERT_TRUE(sameBytes(t.hwz(p, k, a, b),
                            refBinary(t.kind, t.lane, t.bytes, a, b, true, k),
                            t.bytes, floats))
          << "maskz, kind " << t.kind << ", lane " << t.lane;
    }
}

float floatOf(const Bytes &b) { return f32(b, 0); }
Bytes splat(float f) {
  Bytes b;
  for (int j = 0; j < 16; ++j)
    std::memcpy(&b[4 * j], &f, 4);
  return b;
}

TEST(VnniRuntime, FloatSpecialCasesByHand) {
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  auto one = [](int kind, float l, float r) {
    return floatOf(refBinary(kind, Ps, 16, splat(l), splat(r)));
  };
  // maxps/minps return the second operand on NaN and on two zeros.
  EXPECT_TRUE(std::signbit(one(Max, 0.0f, -0.0f)));
  EXPECT_FALSE(std::signbit(one(Max, -0.0f, 0.0f)));
  EXPECT_EQ(one(Max, nan, 1.0f), 1.0f);
  EXPECT_TRUE(std::isnan(one(Max, 1.0f, nan)));
  EXPECT_EQ(one(Min, nan, -3.0f), -3.0f);
  // scalef: floor of the exponent, the SDM's special cases.
  EXPECT_EQ(one(Scalef, 3.0f, 2.7f), 12.0f);
  EXPECT_EQ(one(Scalef, 3.0f, -1.5f), 0.75f);
  EXPECT_EQ(one(Scalef, 1.0f, 128.0f), inf);
  EXPECT_EQ(one(Scalef, 1.0f, -150.0f), 0.0f);
  EXPECT_EQ(one(Scalef, 1.5f, -149.0f), std::ldexp(1.0f, -148)); // rounded once
  EXPECT_EQ(one(Scalef, -2.0f, inf), -inf);
  EXPECT_TRUE(std::signbit(one(Scalef, -2.0f, -inf)));
  EXPECT_TRUE(std::isnan(one(Scalef, 0.0f, inf)));
  EXPECT_TRUE(std::isnan(one(Scalef, inf, -inf)));
  EXPECT_EQ(one(Scalef, inf, inf), inf);
  EXPECT_EQ(one(Scalef, 0.0f, -inf), 0.0f);
  // A quiet NaN scaled by 2^±inf is +inf / +0 (SDM table), otherwise NaNs
  // propagate, Src1's first.
  EXPECT_EQ(one(Scalef, -nan, inf), inf);
  EXPECT_EQ(one(Scalef, -nan, -inf), 0.0f);
  EXPECT_FALSE(std::signbit(one(Scalef, -nan, -inf)));
  EXPECT_TRUE(std::signbit(one(Scalef, -nan, nan)));
  EXPECT_FALSE(std::signbit(one(Scalef, 1.0f, nan)));
}

TEST(VnniRuntime, FmaddMatchesHardware) {
  REQUIRE_VNNI();
  for (int round = 0; round < kRounds; ++round) {
    Bytes a = randomFloats(), b = randomFloats(), c = randomFloats();
    Bytes r{};
    __xpl_rt_vnni_fmadd(64, r.data(), a.data(), b.data(), c.data());
    ASSERT_TRUE(sameBytes(st(_mm512_fmadd_ps(ld<__m512>(a.data()),
                                             ld<__m512>(b.data()),
                                             ld<__m512>(c.data()))),
                          r, 64, true));
    __xpl_rt_vnni_fmadd(32, r.data(), a.data(), b.data(), c.data());
    ASSERT_TRUE(sameBytes(st(_mm256_fmadd_ps(ld<__m256>(a.data()),
                                             ld<__m256>(b.data()),
                                             ld<__m256>(c.data()))),
                          r, 32, true));
    __xpl_rt_vnni_fmadd(16, r.data(), a.data(), b.data(), c.data());
    ASSERT_TRUE(sameBytes(st(_mm_fmadd_ps(ld<__m128>(a.data()),
                                          ld<__m128>(b.data()),
                                          ld<__m128>(c.data()))),
                          r, 16, true));
  }
  // One rounding: 1 + 2^-24 squared minus 1 keeps the 2^-48 term.
  float x = 1.0f + std::ldexp(1.0f, -23);
  Bytes r{};
  Bytes a = splat(x), c = splat(-1.0f);
  __xpl_rt_vnni_fmadd(16, r.data(), a.data(), a.data(), c.data());
  EXPECT_EQ(f32(r, 0), std::ldexp(1.0f, -22) + std::ldexp(1.0f, -46));
}

template <int P> uint64_t hwCmp(int bytes, const Bytes &a, const Bytes &b) {
  if (bytes == 64)
    return _mm512_cmp_ps_mask(ld<__m512>(a.data()), ld<__m512>(b.data()), P);
  if (bytes == 32)
    return _mm256_cmp_ps_mask(ld<__m256>(a.data()), ld<__m256>(b.data()), P);
  return _mm_cmp_ps_mask(ld<__m128>(a.data()), ld<__m128>(b.data()), P);
}

template <int... P>
std::array<uint64_t (*)(int, const Bytes &, const Bytes &), sizeof...(P)>
cmpTable(std::integer_sequence<int, P...>) {
  return {&hwCmp<P>...};
}

TEST(VnniRuntime, CompareMatchesHardware) {
  REQUIRE_VNNI();
  auto table = cmpTable(std::make_integer_sequence<int, 32>());
  for (int round = 0; round < kRounds; ++round) {
    Bytes a = randomFloats(), b = randomFloats();
    // Equal lanes too.
    for (int j = 0; j < 16; j += 3)
      std::memcpy(&b[4 * j], &a[4 * j], 4);
    for (int predicate = 0; predicate < 32; ++predicate)
      for (int bytes : {64, 32, 16})
        ASSERT_EQ(table[predicate](bytes, a, b),
                  __xpl_rt_vnni_cmp(predicate, bytes, a.data(), b.data()))
            << "predicate " << predicate << ", " << bytes * 8 << " bits";
  }
}

TEST(VnniRuntime, BlendMatchesHardware) {
  REQUIRE_VNNI();
  using Fn = std::function<Bytes(uint64_t, const Bytes &, const Bytes &)>;
  struct Case {
    int lane, bytes;
    Fn hw;
  } cases[] = {
#define XPL_BLEND(W, V, K, SUFFIX, LANE, B)                                    \
  {LANE, B, [](uint64_t k, const Bytes &a, const Bytes &b) {                   \
     return st(W##_mask_blend_##SUFFIX((K)k, ld<V>(a.data()),                  \
                                       ld<V>(b.data())));                      \
   }}
      XPL_BLEND(_mm512, __m512i, __mmask64, epi8, Epi8, 64),
      XPL_BLEND(_mm512, __m512i, __mmask32, epi16, Epi16, 64),
      XPL_BLEND(_mm512, __m512i, __mmask16, epi32, Epi32, 64),
      XPL_BLEND(_mm512, __m512i, __mmask8, epi64, Epi64, 64),
      XPL_BLEND(_mm512, __m512, __mmask16, ps, Ps, 64),
      XPL_BLEND(_mm256, __m256i, __mmask32, epi8, Epi8, 32),
      XPL_BLEND(_mm256, __m256i, __mmask8, epi32, Epi32, 32),
      XPL_BLEND(_mm256, __m256, __mmask8, ps, Ps, 32),
      XPL_BLEND(_mm, __m128i, __mmask16, epi8, Epi8, 16),
      XPL_BLEND(_mm, __m128i, __mmask8, epi16, Epi16, 16),
      XPL_BLEND(_mm, __m128i, __mmask8, epi64, Epi64, 16),
      XPL_BLEND(_mm, __m128, __mmask8, ps, Ps, 16),
#undef XPL_BLEND
  };
  for (const Case &t : cases)
    for (int round = 0; round < kRounds; ++round) {
      Bytes a = randomBytes(), b = randomBytes(), r{};
      uint64_t k = rng()();
      __xpl_rt_vnni_blend(t.lane, t.bytes, r.data(), k, a.data(), b.data());
      ASSERT_TRUE(sameBytes(t.hw(k, a, b), r, t.bytes, false))
          << "lane " << t.lane << ", " << t.bytes * 8 << " bits";
    }
}

//===----------------------------------------------------------------------===//
// Reductions and conversions
//===----------------------------------------------------------------------===//

TEST(VnniRuntime, ReductionsMatchHardware) {
  REQUIRE_VNNI();
  for (int round = 0; round < kRounds; ++round) {
    Bytes v = round % 2 ? extremeBytes() : randomBytes();
    __m512i x = ld<__m512i>(v.data());
    EXPECT_EQ(_mm512_reduce_add_epi32(x),
              (int32_t)__xpl_rt_vnni_reduce_int(0, Epi32, v.data()));
    EXPECT_EQ(_mm512_reduce_mul_epi32(x),
              (int32_t)__xpl_rt_vnni_reduce_int(1, Epi32, v.data()));
    EXPECT_EQ(_mm512_reduce_max_epi32(x),
              (int32_t)__xpl_rt_vnni_reduce_int(2, Epi32, v.data()));
    EXPECT_EQ(_mm512_reduce_min_epi32(x),
              (int32_t)__xpl_rt_vnni_reduce_int(3, Epi32, v.data()));
    EXPECT_EQ(_mm512_reduce_add_epi64(x),
              __xpl_rt_vnni_reduce_int(0, Epi64, v.data()));
    EXPECT_EQ(_mm512_reduce_mul_epi64(x),
              __xpl_rt_vnni_reduce_int(1, Epi64, v.data()));
    EXPECT_EQ(_mm512_reduce_max_epi64(x),
              __xpl_rt_vnni_reduce_int(2, Epi64, v.data()));
    EXPECT_EQ(_mm512_reduce_min_epi64(x),
              __xpl_rt_vnni_reduce_int(3, Epi64, v.data()));
    // Floats without NaN and zeros of both signs (whose max/min the guide
    // leaves to the order of the operands).
    Bytes f = randomFloats(/*specials=*/false);
    __m512 y = ld<__m512>(f.data());
    Bytes hw = splat(_mm512_reduce_add_ps(y));
    Bytes ref = splat(__xpl_rt_vnni_reduce_ps(0, f.data()));
    ASSERT_TRUE(sameBytes(hw, ref, 4, true)) << "reduce_add_ps";
    hw = splat(_mm512_reduce_mul_ps(y));
    ref = splat(__xpl_rt_vnni_reduce_ps(1, f.data()));
    ASSERT_TRUE(sameBytes(hw, ref, 4, true)) << "reduce_mul_ps";
    EXPECT_EQ(_mm512_reduce_max_ps(y), __xpl_rt_vnni_reduce_ps(2, f.data()));
    EXPECT_EQ(_mm512_reduce_min_ps(y), __xpl_rt_vnni_reduce_ps(3, f.data()));
  }
  // Intel's halving tree, not a left fold: lane 0 is 2^24, the others 1. A
  // left fold loses every 1 (2^24 + 1 rounds to 2^24); the tree adds lane j
  // and j + 8 first: 2^24 (lost 1), then 2^24 + 2, 2^24 + 6, 2^24 + 14.
  Bytes v = splat(1.0f);
  float big = 16777216.0f;
  std::memcpy(&v[0], &big, 4);
  EXPECT_EQ(__xpl_rt_vnni_reduce_ps(0, v.data()), big + 14.0f);
}

TEST(VnniRuntime, ConversionsMatchHardware) {
  REQUIRE_VNNI();
  using Fn = std::function<Bytes(const Bytes &)>;
  struct Case {
    int kind, bytes;
    bool floats;
    Fn hw;
  } cases[] = {
#define XPL_CVT(KIND, B, FLOATS, W, NAME, SRC)                                 \
  {KIND, B, FLOATS, [](const Bytes &s) { return st(W##_##NAME(ld<SRC>(s.data()))); }}
      XPL_CVT(0, 64, true, _mm512, cvtepi32_ps, __m512i),
      XPL_CVT(1, 64, false, _mm512, cvtps_epi32, __m512),
      XPL_CVT(2, 64, false, _mm512, cvttps_epi32, __m512),
      XPL_CVT(3, 64, false, _mm512, cvtepi8_epi32, __m128i),
      XPL_CVT(4, 64, false, _mm512, cvtepu8_epi32, __m128i),
      XPL_CVT(5, 64, false, _mm512, cvtepi16_epi32, __m256i),
      XPL_CVT(6, 64, false, _mm512, cvtepu16_epi32, __m256i),
      XPL_CVT(0, 32, true, _mm256, cvtepi32_ps, __m256i),
      XPL_CVT(1, 32, false, _mm256, cvtps_epi32, __m256),
      XPL_CVT(2, 32, false, _mm256, cvttps_epi32, __m256),
      XPL_CVT(3, 32, false, _mm256, cvtepi8_epi32, __m128i),
      XPL_CVT(4, 32, false, _mm256, cvtepu8_epi32, __m128i),
      XPL_CVT(5, 32, false, _mm256, cvtepi16_epi32, __m128i),
      XPL_CVT(6, 32, false, _mm256, cvtepu16_epi32, __m128i),
      XPL_CVT(0, 16, true, _mm, cvtepi32_ps, __m128i),
      XPL_CVT(1, 16, false, _mm, cvtps_epi32, __m128),
      XPL_CVT(2, 16, false, _mm, cvttps_epi32, __m128),
      XPL_CVT(3, 16, false, _mm, cvtepi8_epi32, __m128i),
      XPL_CVT(4, 16, false, _mm, cvtepu8_epi32, __m128i),
      XPL_CVT(5, 16, false, _mm, cvtepi16_epi32, __m128i),
      XPL_CVT(6, 16, false, _mm, cvtepu16_epi32, __m128i),
#undef XPL_CVT
  };
  for (const Case &t : cases)
    for (int round = 0; round < kRounds; ++round) {
      // Float sources for cvt(t)ps_epi32: values near the i32 limits and
      // halves.
      Bytes s = (t.kind == 1 || t.kind == 2) ? randomFloats() : randomBytes();
      if (t.kind == 1 || t.kind == 2)
        for (int j = 0; j < 16; j += 2) {
          float f = (float)((int64_t)(rng()() % 4000) - 2000) / 2.0f;
          std::memcpy(&s[4 * j], &f, 4);
        }
      Bytes r{};
      __xpl_rt_vnni_cvt(t.kind, t.bytes, r.data(), s.data());
      ASSERT_TRUE(sameBytes(t.hw(s), r, t.bytes, t.floats))
          << "kind " << t.kind << ", " << t.bytes * 8 << " bits";
    }
}

TEST(VnniRuntime, ConversionRoundingByHand) {
  Bytes s{};
  const float values[4] = {2.5f, -3.5f, 2147483648.0f,
                           std::numeric_limits<float>::quiet_NaN()};
  std::memcpy(s.data(), values, 16);
  Bytes r{};
  __xpl_rt_vnni_cvt(1, 16, r.data(), s.data()); // cvtps_epi32
  EXPECT_EQ(i32(r, 0), 2);
  EXPECT_EQ(i32(r, 1), -4);
  EXPECT_EQ(i32(r, 2), std::numeric_limits<int32_t>::min());
  EXPECT_EQ(i32(r, 3), std::numeric_limits<int32_t>::min());
  __xpl_rt_vnni_cvt(2, 16, r.data(), s.data()); // cvttps_epi32
  EXPECT_EQ(i32(r, 0), 2);
  EXPECT_EQ(i32(r, 1), -3);
  // 2^24 + 1 is not a float: nearest even is 2^24.
  Bytes i = fill32(16777217);
  __xpl_rt_vnni_cvt(0, 16, r.data(), i.data());
  EXPECT_EQ(f32(r, 0), 16777216.0f);
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

TEST(VnniRuntime, MaskedLoadStoreMatchHardware) {
  REQUIRE_VNNI();
  for (int round = 0; round < kRounds; ++round) {
    Bytes mem = randomFloats(), pass = randomFloats();
    uint64_t k = rng()();
    Bytes r{};
    // 16 f32 elements, access at element 0.
    __xpl_rt_vnni_masked_load(0, mem.data(), 16, 4, 0, Ps, 64, k, 0,
                              pass.data(), r.data());
    ASSERT_TRUE(sameBytes(st(_mm512_mask_loadu_ps(ld<__m512>(pass.data()),
                                                  (__mmask16)k, mem.data())),
                          r, 64, true));
    __xpl_rt_vnni_masked_load(0, mem.data(), 16, 4, 0, Ps, 64, k, 0, nullptr,
                              r.data());
    ASSERT_TRUE(sameBytes(st(_mm512_maskz_loadu_ps((__mmask16)k, mem.data())),
                          r, 64, true));
    // Bytes of an i8 buffer, epi8 lanes, 256 bits at element 7.
    Bytes ints = randomBytes();
    __xpl_rt_vnni_masked_load(0, ints.data(), 64, 1, 7, Epi8, 32, k, 0,
                              nullptr, r.data());
    ASSERT_TRUE(sameBytes(
        st(_mm256_maskz_loadu_epi8((__mmask32)k, ints.data() + 7)), r, 32,
        false));
    // Stores: the memory of masked-off lanes keeps its bytes.
    Bytes hwMem = randomBytes(), refMem = hwMem, value = randomBytes();
    _mm512_mask_storeu_epi32(hwMem.data(), (__mmask16)k,
                             ld<__m512i>(value.data()));
    __xpl_rt_vnni_masked_store(0, refMem.data(), 16, 4, 0, Epi32, 64, k, 0,
                               value.data());
    ASSERT_TRUE(sameBytes(hwMem, refMem, 64, false));
    _mm_mask_storeu_epi16(hwMem.data() + 2, (__mmask8)k,
                          ld<__m128i>(value.data()));
    __xpl_rt_vnni_masked_store(0, refMem.data(), 32, 2, 1, Epi16, 16, k, 0,
                               value.data());
    ASSERT_TRUE(sameBytes(hwMem, refMem, 64, false));
  }
}

TEST(VnniRuntime, GatherMatchesHardware) {
  REQUIRE_VNNI();
  std::vector<float> table(256);
  for (auto &x : table)
    x = std::ldexp((float)(rng()() % 1000), -3);
  for (int round = 0; round < kRounds; ++round) {
    Bytes offsets;
    for (int j = 0; j < 16; ++j) {
      int32_t o = (int32_t)(rng()() % 200) - 64; // from element 64
      std::memcpy(&offsets[4 * j], &o, 4);
    }
    Bytes r{};
    __xpl_rt_vnni_gather(0, table.data(), 256, 4, 64, offsets.data(), 4,
                         r.data());
    ASSERT_TRUE(sameBytes(st(_mm512_i32gather_ps(ld<__m512i>(offsets.data()),
                                                 table.data() + 64, 4)),
                          r, 64, true));
    // Scale 1: byte offsets (multiples of 4 here, element-aligned).
    Bytes bytesOff;
    for (int j = 0; j < 16; ++j) {
      int32_t o = 4 * ((int32_t)(rng()() % 200) - 64);
      std::memcpy(&bytesOff[4 * j], &o, 4);
    }
    __xpl_rt_vnni_gather(0, table.data(), 256, 4, 64, bytesOff.data(), 1,
                         r.data());
    ASSERT_TRUE(sameBytes(
        st(_mm512_i32gather_epi32(ld<__m512i>(bytesOff.data()),
                                  table.data() + 64, 1)),
        r, 64, true));
  }
}

TEST(VnniRuntime, LoadStoreRoundTrip) {
  std::vector<int8_t> buffer(100);
  for (size_t i = 0; i < buffer.size(); ++i)
    buffer[i] = (int8_t)i;
  Bytes r{};
  __xpl_rt_vnni_load(0, buffer.data(), 100, 1, 36, 64, 0, r.data());
  EXPECT_EQ(r[0], 36);
  EXPECT_EQ(r[63], 99);
  Bytes v = fill8(0x5a);
  __xpl_rt_vnni_store(0, buffer.data(), 100, 1, 4, 16, 0, v.data());
  EXPECT_EQ(buffer[3], 3);
  EXPECT_EQ(buffer[4], 0x5a);
  EXPECT_EQ(buffer[19], 0x5a);
  EXPECT_EQ(buffer[20], 20);
}

// Traps end the (death-test child) process with exit code 86 after filling
// the report; the parent sees the exit code.
constexpr int kTrapExit = 86;

void trapping(const std::function<void()> &body) {
  static xpiler::exec::rt::TrapReport report;
  xpiler::exec::rt::setTrapReport(&report);
  body();
  std::exit(0);
}

TEST(VnniRuntimeDeathTest, OutOfBoundsTraps) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  std::vector<float> buffer(20);
  Bytes r{};
  // 16 floats from element 8 of 20: elements 20..23 are past the end.
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_load(3, buffer.data(), 20, 4, 8, 64, 0, r.data());
              }),
              ::testing::ExitedWithCode(kTrapExit), "");
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_store(3, buffer.data(), 20, 4, -1, 16, 0,
                                    r.data());
              }),
              ::testing::ExitedWithCode(kTrapExit), "");
  // Masked: lanes 12..15 off (fault suppression): no trap. Lane 12 on: trap.
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_masked_load(3, buffer.data(), 20, 4, 8, Ps, 64,
                                          0x0fff, 0, nullptr, r.data());
                __xpl_rt_vnni_masked_store(3, buffer.data(), 20, 4, 8, Ps, 64,
                                           0xefff'0fff, 0, r.data());
              }),
              ::testing::ExitedWithCode(0), "");
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_masked_load(3, buffer.data(), 20, 4, 8, Ps, 64,
                                          0x1fff, 0, nullptr, r.data());
              }),
              ::testing::ExitedWithCode(kTrapExit), "");
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_masked_store(3, buffer.data(), 20, 4, 8, Epi32,
                                           64, 0x8000, 0, r.data());
              }),
              ::testing::ExitedWithCode(kTrapExit), "");
  // Gather: one lane before the buffer.
  Bytes offsets = fill32(0);
  int32_t minusOne = -1;
  std::memcpy(&offsets[40], &minusOne, 4);
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_gather(3, buffer.data(), 20, 4, 0,
                                     offsets.data(), 4, r.data());
              }),
              ::testing::ExitedWithCode(kTrapExit), "");
  // Aligned access to a misaligned address.
  alignas(64) float aligned[32] = {};
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_load(3, aligned, 32, 4, 0, 64, 1, r.data());
              }),
              ::testing::ExitedWithCode(0), "");
  EXPECT_EXIT(trapping([&] {
                __xpl_rt_vnni_load(3, aligned, 32, 4, 4, 64, 1, r.data());
              }),
              ::testing::ExitedWithCode(kTrapExit), "");
}

} // namespace
