// Every intrinsic the vnni dialect models, one op per call; pointer
// arguments (through casts to void * or to vector pointers) become the
// buffer and the element offset they point at.
// RUN: xpiler-translate --import-vnni %s | FileCheck %s

#include <cstdint>
#include <immintrin.h>

// CHECK-LABEL: func.func @dot_products
// CHECK-SAME: (%[[A:.*]]: memref<?xi8>, %[[B:.*]]: memref<?xi8>, %[[C:.*]]: memref<?xi32>, %[[W:.*]]: memref<?xi16>, %[[K:.*]]: i32)
// CHECK-SAME: vnni.target_features = "avx512f,avx512bw,avx512vl,avx512vnni"
// CHECK: %[[OFF:.*]] = arith.index_cast %[[K]]
// CHECK: %[[VA:.*]] = vnni.load %[[A]][%[[OFF]]] : memref<?xi8> -> !vnni.m512i
// CHECK: %[[VB:.*]] = vnni.load %[[B]][%{{.*}}] : memref<?xi8> -> !vnni.m512i
// CHECK: %[[Z:.*]] = vnni.setzero : !vnni.m512i
// CHECK: %[[D0:.*]] = vnni.dp <dpbusd> %[[Z]], %[[VA]], %[[VB]] : !vnni.m512i
// CHECK: %[[D1:.*]] = vnni.dp <dpbusds> %[[D0]], %[[VA]], %[[VB]] : !vnni.m512i
// CHECK: %[[VW:.*]] = vnni.load aligned %[[W]][%{{.*}}] : memref<?xi16> -> !vnni.m512i
// CHECK: %[[D2:.*]] = vnni.dp <dpwssd> %[[D1]], %[[VW]], %[[VW]] : !vnni.m512i
// CHECK: %[[D3:.*]] = vnni.dp <dpwssds> %[[D2]], %[[VW]], %[[VW]] : !vnni.m512i
// CHECK: vnni.store %[[D3]], %[[C]][%{{.*}}] : !vnni.m512i, memref<?xi32>
// CHECK: vnni.store aligned %[[D3]], %[[C]][%{{.*}}] : !vnni.m512i, memref<?xi32>
void dot_products(const uint8_t *a, const int8_t *b, int32_t *c,
                  const int16_t *w, int k) {
  __m512i va = _mm512_loadu_si512((const void *)(a + k));
  __m512i vb = _mm512_loadu_si512((const __m512i *)(b + 64));
  __m512i acc = _mm512_setzero_si512();
  acc = _mm512_dpbusd_epi32(acc, va, vb);
  acc = _mm512_dpbusds_epi32(acc, va, vb);
  __m512i vw = _mm512_load_si512(w + 32);
  acc = _mm512_dpwssd_epi32(acc, vw, vw);
  acc = _mm512_dpwssds_epi32(acc, vw, vw);
  _mm512_storeu_si512((__m512i *)c, acc);
  _mm512_store_si512(reinterpret_cast<__m512i *>(c + 16), acc);
}

// CHECK-LABEL: func.func @floats
// CHECK: vnni.load %{{.*}}[%{{.*}}] : memref<?xf32> -> !vnni.m512
// CHECK: vnni.load aligned %{{.*}}[%{{.*}}] : memref<?xf32> -> !vnni.m512
// CHECK: vnni.setzero : !vnni.m512
// CHECK: vnni.set1 <ps> %{{.*}} : f32 -> !vnni.m512
// CHECK: vnni.fmadd %{{.*}}, %{{.*}}, %{{.*}} : !vnni.m512
// CHECK: vnni.binary <add> <ps>
// CHECK: vnni.binary <sub> <ps>
// CHECK: vnni.binary <mul> <ps>
// CHECK: vnni.binary <max> <ps>
// CHECK: vnni.binary <min> <ps>
// CHECK: vnni.reduce <add> <ps> %{{.*}} : !vnni.m512 -> f32
// CHECK: vnni.reduce <mul> <ps> %{{.*}} : !vnni.m512 -> f32
// CHECK: vnni.reduce <max> <ps> %{{.*}} : !vnni.m512 -> f32
// CHECK: vnni.reduce <min> <ps> %{{.*}} : !vnni.m512 -> f32
// CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m512, memref<?xf32>
// CHECK: vnni.store aligned %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m512, memref<?xf32>
float floats(const float *x, float *y, float s) {
  __m512 a = _mm512_loadu_ps(x);
  __m512 b = _mm512_load_ps(x + 16);
  __m512 z = _mm512_setzero_ps();
  __m512 h = _mm512_set1_ps(s);
  __m512 r = _mm512_fmadd_ps(a, h, z);
  r = _mm512_add_ps(r, b);
  r = _mm512_sub_ps(r, b);
  r = _mm512_mul_ps(r, b);
  r = _mm512_max_ps(r, z);
  r = _mm512_min_ps(r, h);
  float t = _mm512_reduce_add_ps(r) + _mm512_reduce_mul_ps(r) +
            _mm512_reduce_max_ps(r) + _mm512_reduce_min_ps(r);
  _mm512_storeu_ps(y, r);
  _mm512_store_ps(y + 16, r);
  return t;
}

// CHECK-LABEL: func.func @integers
// CHECK: vnni.set1 <epi8> %{{.*}} : i8 -> !vnni.m512i
// CHECK: vnni.set1 <epi16> %{{.*}} : i16 -> !vnni.m512i
// CHECK: vnni.set1 <epi32> %{{.*}} : i32 -> !vnni.m512i
// CHECK: vnni.set1 <epi64> %{{.*}} : i64 -> !vnni.m512i
// CHECK: vnni.binary <add> <epi8>
// CHECK: vnni.binary <add> <epi16>
// CHECK: vnni.binary <add> <epi32>
// CHECK: vnni.binary <add> <epi64>
// CHECK: vnni.binary <sub> <epi32>
// CHECK: vnni.binary <mullo> <epi16>
// CHECK: vnni.binary <mullo> <epi32>
// CHECK: vnni.binary <max> <epi32>
// CHECK: vnni.binary <min> <epi8>
// CHECK: vnni.reduce <add> <epi32> %{{.*}} : !vnni.m512i -> i32
// CHECK: vnni.reduce <mul> <epi32> %{{.*}} : !vnni.m512i -> i32
// CHECK: vnni.reduce <max> <epi32> %{{.*}} : !vnni.m512i -> i32
// CHECK: vnni.reduce <min> <epi32> %{{.*}} : !vnni.m512i -> i32
// CHECK: vnni.reduce <add> <epi64> %{{.*}} : !vnni.m512i -> i64
// CHECK: vnni.reduce <max> <epi64> %{{.*}} : !vnni.m512i -> i64
int64_t integers(int8_t c, short h, int i, long long l) {
  __m512i v8 = _mm512_set1_epi8(c);
  __m512i v16 = _mm512_set1_epi16(h);
  __m512i v32 = _mm512_set1_epi32(i);
  __m512i v64 = _mm512_set1_epi64(l);
  __m512i r = _mm512_add_epi8(v8, v8);
  r = _mm512_add_epi16(r, v16);
  r = _mm512_add_epi32(r, v32);
  r = _mm512_add_epi64(r, v64);
  r = _mm512_sub_epi32(r, v32);
  r = _mm512_mullo_epi16(r, v16);
  r = _mm512_mullo_epi32(r, v32);
  r = _mm512_max_epi32(r, v32);
  r = _mm512_min_epi8(r, v8);
  return _mm512_reduce_add_epi32(r) + _mm512_reduce_mul_epi32(r) +
         _mm512_reduce_max_epi32(r) + _mm512_reduce_min_epi32(r) +
         _mm512_reduce_add_epi64(r) + _mm512_reduce_max_epi64(r);
}

// CHECK-LABEL: func.func @conversions
// CHECK: %[[Q:.*]] = vnni.load %{{.*}} : memref<?xi8> -> !vnni.m128i
// CHECK: vnni.cvt <cvtepu8_epi32> %[[Q]] : !vnni.m128i -> !vnni.m512i
// CHECK: vnni.cvt <cvtepi8_epi32> %[[Q]] : !vnni.m128i -> !vnni.m512i
// CHECK: vnni.cvt <cvtepi8_epi32> %[[Q]] : !vnni.m128i -> !vnni.m256i
// CHECK: vnni.cvt <cvtepi16_epi32> %{{.*}} : !vnni.m256i -> !vnni.m512i
// CHECK: vnni.cvt <cvtepu16_epi32> %{{.*}} : !vnni.m256i -> !vnni.m512i
// CHECK: vnni.cvt <cvtepi32_ps> %{{.*}} : !vnni.m512i -> !vnni.m512
// CHECK: vnni.cvt <cvtps_epi32> %{{.*}} : !vnni.m512 -> !vnni.m512i
// CHECK: vnni.cvt <cvttps_epi32> %{{.*}} : !vnni.m512 -> !vnni.m512i
// CHECK: vnni.cvt <cvtepi32_ps> %{{.*}} : !vnni.m128i -> !vnni.m128
// CHECK: vnni.cast %{{.*}} : !vnni.m512 to !vnni.m512i
// CHECK: vnni.cast %{{.*}} : !vnni.m512i to !vnni.m512
// CHECK: vnni.cast %{{.*}} : !vnni.m512i to !vnni.m256i
// CHECK: vnni.cast %{{.*}} : !vnni.m512i to !vnni.m128i
// CHECK: vnni.cast %{{.*}} : !vnni.m256i to !vnni.m128i
// CHECK: vnni.cast %{{.*}} : !vnni.m512 to !vnni.m256
// CHECK: vnni.cast %{{.*}} : !vnni.m512 to !vnni.m128
// CHECK: vnni.cast %{{.*}} : !vnni.m256 to !vnni.m128
// CHECK: vnni.cast %{{.*}} : !vnni.m128 to !vnni.m128i
// CHECK: vnni.cast %{{.*}} : !vnni.m128i to !vnni.m128
// CHECK: vnni.cast %{{.*}} : !vnni.m256 to !vnni.m256i
// CHECK: vnni.cast %{{.*}} : !vnni.m256i to !vnni.m256
void conversions(const uint8_t *p, float *out, int32_t *iout) {
  __m128i q = _mm_loadu_si128((const __m128i *)p);
  __m512i u = _mm512_cvtepu8_epi32(q);
  __m512i s = _mm512_cvtepi8_epi32(q);
  __m256i s8 = _mm256_cvtepi8_epi32(q);
  __m512i w = _mm512_cvtepi16_epi32(_mm512_castsi512_si256(u));
  __m512i wu = _mm512_cvtepu16_epi32(_mm512_castsi512_si256(s));
  __m512 f = _mm512_cvtepi32_ps(w);
  __m512i r = _mm512_cvtps_epi32(f);
  __m512i t = _mm512_cvttps_epi32(f);
  __m128 f4 = _mm_cvtepi32_ps(q);
  __m512i bits = _mm512_castps_si512(f);
  __m512 back = _mm512_castsi512_ps(bits);
  __m256i lo256 = _mm512_castsi512_si256(r);
  __m128i lo128 = _mm512_castsi512_si128(t);
  __m128i lo = _mm256_castsi256_si128(s8);
  __m256 h256 = _mm512_castps512_ps256(back);
  __m128 h128 = _mm512_castps512_ps128(back);
  __m128 q128 = _mm256_castps256_ps128(h256);
  __m128i qi = _mm_castps_si128(q128);
  __m128 qf = _mm_castsi128_ps(lo128);
  __m256i hi = _mm256_castps_si256(h256);
  __m256 hf = _mm256_castsi256_ps(lo256);
  _mm512_storeu_si512(iout, wu);
  _mm_storeu_si128((__m128i *)(iout + 16), _mm_add_epi32(lo, qi));
  _mm_storeu_ps(out, _mm_add_ps(f4, _mm_add_ps(h128, qf)));
  _mm256_storeu_si256((__m256i *)(iout + 20), hi);
  _mm256_storeu_ps(out + 4, hf);
}

// The 256- and 128-bit forms, the unmasked epi* spellings of loads and
// stores, and typedefs of the vector types (including the unaligned `_u`
// variants).
typedef __m256i vec8x32;
typedef __m512i_u unaligned512;

// CHECK-LABEL: func.func @narrow
// CHECK: vnni.load %{{.*}}[%{{.*}}] : memref<?xi32> -> !vnni.m256i
// CHECK: vnni.load aligned %{{.*}}[%{{.*}}] : memref<?xi32> -> !vnni.m256i
// CHECK: vnni.load aligned %{{.*}}[%{{.*}}] : memref<?xi32> -> !vnni.m128i
// CHECK: vnni.load %{{.*}}[%{{.*}}] : memref<?xi32> -> !vnni.m512i
// CHECK: vnni.load %{{.*}}[%{{.*}}] : memref<?xf32> -> !vnni.m256
// CHECK: vnni.load aligned %{{.*}}[%{{.*}}] : memref<?xf32> -> !vnni.m128
// CHECK: vnni.setzero : !vnni.m256i
// CHECK: vnni.setzero : !vnni.m128i
// CHECK: vnni.setzero : !vnni.m256
// CHECK: vnni.setzero : !vnni.m128
// CHECK: vnni.set1 <epi64> %{{.*}} : i64 -> !vnni.m256i
// CHECK: vnni.set1 <epi32> %{{.*}} : i32 -> !vnni.m128i
// CHECK: vnni.set1 <ps> %{{.*}} : f32 -> !vnni.m256
// CHECK: vnni.binary <add> <epi32> %{{.*}}, %{{.*}} : !vnni.m256i
// CHECK: vnni.binary <max> <epi64> %{{.*}}, %{{.*}} : !vnni.m256i
// CHECK: vnni.binary <mullo> <epi32> %{{.*}}, %{{.*}} : !vnni.m128i
// CHECK: vnni.fmadd %{{.*}}, %{{.*}}, %{{.*}} : !vnni.m256
// CHECK: vnni.fmadd %{{.*}}, %{{.*}}, %{{.*}} : !vnni.m128
// CHECK: vnni.binary <add> <epi32> %{{.*}}, %{{.*}} : !vnni.m512i
// CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m256i, memref<?xi32>
// CHECK: vnni.store aligned %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m128i, memref<?xi32>
// CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m512i, memref<?xi32>
// CHECK: vnni.store aligned %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m256, memref<?xf32>
// CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m128, memref<?xf32>
void narrow(int32_t *p, float *x, long long l, int i, float s) {
  vec8x32 a = _mm256_loadu_si256((const __m256i *)p);
  vec8x32 b = _mm256_load_epi32(p + 8);
  __m128i c = _mm_load_si128((const __m128i *)(p + 16));
  unaligned512 d = _mm512_loadu_epi32(p + 32);
  __m256 fa = _mm256_loadu_ps(x);
  __m128 fb = _mm_load_ps(x + 8);
  vec8x32 z = _mm256_setzero_si256();
  __m128i zq = _mm_setzero_si128();
  __m256 zf = _mm256_setzero_ps();
  __m128 zf4 = _mm_setzero_ps();
  __m256i l4 = _mm256_set1_epi64x(l);
  __m128i i4 = _mm_set1_epi32(i);
  __m256 s8 = _mm256_set1_ps(s);
  a = _mm256_add_epi32(a, z);
  b = _mm256_max_epi64(b, l4);
  c = _mm_mullo_epi32(c, _mm_add_epi32(i4, zq));
  fa = _mm256_fmadd_ps(fa, s8, zf);
  fb = _mm_fmadd_ps(fb, fb, zf4);
  d = _mm512_add_epi32(d, d);
  _mm256_storeu_epi32(p, a);
  _mm_store_si128((__m128i *)(p + 16), c);
  _mm512_storeu_si512(p + 32, d);
  _mm256_store_ps(x, fa);
  _mm_storeu_ps(x + 8, fb);
  _mm256_storeu_si256((__m256i *)(p + 8), b);
}

// vnni.target_features are the AVX-512 features Clang enables for the
// function: the command line's and those of a target attribute.
// CHECK-LABEL: func.func @with_dq
// CHECK-SAME: vnni.target_features = "avx512f,avx512bw,avx512dq,avx512vl,avx512vnni"
// CHECK: vnni.binary <mullo> <epi64> %{{.*}}, %{{.*}} : !vnni.m512i
__attribute__((target("avx512dq"))) void with_dq(int64_t *p) {
  __m512i v = _mm512_loadu_si512(p);
  _mm512_storeu_si512(p, _mm512_mullo_epi64(v, v));
}
