//===- bmm.cpp - test driver of the corpus `bmm` operator -------*- C++ -*-===//
//
// Checks the launcher `bmm(A, B, C, batch, M, N, K)` (per-batch C = A . B)
// against ref::bmm on batch x M x N x K = 3x37x45x29, 2x70x33x100 and
// 2x64x64x64 (M, N, K rounded up to CORPUS_SHAPE_MULTIPLE, batch not),
// inputs in [-4, 4). With -DCORPUS_INPUT_T=T, A and B are passed as T and
// the half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/bmm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER bmm
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *A, const drv::In *B, float *C,
                                int batch, int M, int N, int K);

static bool check1(int batch, int M, int N, int K) {
  std::vector<float> a = check::randomFloats((size_t)batch * M * K, 1);
  std::vector<float> b = check::randomFloats((size_t)batch * K * N, 2);
  std::vector<drv::In> ai = drv::toInput(a), bi = drv::toInput(b);
  std::vector<float> got = drv::poisoned((size_t)batch * M * N);
  std::vector<float> want(got.size());
  CORPUS_LAUNCHER(ai.data(), bi.data(), got.data(), batch, M, N, K);
  ref::bmm(a.data(), b.data(), want.data(), batch, M, N, K);
  return check::allClose(drv::Label("bmm %dx%dx%dx%d", batch, M, N, K),
                         got.data(), want.data(), want.size(), drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][4] = {{3, 37, 45, 29}, {2, 70, 33, 100}, {2, 64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]));
  return drv::finish(ok, "bmm");
}
