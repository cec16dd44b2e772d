//===- gqa.cpp - test driver of the corpus `gqa` operator -------*- C++ -*-===//
//
// Checks the launcher `gqa(q, k, v, out, batch, q_heads, kv_heads, seq, dim)`
// (q, out [B,Hq,S,D], k, v [B,Hkv,S,D], query head h reads kv head
// h / (Hq/Hkv)) against ref::gqa on B,Hq,Hkv,S,D = 2,6,2,37,24 (groups of 3)
// / 1,4,1,130,16 (multi-query) / 1,8,4,64,64 (S, D rounded up to
// CORPUS_SHAPE_MULTIPLE), q and k in [-2, 2), v in [-4, 4). With
// -DCORPUS_INPUT_T=T, q, k and v are passed as T (out stays float) and the
// half-input tolerance applies. Product tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/gqa.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER gqa
#endif

extern "C" void CORPUS_LAUNCHER(const drv::In *q, const drv::In *k,
                                const drv::In *v, float *out, int batch,
                                int q_heads, int kv_heads, int seq, int dim);

static bool check1(int batch, int q_heads, int kv_heads, int seq, int dim) {
  const size_t qsize = (size_t)batch * q_heads * seq * dim;
  const size_t kvsize = (size_t)batch * kv_heads * seq * dim;
  std::vector<float> q = check::randomFloats(qsize, 1, -2.0f, 2.0f);
  std::vector<float> k = check::randomFloats(kvsize, 2, -2.0f, 2.0f);
  std::vector<float> v = check::randomFloats(kvsize, 3);
  std::vector<drv::In> qi = drv::toInput(q), ki = drv::toInput(k),
                       vi = drv::toInput(v);
  std::vector<float> got = drv::poisoned(qsize), want(qsize);
  CORPUS_LAUNCHER(qi.data(), ki.data(), vi.data(), got.data(), batch, q_heads,
                  kv_heads, seq, dim);
  ref::gqa(q.data(), k.data(), v.data(), want.data(), batch, q_heads, kv_heads,
           seq, dim);
  return check::allClose(drv::Label("gqa B=%d Hq=%d Hkv=%d S=%d D=%d", batch,
                                    q_heads, kv_heads, seq, dim),
                         got.data(), want.data(), qsize, drv::kProductTol,
                         drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][5] = {
      {2, 6, 2, 37, 24}, {1, 4, 1, 130, 16}, {1, 8, 4, 64, 64}};
  for (auto &s : shapes)
    ok &= check1(s[0], s[1], s[2], drv::dim(s[3]), drv::dim(s[4]));
  return drv::finish(ok, "gqa");
}
