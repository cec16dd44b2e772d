//===- immintrin.h - the corpus's intrinsics through SIMDe ------*- C++ -*-===//
//
// Stands in for <immintrin.h> when simde.test builds corpus kernels for a CPU
// without AVX-512/VNNI: SIMDe implements the intrinsics portably and, with
// SIMDE_ENABLE_NATIVE_ALIASES, under their Intel names. (Including the
// compiler's own <immintrin.h> after SIMDe's aliases does not compile, hence
// this header in its place on the -I path.)
//
// SIMDe 0.7.4 (Debian 12's libsimde-dev) lacks a few AVX-512F intrinsics the
// corpus uses; they are defined below lane by lane with SIMDe's own vector
// types and loads/stores, each only where SIMDe does not already provide it.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_SIMDE_IMMINTRIN_H
#define XPILER_CORPUS_SIMDE_IMMINTRIN_H

#include <simde/x86/avx512.h>

#include <cmath>
#include <cstdint>
#include <cstring>

#ifndef __mmask16
typedef simde__mmask16 __mmask16;
#endif

namespace corpus_simde {

inline void lanes(float (&l)[16], simde__m512 v) {
  simde_mm512_storeu_ps(l, v);
}
inline void lanes(int32_t (&l)[16], simde__m512i v) {
  simde_mm512_storeu_si512(l, v);
}

inline float reduce_add_ps(simde__m512 v) {
  float l[16];
  lanes(l, v);
  float s = 0;
  for (float x : l)
    s += x;
  return s;
}
inline float reduce_max_ps(simde__m512 v) {
  float l[16];
  lanes(l, v);
  float s = l[0];
  for (float x : l)
    s = x > s ? x : s;
  return s;
}
inline float reduce_min_ps(simde__m512 v) {
  float l[16];
  lanes(l, v);
  float s = l[0];
  for (float x : l)
    s = x < s ? x : s;
  return s;
}
inline int32_t reduce_add_epi32(simde__m512i v) {
  int32_t l[16];
  lanes(l, v);
  uint32_t s = 0; // wraps, as vpaddd does
  for (int32_t x : l)
    s += (uint32_t)x;
  return (int32_t)s;
}
inline simde__m512i cvtps_epi32(simde__m512 v) {
  float l[16];
  int32_t r[16];
  lanes(l, v);
  for (int i = 0; i < 16; ++i) // nearest even under the default rounding
    r[i] = std::isfinite(l[i]) && std::fabs(l[i]) < 2147483648.0f
               ? (int32_t)std::nearbyint(l[i])
               : INT32_MIN;
  return simde_mm512_loadu_si512(r);
}
inline simde__m512 cvtepi32_ps(simde__m512i v) {
  int32_t l[16];
  float r[16];
  lanes(l, v);
  for (int i = 0; i < 16; ++i)
    r[i] = (float)l[i];
  return simde_mm512_loadu_ps(r);
}
inline simde__m512i cvtepu8_epi32(simde__m128i v) {
  uint8_t b[16];
  int32_t r[16];
  simde_mm_storeu_si128((simde__m128i *)b, v);
  for (int i = 0; i < 16; ++i)
    r[i] = b[i];
  return simde_mm512_loadu_si512(r);
}
inline simde__m512i cvtepi8_epi32(simde__m128i v) {
  int8_t b[16];
  int32_t r[16];
  simde_mm_storeu_si128((simde__m128i *)b, v);
  for (int i = 0; i < 16; ++i)
    r[i] = b[i];
  return simde_mm512_loadu_si512(r);
}
inline simde__m512 mask_loadu_ps(simde__m512 src, simde__mmask16 k,
                                 const void *p) {
  float r[16];
  lanes(r, src);
  for (int i = 0; i < 16; ++i)
    if (k >> i & 1)
      std::memcpy(&r[i], (const float *)p + i, sizeof(float));
  return simde_mm512_loadu_ps(r);
}
inline void mask_storeu_ps(void *p, simde__mmask16 k, simde__m512 v) {
  float l[16];
  lanes(l, v);
  for (int i = 0; i < 16; ++i)
    if (k >> i & 1)
      std::memcpy((float *)p + i, &l[i], sizeof(float));
}
inline void mask_storeu_epi32(void *p, simde__mmask16 k, simde__m512i v) {
  int32_t l[16];
  lanes(l, v);
  for (int i = 0; i < 16; ++i)
    if (k >> i & 1)
      std::memcpy((int32_t *)p + i, &l[i], sizeof(int32_t));
}
inline simde__m512 i32gather_ps(simde__m512i index, const void *base,
                                int scale) {
  int32_t l[16];
  float r[16];
  lanes(l, index);
  for (int i = 0; i < 16; ++i)
    std::memcpy(&r[i], (const char *)base + (int64_t)l[i] * scale,
                sizeof(float));
  return simde_mm512_loadu_ps(r);
}

} // namespace corpus_simde

#ifndef _mm512_reduce_add_ps
#define _mm512_reduce_add_ps corpus_simde::reduce_add_ps
#endif
#ifndef _mm512_reduce_max_ps
#define _mm512_reduce_max_ps corpus_simde::reduce_max_ps
#endif
#ifndef _mm512_reduce_min_ps
#define _mm512_reduce_min_ps corpus_simde::reduce_min_ps
#endif
#ifndef _mm512_reduce_add_epi32
#define _mm512_reduce_add_epi32 corpus_simde::reduce_add_epi32
#endif
#ifndef _mm512_cvtps_epi32
#define _mm512_cvtps_epi32 corpus_simde::cvtps_epi32
#endif
#ifndef _mm512_cvtepi32_ps
#define _mm512_cvtepi32_ps corpus_simde::cvtepi32_ps
#endif
#ifndef _mm512_cvtepu8_epi32
#define _mm512_cvtepu8_epi32 corpus_simde::cvtepu8_epi32
#endif
#ifndef _mm512_cvtepi8_epi32
#define _mm512_cvtepi8_epi32 corpus_simde::cvtepi8_epi32
#endif
#ifndef _mm512_mask_loadu_ps
#define _mm512_mask_loadu_ps corpus_simde::mask_loadu_ps
#endif
#ifndef _mm512_maskz_loadu_ps
#define _mm512_maskz_loadu_ps(k, p)                                            \
  corpus_simde::mask_loadu_ps(simde_mm512_setzero_ps(), (k), (p))
#endif
#ifndef _mm512_mask_storeu_ps
#define _mm512_mask_storeu_ps corpus_simde::mask_storeu_ps
#endif
#ifndef _mm512_mask_storeu_epi32
#define _mm512_mask_storeu_epi32 corpus_simde::mask_storeu_epi32
#endif
#ifndef _mm512_i32gather_ps
#define _mm512_i32gather_ps corpus_simde::i32gather_ps
#endif

#endif // XPILER_CORPUS_SIMDE_IMMINTRIN_H
