//===- MemcpyTest.cpp - __memcpy / __memcpy_async -------------------------===//
//
// Plain copies in every supported direction, strided copies (segnum + 1
// segments of `size` bytes, strides in bytes), async copies (done at the
// next sync), and the errors: forms a direction lacks, operands in the wrong
// memory, GDRAM accesses outside their cnrtMalloc block.
//
//===----------------------------------------------------------------------===//

#include "BangTestUtil.h"

namespace {

using bang_test::DeviceBuffer;
using V = std::vector<float>;

__mlu_shared__ float sramBuffer[16];

TEST(MemcpyTest, PlainDirections) {
  DeviceBuffer<float> gdram(V({1, 2, 3, 4}));
  float nram[4] = {0, 0, 0, 0};
  __memcpy(nram, gdram.get(), 3 * sizeof(float), GDRAM2NRAM);
  EXPECT_EQ(V(nram, nram + 4), V({1, 2, 3, 0}));

  float nram2[4] = {0, 0, 0, 0};
  __memcpy(nram2, nram, 4 * sizeof(float), NRAM2NRAM);
  __memcpy(sramBuffer, nram2, 4 * sizeof(float), NRAM2SRAM);
  float wram[4];
  __memcpy(wram, sramBuffer, 4 * sizeof(float), SRAM2WRAM);
  float back[4] = {9, 9, 9, 9};
  __memcpy(back, wram, 2 * sizeof(float), WRAM2NRAM);
  EXPECT_EQ(V(back, back + 4), V({1, 2, 9, 9}));

  DeviceBuffer<float> out(4, -1.0f);
  __memcpy(out.get() + 1, sramBuffer, 2 * sizeof(float), SRAM2GDRAM);
  EXPECT_EQ(out.read(), V({-1, 1, 2, -1}));
  __memcpy(out.get(), gdram.get() + 2, 2 * sizeof(float), GDRAM2GDRAM);
  EXPECT_EQ(out.read(), V({3, 4, 2, -1}));
  __memcpy(sramBuffer + 8, gdram.get(), sizeof(float), GDRAM2SRAM);
  EXPECT_EQ(sramBuffer[8], 1.0f);
}

TEST(MemcpyTest, StridedGatherFromGdram) {
  // A 4 x 5 row-major matrix in GDRAM; copy columns 1..3 (12 bytes) of all
  // 4 rows (segnum 3 = 4 segments) into a packed 4 x 3 NRAM block.
  V matrix(20);
  for (int i = 0; i < 20; ++i)
    matrix[i] = float(i);
  DeviceBuffer<float> gdram(matrix);
  float nram[13];
  std::fill(nram, nram + 13, -1.0f);
  __memcpy(nram, gdram.get() + 1, 3 * sizeof(float), GDRAM2NRAM,
           3 * sizeof(float), 5 * sizeof(float), 3);
  EXPECT_EQ(V(nram, nram + 13),
            V({1, 2, 3, 6, 7, 8, 11, 12, 13, 16, 17, 18, -1}));
}

TEST(MemcpyTest, StridedScatterToGdram) {
  // Two segments (segnum 1) of 2 floats, written 4 floats apart.
  float nram[4] = {1, 2, 3, 4};
  DeviceBuffer<float> gdram(8, 0.0f);
  __memcpy(gdram.get(), nram, 2 * sizeof(float), NRAM2GDRAM,
           4 * sizeof(float), 2 * sizeof(float), 1);
  EXPECT_EQ(gdram.read(), V({1, 2, 0, 0, 3, 4, 0, 0}));
}

TEST(MemcpyTest, StridedZeroSegnumIsOneSegment) {
  float src[4] = {1, 2, 3, 4}, dst[4] = {0, 0, 0, 0};
  __memcpy(dst, src, 2 * sizeof(float), NRAM2NRAM, 8, 8, 0);
  EXPECT_EQ(V(dst, dst + 4), V({1, 2, 0, 0}));
}

TEST(MemcpyTest, StridedBroadcastWithZeroSourceStride) {
  float src[2] = {5, 6}, dst[6] = {};
  __memcpy(dst, src, 2 * sizeof(float), NRAM2NRAM, 2 * sizeof(float), 0, 2);
  EXPECT_EQ(V(dst, dst + 6), V({5, 6, 5, 6, 5, 6}));
}

TEST(MemcpyTest, StridedIntoSram) {
  float nram[6] = {1, 2, 3, 4, 5, 6};
  std::fill(sramBuffer, sramBuffer + 16, 0.0f);
  // 3 segments of 1 float, every second SRAM slot, from every second float.
  __memcpy(sramBuffer, nram, sizeof(float), NRAM2SRAM, 2 * sizeof(float),
           2 * sizeof(float), 2);
  EXPECT_EQ(V(sramBuffer, sramBuffer + 6), V({1, 0, 3, 0, 5, 0}));
}

__ldram__ float ldramBuffer[4];

TEST(MemcpyTest, EveryOtherPlainDirection) {
  // The values travel through every memory; before each hop the
  // destination is overwritten, so a copy that did nothing shows.
  DeviceBuffer<float> gdram(V({1, 2, 3, 4}));
  DeviceBuffer<float> gdram2(4, 0.0f);
  float nram[4], wram[4];
  const V want = {1, 2, 3, 4};
  auto hop = [&](float *dst, const float *src, mluMemcpyDirection_t dir) {
    std::fill(dst, dst + 4, -1.0f);
    __memcpy(dst, src, 4 * sizeof(float), dir);
    EXPECT_EQ(V(dst, dst + 4), want) << "direction " << int(dir);
  };
  hop(wram, gdram.get(), GDRAM2WRAM);
  hop(ldramBuffer, wram, WRAM2LDRAM);
  hop(nram, ldramBuffer, LDRAM2NRAM);
  hop(ldramBuffer, nram, NRAM2LDRAM);
  hop(sramBuffer, ldramBuffer, LDRAM2SRAM);
  hop(ldramBuffer, sramBuffer, SRAM2LDRAM);
  hop(wram, ldramBuffer, LDRAM2WRAM);
  hop(sramBuffer, wram, WRAM2SRAM);
  hop(nram, sramBuffer, SRAM2NRAM);
  hop(wram, nram, NRAM2WRAM);
  hop(gdram2.get(), wram, WRAM2GDRAM);
  hop(ldramBuffer, gdram2.get(), GDRAM2LDRAM);
  hop(gdram2.get(), ldramBuffer, LDRAM2GDRAM);
}

TEST(MemcpyTest, StridedLdramAndSram2Sram) {
  // LDRAM2LDRAM only has the strided form: every other float of 3.
  float from[6] = {1, 2, 3, 4, 5, 6};
  std::fill(ldramBuffer, ldramBuffer + 4, 0.0f);
  __memcpy(ldramBuffer, from, sizeof(float), LDRAM2LDRAM, sizeof(float),
           2 * sizeof(float), 2);
  EXPECT_EQ(V(ldramBuffer, ldramBuffer + 4), V({1, 3, 5, 0}));
  // Outside a launch there is one cluster, 0: the 8-argument SRAM2SRAM form
  // copies within it.
  std::fill(sramBuffer, sramBuffer + 16, 0.0f);
  sramBuffer[0] = 7;
  sramBuffer[1] = 8;
  __memcpy(sramBuffer + 8, sramBuffer, sizeof(float), SRAM2SRAM,
           2 * sizeof(float), sizeof(float), 1, 0);
  EXPECT_EQ(V(sramBuffer + 8, sramBuffer + 12), V({7, 0, 8, 0}));
}

// Async: each core's copy is done at its next __sync_*; the kernel records
// what NRAM held before and after the sync.
__mlu_global__ void asyncKernel(float *src, float *seen) {
  __nram__ float buffer[2];
  buffer[0] = -1.0f;
  buffer[1] = -1.0f;
  __memcpy_async(buffer, src, 2 * sizeof(float), GDRAM2NRAM);
  seen[0] = buffer[0]; // not yet copied
  __sync_compute();
  seen[1] = buffer[0];
  __memcpy_async(buffer, src + 2, sizeof(float), GDRAM2NRAM, sizeof(float),
                 2 * sizeof(float), 1);
  __sync_cluster();
  seen[2] = buffer[0];
  seen[3] = buffer[1];
}

TEST(MemcpyTest, AsyncCopiesHappenAtTheNextSync) {
  DeviceBuffer<float> src(V({10, 20, 30, 40, 50}));
  DeviceBuffer<float> seen(4, 0.0f);
  bang_launch(cnrtDim3_t{1, 1, 1}, cnrtFuncTypeBlock, nullptr, asyncKernel,
              src.get(), seen.get());
  EXPECT_EQ(seen.read(), V({-1, 10, 30, 50}));
}

__mlu_global__ void asyncAtExitKernel(float *src, float *dst) {
  __nram__ float buffer[1];
  __memcpy(buffer, src + taskId, sizeof(float), GDRAM2NRAM);
  __memcpy_async(dst + taskId, buffer, sizeof(float), NRAM2GDRAM);
}

TEST(MemcpyTest, AsyncCopiesFinishWithTheKernel) {
  DeviceBuffer<float> src(V({7, 8, 9, 10}));
  DeviceBuffer<float> dst(4, 0.0f);
  bang_launch(cnrtDim3_t{4, 1, 1}, cnrtFuncTypeUnion1, nullptr,
              asyncAtExitKernel, src.get(), dst.get());
  EXPECT_EQ(dst.read(), V({7, 8, 9, 10}));
}

TEST(MemcpyDeathTest, FormsADirectionLacks) {
  bang_test::useThreadsafeDeathTests();
  float a[4] = {}, b[4] = {};
  // WRAM2GDRAM has neither a strided nor an async form.
  DeviceBuffer<float> gdram(4, 0.0f);
  EXPECT_DEATH(__memcpy(gdram.get(), a, 4, WRAM2GDRAM, 4, 4, 1),
               "__memcpy has no strided form for direction WRAM2GDRAM");
  EXPECT_DEATH(__memcpy_async(gdram.get(), a, 4, WRAM2GDRAM),
               "__memcpy_async has no plain form for direction WRAM2GDRAM");
  EXPECT_DEATH(__memcpy(a, b, 4, WRAM2NRAM, 4, 4, 1),
               "has no strided form for direction WRAM2NRAM");
  EXPECT_DEATH(__memcpy(sramBuffer, sramBuffer + 4, 4, SRAM2SRAM),
               "SRAM2SRAM copies need a destination cluster");
  EXPECT_DEATH(__memcpy(a, b, 4, NRAM2NRAM, 0),
               "a destination cluster only applies to SRAM2SRAM");
  EXPECT_DEATH(__memcpy(a, b, 0, NRAM2NRAM), "'size' must be positive");
  EXPECT_DEATH(__memcpy_async(a, b, 4, LDRAM2NRAM),
               "__memcpy_async has no plain form for direction LDRAM2NRAM");
  EXPECT_DEATH(__memcpy(a, b, 4, LDRAM2LDRAM),
               "__memcpy has no plain form for direction LDRAM2LDRAM");
  EXPECT_DEATH(__memcpy(sramBuffer, sramBuffer + 4, 4, SRAM2SRAM, 1),
               "destination cluster 1 is not in \\[0, 1\\)");
}

TEST(MemcpyDeathTest, OperandsInTheWrongMemory) {
  bang_test::useThreadsafeDeathTests();
  float nram[4] = {};
  DeviceBuffer<float> gdram(4, 0.0f);
  // Swapped operands: the destination of GDRAM2NRAM is device memory.
  EXPECT_DEATH(__memcpy(gdram.get(), nram, 16, GDRAM2NRAM),
               "'dst' .* is device memory from cnrtMalloc \\(GDRAM\\), "
               "expected NRAM");
  EXPECT_DEATH(__memcpy(nram, sramBuffer, 16, GDRAM2NRAM),
               "'src' .* is an SRAM .* expected GDRAM");
  EXPECT_DEATH(__memcpy(nram, gdram.get(), 16, SRAM2NRAM),
               "'src' accesses bytes \\[0, 16\\) .* outside the "
               "__mlu_shared__");
}

TEST(MemcpyDeathTest, GdramOutOfBounds) {
  bang_test::useThreadsafeDeathTests();
  float nram[8] = {};
  DeviceBuffer<float> gdram(4, 0.0f);
  EXPECT_DEATH(__memcpy(nram, gdram.get(), 20, GDRAM2NRAM),
               "accesses bytes \\[0, 20\\) .* outside its cnrtMalloc block of "
               "16 bytes");
  // Strided: the last of 3 segments starts at byte 16.
  EXPECT_DEATH(__memcpy(nram, gdram.get(), 4, GDRAM2NRAM, 4, 8, 2),
               "accesses bytes \\[0, 20\\)");
  EXPECT_DEATH(__memcpy(gdram.get() + 3, nram, 8, NRAM2GDRAM),
               "outside its cnrtMalloc block");
}

} // namespace
