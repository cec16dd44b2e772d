//===- instancenorm.cpp - test driver of `instancenorm` ---------*- C++ -*-===//
//
// Checks the launcher `instancenorm(x, gamma, beta, y, N, C, HW, eps)` (per
// (n, c) plane over HW, biased variance, gamma/beta per c) against
// ref::instancenorm on N,C,HW = 2,3,37 / 2,5,1000 / 2,16,64 (C, HW rounded
// up to CORPUS_SHAPE_MULTIPLE), eps = 1e-5, x in [-4, 4) plus a per-plane
// offset, gamma in [0.5, 2), beta in [-1, 1). Reduction tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/instancenorm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER instancenorm
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, const float *gamma,
                                const float *beta, float *y, int N, int C,
                                int HW, float eps);

static bool check1(int N, int C, int HW) {
  const float eps = 1e-5f;
  std::vector<float> x = check::randomFloats((size_t)N * C * HW, 1);
  for (int p = 0; p < N * C; ++p) // planes with a nonzero mean
    for (int i = 0; i < HW; ++i)
      x[(size_t)p * HW + i] += float(p % 5) - 2.0f;
  std::vector<float> gamma = check::randomFloats(C, 2, 0.5f, 2.0f);
  std::vector<float> beta = check::randomFloats(C, 3, -1.0f, 1.0f);
  std::vector<float> got = drv::poisoned(x.size()), want(x.size());
  CORPUS_LAUNCHER(x.data(), gamma.data(), beta.data(), got.data(), N, C, HW,
                  eps);
  ref::instancenorm(x.data(), gamma.data(), beta.data(), want.data(), N, C, HW,
                    eps);
  return check::allClose(drv::Label("instancenorm N=%d C=%d HW=%d", N, C, HW),
                         got.data(), want.data(), want.size(),
                         drv::kReductionTol, drv::kReductionTol);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {{2, 3, 37}, {2, 5, 1000}, {2, 16, 64}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "instancenorm");
}
