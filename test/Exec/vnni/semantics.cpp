// Intel's semantics of the vnni intrinsics at the program level: each entry
// stores what the intrinsics compute, the oracle runs it (--output-dir) and
// the values are checked exactly (hand-computed from the Intrinsics Guide).
//
// RUN: rm -rf %t && mkdir -p %t/dot %t/cvt %t/float %t/reduce %t/bits
// RUN: xpiler run %s --entry dot --arg out=16 --output-dir %t/dot > /dev/null
// RUN: %python %S/Inputs/npy-print.py %t/dot/out.npy | FileCheck %s --check-prefix=DOT
// RUN: xpiler run %s --entry cvt --arg out=12 --output-dir %t/cvt > /dev/null
// RUN: %python %S/Inputs/npy-print.py %t/cvt/out.npy | FileCheck %s --check-prefix=CVT
// RUN: xpiler run %s --entry floats --arg out=12 --arg mask=3 --output-dir %t/float > /dev/null
// RUN: %python %S/Inputs/npy-print.py %t/float/out.npy %t/float/mask.npy | FileCheck %s --check-prefix=FLOAT
// RUN: xpiler run %s --entry reduce --arg out=2 --output-dir %t/reduce > /dev/null
// RUN: %python %S/Inputs/npy-print.py %t/reduce/out.npy | FileCheck %s --check-prefix=REDUCE
// RUN: xpiler run %s --entry bits --arg out=32 --output-dir %t/bits > /dev/null
// RUN: %python %S/Inputs/npy-print.py %t/bits/out.npy | FileCheck %s --check-prefix=BITS
// RUN: xpiler verify %s %S/Inputs/masked-tail.cpp --entry masked_tail --arg n=37 --arg x=n --arg y=n \
// RUN:   | FileCheck %s --check-prefix=TAIL

#include <cstdint>
#include <immintrin.h>

extern "C" void dot(int32_t *out) {
  // vpdpbusd: 255 (a is unsigned) * 127 four times on INT32_MAX wraps,
  // vpdpbusds saturates.
  __m128i max = _mm_set1_epi32(2147483647);
  __m128i ones = _mm_set1_epi8((char)0xff);
  _mm_storeu_si128((__m128i *)out,
                   _mm_dpbusd_epi32(max, ones, _mm_set1_epi8(127)));
  _mm_storeu_si128((__m128i *)(out + 4),
                   _mm_dpbusds_epi32(max, ones, _mm_set1_epi8(127)));
  // 0xff * 0xff is 255 * -1 (unsigned times signed), four times.
  _mm_storeu_si128((__m128i *)(out + 8),
                   _mm_dpbusd_epi32(_mm_setzero_si128(), ones, ones));
  // vpdpwssd(s): (-32768)^2 twice on INT32_MAX.
  __m256i min16 = _mm256_set1_epi16(-32768);
  __m256i r = _mm256_dpwssd_epi32(_mm256_set1_epi32(2147483647), min16, min16);
  __m256i s = _mm256_dpwssds_epi32(_mm256_set1_epi32(2147483647), min16, min16);
  int32_t lanes[8];
  _mm256_storeu_si256((__m256i *)lanes, r);
  out[12] = lanes[0];
  _mm256_storeu_si256((__m256i *)lanes, s);
  out[13] = lanes[7];
  out[14] = _mm512_reduce_add_epi32(
      _mm512_dpbusd_epi32(_mm512_setzero_si512(), _mm512_set1_epi8(2),
                          _mm512_set1_epi8(-3)));
  out[15] = 0;
}
// DOT: out: -2147354109 -2147354109 -2147354109 -2147354109 2147483647 2147483647 2147483647 2147483647 -1020 -1020 -1020 -1020 -1 2147483647 -384 0

extern "C" void cvt(int32_t *out) {
  // Round to nearest even; NaN and out-of-range values are 0x80000000.
  __m128 v = _mm_setr_ps(2.5f, -3.5f, 2147483648.0f, -2147483648.0f);
  _mm_storeu_si128((__m128i *)out, _mm_cvtps_epi32(v));
  __m128 t = _mm_setr_ps(-2.7f, 2.7f, 0.5f, -0.5f);
  _mm_storeu_si128((__m128i *)(out + 4), _mm_cvttps_epi32(t));
  _mm_storeu_si128((__m128i *)(out + 8), _mm_cvtps_epi32(t));
}
// CVT: out: 2 -4 -2147483648 -2147483648 -2 2 0 0 -3 3 0 0

extern "C" void floats(float *out, int16_t *mask) {
  __m128 nan = _mm_set1_ps(__builtin_nanf(""));
  __m128 one = _mm_set1_ps(1.0f);
  // maxps/minps return the second operand when one is NaN.
  _mm_storeu_ps(out, _mm_max_ps(nan, one));
  // scalef: 3 * 2^floor(2.7), 3 * 2^floor(-1.5), 1 * 2^128 (overflow),
  // -2 * 2^-150 (the smallest denormal).
  __m128 s = _mm_scalef_ps(_mm_setr_ps(3.0f, 3.0f, 1.0f, -2.0f),
                           _mm_setr_ps(2.7f, -1.5f, 128.0f, -150.0f));
  _mm_storeu_ps(out + 4, s);
  // fmadd rounds once: (1 + 2^-12)^2 - 1 = 2^-11 + 2^-24 (a multiply and
  // an add would round the square to 1 + 2^-11 first).
  __m128 x = _mm_set1_ps(1.0f + 1.0f / 4096.0f);
  _mm_storeu_ps(out + 8, _mm_fmadd_ps(x, x, _mm_set1_ps(-1.0f)));
  // Compares: ordered < is false on NaN, unordered != true; -0 == +0.
  __m512 a = _mm512_setr_ps(1, 2, 3, 4, 0.0f, __builtin_nanf(""), 7, 8, 9, 10,
                            11, 12, 13, 14, 15, 16);
  __m512 b = _mm512_setr_ps(2, 2, 2, 2, -0.0f, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                            17);
  mask[0] = (int16_t)_mm512_cmp_ps_mask(a, b, _CMP_LT_OQ);
  mask[1] = (int16_t)_mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ);
  mask[2] = (int16_t)_mm512_cmp_ps_mask(a, b, _CMP_NLT_US);
}
// FLOAT: out: 1.0 1.0 1.0 1.0 12.0 0.75 inf -1.401298464324817e-45 0.0004883408546447754 0.0004883408546447754 0.0004883408546447754 0.0004883408546447754
// FLOAT-NEXT: mask: -32767 18 32766

extern "C" void reduce(float *out) {
  // Intel's halving tree: lane 0 is 2^24, the others 1. A left fold gives
  // 2^24, the tree 2^24 + 14.
  __m512 v = _mm512_set1_ps(1.0f);
  v = _mm512_mask_blend_ps((__mmask16)1, v, _mm512_set1_ps(16777216.0f));
  out[0] = _mm512_reduce_add_ps(v);
  out[1] = _mm512_reduce_max_ps(_mm512_setr_ps(1, 5, 2, 8, -1, 0, 3, 3, 9, -9,
                                               4, 4, 1, 1, 2, 2));
}
// REDUCE: out: 16777230.0 9.0

extern "C" void masked_tail(const float *x, float *y, int n) {
  // The lanes past the end are masked off: not read, not written, no fault.
  for (int i = 0; i < n; i += 16) {
    __mmask16 k = n - i >= 16 ? (__mmask16)0xffff
                              : (__mmask16)((1u << (n - i)) - 1);
    __m512 v = _mm512_maskz_loadu_ps(k, x + i);
    _mm512_mask_storeu_ps(y + i, k, _mm512_add_ps(v, v));
  }
}
// TAIL: equivalent (4 trials, 296 elements compared, max abs error 0

extern "C" void bits(int32_t *out) {
  // Lane moves: extracts, narrowing casts, integer <-> float casts, set,
  // setr and set1 of every lane width, blends and masked integer
  // arithmetic (lane j at the lowest address).
  __m512i v = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                14, 15);
  _mm_storeu_si128((__m128i *)out, _mm512_extracti32x4_epi32(v, 2));
  __m256i high = _mm512_extracti64x4_epi64(v, 1);
  _mm_storeu_si128((__m128i *)(out + 4), _mm256_extracti32x4_epi32(high, 1));
  _mm_storeu_si128((__m128i *)(out + 8), _mm512_castsi512_si128(v));
  __m512 one = _mm512_castsi512_ps(_mm512_set1_epi32(0x3f800000));
  __m128i two = _mm512_castsi512_si128(_mm512_castps_si512(_mm512_add_ps(one, one)));
  __m128i bytes = _mm_set1_epi8(0x12);
  __m128i halves = _mm_set1_epi16(-2);
  // Bytes 0..7 from `halves`, 8..15 from `bytes`.
  __m128i mixed = _mm_mask_blend_epi8((__mmask16)0xff00, halves, bytes);
  // Overlapping stores: out[12] keeps lane 0 of each but the last.
  _mm_storeu_si128((__m128i *)(out + 12), two);
  _mm_storeu_si128((__m128i *)(out + 13), bytes);
  _mm_storeu_si128((__m128i *)(out + 14), halves);
  _mm_storeu_si128((__m128i *)(out + 15), mixed);
  // out[15..18] is `mixed`: fffefffe fffefffe 12121212 12121212. Lanes
  // 0..3 of the masked sum are a - 5, of the product 0 (maskz).
  __m256i a = _mm256_set_epi32(70, 60, 50, 40, 30, 20, 10, 0); // set: last first
  __m256i b = _mm256_set1_epi32(-5);
  __m256i sum = _mm256_mask_add_epi32(_mm256_set1_epi32(99), (__mmask8)0x0f, a, b);
  __m256i product = _mm256_maskz_mullo_epi32((__mmask8)0xf0, a, b);
  _mm256_storeu_si256((__m256i *)(out + 19), _mm256_max_epi32(sum, product));
  out[27] = _mm512_reduce_max_epi32(v);
  out[28] = _mm512_reduce_min_epi32(_mm512_sub_epi32(_mm512_setzero_si512(), v));
  out[29] = 0;
  out[30] = 0;
  out[31] = 0;
}
// BITS: out: 8 9 10 11 12 13 14 15 0 1 2 3 1073741824 303174162 -65538 -65538 -65538 303174162 303174162 0 5 15 25 99 99 99 99 15 -15 0 0 0
