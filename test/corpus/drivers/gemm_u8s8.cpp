//===- gemm_u8s8.cpp - VNNI quantized `gemm` driver -------------*- C++ -*-===//
//
// Checks the VNNI launcher `gemm(const uint8_t *A, const int8_t *B,
// int32_t *C, int M, int N, int K)` (C[M,N] = A[M,K] . B[K,N], uint8 x int8
// accumulated in int32) against ref::gemm_u8s8 on M x N x K = 37x45x29,
// 130x70x200, 1x33x17 and 64x64x64 (every extent rounded up to
// CORPUS_SHAPE_MULTIPLE), A in [0, 255], B in [-128, 127]. Exact comparison.
//
//===----------------------------------------------------------------------===//

#include "../reference/gemm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gemm
#endif

extern "C" void CORPUS_LAUNCHER(const uint8_t *A, const int8_t *B, int32_t *C,
                                int M, int N, int K);

static bool check1(int M, int N, int K) {
  std::vector<uint8_t> a = drv::randomU8((size_t)M * K, 1);
  std::vector<int8_t> b = drv::randomS8((size_t)K * N, 2);
  std::vector<int32_t> got = drv::poisonedInts((size_t)M * N), want(got.size());
  CORPUS_LAUNCHER(a.data(), b.data(), got.data(), M, N, K);
  ref::gemm_u8s8(a.data(), b.data(), want.data(), M, N, K);
  return check::allEqual(drv::Label("gemm_u8s8 %dx%dx%d", M, N, K), got.data(),
                         want.data(), want.size());
}

int main() {
  bool ok = true;
  const int shapes[][3] = {
      {37, 45, 29}, {130, 70, 200}, {1, 33, 17}, {64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "gemm_u8s8");
}
