//===- dense.cpp - test driver of the corpus `dense` operator ---*- C++ -*-===//
//
// Checks the launcher `dense(x, W, bias, y, M, N, K)` (y = x . W^T + bias,
// W[N, K]) against ref::dense on M x N x K = 37x45x29, 130x70x200, 1x33x17
// and 64x64x64 (every extent rounded up to CORPUS_SHAPE_MULTIPLE), inputs in
// [-4, 4). With -DCORPUS_INPUT_T=T, x and W are passed as T (bias and y stay
// float) and the half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/dense.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER dense
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *x, const drv::In *W,
                                const float *bias, float *y, int M, int N,
                                int K);

static bool check1(int M, int N, int K) {
  std::vector<float> x = check::randomFloats((size_t)M * K, 1);
  std::vector<float> w = check::randomFloats((size_t)N * K, 2);
  std::vector<float> bias = check::randomFloats(N, 3);
  std::vector<drv::In> xi = drv::toInput(x), wi = drv::toInput(w);
  std::vector<float> got = drv::poisoned((size_t)M * N), want(got.size());
  CORPUS_LAUNCHER(xi.data(), wi.data(), bias.data(), got.data(), M, N, K);
  ref::dense(x.data(), w.data(), bias.data(), want.data(), M, N, K);
  return check::allClose(drv::Label("dense %dx%dx%d", M, N, K), got.data(),
                         want.data(), want.size(), drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][3] = {
      {37, 45, 29}, {130, 70, 200}, {1, 33, 17}, {64, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(drv::dim(s[0]), drv::dim(s[1]), drv::dim(s[2]));
  return drv::finish(ok, "dense");
}
