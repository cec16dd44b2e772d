//===- conv1d.cpp - test driver of the corpus `conv1d` operator -*- C++ -*-===//
//
// Checks the launcher `conv1d(x, w, y, N, C, L, F, KW, stride)` (x[N,C,L],
// w[F,C,KW], y[N,F,(L-KW)/stride+1], no padding) against ref::conv1d on
// N,C,L,F,KW,stride = 2,3,37,5,3,1 / 2,7,50,9,5,2 (the last input column
// unused) / 1,16,64,32,3,1 (C, L, F rounded up to CORPUS_SHAPE_MULTIPLE),
// inputs in [-4, 4). With -DCORPUS_INPUT_T=T, x and w are passed as T and
// the half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/conv1d.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER conv1d
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *x, const drv::In *w, float *y,
                                int N, int C, int L, int F, int KW, int stride);

static bool check1(int N, int C, int L, int F, int KW, int stride) {
  const int OL = (L - KW) / stride + 1;
  std::vector<float> x = check::randomFloats((size_t)N * C * L, 1);
  std::vector<float> w = check::randomFloats((size_t)F * C * KW, 2);
  std::vector<drv::In> xi = drv::toInput(x), wi = drv::toInput(w);
  std::vector<float> got = drv::poisoned((size_t)N * F * OL), want(got.size());
  CORPUS_LAUNCHER(xi.data(), wi.data(), got.data(), N, C, L, F, KW, stride);
  ref::conv1d(x.data(), w.data(), want.data(), N, C, L, F, KW, stride);
  return check::allClose(drv::Label("conv1d N=%d C=%d L=%d F=%d KW=%d s=%d", N,
                                    C, L, F, KW, stride),
                         got.data(), want.data(), want.size(), drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][6] = {
      {2, 3, 37, 5, 3, 1}, {2, 7, 50, 9, 5, 2}, {1, 16, 64, 32, 3, 1}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), drv::dim(s[3]), s[4],
                 s[5]);
  return drv::finish(ok, "conv1d");
}
