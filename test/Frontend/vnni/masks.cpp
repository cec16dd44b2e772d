// Write masks (__mmask16 is an i16 built by plain integer arithmetic),
// masked loads, stores and arithmetic, compares into masks, blends,
// gathers, setr/set, div and scalef: one op per call.
// RUN: xpiler-translate --import-vnni %s | FileCheck %s

#include <cstdint>
#include <immintrin.h>

// CHECK-LABEL: func.func @tail
// CHECK-SAME: (%[[X:.*]]: memref<?xf32>, %[[Y:.*]]: memref<?xf32>, %[[N:.*]]: i32)
// CHECK: %[[SH:.*]] = arith.shli %{{.*}}, %[[N]] : i32
// CHECK: %[[M1:.*]] = arith.subi %[[SH]], %{{.*}} : i32
// CHECK: %[[K:.*]] = arith.trunci %[[M1]] : i32 to i16
// CHECK: %[[Z:.*]] = vnni.masked_load <ps> %[[X]][%{{.*}}], %[[K]] : memref<?xf32>, i16 -> !vnni.m512
// CHECK: %[[M:.*]] = vnni.masked_load <ps> %[[Y]][%{{.*}}], %[[K]] passthru(%[[Z]]) : memref<?xf32>, i16 -> !vnni.m512
// CHECK: %[[A:.*]] = vnni.masked_load aligned <ps> %[[X]][%{{.*}}], %[[K]] passthru(%[[M]]) : memref<?xf32>, i16 -> !vnni.m512
// CHECK: %[[S:.*]] = vnni.binary <add> <ps> %[[Z]], %[[M]] mask(%[[K]] : i16) passthru(%[[A]]) : !vnni.m512
// CHECK: %[[T:.*]] = vnni.binary <mul> <ps> %[[S]], %[[S]] mask(%[[K]] : i16) : !vnni.m512
// CHECK: vnni.masked_store <ps> %[[T]], %[[Y]][%{{.*}}], %[[K]] : !vnni.m512, memref<?xf32>, i16
// CHECK: vnni.masked_store aligned <ps> %[[T]], %[[Y]][%{{.*}}], %[[K]] : !vnni.m512, memref<?xf32>, i16
void tail(const float *x, float *y, int n) {
  __mmask16 k = (__mmask16)((1u << n) - 1);
  __m512 z = _mm512_maskz_loadu_ps(k, x + 1);
  __m512 m = _mm512_mask_loadu_ps(z, k, y + 2);
  __m512 a = _mm512_mask_load_ps(m, k, x + 16);
  __m512 s = _mm512_mask_add_ps(a, k, z, m);
  __m512 t = _mm512_maskz_mul_ps(k, s, s);
  _mm512_mask_storeu_ps(y + 3, k, t);
  _mm512_mask_store_ps(y + 32, k, t);
}

// CHECK-LABEL: func.func @ints
// CHECK: %[[V:.*]] = vnni.masked_load <epi32> %{{.*}}[%{{.*}}], %{{.*}} : memref<?xi32>, i16 -> !vnni.m512i
// CHECK: %[[W:.*]] = vnni.masked_load <epi8> %{{.*}}[%{{.*}}], %{{.*}} passthru(%[[V]]) : memref<?xi8>, i64 -> !vnni.m512i
// CHECK: %[[P:.*]] = vnni.binary <mullo> <epi32> %[[V]], %[[W]] mask(%{{.*}} : i16) passthru(%[[V]]) : !vnni.m512i
// CHECK: vnni.masked_store <epi32> %[[P]], %{{.*}}[%{{.*}}], %{{.*}} : !vnni.m512i, memref<?xi32>, i16
// CHECK: vnni.masked_store <epi8> %[[W]], %{{.*}}[%{{.*}}], %{{.*}} : !vnni.m512i, memref<?xi8>, i64
void ints(int32_t *c, int8_t *b, __mmask16 k, __mmask64 kb) {
  __m512i v = _mm512_maskz_loadu_epi32(k, c);
  __m512i w = _mm512_mask_loadu_epi8(v, kb, b);
  __m512i p = _mm512_mask_mullo_epi32(v, k, v, w);
  _mm512_mask_storeu_epi32(c, k, p);
  _mm512_mask_storeu_epi8(b, kb, w);
}

// CHECK-LABEL: func.func @sign
// CHECK: %[[V:.*]] = vnni.load
// CHECK: %[[Z:.*]] = vnni.setzero : !vnni.m512
// CHECK: %[[GT:.*]] = vnni.cmp <gt_oq> %[[V]], %[[Z]] : !vnni.m512 -> i16
// CHECK: %[[LT:.*]] = vnni.cmp <lt_os> %[[V]], %[[Z]] : !vnni.m512 -> i16
// CHECK: %[[NAN:.*]] = vnni.cmp <unord_q> %[[V]], %[[V]] : !vnni.m512 -> i16
// CHECK: %[[ONE:.*]] = vnni.set1 <ps>
// CHECK: %[[S:.*]] = vnni.blend <ps> %[[LT]], %[[Z]], %[[ONE]] : i16, !vnni.m512
// CHECK: %[[R:.*]] = vnni.blend <ps> %[[GT]], %[[S]], %[[ONE]] : i16, !vnni.m512
// CHECK: vnni.blend <ps> %[[NAN]], %[[R]], %[[V]] : i16, !vnni.m512
// CHECK: %[[C8:.*]] = vnni.cmp <ge_oq> %{{.*}}, %{{.*}} : !vnni.m256 -> i8
// CHECK: %[[C4:.*]] = vnni.cmp <neq_uq> %{{.*}}, %{{.*}} : !vnni.m128 -> i8
void sign(const float *x, float *y, __mmask8 *k) {
  __m512 v = _mm512_loadu_ps(x);
  __m512 zero = _mm512_setzero_ps();
  __mmask16 gt = _mm512_cmp_ps_mask(v, zero, _CMP_GT_OQ);
  __mmask16 lt = _mm512_cmplt_ps_mask(v, zero);
  __mmask16 nan = _mm512_cmp_ps_mask(v, v, _CMP_UNORD_Q);
  __m512 one = _mm512_set1_ps(1.0f);
  __m512 s = _mm512_mask_blend_ps(lt, zero, one);
  __m512 r = _mm512_mask_blend_ps(gt, s, one);
  _mm512_storeu_ps(y, _mm512_mask_blend_ps(nan, r, v));
  k[0] = _mm256_cmp_ps_mask(_mm256_loadu_ps(x), _mm256_loadu_ps(y), _CMP_GE_OQ);
  k[1] = _mm_cmp_ps_mask(_mm_loadu_ps(x), _mm_loadu_ps(y), _CMP_NEQ_UQ);
}

// CHECK-LABEL: func.func @columns
// CHECK-SAME: (%[[X:.*]]: memref<?xf32>, %[[Y:.*]]: memref<?xf32>, %[[I:.*]]: memref<?xi32>, %[[COLS:.*]]: i32)
// CHECK: %[[R:.*]] = vnni.setr <epi32> %c0_i32, %c1_i32, %c2_i32, %c3_i32, %c4_i32, %c5_i32, %c6_i32, %c7_i32, %c8_i32, %c9_i32, %c10_i32, %c11_i32, %c12_i32, %c13_i32, %c14_i32, %c15_i32 : i32 -> !vnni.m512i
// CHECK: %[[S:.*]] = vnni.setr <epi32> %c15_i32, %c14_i32, %c13_i32, %c12_i32, %c11_i32, %c10_i32, %c9_i32, %c8_i32, %c7_i32, %c6_i32, %c5_i32, %c4_i32, %c3_i32, %c2_i32, %c1_i32, %c0_i32 : i32 -> !vnni.m512i
// CHECK: %[[OFF:.*]] = vnni.binary <mullo> <epi32> %[[R]], %{{.*}} : !vnni.m512i
// CHECK: %[[G:.*]] = vnni.gather <ps> %[[OFF]], %[[X]][%{{.*}}] scale 4 : !vnni.m512i, memref<?xf32> -> !vnni.m512
// CHECK: vnni.gather <epi32> %[[S]], %[[I]][%{{.*}}] scale 2 : !vnni.m512i, memref<?xi32> -> !vnni.m512i
// CHECK: vnni.setr <ps> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : f32 -> !vnni.m128
// CHECK: vnni.setr <epi64> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : i64 -> !vnni.m256i
void columns(const float *x, float *y, int32_t *idx, int cols) {
  __m512i r = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                                14, 15);
  __m512i s = _mm512_set_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                               14, 15);
  __m512i off = _mm512_mullo_epi32(r, _mm512_set1_epi32(cols));
  _mm512_storeu_ps(y, _mm512_i32gather_ps(off, x + 1, 4));
  _mm512_storeu_si512(idx, _mm512_i32gather_epi32(s, idx, 2));
  _mm_storeu_ps(y + 16, _mm_setr_ps(1.0f, 2.0f, 3.0f, 4.0f));
  _mm256_storeu_si256((__m256i *)(idx + 16), _mm256_set_epi64x(1, 2, 3, 4));
}

// CHECK-LABEL: func.func @exp2
// CHECK: %[[Q:.*]] = vnni.binary <div> <ps> %{{.*}}, %{{.*}} : !vnni.m512
// CHECK: vnni.binary <scalef> <ps> %[[Q]], %{{.*}} : !vnni.m512
// CHECK: vnni.binary <div> <ps> %{{.*}}, %{{.*}} : !vnni.m256
// CHECK: vnni.binary <scalef> <ps> %{{.*}}, %{{.*}} mask(%{{.*}} : i8) passthru(%{{.*}}) : !vnni.m128
void exp2(const float *x, float *y, __mmask8 k) {
  __m512 q = _mm512_div_ps(_mm512_loadu_ps(x), _mm512_loadu_ps(y));
  _mm512_storeu_ps(y, _mm512_scalef_ps(q, _mm512_loadu_ps(x + 16)));
  __m256 h = _mm256_loadu_ps(x);
  _mm256_storeu_ps(y, _mm256_div_ps(h, h));
  __m128 l = _mm_loadu_ps(x);
  _mm_storeu_ps(y, _mm_mask_scalef_ps(l, k, l, l));
}
