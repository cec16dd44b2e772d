//===- BangRuntimeTest.cpp - the bang runtime functions of the oracle -----===//
//
// Each __xpl_rt_bang_* function against hand-computed results, and its
// traps (a trap without a report prints "trap K at location L" and aborts,
// hence the death tests).
//
//===----------------------------------------------------------------------===//

#include "BangRuntime.h"
#include "Runtime.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace xpiler::exec::rt;
using namespace xpiler::exec::rt::bang;

namespace {

constexpr int64_t kF32 = (int64_t)ElemType::f32;
constexpr int64_t kF16 = (int64_t)ElemType::f16;
constexpr int64_t kI8 = (int64_t)ElemType::i8;
constexpr int64_t kI16 = (int64_t)ElemType::i16;
constexpr int64_t kI32 = (int64_t)ElemType::i32;

char *bytes(void *p) { return static_cast<char *>(p); }

/// What a trap without a report prints (CoreRuntime.cpp).
std::string trapMessage(TrapKind kind, int location) {
  return "trap " + std::to_string((int64_t)kind) + " at location " +
         std::to_string(location);
}
const char *bytes(const void *p) { return static_cast<const char *>(p); }

/// IEEE half bits of a few exact values.
constexpr uint16_t kHalfOne = 0x3c00, kHalfTwo = 0x4000, kHalfHalf = 0x3800,
                   kHalfMinusOne = 0xbc00, kHalfThree = 0x4200;

//===----------------------------------------------------------------------===//
// Copies and fills
//===----------------------------------------------------------------------===//

TEST(BangRuntime, MemcpyPlain) {
  float src[4] = {1, 2, 3, 4}, dst[4] = {0, 0, 0, 0};
  __xpl_rt_bang_memcpy(bytes(dst), 16, bytes(src), 16, 12, 0, 0, 0, -1, 0, 1);
  EXPECT_EQ(dst[0], 1);
  EXPECT_EQ(dst[2], 3);
  EXPECT_EQ(dst[3], 0);
}

TEST(BangRuntime, MemcpyStrided) {
  // 3 segments (segnum 2) of 2 floats: src stride 4 floats, dst stride 2.
  std::vector<float> src(12), dst(6, -1);
  for (int i = 0; i < 12; ++i)
    src[i] = (float)i;
  __xpl_rt_bang_memcpy(bytes(dst.data()), 24, bytes(src.data()), 48, 8, 8, 16,
                       2, -1, 0, 1);
  EXPECT_EQ(dst, (std::vector<float>{0, 1, 4, 5, 8, 9}));
}

TEST(BangRuntimeDeathTest, MemcpyPastTheDestination) {
  float src[8] = {}, dst[4] = {};
  // 5 floats into a view of 4: the last byte touched is 19 of 16.
  EXPECT_DEATH(__xpl_rt_bang_memcpy(bytes(dst), 16, bytes(src), 32, 20, 0, 0,
                                    0, -1, 0, 7),
               trapMessage(TrapKind::OutOfBounds, 7));
}

TEST(BangRuntimeDeathTest, MemcpyStridedPastTheSource) {
  float src[8] = {}, dst[8] = {};
  // Segment 2 of the source starts at byte 2 * 16 = 32 = the extent.
  EXPECT_DEATH(__xpl_rt_bang_memcpy(bytes(dst), 32, bytes(src), 32, 4, 4, 16,
                                    2, -1, 0, 3),
               trapMessage(TrapKind::OutOfBounds, 3));
}

TEST(BangRuntimeDeathTest, MemcpyOfNothing) {
  float src[1] = {}, dst[1] = {};
  EXPECT_DEATH(__xpl_rt_bang_memcpy(bytes(dst), 4, bytes(src), 4, 0, 0, 0, 0,
                                    -1, 0, 5),
               trapMessage(TrapKind::InvalidArgument, 5));
}

TEST(BangRuntime, FillWritesValueBits) {
  uint16_t h[5] = {0, 0, 0, 0, 0};
  __xpl_rt_bang_fill(bytes(h), 10, 4, kHalfTwo, 2, 1);
  EXPECT_EQ(h[0], kHalfTwo);
  EXPECT_EQ(h[3], kHalfTwo);
  EXPECT_EQ(h[4], 0);
  // __bang_write_value(float_buf, 2, 1): the 32-bit integer 1.
  float f[2];
  __xpl_rt_bang_fill(bytes(f), 8, 2, 1, 4, 1);
  int32_t bits;
  std::memcpy(&bits, &f[1], 4);
  EXPECT_EQ(bits, 1);
}

TEST(BangRuntimeDeathTest, FillPastTheBuffer) {
  float f[4];
  EXPECT_DEATH(__xpl_rt_bang_fill(bytes(f), 16, 5, 0, 4, 9),
               trapMessage(TrapKind::OutOfBounds, 9));
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

TEST(BangRuntime, BinaryFloat) {
  float a[4] = {1, -2, 3, NAN}, b[4] = {4, 5, -6, 1}, c[4];
  __xpl_rt_bang_binary(bytes(c), 4, bytes(a), 4, bytes(b), 4, 4, /*add*/ 0,
                       kF32, 1);
  EXPECT_EQ(c[0], 5);
  EXPECT_EQ(c[1], 3);
  EXPECT_EQ(c[2], -3);
  EXPECT_TRUE(std::isnan(c[3]));
  // maximum ignores a NaN operand (fmax), as the emulator does.
  __xpl_rt_bang_binary(bytes(c), 4, bytes(a), 4, bytes(b), 4, 4,
                       /*maximum*/ 4, kF32, 1);
  EXPECT_EQ(c[0], 4);
  EXPECT_EQ(c[1], 5);
  EXPECT_EQ(c[2], 3);
  EXPECT_EQ(c[3], 1);
  __xpl_rt_bang_binary(bytes(c), 4, bytes(a), 4, bytes(b), 4, 4, /*gt*/ 10,
                       kF32, 1);
  EXPECT_EQ(c[0], 0);
  EXPECT_EQ(c[2], 1);
  __xpl_rt_bang_binary(bytes(c), 4, bytes(a), 4, bytes(b), 4, 4, /*div*/ 3,
                       kF32, 1);
  EXPECT_EQ(c[0], 0.25f);
  EXPECT_EQ(c[2], -0.5f);
}

TEST(BangRuntime, BinaryIntegersWrapAround) {
  int32_t a[2] = {INT32_MAX, 7}, b[2] = {1, -9}, c[2];
  __xpl_rt_bang_binary(bytes(c), 2, bytes(a), 2, bytes(b), 2, 2, /*add*/ 0,
                       kI32, 1);
  EXPECT_EQ(c[0], INT32_MIN);
  EXPECT_EQ(c[1], -2);
  int16_t x[1] = {300}, y[1] = {300}, z[1];
  __xpl_rt_bang_binary(bytes(z), 1, bytes(x), 1, bytes(y), 1, 1, /*mul*/ 2,
                       kI16, 1);
  EXPECT_EQ(z[0], (int16_t)(90000 - 65536));
}

TEST(BangRuntime, BinaryHalfLogical) {
  uint16_t a[3] = {kHalfOne, 0, kHalfTwo}, b[3] = {kHalfOne, kHalfOne, 0}, c[3];
  __xpl_rt_bang_binary(bytes(c), 3, bytes(a), 3, bytes(b), 3, 3, /*and*/ 14,
                       kF16, 1);
  EXPECT_EQ(c[0], kHalfOne);
  EXPECT_EQ(c[1], 0);
  EXPECT_EQ(c[2], 0);
  __xpl_rt_bang_binary(bytes(c), 3, bytes(a), 3, bytes(b), 3, 3, /*xor*/ 16,
                       kF16, 1);
  EXPECT_EQ(c[0], 0);
  EXPECT_EQ(c[1], kHalfOne);
  EXPECT_EQ(c[2], kHalfOne);
}

TEST(BangRuntimeDeathTest, BinaryPastASource) {
  float a[4] = {}, b[3] = {}, c[4];
  EXPECT_DEATH(__xpl_rt_bang_binary(bytes(c), 4, bytes(a), 4, bytes(b), 3, 4,
                                    0, kF32, 11),
               trapMessage(TrapKind::OutOfBounds, 11));
}

TEST(BangRuntime, BinaryScalar) {
  float x[3] = {1, 2, 3}, y[3];
  __xpl_rt_bang_binary_scalar(bytes(y), 3, bytes(x), 3, 0.5, 3, /*mul*/ 2,
                              kF32, 1);
  EXPECT_EQ(y[0], 0.5f);
  EXPECT_EQ(y[2], 1.5f);
  __xpl_rt_bang_binary_scalar(bytes(y), 3, bytes(x), 3, 2.0, 3, /*ge*/ 11,
                              kF32, 1);
  EXPECT_EQ(y[0], 0);
  EXPECT_EQ(y[1], 1);
  EXPECT_EQ(y[2], 1);
  // The half form: 1 + 2 = 3 exactly.
  uint16_t h[1] = {kHalfOne}, r[1];
  __xpl_rt_bang_binary_scalar(bytes(r), 1, bytes(h), 1, 2.0, 1, /*add*/ 0,
                              kF16, 1);
  EXPECT_EQ(r[0], kHalfThree);
}

TEST(BangRuntime, Cycle) {
  float src[6] = {1, 2, 3, 4, 5, 6}, seg[2] = {10, 20}, dst[6];
  __xpl_rt_bang_cycle(bytes(dst), 6, bytes(src), 6, bytes(seg), 2, 6, 2,
                      /*add*/ 0, kF32, 1);
  EXPECT_EQ(dst[0], 11);
  EXPECT_EQ(dst[1], 22);
  EXPECT_EQ(dst[4], 15);
  EXPECT_EQ(dst[5], 26);
  __xpl_rt_bang_cycle(bytes(dst), 6, bytes(src), 6, bytes(seg), 2, 6, 2,
                      /*mul*/ 2, kF32, 1);
  EXPECT_EQ(dst[3], 80);
}

TEST(BangRuntimeDeathTest, CycleCountsMustDivide) {
  float src[6] = {}, seg[4] = {}, dst[6];
  EXPECT_DEATH(__xpl_rt_bang_cycle(bytes(dst), 6, bytes(src), 6, bytes(seg),
                                   4, 6, 4, 0, kF32, 2),
               trapMessage(TrapKind::InvalidArgument, 2));
}

TEST(BangRuntime, Unary) {
  float x[4] = {-2, 0, 0.25f, 4}, y[4];
  __xpl_rt_bang_unary(bytes(y), 4, bytes(x), 4, 4, /*active_relu*/ 33, kF32,
                      1);
  EXPECT_EQ(y[0], 0);
  EXPECT_EQ(y[3], 4);
  __xpl_rt_bang_unary(bytes(y), 4, bytes(x), 4, 4, /*active_sign*/ 37, kF32,
                      1);
  EXPECT_EQ(y[0], -1);
  EXPECT_EQ(y[1], 0);
  EXPECT_EQ(y[2], 1);
  __xpl_rt_bang_unary(bytes(y), 4, bytes(x), 4, 4, /*rsqrt*/ 2, kF32, 1);
  EXPECT_EQ(y[2], 2);
  EXPECT_EQ(y[3], 0.5f);
  __xpl_rt_bang_unary(bytes(y), 4, bytes(x), 4, 4, /*active_sigmoid*/ 36,
                      kF32, 1);
  EXPECT_EQ(y[1], 0.5f);
  EXPECT_NEAR(y[0], 1 / (1 + std::exp(2.0)), 1e-7);
  // gelu (tanh form) of 0 is 0, of 4 is 4 * 0.99993...
  __xpl_rt_bang_unary(bytes(y), 4, bytes(x), 4, 4, /*active_gelu*/ 25, kF32,
                      1);
  EXPECT_EQ(y[1], 0);
  EXPECT_NEAR(y[3], 3.99993, 1e-4);
  // Half: recip of 2 is 0.5, square of -1 is 1.
  uint16_t h[2] = {kHalfTwo, kHalfMinusOne}, r[2];
  __xpl_rt_bang_unary(bytes(r), 2, bytes(h), 2, 1, /*recip*/ 0, kF16, 1);
  EXPECT_EQ(r[0], kHalfHalf);
  __xpl_rt_bang_unary(bytes(r), 2, bytes(h), 2, 2, /*square*/ 6, kF16, 1);
  EXPECT_EQ(r[1], kHalfOne);
}

TEST(BangRuntime, ReduceValueAndIndex) {
  float x[5] = {3, 7, -1, 7, 2}, m[2];
  __xpl_rt_bang_reduce(bytes(m), 2, bytes(x), 5, 5, 0, kF32, 1);
  EXPECT_EQ(m[0], 7);
  uint32_t index;
  std::memcpy(&index, &m[1], 4);
  EXPECT_EQ(index, 1u); // first occurrence
  __xpl_rt_bang_reduce(bytes(m), 2, bytes(x), 5, 5, 1, kF32, 1);
  EXPECT_EQ(m[0], -1);
  std::memcpy(&index, &m[1], 4);
  EXPECT_EQ(index, 2u);
  uint16_t h[3] = {kHalfOne, kHalfMinusOne, kHalfThree}, hm[2];
  __xpl_rt_bang_reduce(bytes(hm), 2, bytes(h), 3, 3, 1, kF16, 1);
  EXPECT_EQ(hm[0], kHalfMinusOne);
  EXPECT_EQ(hm[1], 1);
}

TEST(BangRuntimeDeathTest, ReduceNeedsTwoSlots) {
  float x[2] = {}, m[1];
  EXPECT_DEATH(__xpl_rt_bang_reduce(bytes(m), 1, bytes(x), 2, 2, 0, kF32, 4),
               trapMessage(TrapKind::OutOfBounds, 4));
}

//===----------------------------------------------------------------------===//
// Pooling, transpose, products
//===----------------------------------------------------------------------===//

TEST(BangRuntime, PoolHwc) {
  // 2 channels, 2x4 input, 2x2 windows (stride 2): out 1x2x2.
  // src[(h * 4 + w) * 2 + c] = 10 * c + h * 4 + w.
  float src[16], dst[4];
  for (int h = 0; h < 2; ++h)
    for (int w = 0; w < 4; ++w)
      for (int c = 0; c < 2; ++c)
        src[(h * 4 + w) * 2 + c] = 10.0f * c + h * 4 + w;
  __xpl_rt_bang_pool(bytes(dst), 4, bytes(src), 16, 2, 2, 4, 2, 2, 2, 2,
                     /*max*/ 2, kF32, 1);
  EXPECT_EQ(dst[0], 5);  // max of 0, 1, 4, 5
  EXPECT_EQ(dst[1], 15); // channel 1
  EXPECT_EQ(dst[2], 7);  // max of 2, 3, 6, 7
  __xpl_rt_bang_pool(bytes(dst), 4, bytes(src), 16, 2, 2, 4, 2, 2, 2, 2,
                     /*sum*/ 0, kF32, 1);
  EXPECT_EQ(dst[0], 10);
  EXPECT_EQ(dst[3], 18 + 40);
  __xpl_rt_bang_pool(bytes(dst), 4, bytes(src), 16, 2, 2, 4, 2, 2, 2, 2,
                     /*avg*/ 1, kF32, 1);
  EXPECT_EQ(dst[2], 4.5f);
  // Overlapping windows: 1 channel, 1x4, kernel 1x2, stride 1: out 1x3.
  float line[4] = {4, 1, 3, 2}, mins[3];
  __xpl_rt_bang_pool(bytes(mins), 3, bytes(line), 4, 1, 1, 4, 1, 2, 1, 1,
                     /*min*/ 3, kF32, 1);
  EXPECT_EQ(mins[0], 1);
  EXPECT_EQ(mins[1], 1);
  EXPECT_EQ(mins[2], 2);
}

TEST(BangRuntimeDeathTest, PoolOutputPastTheBuffer) {
  float src[16] = {}, dst[3];
  EXPECT_DEATH(__xpl_rt_bang_pool(bytes(dst), 3, bytes(src), 16, 2, 2, 4, 2,
                                  2, 2, 2, 0, kF32, 6),
               trapMessage(TrapKind::OutOfBounds, 6));
}

TEST(BangRuntimeDeathTest, PoolKernelTallerThanTheInput) {
  float src[4] = {}, dst[4];
  // 1 channel, 1 x 4 input, kernel 2 x 1: kernel_height (parameter 5).
  EXPECT_DEATH(__xpl_rt_bang_pool(bytes(dst), 4, bytes(src), 4, 1, 1, 4, 2,
                                  1, 1, 1, 0, kF32, 15),
               trapMessage(TrapKind::InvalidArgument, 15));
}

TEST(BangRuntime, Transpose) {
  int16_t src[6] = {1, 2, 3, 4, 5, 6}, dst[6];
  __xpl_rt_bang_transpose(bytes(dst), 6, bytes(src), 6, 2, 3, 2, 1);
  EXPECT_EQ(std::vector<int16_t>(dst, dst + 6),
            (std::vector<int16_t>{1, 4, 2, 5, 3, 6}));
  // In place.
  __xpl_rt_bang_transpose(bytes(dst), 6, bytes(dst), 6, 3, 2, 2, 1);
  EXPECT_EQ(std::vector<int16_t>(dst, dst + 6),
            (std::vector<int16_t>{1, 2, 3, 4, 5, 6}));
}

TEST(BangRuntime, MatmulFloat) {
  // lhs 2x3, rhs held column by column (n x k = 2 x 3).
  float lhs[6] = {1, 2, 3, 4, 5, 6}, rhs[6] = {1, 0, 1, 0, 1, 0}, dst[4];
  __xpl_rt_bang_matmul(bytes(dst), 4, bytes(lhs), 6, bytes(rhs), 6, 2, 3, 2,
                       0, 0, kF32, kF32, kF32, 1);
  EXPECT_EQ(dst[0], 4);  // 1 + 3
  EXPECT_EQ(dst[1], 2);  // 2
  EXPECT_EQ(dst[2], 10); // 4 + 6
  EXPECT_EQ(dst[3], 5);
}

TEST(BangRuntime, MatmulFixedPoint) {
  int8_t lhs[2] = {3, -4};
  int16_t rhs[2] = {100, 50};
  float dst[1];
  // (300 - 200) * 2^-2 = 25.
  __xpl_rt_bang_matmul(bytes(dst), 1, bytes(lhs), 2, bytes(rhs), 2, 1, 2, 1,
                       1, -2, kF32, kI8, kI16, 1);
  EXPECT_EQ(dst[0], 25);
}

TEST(BangRuntimeDeathTest, MatmulMixedFloatTypes) {
  float lhs[1] = {}, dst[1];
  uint16_t rhs[1] = {};
  EXPECT_DEATH(__xpl_rt_bang_matmul(bytes(dst), 1, bytes(lhs), 1, bytes(rhs),
                                    1, 1, 1, 1, 0, 0, kF32, kF32, kF16, 8),
               trapMessage(TrapKind::Unsupported, 8));
}

TEST(BangRuntime, MlpWithBias) {
  // weight 2x3, src 3, bias 2.
  float w[6] = {1, 2, 3, -1, 0, 1}, x[3] = {1, 1, 2}, b[2] = {0.5f, -1},
        y[2];
  __xpl_rt_bang_mlp(bytes(y), 2, bytes(x), 3, bytes(b), 2, bytes(w), 6, 2, 3,
                    0, 0, kF32, kF32, kF32, 1);
  EXPECT_EQ(y[0], 9.5f);
  EXPECT_EQ(y[1], 0);
  __xpl_rt_bang_mlp(bytes(y), 2, bytes(x), 3, nullptr, 0, bytes(w), 6, 2, 3,
                    0, 0, kF32, kF32, kF32, 1);
  EXPECT_EQ(y[0], 9);
}

TEST(BangRuntime, MlpInt16Saturates) {
  int16_t w[1] = {30000}, x[1] = {2}, y[1];
  __xpl_rt_bang_mlp(bytes(y), 1, bytes(x), 1, nullptr, 0, bytes(w), 1, 1, 1,
                    1, 0, kI16, kI16, kI16, 1);
  EXPECT_EQ(y[0], INT16_MAX);
}

TEST(BangRuntime, Conv) {
  // 1 input channel, 3x3 input, 2x2 kernel, stride 1, 2 output channels.
  float src[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  // co 0: sums the window; co 1: top-left minus bottom-right.
  float kernel[8] = {1, 1, 1, 1, 1, 0, 0, -1};
  float bias[2] = {0, 100}, dst[8];
  __xpl_rt_bang_conv(bytes(dst), 8, bytes(src), 9, bytes(kernel), 8,
                     bytes(bias), 2, 1, 3, 3, 2, 2, 1, 1, 2, 0, 0, kF32, kF32,
                     kF32, 1);
  // out (oh, ow, co): window at (0,0) = 1 2 / 4 5.
  EXPECT_EQ(dst[0], 12);
  EXPECT_EQ(dst[1], 100 + 1 - 5);
  EXPECT_EQ(dst[2], 16); // (0,1): 2 3 5 6
  EXPECT_EQ(dst[6], 28); // (1,1): 5 6 8 9
  EXPECT_EQ(dst[7], 100 - 4);
  // Stride 2 along the width: out 2x1.
  float d2[4];
  __xpl_rt_bang_conv(bytes(d2), 4, bytes(src), 9, bytes(kernel), 8, nullptr,
                     0, 1, 3, 3, 2, 2, 2, 1, 2, 0, 0, kF32, kF32, kF32, 1);
  EXPECT_EQ(d2[0], 12);
  EXPECT_EQ(d2[2], 24); // (1,0): 4 5 7 8
}

TEST(BangRuntimeDeathTest, ConvKernelPastTheFilter) {
  float src[9] = {}, kernel[7] = {}, dst[8];
  EXPECT_DEATH(__xpl_rt_bang_conv(bytes(dst), 8, bytes(src), 9, bytes(kernel),
                                  7, nullptr, 0, 1, 3, 3, 2, 2, 1, 1, 2, 0, 0,
                                  kF32, kF32, kF32, 12),
               trapMessage(TrapKind::OutOfBounds, 12));
}

//===----------------------------------------------------------------------===//
// Launches
//===----------------------------------------------------------------------===//

struct Seen {
  int32_t taskId, taskIdX, taskIdY, clusterId, clusterDim, coreId, coreDim,
      taskDim;
};

void recordIndices(void *closure) {
  auto *seen = static_cast<std::vector<Seen> *>(closure);
  auto at = [](IndexKind k) { return __xpl_rt_bang_index((int64_t)k); };
  (*seen)[at(IndexKind::taskId)] = {
      at(IndexKind::taskId),     at(IndexKind::taskIdX),
      at(IndexKind::taskIdY),    at(IndexKind::clusterId),
      at(IndexKind::clusterDim), at(IndexKind::coreId),
      at(IndexKind::coreDim),    at(IndexKind::taskDim)};
}

TEST(BangRuntime, UnionLaunchIndices) {
  std::vector<Seen> seen(8);
  // dim {4, 2, 1}, Union1: 2 clusters of 4 cores.
  __xpl_rt_bang_launch(&recordIndices, &seen, 4, 2, 1, 1, 1);
  for (int t = 0; t < 8; ++t) {
    EXPECT_EQ(seen[t].taskId, t);
    EXPECT_EQ(seen[t].taskIdX, t % 4);
    EXPECT_EQ(seen[t].taskIdY, t / 4);
    EXPECT_EQ(seen[t].clusterId, t / 4);
    EXPECT_EQ(seen[t].clusterDim, 2);
    EXPECT_EQ(seen[t].coreId, t % 4);
    EXPECT_EQ(seen[t].coreDim, 4);
    EXPECT_EQ(seen[t].taskDim, 8);
  }
  // Outside a launch: one Block task.
  EXPECT_EQ(__xpl_rt_bang_index((int64_t)IndexKind::taskDim), 1);
  EXPECT_EQ(__xpl_rt_bang_index((int64_t)IndexKind::coreDim), 1);
}

TEST(BangRuntime, BlockLaunchIndices) {
  std::vector<Seen> seen(3);
  __xpl_rt_bang_launch(&recordIndices, &seen, 3, 1, 1, /*block*/ 0, 1);
  for (int t = 0; t < 3; ++t) {
    EXPECT_EQ(seen[t].taskId, t);
    EXPECT_EQ(seen[t].clusterId, 0);
    EXPECT_EQ(seen[t].clusterDim, 0);
    EXPECT_EQ(seen[t].coreId, 0);
    EXPECT_EQ(seen[t].coreDim, 1);
  }
}

TEST(BangRuntimeDeathTest, UnionLaunchNeedsWholeClusters) {
  std::vector<Seen> seen(8);
  // Union2 needs a multiple of 8 tasks.
  EXPECT_DEATH(__xpl_rt_bang_launch(&recordIndices, &seen, 4, 1, 1, 2, 13),
               trapMessage(TrapKind::InvalidLaunch, 13));
  EXPECT_DEATH(__xpl_rt_bang_launch(&recordIndices, &seen, 0, 1, 1, 0, 14),
               trapMessage(TrapKind::InvalidLaunch, 14));
}

/// Each core writes its id into the cluster's SRAM array, syncs the
/// cluster, and reads its right neighbour's id into its NRAM, then copies
/// it out to out[taskId].
void shareThroughSram(void *closure) {
  auto *out = static_cast<int32_t *>(closure);
  auto *sram = static_cast<int32_t *>(__xpl_rt_bang_shared(1, 16, 1));
  auto *nram = static_cast<int32_t *>(__xpl_rt_bang_private(2, 4, 1));
  int32_t core = __xpl_rt_bang_index((int64_t)IndexKind::coreId);
  int32_t task = __xpl_rt_bang_index((int64_t)IndexKind::taskId);
  int32_t value = 100 * __xpl_rt_bang_index((int64_t)IndexKind::clusterId) +
                  core;
  __xpl_rt_bang_memcpy(bytes(sram + core), 4, bytes(&value), 4, 4, 0, 0, 0,
                       -1, 0, 1);
  __xpl_rt_bang_sync(/*cluster*/ 1, 1);
  __xpl_rt_bang_memcpy(bytes(nram), 4, bytes(sram + (core + 1) % 4), 4, 4, 0,
                       0, 0, -1, 0, 1);
  __xpl_rt_bang_memcpy(bytes(out + task), 4, bytes(nram), 4, 4, 0, 0, 0, -1,
                       0, 1);
}

TEST(BangRuntime, SyncClusterAndSramPerCluster) {
  int32_t out[8];
  __xpl_rt_bang_launch(&shareThroughSram, out, 8, 1, 1, 1, 1);
  for (int t = 0; t < 8; ++t)
    EXPECT_EQ(out[t], 100 * (t / 4) + (t % 4 + 1) % 4) << "task " << t;
}

/// An async copy lands at the next sync, not before.
void asyncThenSync(void *closure) {
  auto *out = static_cast<float *>(closure);
  auto *nram = static_cast<float *>(__xpl_rt_bang_private(3, 4, 1));
  *nram = 1;
  float two = 2;
  __xpl_rt_bang_memcpy(bytes(nram), 4, bytes(&two), 4, 4, 0, 0, 0, -1,
                       kMemcpyAsync, 1);
  out[0] = *nram;
  __xpl_rt_bang_sync(/*compute*/ 2, 1);
  out[1] = *nram;
}

TEST(BangRuntime, AsyncCopyLandsAtSync) {
  float out[2] = {0, 0};
  __xpl_rt_bang_launch(&asyncThenSync, out, 1, 1, 1, 0, 1);
  EXPECT_EQ(out[0], 1);
  EXPECT_EQ(out[1], 2);
}

/// __sync_cluster in every core of cluster 1 but task 5, which returns.
void syncAllExceptOne(void *) {
  if (__xpl_rt_bang_index((int64_t)IndexKind::taskId) != 5)
    __xpl_rt_bang_sync(/*cluster*/ 1, 21);
}

TEST(BangRuntime, SyncClusterWithoutAReturnedCore) {
  // Cluster 1 (tasks 4..7) syncs without task 5: units that returned do not
  // take part in barriers, so this completes.
  __xpl_rt_bang_launch(&syncAllExceptOne, nullptr, 8, 1, 1, 1, 1);
  SUCCEED();
}

/// SRAM2SRAM: core 0 of each cluster copies its cluster's `value` array
/// into the `inbox` array of the other cluster.
void sramToOtherCluster(void *closure) {
  auto *out = static_cast<int32_t *>(closure);
  auto *inbox = static_cast<int32_t *>(__xpl_rt_bang_shared(4, 4, 1));
  auto *value = static_cast<int32_t *>(__xpl_rt_bang_shared(5, 4, 1));
  int32_t cluster = __xpl_rt_bang_index((int64_t)IndexKind::clusterId);
  int32_t core = __xpl_rt_bang_index((int64_t)IndexKind::coreId);
  if (core == 0) {
    *value = 10 + cluster;
    __xpl_rt_bang_memcpy(bytes(inbox), 4, bytes(value), 4, 4, 0, 0, 0,
                         1 - cluster, kMemcpyToCluster, 1);
  }
  __xpl_rt_bang_sync(/*all*/ 0, 1);
  if (core == 0)
    out[cluster] = *inbox;
}

TEST(BangRuntime, SramToOtherCluster) {
  int32_t out[2] = {0, 0};
  __xpl_rt_bang_launch(&sramToOtherCluster, out, 8, 1, 1, 1, 1);
  EXPECT_EQ(out[0], 11);
  EXPECT_EQ(out[1], 10);
}

} // namespace
