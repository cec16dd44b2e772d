//===- gemv.cpp - test driver of the corpus `gemv` operator -----*- C++ -*-===//
//
// Checks the launcher `gemv(A, x, y, M, K)` (y[M] = A[M,K] . x[K]) against
// ref::gemv on M x K = 37x29, 130x1000, 1x77 and 64x256 (every extent rounded
// up to CORPUS_SHAPE_MULTIPLE), inputs in [-4, 4). With -DCORPUS_INPUT_T=T,
// A and x are passed as T and the half-input tolerance applies. Product
// tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/gemv.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gemv
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *A, const drv::In *x, float *y,
                                int M, int K);

static bool check1(int M, int K) {
  std::vector<float> a = check::randomFloats((size_t)M * K, 1);
  std::vector<float> x = check::randomFloats(K, 2);
  std::vector<drv::In> ai = drv::toInput(a), xi = drv::toInput(x);
  std::vector<float> got = drv::poisoned(M), want(M);
  CORPUS_LAUNCHER(ai.data(), xi.data(), got.data(), M, K);
  ref::gemv(a.data(), x.data(), want.data(), M, K);
  return check::allClose(drv::Label("gemv %dx%d", M, K), got.data(),
                         want.data(), want.size(), drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][2] = {{37, 29}, {130, 1000}, {1, 77}, {64, 256}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]));
  return drv::finish(ok, "gemv");
}
