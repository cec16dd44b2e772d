//===- batchnorm.cpp - test driver of `batchnorm` ---------------*- C++ -*-===//
//
// Checks the launcher `batchnorm(x, mean, var, gamma, beta, y, N, C, HW, eps)`
// (inference, x[N,C,HW], per-channel statistics) against ref::batchnorm on
// N,C,HW = 2,3,37 / 3,17,100 / 2,16,64 (C, HW rounded up to
// CORPUS_SHAPE_MULTIPLE), eps = 1e-5, x and mean in [-4, 4), var in
// [0.1, 2), gamma in [0.5, 2), beta in [-1, 1). Element-wise tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/batchnorm.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER batchnorm
#endif

extern "C" void CORPUS_LAUNCHER(const float *x, const float *mean,
                                const float *var, const float *gamma,
                                const float *beta, float *y, int N, int C,
                                int HW, float eps);

static bool check1(int N, int C, int HW) {
  const float eps = 1e-5f;
  std::vector<float> x = check::randomFloats((size_t)N * C * HW, 1);
  std::vector<float> mean = check::randomFloats(C, 2);
  std::vector<float> var = check::randomFloats(C, 3, 0.1f, 2.0f);
  std::vector<float> gamma = check::randomFloats(C, 4, 0.5f, 2.0f);
  std::vector<float> beta = check::randomFloats(C, 5, -1.0f, 1.0f);
  for (float &v : var) // randomFloats mixes in zeros; keep var > 0
    v = v == 0.0f ? 1.0f : v;
  std::vector<float> got = drv::poisoned(x.size()), want(x.size());
  CORPUS_LAUNCHER(x.data(), mean.data(), var.data(), gamma.data(), beta.data(),
                  got.data(), N, C, HW, eps);
  ref::batchnorm(x.data(), mean.data(), var.data(), gamma.data(), beta.data(),
                 want.data(), N, C, HW, eps);
  return check::allClose(drv::Label("batchnorm N=%d C=%d HW=%d", N, C, HW),
                         got.data(), want.data(), want.size(),
                         drv::kElementwiseTol, drv::kElementwiseTol);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {{2, 3, 37}, {3, 17, 100}, {2, 16, 64}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "batchnorm");
}
