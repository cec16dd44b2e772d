//===- gemm.cpp - test driver of the corpus `gemm` operator -----*- C++ -*-===//
//
// Checks the launcher `gemm(A, B, C, M, N, K)` (C[M,N] = A[M,K] . B[K,N])
// against ref::gemm on M x N x K = 37x45x29, 130x70x200, 1x33x17 and
// 64x64x64 (every extent rounded up to CORPUS_SHAPE_MULTIPLE), inputs in
// [-4, 4). With -DCORPUS_INPUT_T=T, A and B are passed as T (e.g. __half)
// and the half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/gemm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gemm
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *A, const drv::In *B, float *C,
                                int M, int N, int K);

static bool check1(int M, int N, int K) {
  std::vector<float> a = check::randomFloats((size_t)M * K, 1);
  std::vector<float> b = check::randomFloats((size_t)K * N, 2);
  std::vector<drv::In> ai = drv::toInput(a), bi = drv::toInput(b);
  std::vector<float> got = drv::poisoned((size_t)M * N), want(got.size());
  CORPUS_LAUNCHER(ai.data(), bi.data(), got.data(), M, N, K);
  ref::gemm(a.data(), b.data(), want.data(), M, N, K);
  return check::allClose(drv::Label("gemm %dx%dx%d", M, N, K), got.data(),
                         want.data(), want.size(), drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {
      {37, 45, 29}, {130, 70, 200}, {1, 33, 17}, {64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "gemm");
}
