//===- depthwise_conv.cpp - quantized depthwise conv, VNNI ------*- C++ -*-===//
//
// y[n, oh, ow, c] = Σ_{i<KH, j<KW} x[n, oh·stride + i, ow·stride + j, c] ·
// w[i, j, c]; x [N, H, W, C], w [KH, KW, C], y [N, OH, OW, C] (NHWC, one
// filter per channel), OH = (H - KH)/stride + 1, OW = (W - KW)/stride + 1,
// no padding, in int8 arithmetic:
//
//   extern "C" void depthwise_conv(const uint8_t *x, const int8_t *w,
//                                  int32_t *y, int N, int H, int W, int C,
//                                  int KH, int KW, int stride);
//
// uint8 activations × int8 weights accumulated in int32 (the VNNI variant of
// the default fp32 signature; checked against ref::depthwise_conv_u8s8).
//
// A depthwise convolution does not reduce over channels, so the four-byte
// dot product of vpdpbusd does not fit it; the channels are the 16 lanes
// instead. Per tap, 16 activations are zero-extended (_mm512_cvtepu8_epi32)
// and 16 weights sign-extended (_mm512_cvtepi8_epi32) to 32-bit lanes, and
// _mm512_dpwssd_epi32 multiplies-and-accumulates them: it reads each lane as
// two int16 halves, and the activation's high half is 0, so it adds exactly
// x·w to the lane (one instruction instead of mullo + add). The C % 16 tail
// is a scalar loop. OpenMP over the (n, oh) output rows, collapsed.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <immintrin.h>

static void depthwise_conv_kernel(const uint8_t *x, const int8_t *w, int32_t *y,
                                  int N, int H, int W, int C, int KH, int KW,
                                  int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  const int cvec = C / 16 * 16;
#pragma omp parallel for collapse(2)
  for (int n = 0; n < N; ++n)
    for (int oh = 0; oh < OH; ++oh)
      for (int ow = 0; ow < OW; ++ow) {
        // x[n, oh·stride, ow·stride, :], the window's top-left tap.
        const uint8_t *xw =
            x + (((size_t)n * H + oh * stride) * W + ow * stride) * C;
        int32_t *yp = y + (((size_t)n * OH + oh) * OW + ow) * C;
        for (int c = 0; c < cvec; c += 16) {
          __m512i acc = _mm512_setzero_si512();
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j) {
              __m512i xv = _mm512_cvtepu8_epi32(_mm_loadu_si128(
                  (const __m128i *)(xw + ((size_t)i * W + j) * C + c)));
              __m512i wv = _mm512_cvtepi8_epi32(_mm_loadu_si128(
                  (const __m128i *)(w + ((size_t)i * KW + j) * C + c)));
              acc = _mm512_dpwssd_epi32(acc, xv, wv);
            }
          _mm512_storeu_si512(yp + c, acc);
        }
        for (int c = cvec; c < C; ++c) {
          int32_t acc = 0;
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j)
              acc += (int32_t)xw[((size_t)i * W + j) * C + c] *
                     (int32_t)w[((size_t)i * KW + j) * C + c];
          yp[c] = acc;
        }
      }
}

extern "C" void depthwise_conv(const uint8_t *x, const int8_t *w, int32_t *y,
                               int N, int H, int W, int C, int KH, int KW,
                               int stride) {
  depthwise_conv_kernel(x, w, y, N, H, W, C, KH, KW, stride);
}
