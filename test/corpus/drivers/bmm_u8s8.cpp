//===- bmm_u8s8.cpp - VNNI quantized `bmm` driver ---------------*- C++ -*-===//
//
// Checks the VNNI launcher `bmm(const uint8_t *A, const int8_t *B,
// int32_t *C, int batch, int M, int N, int K)` (per-batch C = A . B, uint8 x
// int8 accumulated in int32) against ref::bmm_u8s8 on batch x M x N x K =
// 3x37x45x29, 2x70x33x100 and 2x64x64x64 (M, N, K rounded up to
// CORPUS_SHAPE_MULTIPLE, batch not), A in [0, 255], B in [-128, 127]. Exact
// comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/bmm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER bmm
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *A, const int8_t *B, int32_t *C,
                                int batch, int M, int N, int K);

static bool check1(int batch, int M, int N, int K) {
  std::vector<uint8_t> a = drv::randomU8((size_t)batch * M * K, 1);
  std::vector<int8_t> b = drv::randomS8((size_t)batch * K * N, 2);
  std::vector<int32_t> got = drv::poisonedInts((size_t)batch * M * N);
  std::vector<int32_t> want(got.size());
  CORPUS_LAUNCHER(a.data(), b.data(), got.data(), batch, M, N, K);
  ref::bmm_u8s8(a.data(), b.data(), want.data(), batch, M, N, K);
  return check::allEqual(drv::Label("bmm_u8s8 %dx%dx%dx%d", batch, M, N, K),
                         got.data(), want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][4] = {{3, 37, 45, 29}, {2, 70, 33, 100}, {2, 64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]));
  return drv::finish(ok, "bmm_u8s8");
}
