//===- GpuMatrixRuntimeTest.cpp - warp shuffles, votes, wmma, mfma --------===//
//
// Runs warps of fibers through the GPU launch of the runtime and checks the
// cooperative ops against hand-computed values: shuffles and votes on 32-
// and 64-lane warps, wmma tiles (load, mma_sync, store = the matrix
// product; row- vs column-major layouts), and MFMA for every kind (the
// register layouts of AMD's documentation for the kinds the corpus uses,
// written out independently here, and a plain matmul of the tiles).
//
//===----------------------------------------------------------------------===//

#include "gtest/gtest.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <functional>
#include <vector>

extern "C" {
void __xpl_rt_gpu_launch(void (*entry)(void *), void *closure, int64_t gx,
                         int64_t gy, int64_t gz, int64_t bx, int64_t by,
                         int64_t bz, int64_t dynamicShared, int64_t warpSize,
                         int64_t location);
int32_t __xpl_rt_gpu_builtin(int64_t which, int64_t dim);
int64_t __xpl_rt_gpu_shfl(int64_t value, int64_t kind, int64_t offset,
                          int64_t width, int64_t mask, int64_t hasMask,
                          int64_t location);
int64_t __xpl_rt_gpu_vote(int64_t kind, int64_t predicate, int64_t mask,
                          int64_t hasMask, int64_t location);
int64_t __xpl_rt_wmma_num_elements(int64_t use, int64_t m, int64_t n,
                                   int64_t k, int64_t elem);
void __xpl_rt_wmma_element(int64_t use, int64_t m, int64_t n, int64_t k,
                           int64_t elem, int64_t lane, int64_t e,
                           int64_t *row, int64_t *col);
void __xpl_rt_wmma_load(void *frag, const void *data, int64_t extent,
                        int64_t start, int64_t ldm, int64_t colMajor,
                        int64_t use, int64_t m, int64_t n, int64_t k,
                        int64_t elem, int64_t location);
void __xpl_rt_wmma_store(const void *frag, void *data, int64_t extent,
                         int64_t start, int64_t ldm, int64_t colMajor,
                         int64_t m, int64_t n, int64_t k, int64_t elem,
                         int64_t location);
void __xpl_rt_wmma_mma(void *d, const void *a, const void *b, const void *c,
                       int64_t m, int64_t n, int64_t k, int64_t elemAB,
                       int64_t elemC, int64_t elemD, int64_t satf,
                       int64_t location);
int64_t __xpl_rt_mfma_element(int64_t kind, int64_t operand, int64_t lane,
                              int64_t item, int64_t *block, int64_t *row,
                              int64_t *col);
void __xpl_rt_hip_mfma(int64_t kind, void *d, const void *a, const void *b,
                       const void *c, int64_t cbsz, int64_t abid, int64_t blgp,
                       int64_t location);
}

namespace {

enum { F16 = 0, BF16 = 1, F32 = 2, F64 = 3, S8 = 4, U8 = 5, I32 = 6, TF32 = 7 };

/// Runs `body` on `threads` threads of one block (one launch).
void launch(int64_t threads, int64_t warpSize,
            const std::function<void()> &body) {
  auto entry = [](void *closure) {
    (*static_cast<const std::function<void()> *>(closure))();
  };
  __xpl_rt_gpu_launch(entry, const_cast<std::function<void()> *>(&body), 1, 1,
                      1, threads, 1, 1, 0, warpSize, 0);
}

int64_t tid() { return __xpl_rt_gpu_builtin(0, 0); }

uint16_t halfBits(float f) {
  _Float16 h = (_Float16)f;
  uint16_t bits;
  std::memcpy(&bits, &h, 2);
  return bits;
}

//===----------------------------------------------------------------------===//
// Shuffles and votes
//===----------------------------------------------------------------------===//

/// CUDA's source-lane rules (Programming Guide, Warp Shuffle Functions),
/// written out for the test.
int64_t expectedSource(int64_t kind, int64_t lane, int64_t offset,
                       int64_t width) {
  int64_t seg = lane / width * width;
  switch (kind) {
  case 0:
    return seg + ((offset % width) + width) % width;
  case 1:
    return lane - offset >= seg ? lane - offset : lane;
  case 2:
    return lane + offset < seg + width ? lane + offset : lane;
  default:
    return (lane ^ offset) < seg + width ? (lane ^ offset) : lane;
  }
}

TEST(GpuMatrixRuntime, CudaShufflesAllKindsAndWidths) {
  const int64_t widths[] = {32, 16, 8, 2, 1};
  const int64_t offsets[] = {0, 1, 3, 5, 16, 31};
  for (int64_t width : widths)
    for (int64_t offset : offsets)
      for (int64_t kind = 0; kind < 4; ++kind) {
        std::vector<int64_t> out(64, -1);
        launch(64, 32, [&] {
          int64_t t = tid();
          out[t] = __xpl_rt_gpu_shfl(1000 + t, kind, offset, width,
                                     0xffffffff, 1, 7);
        });
        for (int64_t t = 0; t < 64; ++t) {
          int64_t lane = t % 32, warp = t / 32;
          int64_t src = expectedSource(kind, lane, offset, width);
          ASSERT_EQ(out[t], 1000 + warp * 32 + src)
              << "kind " << kind << " width " << width << " offset "
              << offset << " thread " << t;
        }
      }
}

TEST(GpuMatrixRuntime, HandCheckedShuffles) {
  std::vector<int64_t> down(32), xr(32), up(32), idx(32);
  launch(32, 32, [&] {
    int64_t t = tid();
    down[t] = __xpl_rt_gpu_shfl(t, 2, 16, 0, 0xffffffff, 1, 0);
    xr[t] = __xpl_rt_gpu_shfl(t, 3, 1, 0, 0xffffffff, 1, 0);
    up[t] = __xpl_rt_gpu_shfl(t, 1, 4, 8, 0xffffffff, 1, 0);
    idx[t] = __xpl_rt_gpu_shfl(t, 0, 9, 8, 0xffffffff, 1, 0);
  });
  EXPECT_EQ(down[0], 16);
  EXPECT_EQ(down[15], 31);
  EXPECT_EQ(down[16], 16); // past the warp: own value
  EXPECT_EQ(xr[6], 7);
  EXPECT_EQ(xr[7], 6);
  EXPECT_EQ(up[8], 8);  // segment 8..15 starts here: own value
  EXPECT_EQ(up[12], 8);
  EXPECT_EQ(idx[3], 1);  // 9 mod 8 = 1 of segment 0
  EXPECT_EQ(idx[20], 17); // segment 16..23
}

/// Rows observed on an H100 (sm_90, `__shfl_*_sync(0xffffffff, lane, off,
/// width)` for every kind, width and offsets up to 64 and negative; the
/// runtime matched all 408 rows): shfl.sync uses the low 5 bits of the
/// offset.
TEST(GpuMatrixRuntime, CudaShufflesMatchTheH100) {
  struct Row {
    int64_t kind, width, offset;
    int64_t lanes[32];
  } rows[] = {
      {1, 2, 33, {0,  0,  2,  2,  4,  4,  6,  6,  8,  8,  10,
                  10, 12, 12, 14, 14, 16, 16, 18, 18, 20, 20,
                  22, 22, 24, 24, 26, 26, 28, 28, 30, 30}},
      {2, 32, -5, {27, 28, 29, 30, 31, 5,  6,  7,  8,  9,  10,
                   11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                   22, 23, 24, 25, 26, 27, 28, 29, 30, 31}},
      {3, 16, -5, {0,  1,  2,  3,  4,  5,  6, 7, 8,  9,  10,
                   11, 12, 13, 14, 15, 11, 10, 9, 8,  15, 14,
                   13, 12, 3,  2,  1,  0,  7, 6, 5,  4}},
      {3, 32, 63, {31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21,
                   20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10,
                   9,  8,  7,  6,  5,  4,  3,  2,  1,  0}},
  };
  for (const Row &row : rows) {
    std::vector<int64_t> out(32);
    launch(32, 32, [&] {
      int64_t t = tid();
      out[t] = __xpl_rt_gpu_shfl(t, row.kind, row.offset, row.width,
                                 0xffffffff, 1, 0);
    });
    for (int64_t t = 0; t < 32; ++t)
      EXPECT_EQ(out[t], row.lanes[t]) << "kind " << row.kind << " width "
                                      << row.width << " offset " << row.offset
                                      << " lane " << t;
  }
}

TEST(GpuMatrixRuntime, ShuffleReductionSumsTheWarp) {
  std::vector<int64_t> out(96);
  launch(96, 32, [&] {
    int64_t t = tid();
    int64_t v = t * t;
    for (int64_t off = 16; off > 0; off /= 2)
      v += __xpl_rt_gpu_shfl(v, 2, off, 0, 0xffffffff, 1, 0);
    out[t] = v;
  });
  for (int64_t w = 0; w < 3; ++w) {
    int64_t sum = 0;
    for (int64_t l = 0; l < 32; ++l)
      sum += (32 * w + l) * (32 * w + l);
    EXPECT_EQ(out[32 * w], sum);
  }
}

TEST(GpuMatrixRuntime, HipShufflesSpanTheWavefront) {
  std::vector<int64_t> xr(128), down(128), idx(128);
  launch(128, 64, [&] {
    int64_t t = tid();
    xr[t] = __xpl_rt_gpu_shfl(t, 3, 32, 0, 0, 2, 0);
    down[t] = __xpl_rt_gpu_shfl(t, 2, 40, 0, 0, 2, 0);
    idx[t] = __xpl_rt_gpu_shfl(t, 0, 63, 0, 0, 2, 0);
  });
  for (int64_t t = 0; t < 128; ++t) {
    int64_t lane = t % 64, base = t - lane;
    EXPECT_EQ(xr[t], base + (lane ^ 32));
    EXPECT_EQ(down[t], lane + 40 < 64 ? t + 40 : t);
    EXPECT_EQ(idx[t], base + 63);
  }
}

TEST(GpuMatrixRuntime, VotesCudaAndHip) {
  std::vector<int64_t> ballot(64), any(64), all(64), masked(64);
  launch(64, 32, [&] {
    int64_t t = tid();
    int64_t p = t % 3 == 0;
    ballot[t] = __xpl_rt_gpu_vote(0, p, 0xffffffff, 1, 0);
    any[t] = __xpl_rt_gpu_vote(1, t == 40, 0xffffffff, 1, 0);
    all[t] = __xpl_rt_gpu_vote(2, t < 32 ? 1 : t != 63, 0xffffffff, 1, 0);
    // Lanes outside the mask do not count: all over the even lanes.
    masked[t] = t % 2 == 0
                    ? __xpl_rt_gpu_vote(2, t % 2 == 0, 0x55555555, 1, 1)
                    : -1;
  });
  uint64_t b0 = 0, b1 = 0;
  for (int64_t l = 0; l < 32; ++l) {
    if (l % 3 == 0)
      b0 |= uint64_t(1) << l;
    if ((32 + l) % 3 == 0)
      b1 |= uint64_t(1) << l;
  }
  EXPECT_EQ((uint64_t)ballot[5], b0);
  EXPECT_EQ((uint64_t)ballot[33], b1);
  EXPECT_EQ(any[0], 0);
  EXPECT_EQ(any[63], 1);
  EXPECT_EQ(all[0], 1);
  EXPECT_EQ(all[32], 0);
  EXPECT_EQ(masked[0], 1);

  // HIP: a 64-bit ballot over a wavefront of 64, any/all without mask.
  std::vector<int64_t> hb(64), hall(64);
  launch(64, 64, [&] {
    int64_t t = tid();
    hb[t] = __xpl_rt_gpu_vote(0, t >= 60, 0, 0, 0);
    hall[t] = __xpl_rt_gpu_vote(2, 1, 0, 0, 0);
  });
  EXPECT_EQ((uint64_t)hb[0], 0xf000000000000000ull);
  EXPECT_EQ(hall[9], 1);
}

TEST(GpuMatrixRuntime, VoteIgnoresExitedLanes) {
  std::vector<int64_t> out(32, -1);
  launch(32, 32, [&] {
    int64_t t = tid();
    if (t >= 20)
      return;
    out[t] = __xpl_rt_gpu_vote(0, 1, 0xffffffff, 1, 0);
  });
  EXPECT_EQ(out[0], 0xfffff);
}

TEST(GpuMatrixRuntime, DivergentShufflesWithPartialMasks) {
  // Lanes 0-15 and 16-31 shuffle at two different ops with their own masks
  // (legal since Volta): each half reads only from itself.
  std::vector<int64_t> out(32);
  launch(32, 32, [&] {
    int64_t t = tid();
    if (t < 16)
      out[t] = __xpl_rt_gpu_shfl(t, 3, 1, 0, 0x0000ffff, 1, 10);
    else
      out[t] = __xpl_rt_gpu_shfl(100 + t, 2, 2, 0, 0xffff0000, 1, 11);
  });
  EXPECT_EQ(out[4], 5);
  EXPECT_EQ(out[5], 4);
  EXPECT_EQ(out[16], 118);
  EXPECT_EQ(out[30], 130); // 32 is past the warp: own value
}

TEST(GpuMatrixRuntimeDeath, ShuffleFromALaneAtAnotherOpTraps) {
  EXPECT_DEATH(launch(32, 32,
                      [&] {
                        int64_t t = tid();
                        if (t < 16)
                          __xpl_rt_gpu_shfl(t, 0, 20, 0, 0xffffffff, 1, 12);
                        else
                          __xpl_rt_gpu_shfl(t, 0, 20, 0, 0xffffffff, 1, 13);
                      }),
               "trap 5 at location 12");
}

TEST(GpuMatrixRuntimeDeath, ShuffleFromExitedLaneTraps) {
  EXPECT_DEATH(launch(40, 32,
                      [&] {
                        int64_t t = tid();
                        // The second warp has 8 lanes: lane 20 does not exist.
                        __xpl_rt_gpu_shfl(t, 0, 20, 0, 0xffffffff, 1, 3);
                      }),
               "trap 5 at location 3");
}

TEST(GpuMatrixRuntimeDeath, ShuffleWidthMustBeAPowerOfTwo) {
  EXPECT_DEATH(launch(32, 32,
                      [&] { __xpl_rt_gpu_shfl(tid(), 3, 1, 12, -1, 1, 4); }),
               "trap 5 at location 4");
}

//===----------------------------------------------------------------------===//
// wmma
//===----------------------------------------------------------------------===//

TEST(GpuMatrixRuntime, WmmaNumElementsFollowMmaH) {
  EXPECT_EQ(__xpl_rt_wmma_num_elements(0, 16, 16, 16, F16), 16);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(1, 32, 8, 16, F16), 16);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(2, 16, 16, 16, F32), 8);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(2, 16, 16, 16, F16), 8);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(0, 16, 16, 16, BF16), 8);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(0, 32, 8, 16, S8), 16);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(1, 32, 8, 16, S8), 4);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(0, 16, 16, 8, TF32), 4);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(0, 8, 8, 4, F64), 1);
  EXPECT_EQ(__xpl_rt_wmma_num_elements(2, 8, 8, 4, F64), 2);
}

TEST(GpuMatrixRuntime, WmmaLayoutCoversEveryElement) {
  struct Case {
    int64_t use, m, n, k, elem;
  } cases[] = {{0, 16, 16, 16, F16}, {1, 16, 16, 16, F16},
               {2, 16, 16, 16, F32}, {0, 32, 8, 16, S8},
               {1, 8, 32, 16, BF16}, {0, 16, 16, 8, TF32},
               {2, 8, 8, 4, F64}};
  for (const Case &c : cases) {
    int64_t rows = c.use == 1 ? c.k : c.m, cols = c.use == 0 ? c.k : c.n;
    int64_t count = __xpl_rt_wmma_num_elements(c.use, c.m, c.n, c.k, c.elem);
    std::vector<int> seen(rows * cols, 0);
    for (int64_t l = 0; l < 32; ++l)
      for (int64_t e = 0; e < count; ++e) {
        int64_t r, col;
        __xpl_rt_wmma_element(c.use, c.m, c.n, c.k, c.elem, l, e, &r, &col);
        ASSERT_TRUE(r >= 0 && r < rows && col >= 0 && col < cols);
        ++seen[r * cols + col];
      }
    for (int s : seen)
      EXPECT_EQ(s, count * 32 / (rows * cols));
  }
}

/// D = A B + C for a 16x16x16 f16 tile with f32 accumulators, through
/// load_matrix_sync, mma_sync and store_matrix_sync, with B stored row- or
/// column-major.
std::vector<float> wmmaProduct(const std::vector<uint16_t> &a,
                               const std::vector<uint16_t> &b,
                               const std::vector<float> &c, bool bColMajor,
                               int64_t ldm) {
  std::vector<float> d(16 * ldm, -1.0f);
  launch(32, 32, [&] {
    uint16_t fa[16], fb[16];
    float fc[8], fd[8];
    __xpl_rt_wmma_load(fa, a.data(), a.size(), 0, ldm, 0, 0, 16, 16, 16, F16,
                       1);
    __xpl_rt_wmma_load(fb, b.data(), b.size(), 0, ldm, bColMajor, 1, 16, 16,
                       16, F16, 2);
    __xpl_rt_wmma_load(fc, c.data(), c.size(), 0, ldm, 0, 2, 16, 16, 16, F32,
                       3);
    __xpl_rt_wmma_mma(fd, fa, fb, fc, 16, 16, 16, F16, F32, F32, 0, 4);
    __xpl_rt_wmma_store(fd, d.data(), d.size(), 0, ldm, 0, 16, 16, 16, F32,
                        5);
  });
  return d;
}

TEST(GpuMatrixRuntime, WmmaRoundTripIsTheMatrixProduct) {
  const int64_t ldm = 24; // padded rows, a multiple of 8 halves
  std::vector<uint16_t> a(16 * ldm), b(16 * ldm);
  std::vector<float> c(16 * ldm);
  auto av = [](int i, int k) { return float((i * 3 + k * 7) % 9 - 4); };
  auto bv = [](int k, int j) { return float((k * 5 + j) % 7 - 3); };
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < ldm; ++j) {
      a[i * ldm + j] = halfBits(av(i, j));
      b[i * ldm + j] = halfBits(bv(i, j));
      c[i * ldm + j] = float(i - j);
    }
  std::vector<float> rowMajor = wmmaProduct(a, b, c, false, ldm);
  std::vector<float> colMajor = wmmaProduct(a, b, c, true, ldm);
  bool differ = false;
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      float expectRow = c[i * ldm + j], expectCol = c[i * ldm + j];
      for (int k = 0; k < 16; ++k) {
        expectRow += av(i, k) * bv(k, j);
        expectCol += av(i, k) * bv(j, k); // B[k][j] at j * ldm + k
      }
      EXPECT_EQ(rowMajor[i * ldm + j], expectRow) << i << "," << j;
      EXPECT_EQ(colMajor[i * ldm + j], expectCol) << i << "," << j;
      differ |= expectRow != expectCol;
    }
  EXPECT_TRUE(differ);
  // The padding columns are not written.
  EXPECT_EQ(rowMajor[16], -1.0f);
}

TEST(GpuMatrixRuntime, WmmaOtherTypes) {
  // tf32 16x16x8 (the low 13 mantissa bits are ignored), f64 8x8x4 and
  // s8 32x8x16 into i32.
  std::vector<float> a(16 * 8), b(8 * 16), c(16 * 16, 0.5f), d(16 * 16);
  for (int i = 0; i < 16 * 8; ++i) {
    a[i] = float(i % 5 + 1) + 1.0f / 4096; // below tf32's precision
    b[i] = float(i % 3);
  }
  launch(32, 32, [&] {
    float fa[4], fb[4], fc[8], fd[8];
    __xpl_rt_wmma_load(fa, a.data(), a.size(), 0, 8, 0, 0, 16, 16, 8, TF32, 0);
    __xpl_rt_wmma_load(fb, b.data(), b.size(), 0, 16, 0, 1, 16, 16, 8, TF32,
                       0);
    __xpl_rt_wmma_load(fc, c.data(), c.size(), 0, 16, 0, 2, 16, 16, 8, F32, 0);
    __xpl_rt_wmma_mma(fd, fa, fb, fc, 16, 16, 8, TF32, F32, F32, 0, 0);
    __xpl_rt_wmma_store(fd, d.data(), d.size(), 0, 16, 1, 16, 16, 8, F32, 0);
  });
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      float e = 0.5f;
      for (int k = 0; k < 8; ++k)
        e += float((i * 8 + k) % 5 + 1) * b[k * 16 + j];
      EXPECT_EQ(d[j * 16 + i], e) << i << "," << j; // stored column-major
    }

  std::vector<double> da(8 * 4), db(4 * 8), dc(64, 1.0), dd(64);
  for (int i = 0; i < 32; ++i) {
    da[i] = 0.25 * i;
    db[i] = 1.0 - i;
  }
  launch(32, 32, [&] {
    double fa[1], fb[1], fc[2], fd[2];
    __xpl_rt_wmma_load(fa, da.data(), 32, 0, 4, 0, 0, 8, 8, 4, F64, 0);
    __xpl_rt_wmma_load(fb, db.data(), 32, 0, 4, 1, 1, 8, 8, 4, F64, 0);
    __xpl_rt_wmma_load(fc, dc.data(), 64, 0, 8, 0, 2, 8, 8, 4, F64, 0);
    __xpl_rt_wmma_mma(fd, fa, fb, fc, 8, 8, 4, F64, F64, F64, 0, 0);
    __xpl_rt_wmma_store(fd, dd.data(), 64, 0, 8, 0, 8, 8, 4, F64, 0);
  });
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 8; ++j) {
      double e = 1.0;
      for (int k = 0; k < 4; ++k)
        e += da[i * 4 + k] * db[j * 4 + k]; // B column-major, ldm 4
      EXPECT_EQ(dd[i * 8 + j], e);
    }

  std::vector<int8_t> ia(32 * 16), ib(16 * 8);
  std::vector<int32_t> ic(32 * 8, 7), id(32 * 8);
  for (size_t i = 0; i < ia.size(); ++i)
    ia[i] = (int8_t)(i * 37 % 256 - 128);
  for (size_t i = 0; i < ib.size(); ++i)
    ib[i] = (int8_t)(i * 11 % 256 - 128);
  launch(32, 32, [&] {
    int8_t fa[16], fb[4];
    int32_t fc[8], fd[8];
    __xpl_rt_wmma_load(fa, ia.data(), ia.size(), 0, 16, 0, 0, 32, 8, 16, S8,
                       0);
    __xpl_rt_wmma_load(fb, ib.data(), ib.size(), 0, 16, 1, 1, 32, 8, 16, S8,
                       0);
    __xpl_rt_wmma_load(fc, ic.data(), ic.size(), 0, 8, 0, 2, 32, 8, 16, I32,
                       0);
    __xpl_rt_wmma_mma(fd, fa, fb, fc, 32, 8, 16, S8, I32, I32, 0, 0);
    __xpl_rt_wmma_store(fd, id.data(), id.size(), 0, 8, 0, 32, 8, 16, I32, 0);
  });
  for (int i = 0; i < 32; ++i)
    for (int j = 0; j < 8; ++j) {
      int32_t e = 7;
      for (int k = 0; k < 16; ++k)
        e += ia[i * 16 + k] * ib[j * 16 + k];
      EXPECT_EQ(id[i * 8 + j], e);
    }
}

TEST(GpuMatrixRuntimeDeath, WmmaLoadOutOfBoundsTraps) {
  std::vector<uint16_t> a(16 * 16 - 1);
  EXPECT_DEATH(launch(32, 32,
                      [&] {
                        uint16_t f[16];
                        __xpl_rt_wmma_load(f, a.data(), a.size(), 0, 16, 0, 0,
                                           16, 16, 16, F16, 9);
                      }),
               "trap 1 at location 9");
}

TEST(GpuMatrixRuntimeDeath, WmmaNeedsTheWholeWarp) {
  EXPECT_DEATH(launch(16, 32,
                      [&] {
                        uint16_t a[16] = {}, b[16] = {};
                        float c[8] = {}, d[8];
                        __xpl_rt_wmma_mma(d, a, b, c, 16, 16, 16, F16, F32,
                                          F32, 0, 6);
                      }),
               "trap 5 at location 6");
}

//===----------------------------------------------------------------------===//
// mfma
//===----------------------------------------------------------------------===//

enum {
  kF32_32x32x2f32 = 3,
  kF32_16x16x4f32 = 4,
  kF32_16x16x4f16 = 6,
  kF32_32x32x8f16 = 8,
  kF32_16x16x16f16 = 9,
};

/// f32_16x16x16f16 on one wavefront with the layout spelled out in
/// test/corpus/hip/gemm.hip (AMD matrix instruction calculator):
///   a[i] = A[l % 16][4 (l / 16) + i], b[i] = B[4 (l / 16) + i][l % 16],
///   d[i] = D[4 (l / 16) + i][l % 16].
TEST(GpuMatrixRuntime, Mfma16x16x16f16IsTheMatrixProduct) {
  float A[16][16], B[16][16], C[16][16], D[16][16];
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      A[i][j] = float((i * 5 + j * 3) % 11 - 5);
      B[i][j] = float((i * 7 + j) % 5 - 2);
      C[i][j] = float(i * 16 + j) / 8;
    }
  launch(64, 64, [&] {
    int l = (int)tid();
    uint16_t a[4], b[4];
    float c[4], d[4];
    for (int i = 0; i < 4; ++i) {
      a[i] = halfBits(A[l % 16][4 * (l / 16) + i]);
      b[i] = halfBits(B[4 * (l / 16) + i][l % 16]);
      c[i] = C[4 * (l / 16) + i][l % 16];
    }
    __xpl_rt_hip_mfma(kF32_16x16x16f16, d, a, b, c, 0, 0, 0, 0);
    for (int i = 0; i < 4; ++i)
      D[4 * (l / 16) + i][l % 16] = d[i];
  });
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      float e = C[i][j];
      for (int k = 0; k < 16; ++k)
        e += A[i][k] * B[k][j];
      EXPECT_EQ(D[i][j], e) << i << "," << j;
    }
}

/// f32_32x32x8f16: a[i] = A[l % 32][4 (l / 32) + i], likewise B, and
/// d[v] = D[8 (v / 4) + 4 (l / 32) + v % 4][l % 32] (AMD matrix instruction
/// calculator, v_mfma_f32_32x32x8f16).
TEST(GpuMatrixRuntime, Mfma32x32x8f16IsTheMatrixProduct) {
  static float A[32][8], B[8][32], D[32][32];
  for (int i = 0; i < 32; ++i)
    for (int k = 0; k < 8; ++k) {
      A[i][k] = float((i + 3 * k) % 7 - 3);
      B[k][i] = float((2 * i + k) % 5 - 2);
    }
  launch(64, 64, [&] {
    int l = (int)tid();
    uint16_t a[4], b[4];
    float c[16], d[16];
    for (int i = 0; i < 4; ++i) {
      a[i] = halfBits(A[l % 32][4 * (l / 32) + i]);
      b[i] = halfBits(B[4 * (l / 32) + i][l % 32]);
    }
    for (int v = 0; v < 16; ++v)
      c[v] = 1.0f;
    __xpl_rt_hip_mfma(kF32_32x32x8f16, d, a, b, c, 0, 0, 0, 0);
    for (int v = 0; v < 16; ++v)
      D[8 * (v / 4) + 4 * (l / 32) + v % 4][l % 32] = d[v];
  });
  for (int i = 0; i < 32; ++i)
    for (int j = 0; j < 32; ++j) {
      float e = 1.0f;
      for (int k = 0; k < 8; ++k)
        e += A[i][k] * B[k][j];
      EXPECT_EQ(D[i][j], e) << i << "," << j;
    }
}

/// f32_16x16x4f32: a = A[l % 16][l / 16], b = B[l / 16][l % 16],
/// d[i] = D[4 (l / 16) + i][l % 16].
TEST(GpuMatrixRuntime, Mfma16x16x4f32IsTheMatrixProduct) {
  float A[16][4], B[4][16], D[16][16];
  for (int i = 0; i < 16; ++i)
    for (int k = 0; k < 4; ++k) {
      A[i][k] = 0.5f * float(i - k);
      B[k][i] = float(i * k % 3) - 0.25f;
    }
  launch(64, 64, [&] {
    int l = (int)tid();
    float a = A[l % 16][l / 16], b = B[l / 16][l % 16];
    float c[4] = {0, 0, 0, 0}, d[4];
    __xpl_rt_hip_mfma(kF32_16x16x4f32, d, &a, &b, c, 0, 0, 0, 0);
    for (int i = 0; i < 4; ++i)
      D[4 * (l / 16) + i][l % 16] = d[i];
  });
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      float e = 0;
      for (int k = 0; k < 4; ++k)
        e += A[i][k] * B[k][j];
      EXPECT_EQ(D[i][j], e) << i << "," << j;
    }
}

/// Every kind: the layouts cover each element of A, B and D of each block
/// exactly once (B's and A's element counts per lane), and the op computes
/// the per-block product of operands placed by those layouts.
TEST(GpuMatrixRuntime, MfmaEveryKindIsABlockedMatrixProduct) {
  struct Info {
    int m, n, k, blocks, kPerLane, accLen;
  };
  for (int64_t kind = 0; kind < 45; ++kind) {
    // Discover the shape from the layout function.
    int64_t blk, r, c;
    int m = 0, n = 0, k = 0, blocks = 0, kPerLane = 0, accLen = 0;
    for (int64_t item = 0; __xpl_rt_mfma_element(kind, 0, 0, item, &blk, &r,
                                                  &c) == 0;
         ++item)
      ++kPerLane;
    for (int64_t item = 0; __xpl_rt_mfma_element(kind, 2, 0, item, &blk, &r,
                                                  &c) == 0;
         ++item)
      ++accLen;
    for (int64_t l = 0; l < 64; ++l)
      for (int64_t item = 0; item < kPerLane; ++item) {
        __xpl_rt_mfma_element(kind, 0, l, item, &blk, &r, &c);
        m = std::max<int>(m, r + 1);
        k = std::max<int>(k, c + 1);
        blocks = std::max<int>(blocks, blk + 1);
        __xpl_rt_mfma_element(kind, 1, l, item, &blk, &r, &c);
        n = std::max<int>(n, c + 1);
      }
    ASSERT_EQ(m * k * blocks, 64 * kPerLane) << "kind " << kind;
    ASSERT_EQ(m * n * blocks, 64 * accLen) << "kind " << kind;
    // Bijections.
    std::vector<int> seenA(m * k * blocks), seenB(k * n * blocks),
        seenD(m * n * blocks);
    for (int64_t l = 0; l < 64; ++l) {
      for (int64_t item = 0; item < kPerLane; ++item) {
        __xpl_rt_mfma_element(kind, 0, l, item, &blk, &r, &c);
        ++seenA[(blk * m + r) * k + c];
        __xpl_rt_mfma_element(kind, 1, l, item, &blk, &r, &c);
        ++seenB[(blk * k + r) * n + c];
      }
      for (int64_t item = 0; item < accLen; ++item) {
        __xpl_rt_mfma_element(kind, 2, l, item, &blk, &r, &c);
        ++seenD[(blk * m + r) * n + c];
      }
    }
    for (int s : seenA)
      ASSERT_EQ(s, 1) << "kind " << kind;
    for (int s : seenB)
      ASSERT_EQ(s, 1) << "kind " << kind;
    for (int s : seenD)
      ASSERT_EQ(s, 1) << "kind " << kind;
  }
}

/// Element type of A (operand 0) or B (1) of each kind, and of C/D.
int mfmaSourceType(int64_t kind, int operand) {
  if (kind <= 4 || kind == 29 || kind == 30)
    return F32;
  if ((kind >= 5 && kind <= 9) || kind == 39 || kind == 40)
    return F16;
  if ((kind >= 10 && kind <= 14) || kind == 27 || kind == 28 || kind >= 43)
    return S8;
  if ((kind >= 15 && kind <= 24) || kind == 41 || kind == 42)
    return BF16;
  if (kind == 25 || kind == 26)
    return F64;
  // 31..38: {bf8,fp8} x {bf8,fp8} in the order bf8_bf8, bf8_fp8, fp8_bf8,
  // fp8_fp8; 8 is fp8 (E4M3FNUZ), 9 bf8 (E5M2FNUZ).
  int pair = (kind - 31) % 4;
  bool fp8 = operand == 0 ? pair >= 2 : pair % 2 == 1;
  return fp8 ? 8 : 9;
}
int mfmaAccType(int64_t kind) {
  int a = mfmaSourceType(kind, 0);
  return a == S8 ? I32 : a == F64 ? F64 : F32;
}

/// Writes the small integer `v` (|v| <= 4) as element `item` of type `t`.
void putSmall(unsigned char *buf, int t, int64_t item, int v) {
  switch (t) {
  case F32: {
    float f = (float)v;
    std::memcpy(buf + 4 * item, &f, 4);
    return;
  }
  case F64: {
    double f = v;
    std::memcpy(buf + 8 * item, &f, 8);
    return;
  }
  case F16: {
    uint16_t h = halfBits((float)v);
    std::memcpy(buf + 2 * item, &h, 2);
    return;
  }
  case BF16: {
    float f = (float)v;
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    uint16_t h = (uint16_t)(bits >> 16); // exact for small integers
    std::memcpy(buf + 2 * item, &h, 2);
    return;
  }
  case S8:
    buf[item] = (unsigned char)(int8_t)v;
    return;
  default: {
    // fp8 E4M3FNUZ (bias 8) and bf8 E5M2FNUZ (bias 16): 1, 2, 3, 4.
    int a = v < 0 ? -v : v;
    unsigned char byte = 0;
    if (a) {
      int e = a == 1 ? 0 : a < 4 ? 1 : 2, frac = a == 3 ? 1 : 0;
      byte = t == 8 ? (unsigned char)((e + 8) << 3 | frac << 2)
                    : (unsigned char)((e + 16) << 2 | frac << 1);
    }
    buf[item] = byte | (v < 0 ? 0x80 : 0);
    return;
  }
  }
}

double getAcc(const unsigned char *buf, int t, int64_t item) {
  if (t == F32) {
    float f;
    std::memcpy(&f, buf + 4 * item, 4);
    return f;
  }
  if (t == F64) {
    double f;
    std::memcpy(&f, buf + 8 * item, 8);
    return f;
  }
  int32_t i;
  std::memcpy(&i, buf + 4 * item, 4);
  return i;
}

/// Every kind computes, per block, the product of the tiles its layouts
/// describe (small integers: exact in every element type).
TEST(GpuMatrixRuntime, MfmaEveryKindMatchesPlainMatmul) {
  for (int64_t kind = 0; kind < 45; ++kind) {
    int64_t blk, r, c;
    int kPerLane = 0, accLen = 0;
    while (__xpl_rt_mfma_element(kind, 0, 0, kPerLane, &blk, &r, &c) == 0)
      ++kPerLane;
    while (__xpl_rt_mfma_element(kind, 2, 0, accLen, &blk, &r, &c) == 0)
      ++accLen;
    int64_t kMax = 0;
    for (int64_t l = 0; l < 64; ++l)
      for (int64_t it = 0; it < kPerLane; ++it) {
        __xpl_rt_mfma_element(kind, 0, l, it, &blk, &r, &c);
        kMax = std::max(kMax, c + 1);
      }
    auto aval = [](int64_t b, int64_t i, int64_t k) {
      return int((b * 3 + i * 5 + k * 7) % 9 - 4);
    };
    auto bval = [](int64_t b, int64_t k, int64_t j) {
      return int((b + k * 3 + j * 2) % 7 - 3);
    };
    auto cval = [](int64_t b, int64_t i, int64_t j) {
      return int(b - i + 2 * j);
    };
    int ta = mfmaSourceType(kind, 0), tb = mfmaSourceType(kind, 1),
        tc = mfmaAccType(kind);
    std::vector<double> got(64 * 32), want(64 * 32);
    launch(64, 64, [&] {
      int64_t l = tid();
      alignas(16) unsigned char a[64], b[64], cc[256], d[256];
      for (int64_t item = 0; item < kPerLane; ++item) {
        int64_t b0, i0, k0;
        __xpl_rt_mfma_element(kind, 0, l, item, &b0, &i0, &k0);
        putSmall(a, ta, item, aval(b0, i0, k0));
        __xpl_rt_mfma_element(kind, 1, l, item, &b0, &k0, &i0);
        putSmall(b, tb, item, bval(b0, k0, i0));
      }
      for (int64_t item = 0; item < accLen; ++item) {
        int64_t b0, i0, j0;
        __xpl_rt_mfma_element(kind, 2, l, item, &b0, &i0, &j0);
        if (tc == F32) {
          float f = (float)cval(b0, i0, j0);
          std::memcpy(cc + 4 * item, &f, 4);
        } else if (tc == F64) {
          double f = cval(b0, i0, j0);
          std::memcpy(cc + 8 * item, &f, 8);
        } else {
          int32_t v = cval(b0, i0, j0);
          std::memcpy(cc + 4 * item, &v, 4);
        }
      }
      __xpl_rt_hip_mfma(kind, d, a, b, cc, 0, 0, 0, 0);
      for (int64_t item = 0; item < accLen; ++item) {
        int64_t b0, i0, j0;
        __xpl_rt_mfma_element(kind, 2, l, item, &b0, &i0, &j0);
        got[l * 32 + item] = getAcc(d, tc, item);
        double e = cval(b0, i0, j0);
        for (int64_t x = 0; x < kMax; ++x)
          e += aval(b0, i0, x) * bval(b0, x, j0);
        want[l * 32 + item] = e;
      }
    });
    for (size_t i = 0; i < got.size(); ++i)
      ASSERT_EQ(got[i], want[i]) << "kind " << kind << " at " << i;
  }
}

/// CBSZ/ABID: with cbsz = 2, abid = 1 every block of a group of 4 uses the
/// A of block 1 (f32_16x16x4f16: 4 blocks).
TEST(GpuMatrixRuntime, MfmaBroadcastsABlock) {
  std::vector<float> D(4 * 16 * 16);
  auto aval = [](int b, int i, int k) { return float(b * 10 + i - k); };
  auto bval = [](int b, int k, int j) { return float((b + k + j) % 3); };
  launch(64, 64, [&] {
    int l = (int)tid();
    // A[i][k] of block b: lane i + 16 b, item k; B likewise with j.
    uint16_t a[4], b[4];
    for (int k = 0; k < 4; ++k) {
      a[k] = halfBits(aval(l / 16, l % 16, k));
      b[k] = halfBits(bval(l / 16, k, l % 16));
    }
    float c[16] = {}, d[16];
    __xpl_rt_hip_mfma(kF32_16x16x4f16, d, a, b, c, 2, 1, 0, 0);
    // d[4 b + i] = D_b[4 (l / 16) + i][l % 16].
    for (int v = 0; v < 16; ++v)
      D[(v / 4) * 256 + (4 * (l / 16) + v % 4) * 16 + l % 16] = d[v];
  });
  for (int blk = 0; blk < 4; ++blk)
    for (int i = 0; i < 16; ++i)
      for (int j = 0; j < 16; ++j) {
        float e = 0;
        for (int k = 0; k < 4; ++k)
          e += aval(1, i, k) * bval(blk, k, j);
        EXPECT_EQ(D[blk * 256 + i * 16 + j], e);
      }
}

/// BLGP 1: B's lanes 0-31 are broadcast to lanes 32-63, so for
/// f32_16x16x16f16 rows 8-15 of B read as rows 0-7.
TEST(GpuMatrixRuntime, MfmaBlgpBroadcastsLanes) {
  float A[16][16], B[16][16], D[16][16];
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      A[i][j] = float((i + 2 * j) % 5 - 2);
      B[i][j] = float((3 * i + j) % 7 - 3);
    }
  launch(64, 64, [&] {
    int l = (int)tid();
    uint16_t a[4], b[4];
    float c[4] = {}, d[4];
    for (int i = 0; i < 4; ++i) {
      a[i] = halfBits(A[l % 16][4 * (l / 16) + i]);
      b[i] = halfBits(B[4 * (l / 16) + i][l % 16]);
    }
    __xpl_rt_hip_mfma(kF32_16x16x16f16, d, a, b, c, 0, 0, 1, 0);
    for (int i = 0; i < 4; ++i)
      D[4 * (l / 16) + i][l % 16] = d[i];
  });
  for (int i = 0; i < 16; ++i)
    for (int j = 0; j < 16; ++j) {
      float e = 0;
      for (int k = 0; k < 16; ++k)
        e += A[i][k] * B[k % 8][j];
      EXPECT_EQ(D[i][j], e);
    }
}

TEST(GpuMatrixRuntimeDeath, MfmaNeedsTheWholeWavefront) {
  EXPECT_DEATH(launch(48, 64,
                      [&] {
                        float a = 1, b = 1, c[4] = {}, d[4];
                        __xpl_rt_hip_mfma(kF32_16x16x4f32, d, &a, &b, c, 0, 0,
                                          0, 8);
                      }),
               "trap 5 at location 8");
}

} // namespace
