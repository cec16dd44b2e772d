//===- UnaryTest.cpp - unary and active builtins --------------------------===//
//
// Inputs are chosen so that the results are known exactly or to many
// digits (e.g. gelu(1) = 0.5 (1 + tanh(sqrt(2/pi) * 1.044715))).
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

#include <cmath>

namespace {

using V = std::vector<float>;

template <class F> V apply(F builtin, V in) {
  V out(in.size(), -12345.0f);
  builtin(out.data(), in.data(), int(in.size()));
  return out;
}

#define EXPECT_NEAR_ALL(got, want, tol)                                        \
  do {                                                                         \
    V g_ = (got), w_ = (want);                                                 \
    ASSERT_EQ(g_.size(), w_.size());                                           \
    for (size_t i_ = 0; i_ < g_.size(); ++i_)                                  \
      EXPECT_NEAR(g_[i_], w_[i_], (tol)) << "element " << i_;                  \
  } while (0)

using FloatUnary = void (*)(float *, const float *, int);

TEST(UnaryTest, ExactFunctions) {
  EXPECT_EQ(apply<FloatUnary>(__bang_recip, {4, -0.5f, 1}), V({0.25f, -2, 1}));
  EXPECT_EQ(apply<FloatUnary>(__bang_sqrt, {4, 0, 2.25f}), V({2, 0, 1.5f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_rsqrt, {4, 0.25f}), V({0.5f, 2}));
  EXPECT_EQ(apply<FloatUnary>(__bang_square, {-3, 0.5f}), V({9, 0.25f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_abs, {-3, 2, -0.0f}), V({3, 2, 0}));
  EXPECT_EQ(apply<FloatUnary>(__bang_sigmoid, {0}), V({0.5f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_sin, {0}), V({0}));
  EXPECT_EQ(apply<FloatUnary>(__bang_cos, {0}), V({1}));
  EXPECT_EQ(apply<FloatUnary>(__bang_log, {1}), V({0}));
}

TEST(UnaryTest, TranscendentalValues) {
  const float pi = 3.14159265358979f;
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_sin, {pi / 2, pi / 6}),
                  V({1.0f, 0.5f}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_cos, {pi, pi / 3}),
                  V({-1.0f, 0.5f}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_log, {2.718281828f, 0.5f}),
                  V({1.0f, -0.693147181f}), 1e-6f);
  // sigmoid(ln 3) = 1 / (1 + 1/3) = 0.75
  EXPECT_NEAR_ALL(
      apply<FloatUnary>(__bang_sigmoid, {1.098612289f, -1.098612289f}),
      V({0.75f, 0.25f}), 1e-6f);
}

TEST(ActiveTest, Functions) {
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_exp, {0, 1, -1}),
                  V({1, 2.718281828f, 0.367879441f}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_exphp, {2}),
                  V({7.389056099f}), 1e-5f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_exp_less_0, {-2}),
                  V({0.135335283f}), 1e-7f);
  EXPECT_EQ(apply<FloatUnary>(__bang_active_pow2, {3, -1, 0}), V({8, 0.5f, 1}));
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_log, {1, 7.389056099f}),
                  V({0, 2}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_loghp, {0.25f}),
                  V({-1.386294361f}), 1e-6f);
  EXPECT_EQ(apply<FloatUnary>(__bang_active_recip, {8}), V({0.125f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_reciphp, {-4}), V({-0.25f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_recip_greater_1, {2}), V({0.5f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_sqrt, {9}), V({3}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_rsqrt, {16}), V({0.25f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_rsqrthp, {0.0625f}), V({4}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_relu, {-1.5f, 0, 2.5f}),
            V({0, 0, 2.5f}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_sign, {-3, 0, 0.1f}),
            V({-1, 0, 1}));
  EXPECT_EQ(apply<FloatUnary>(__bang_active_abs, {-7}), V({7}));
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_tanh, {0, 0.549306144f}),
                  V({0, 0.5f}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_sigmoid, {0, 1.098612289f}),
                  V({0.5f, 0.75f}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_sin, {0, 1.570796327f}),
                  V({0, 1}), 1e-6f);
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_cos, {0, 3.141592654f}),
                  V({1, -1}), 1e-6f);
}

TEST(ActiveTest, GeluForms) {
  // tanh form: 0.5 x (1 + tanh(0.7978845608 (x + 0.044715 x^3))):
  // x = 1: tanh(0.833541) = 0.682383 -> 0.841192; x = -1: -0.158808.
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_gelu, {0, 1, -1}),
                  V({0, 0.8411919906f, -0.1588080094f}), 1e-6f);
  // erf form: 0.5 x (1 + erf(x / sqrt 2)): x = 1: 0.8413447461,
  // x = -1: -0.1586552539, x = 2: 1.9544997361.
  EXPECT_NEAR_ALL(apply<FloatUnary>(__bang_active_gelup, {1, -1, 2}),
                  V({0.8413447461f, -0.1586552539f, 1.9544997361f}), 1e-6f);
}

TEST(UnaryTest, HalfAndBFloat16) {
  half h[3] = {half(3.0f), half(-0.5f), half(100.0f)};
  half hd[3];
  __bang_recip(hd, h, 3);
  // 1/3 -> 0x3555; -2; 1/100: 0.01 = 1.28 * 2^-7, mantissa 0.28 * 1024 =
  // 286.72 rounds to 287 -> 0x211F.
  EXPECT_EQ(hd[0].bits(), 0x3555);
  EXPECT_EQ(float(hd[1]), -2.0f);
  EXPECT_EQ(hd[2].bits(), 0x211F);
  __bang_active_relu(hd, h, 3);
  EXPECT_EQ(bang_test::toFloats(hd, 3), V({3, 0, 100}));
  bfloat16_t b[2] = {bfloat16_t(4.0f), bfloat16_t(-2.0f)}, bd[2];
  __bang_square(bd, b, 2);
  EXPECT_EQ(bang_test::toFloats(bd, 2), V({16, 4}));
  __bang_abs(bd, b, 2);
  EXPECT_EQ(bang_test::toFloats(bd, 2), V({4, 2}));
}

} // namespace
