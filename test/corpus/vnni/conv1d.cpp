//===- conv1d.cpp - quantized 1-D convolution, AVX-512 VNNI -----*- C++ -*-===//
//
// y[n, f, o] = Σ_{c<C, k<KW} x[n, c, o·stride + k] · w[f, c, k]; x [N, C, L],
// w [F, C, KW], y [N, F, OL], OL = (L - KW)/stride + 1, no padding, in int8
// arithmetic:
//
//   extern "C" void conv1d(const uint8_t *x, const int8_t *w, int32_t *y,
//                          int N, int C, int L, int F, int KW, int stride);
//
// uint8 activations × int8 weights accumulated in int32 (the VNNI variant of
// the default fp32 signature; checked against ref::conv1d_u8s8). Sums wrap
// modulo 2^32 like vpdpbusd.
//
// As an implicit GEMM y[n] [F, OL] = w [F, C·KW] · patches [C·KW, OL]: the
// patches of one image are packed (im2col) into the VNNI layout, four
// consecutive reduction elements (c, k) of one output position per 32-bit
// lane; a filter's weights w[f, :] are already contiguous, so four of them
// are broadcast to every lane and each _mm512_dpbusd_epi32 advances 16 output
// positions by four products. Per image: packing in parallel over the groups,
// then OpenMP over the filters.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>
#include <immintrin.h>
#include <vector>

/// Packs the patches of one image x [C, L] into Xp [G][Pp][4], G =
/// ceil(C·KW/4), Pp = OL rounded up to 16: Xp[g][o][r] = x[c, o·stride + k]
/// for reduction element ck = 4g + r = c·KW + k, zero where ck >= C·KW or
/// o >= OL.
static void conv1d_pack_kernel(const uint8_t *x, uint8_t *Xp, int C, int L,
                               int KW, int stride, int OL, int Pp) {
  const int CK = C * KW, G = (CK + 3) / 4;
#pragma omp parallel for
  for (int g = 0; g < G; ++g)
    for (int o = 0; o < Pp; ++o)
      for (int r = 0; r < 4; ++r) {
        const int ck = 4 * g + r, c = ck / KW, k = ck % KW;
        Xp[((size_t)g * Pp + o) * 4 + r] =
            (ck < CK && o < OL) ? x[(size_t)c * L + o * stride + k]
                                : (uint8_t)0;
      }
}

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

/// One output channel of one image: y[0, P) = Σ_ck wf[ck] · patch_ck, the
/// patches packed by conv1d_pack_kernel (G = ceil(CK/4) groups, Pp =
/// P rounded up to 16). Each _mm512_dpbusd_epi32 takes 16 positions' four
/// packed activations (unsigned) and the broadcast weights wf[4g .. 4g+3]
/// (signed); the last group's weights are read with zeros past CK and the
/// P % 16 tail is written with a masked store.
static inline void conv_channel(const uint8_t *Xp, const int8_t *wf, int32_t *y,
                                int P, int Pp, int CK) {
  const int G = (CK + 3) / 4;
  for (int o = 0; o < P; o += 16) {
    __m512i acc = _mm512_setzero_si512();
    for (int g = 0; g < G; ++g) {
      __m512i a = _mm512_loadu_si512(Xp + ((size_t)g * Pp + o) * 4);
      __m512i b = _mm512_set1_epi32(load_bytes4(wf + 4 * g, CK - 4 * g));
      acc = _mm512_dpbusd_epi32(acc, a, b);
    }
    if (P - o >= 16)
      _mm512_storeu_si512(y + o, acc);
    else
      _mm512_mask_storeu_epi32(y + o, (__mmask16)((1u << (P - o)) - 1), acc);
  }
}

static void conv1d_kernel(const uint8_t *Xp, const int8_t *w, int32_t *y, int F,
                          int CK, int OL, int Pp) {
#pragma omp parallel for
  for (int f = 0; f < F; ++f)
    conv_channel(Xp, w + (size_t)f * CK, y + (size_t)f * OL, OL, Pp, CK);
}

extern "C" void conv1d(const uint8_t *x, const int8_t *w, int32_t *y, int N,
                       int C, int L, int F, int KW, int stride) {
  const int OL = (L - KW) / stride + 1;
  const int CK = C * KW, Pp = (OL + 15) / 16 * 16;
  std::vector<uint8_t> Xp((size_t)(CK + 3) / 4 * Pp * 4);
  for (int n = 0; n < N; ++n) {
    conv1d_pack_kernel(x + (size_t)n * C * L, Xp.data(), C, L, KW, stride, OL,
                       Pp);
    conv1d_kernel(Xp.data(), w, y + (size_t)n * F * OL, F, CK, OL, Pp);
  }
}
