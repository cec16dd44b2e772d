//===- deformable_attention.h - reference -----------------------*- C++ -*-===//
//
// Single-level multi-scale deformable attention (the MSDeformAttn core of
// Deformable DETR, one feature level):
//   value[B, H*W, heads, dim]      (spatial index y*W + x)
//   loc  [B, Q, heads, P, 2]       (x, y) normalized to [0, 1]
//   attn [B, Q, heads, P]
//   out  [B, Q, heads, dim] = sum_p attn[b,q,h,p] *
//                             bilinear(value[b, :, h, :], x*W - 0.5, y*H - 0.5)
// bilinear() samples the H x W grid at a fractional pixel position (pixel
// centres at integers, i.e. grid_sample with align_corners=false) and reads 0
// for every corner outside the grid (zero padding). Computed in double.
// Launcher `deformable_attention`, default signature of ../README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_REF_DEFORMABLE_ATTENTION_H
#define XPILER_CORPUS_REF_DEFORMABLE_ATTENTION_H

#include <cmath>

namespace ref {

inline void deformable_attention(const float *value, const float *loc,
                                 const float *attn, float *out, int batch,
                                 int H, int W, int heads, int dim, int queries,
                                 int points) {
  for (int b = 0; b < batch; ++b)
    for (int q = 0; q < queries; ++q)
      for (int h = 0; h < heads; ++h)
        for (int d = 0; d < dim; ++d) {
          double acc = 0;
          for (int p = 0; p < points; ++p) {
            const long at = (((long)b * queries + q) * heads + h) * points + p;
            const double x = double(loc[at * 2]) * W - 0.5;
            const double y = double(loc[at * 2 + 1]) * H - 0.5;
            const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
            const double fx = x - x0, fy = y - y0;
            double sample = 0;
            for (int dy = 0; dy < 2; ++dy)
              for (int dx = 0; dx < 2; ++dx) {
                const int xi = x0 + dx, yi = y0 + dy;
                if (xi < 0 || xi >= W || yi < 0 || yi >= H)
                  continue; // zero padding
                const double wgt = (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy);
                sample +=
                    wgt *
                    value[(((long)b * H * W + (long)yi * W + xi) * heads + h) *
                              dim +
                          d];
              }
            acc += double(attn[at]) * sample;
          }
          out[(((long)b * queries + q) * heads + h) * dim + d] = float(acc);
        }
}

} // namespace ref

#endif // XPILER_CORPUS_REF_DEFORMABLE_ATTENTION_H
