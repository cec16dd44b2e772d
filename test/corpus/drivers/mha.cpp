//===- mha.cpp - test driver of the corpus `mha` operator -------*- C++ -*-===//
//
// Checks the launcher `mha(q, k, v, out, batch, heads, seq, dim)` ([B,H,S,D],
// softmax(Q K^T / sqrt(D)) V, no mask) against ref::mha on B,H,S,D =
// 2,3,37,24 / 1,2,130,16 / 1,2,64,64 (S, D rounded up to
// CORPUS_SHAPE_MULTIPLE), q and k in [-2, 2), v in [-4, 4). With
// -DCORPUS_INPUT_T=T, q, k and v are passed as T (out stays float) and the
// half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/mha.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER mha
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *q, const drv::In *k,
                                const drv::In *v, float *out, int batch,
                                int heads, int seq, int dim);

static bool check1(int batch, int heads, int seq, int dim) {
  const size_t size = (size_t)batch * heads * seq * dim;
  std::vector<float> q = check::randomFloats(size, 1, -2.0f, 2.0f);
  std::vector<float> k = check::randomFloats(size, 2, -2.0f, 2.0f);
  std::vector<float> v = check::randomFloats(size, 3);
  std::vector<drv::In> qi = drv::toInput(q), ki = drv::toInput(k),
                       vi = drv::toInput(v);
  std::vector<float> got = drv::poisoned(size), want(size);
  CORPUS_LAUNCHER(qi.data(), ki.data(), vi.data(), got.data(), batch, heads,
                  seq, dim);
  ref::mha(q.data(), k.data(), v.data(), want.data(), batch, heads, seq, dim);
  return check::allClose(
      drv::Label("mha B=%d H=%d S=%d D=%d", batch, heads, seq, dim), got.data(),
      want.data(), size, drv::kProductTol, drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][4] = {{2, 3, 37, 24}, {1, 2, 130, 16}, {1, 2, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(s[0], s[1], drv::dim(s[2]), drv::dim(s[3]));
  return drv::finish(ok, "mha");
}
