//===- deformable_attention.cpp - driver ------------------------*- C++ -*-===//
//
// Checks the launcher `deformable_attention(value, loc, attn, out, batch, H,
// W, heads, dim, queries, points)` (single-level MSDeformAttn, bilinear
// sampling at x*W-0.5, y*H-0.5 with zero padding) against
// ref::deformable_attention on B,H,W,heads,dim,Q,P = 2,7,9,2,24,13,4 /
// 1,5,3,1,8,30,3 / 1,16,16,4,32,64,4 (H, W, dim, Q rounded up to
// CORPUS_SHAPE_MULTIPLE). value in [-4, 4); loc in [0, 1) with exact 0 and 1
// mixed in, so samples straddle every border; attn in [0, 1). Product
// tolerance.
//
//===----------------------------------------------------------------------===//

#include "../reference/deformable_attention.h"
#include "driver.h"

#ifndef CORPUS_LAUNCHER
#define CORPUS_LAUNCHER deformable_attention
#endif

extern "C" void CORPUS_LAUNCHER(const float *value, const float *loc,
                                const float *attn, float *out, int batch, int H,
                                int W, int heads, int dim, int queries,
                                int points);

static bool check1(int batch, int H, int W, int heads, int dim, int queries,
                   int points) {
  const size_t samples = (size_t)batch * queries * heads * points;
  std::vector<float> value =
      check::randomFloats((size_t)batch * H * W * heads * dim, 1);
  std::vector<float> loc = check::randomFloats(samples * 2, 2, 0.0f, 1.0f);
  for (size_t i = 5; i < loc.size(); i += 11) // the far border, exactly
    loc[i] = 1.0f;
  std::vector<float> attn = check::randomFloats(samples, 3, 0.0f, 1.0f);
  const size_t size = (size_t)batch * queries * heads * dim;
  std::vector<float> got = drv::poisoned(size), want(size);
  CORPUS_LAUNCHER(value.data(), loc.data(), attn.data(), got.data(), batch, H,
                  W, heads, dim, queries, points);
  ref::deformable_attention(value.data(), loc.data(), attn.data(), want.data(),
                            batch, H, W, heads, dim, queries, points);
  return check::allClose(
      drv::Label(
          "deformable_attention B=%d H=%d W=%d heads=%d dim=%d Q=%d P=%d",
          batch, H, W, heads, dim, queries, points),
      got.data(), want.data(), size, drv::kProductTol, drv::kProductTol);
}

int main() {
  bool ok = true;
  const int shapes[][7] = {{2, 7, 9, 2, 24, 13, 4},
                           {1, 5, 3, 1, 8, 30, 3},
                           {1, 16, 16, 4, 32, 64, 4}};
  for (auto &s : shapes)
    ok &= check1(s[0], drv::dim(s[1]), drv::dim(s[2]), s[3], drv::dim(s[4]),
                 drv::dim(s[5]), s[6]);
  return drv::finish(ok, "deformable_attention");
}
