//===- conv2d_nhwc.cpp - quantized conv2d, NHWC, AVX-512 VNNI ---*- C++ -*-===//
//
// y[n, oh, ow, f] = Σ_{i<KH, j<KW, c} x[n, oh·stride + i, ow·stride + j, c] ·
// w[f, i, j, c]; x [N, H, W, C], w [F, KH, KW, C], y [N, OH, OW, F],
// OH = (H - KH)/stride + 1, OW = (W - KW)/stride + 1, no padding, in int8
// arithmetic:
//
//   extern "C" void conv2d_nhwc(const uint8_t *x, const int8_t *w, int32_t *y,
//                               int N, int H, int W, int C, int F, int KH,
//                               int KW, int stride);
//
// uint8 activations × int8 weights accumulated in int32 (the VNNI variant of
// the default fp32 signature; checked against ref::conv2d_nhwc_u8s8). Sums
// wrap modulo 2^32 like vpdpbusd.
//
// A direct convolution, no im2col: in NHWC the channels of a tap are
// contiguous, so four of them, x[.., c .. c+3], are broadcast to every lane,
// and the filters (contiguous in y) are the 16 lanes. The weights are packed
// once into the VNNI layout Wp [KH·KW][C4][Fp][4] (four consecutive channels
// of one filter per 32-bit lane, zero-padded to whole groups and to whole
// vectors of 16 filters), so each _mm512_dpbusd_epi32 adds four products to
// 16 filters of one output pixel. The C % 4 tail reads zeros past the pixel;
// the F % 16 tail is written with a masked store. OpenMP over the (n, oh)
// output rows, collapsed.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>
#include <immintrin.h>
#include <vector>

/// The bytes p[0, min(len, 4)) as one 32-bit lane, byte r in bits 8r..8r+7
/// and zeros past `len` (a K tail never reads beyond the row).
static inline int32_t load_bytes4(const void *p, int len) {
  uint32_t v = 0;
  if (len >= 4) {
    std::memcpy(&v, p, 4);
  } else {
    for (int r = 0; r < len; ++r)
      v |= (uint32_t)((const uint8_t *)p)[r] << (8 * r);
  }
  return (int32_t)v;
}

/// Packs w [F, KH·KW, C] into Wp [KH·KW][C4][Fp][4], C4 = ceil(C/4), Fp = F
/// rounded up to 16: Wp[t][g][f][r] = w[f, t, 4g + r], zero where 4g + r >= C
/// or f >= F.
static void conv2d_nhwc_pack_kernel(const int8_t *w, int8_t *Wp, int F,
                                    int taps, int C, int Fp) {
  const int C4 = (C + 3) / 4;
#pragma omp parallel for collapse(2)
  for (int t = 0; t < taps; ++t)
    for (int g = 0; g < C4; ++g)
      for (int f = 0; f < Fp; ++f)
        for (int r = 0; r < 4; ++r) {
          const int c = 4 * g + r;
          Wp[(((size_t)t * C4 + g) * Fp + f) * 4 + r] =
              (c < C && f < F) ? w[((size_t)f * taps + t) * C + c] : (int8_t)0;
        }
}

static void conv2d_nhwc_kernel(const uint8_t *x, const int8_t *Wp, int32_t *y,
                               int N, int H, int W, int C, int F, int KH,
                               int KW, int stride, int Fp) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  const int C4 = (C + 3) / 4;
#pragma omp parallel for collapse(2)
  for (int n = 0; n < N; ++n)
    for (int oh = 0; oh < OH; ++oh)
      for (int ow = 0; ow < OW; ++ow) {
        int32_t *yp = y + (((size_t)n * OH + oh) * OW + ow) * F;
        for (int f = 0; f < F; f += 16) {
          __m512i acc = _mm512_setzero_si512();
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j) {
              const uint8_t *xp =
                  x +
                  (((size_t)n * H + oh * stride + i) * W + ow * stride + j) * C;
              const int8_t *wt = Wp + (size_t)(i * KW + j) * C4 * Fp * 4;
              for (int g = 0; g < C4; ++g) {
                __m512i a =
                    _mm512_set1_epi32(load_bytes4(xp + 4 * g, C - 4 * g));
                __m512i b = _mm512_loadu_si512(wt + ((size_t)g * Fp + f) * 4);
                acc = _mm512_dpbusd_epi32(acc, a, b);
              }
            }
          if (F - f >= 16)
            _mm512_storeu_si512(yp + f, acc);
          else
            _mm512_mask_storeu_epi32(yp + f, (__mmask16)((1u << (F - f)) - 1),
                                     acc);
        }
      }
}

extern "C" void conv2d_nhwc(const uint8_t *x, const int8_t *w, int32_t *y,
                            int N, int H, int W, int C, int F, int KH, int KW,
                            int stride) {
  const int Fp = (F + 15) / 16 * 16;
  std::vector<int8_t> Wp((size_t)KH * KW * ((C + 3) / 4) * Fp * 4);
  conv2d_nhwc_pack_kernel(w, Wp.data(), F, KH * KW, C, Fp);
  conv2d_nhwc_kernel(x, Wp.data(), y, N, H, W, C, F, KH, KW, stride, Fp);
}
