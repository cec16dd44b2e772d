//===- deformable_attention.cpp - MSDeformAttn, AVX-512 ---------*- C++ -*-===//
//
// Single-level multi-scale deformable attention: value [B, H·W, heads, dim],
// loc [B, Q, heads, P, 2] (x, y in [0, 1]), attn [B, Q, heads, P], out
// [B, Q, heads, dim], fp32 row-major:
//   out[b, q, h, :] = Σ_p attn[b, q, h, p] · bilinear(value[b, :, h, :],
//                                                   x·W - 0.5, y·H - 0.5),
// with the four bilinear taps read as zero outside the H×W map.
//
// One OpenMP iteration per (b, q, h), collapsed. The output row is zeroed,
// then for every sampling point and each of its in-range taps the value row
// (dim contiguous floats) is added with weight attn·w_tap: _mm512_set1_ps of
// the weight and one _mm512_fmadd_ps per 16 channels, a scalar loop for the
// dim % 16 tail.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

/// o[0, dim) += w · v[0, dim).
static inline void axpy_row(float *o, const float *v, float w, int dim) {
  const int dvec = dim / 16 * 16;
  const __m512 vw = _mm512_set1_ps(w);
  for (int d = 0; d < dvec; d += 16)
    _mm512_storeu_ps(o + d, _mm512_fmadd_ps(vw, _mm512_loadu_ps(v + d),
                                            _mm512_loadu_ps(o + d)));
  for (int d = dvec; d < dim; ++d)
    o[d] += w * v[d];
}

static void deformable_attention_kernel(const float *value, const float *loc,
                                        const float *attn, float *out,
                                        int batch, int H, int W, int heads,
                                        int dim, int queries, int points) {
  const int dvec = dim / 16 * 16;
#pragma omp parallel for collapse(3)
  for (int b = 0; b < batch; ++b)
    for (int q = 0; q < queries; ++q)
      for (int h = 0; h < heads; ++h) {
        const size_t bqh = ((size_t)b * queries + q) * heads + h;
        float *o = out + bqh * dim;
        for (int d = 0; d < dvec; d += 16)
          _mm512_storeu_ps(o + d, _mm512_setzero_ps());
        for (int d = dvec; d < dim; ++d)
          o[d] = 0.0f;

        for (int p = 0; p < points; ++p) {
          const size_t at = bqh * points + p;
          const float x = loc[2 * at] * W - 0.5f;
          const float y = loc[2 * at + 1] * H - 0.5f;
          const int x0 = (int)std::floor(x), y0 = (int)std::floor(y);
          const float fx = x - x0, fy = y - y0;
          for (int dy = 0; dy < 2; ++dy)
            for (int dx = 0; dx < 2; ++dx) {
              const int xi = x0 + dx, yi = y0 + dy;
              if (xi < 0 || xi >= W || yi < 0 || yi >= H)
                continue; // zero padding
              const float w =
                  attn[at] * (dx ? fx : 1 - fx) * (dy ? fy : 1 - fy);
              const float *v =
                  value +
                  (((size_t)b * H * W + (size_t)yi * W + xi) * heads + h) * dim;
              axpy_row(o, v, w, dim);
            }
        }
      }
}

extern "C" void deformable_attention(const float *value, const float *loc,
                                     const float *attn, float *out, int batch,
                                     int H, int W, int heads, int dim,
                                     int queries, int points) {
  deformable_attention_kernel(value, loc, attn, out, batch, H, W, heads, dim,
                              queries, points);
}
