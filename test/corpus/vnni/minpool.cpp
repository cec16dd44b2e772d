//===- minpool.cpp - window minimum, NHWC, AVX-512 --------------*- C++ -*-===//
//
// x [N, H, W, C], y [N, OH, OW, C] fp32 row-major, OH = (H - KH)/stride + 1,
// OW = (W - KW)/stride + 1, no padding:
//   y[n, oh, ow, c] = min_{i<KH, j<KW} x[n, oh·stride + i, ow·stride + j, c].
//
// Channels are contiguous in NHWC, so each window is reduced 16 channels at
// a time with _mm512_min_ps over the KH·KW taps; a scalar loop takes the C % 16
// tail. OpenMP over the (n, oh) output rows (collapsed loop).
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void minpool_kernel(const float *x, float *y, int N, int H, int W, int C,
                           int KH, int KW, int stride) {
  const int OH = (H - KH) / stride + 1, OW = (W - KW) / stride + 1;
  const int cvec = C / 16 * 16;
#pragma omp parallel for collapse(2)
  for (int n = 0; n < N; ++n)
    for (int oh = 0; oh < OH; ++oh)
      for (int ow = 0; ow < OW; ++ow) {
        // x[n, oh·stride, ow·stride, :], the window's top-left tap.
        const float *xw =
            x + (((size_t)n * H + oh * stride) * W + ow * stride) * C;
        float *yp = y + (((size_t)n * OH + oh) * OW + ow) * C;
        for (int c = 0; c < cvec; c += 16) {
          __m512 acc = _mm512_set1_ps(INFINITY);
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j)
              acc = _mm512_min_ps(
                  acc, _mm512_loadu_ps(xw + ((size_t)i * W + j) * C + c));
          _mm512_storeu_ps(yp + c, acc);
        }
        for (int c = cvec; c < C; ++c) {
          float acc = INFINITY;
          for (int i = 0; i < KH; ++i)
            for (int j = 0; j < KW; ++j) {
              float v = xw[((size_t)i * W + j) * C + c];
              acc = v < acc ? v : acc;
            }
          yp[c] = acc;
        }
      }
}

extern "C" void minpool(const float *x, float *y, int N, int H, int W, int C,
                        int KH, int KW, int stride) {
  minpool_kernel(x, y, N, H, W, C, KH, KW, stride);
}
