//===- gatemlp.cpp - test driver of `gatemlp` -------------------*- C++ -*-===//
//
// Checks the launcher `gatemlp(x, Wg, Wu, y, M, N, K)` (y = silu(x . Wg^T) *
// (x . Wu^T), Wg and Wu [N, K]) against ref::gatemlp on M x N x K =
// 37x45x29, 70x33x100 and 64x64x64 (every extent rounded up to
// CORPUS_SHAPE_MULTIPLE), inputs in [-1, 1) so the products stay O(1). With
// -DCORPUS_INPUT_T=T, x, Wg and Wu are passed as T and the half-input
// tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/gatemlp.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gatemlp
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *x, const drv::In *Wg,
                                const drv::In *Wu, float *y, int M, int N,
                                int K);

static bool check1(int M, int N, int K) {
  std::vector<float> x = check::randomFloats((size_t)M * K, 1, -1.0f, 1.0f);
  std::vector<float> wg = check::randomFloats((size_t)N * K, 2, -1.0f, 1.0f);
  std::vector<float> wu = check::randomFloats((size_t)N * K, 3, -1.0f, 1.0f);
  std::vector<drv::In> xi = drv::toInput(x), wgi = drv::toInput(wg),
                       wui = drv::toInput(wu);
  std::vector<float> got = drv::poisoned((size_t)M * N), want(got.size());
  CORPUS_LAUNCHER(xi.data(), wgi.data(), wui.data(), got.data(), M, N, K);
  ref::gatemlp(x.data(), wg.data(), wu.data(), want.data(), M, N, K);
  return check::allClose(drv::Label("gatemlp %dx%dx%d", M, N, K), got.data(),
                         want.data(), want.size(), drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {{37, 45, 29}, {70, 33, 100}, {64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "gatemlp");
}
