// Every vnni op as its <immintrin.h> intrinsic, with Intel's argument order:
// dp(src, a, b), fmadd(a, b, c), binary(a, b), store(mem_addr, a).
// Single-use values are inlined into their users (the core's rule), so the
// output also shows how the intrinsics nest.
// RUN: xpiler-translate --emit-vnni %s | FileCheck %s

// CHECK: #include <immintrin.h>
// CHECK: typedef int32_t int32x16 __attribute__((vector_size(64)));


// CHECK-LABEL: extern "C" __attribute__((target("avx512f,avx512bw,avx512vl,avx512vnni"))) void
// CHECK-NEXT: dot(const int8_t *a, const int8_t *b, int32_t *c) {
// CHECK-NEXT: __m512i va = _mm512_loadu_si512(a);
// CHECK-NEXT: __m512i vb = _mm512_load_si512(&b[64]);
// CHECK-NEXT: __m512i d0 = _mm512_dpbusd_epi32(_mm512_setzero_si512(), va, vb);
// CHECK-NEXT: _mm512_storeu_si512(
// CHECK-NEXT: c, _mm512_dpwssds_epi32(
// CHECK-NEXT: _mm512_dpwssd_epi32(_mm512_dpbusds_epi32(d0, va, vb), va, vb), vb,
// CHECK-NEXT: va));
// CHECK-NEXT: _mm512_store_si512(&c[64], d0);
// CHECK-NEXT: _mm256_storeu_si256(
// CHECK-NEXT: (__m256i *)c,
// CHECK-NEXT: _mm256_dpbusd_epi32(_mm256_setzero_si256(),
// CHECK-NEXT: _mm256_loadu_si256((const __m256i *)a),
// CHECK-NEXT: _mm256_load_si256((const __m256i *)&b[64])));
// CHECK-NEXT: __m128i p = _mm_loadu_si128((const __m128i *)a);
// CHECK-NEXT: _mm_store_si128(
// CHECK-NEXT: (__m128i *)&c[64],
// CHECK-NEXT: _mm_dpwssd_epi32(p, p, _mm_load_si128((const __m128i *)&b[64])));
// CHECK-NEXT: }
func.func @dot(%a: memref<?xi8> loc("a"), %b: memref<?xi8> loc("b"),
               %c: memref<?xi32> loc("c"))
    attributes {vnni.target_features = "avx512f,avx512bw,avx512vl,avx512vnni"} {
  %c0 = arith.constant 0 : index
  %c64 = arith.constant 64 : index
  %acc = vnni.setzero : !vnni.m512i loc("acc")
  %va = vnni.load %a[%c0] : memref<?xi8> -> !vnni.m512i loc("va")
  %vb = vnni.load aligned %b[%c64] : memref<?xi8> -> !vnni.m512i loc("vb")
  %d0 = vnni.dp <dpbusd> %acc, %va, %vb : !vnni.m512i loc("d0")
  %d1 = vnni.dp <dpbusds> %d0, %va, %vb : !vnni.m512i loc("d1")
  %d2 = vnni.dp <dpwssd> %d1, %va, %vb : !vnni.m512i loc("d2")
  %d3 = vnni.dp <dpwssds> %d2, %vb, %va : !vnni.m512i loc("d3")
  vnni.store %d3, %c[%c0] : !vnni.m512i, memref<?xi32>
  vnni.store aligned %d0, %c[%c64] : !vnni.m512i, memref<?xi32>
  // The 256- and 128-bit forms take typed pointers.
  %x = vnni.load %a[%c0] : memref<?xi8> -> !vnni.m256i loc("x")
  %y = vnni.load aligned %b[%c64] : memref<?xi8> -> !vnni.m256i loc("y")
  %z0 = vnni.setzero : !vnni.m256i
  %z = vnni.dp <dpbusd> %z0, %x, %y : !vnni.m256i loc("z")
  vnni.store %z, %c[%c0] : !vnni.m256i, memref<?xi32>
  %p = vnni.load %a[%c0] : memref<?xi8> -> !vnni.m128i loc("p")
  %q0 = vnni.load aligned %b[%c64] : memref<?xi8> -> !vnni.m128i
  %q = vnni.dp <dpwssd> %p, %p, %q0 : !vnni.m128i loc("q")
  vnni.store aligned %q, %c[%c64] : !vnni.m128i, memref<?xi32>
  return
}

// Private functions are `static inline`.
// CHECK-LABEL: static inline __attribute__((target("avx512f"))) float
// CHECK-NEXT: lanes(const float *x, float *y, float s, int32_t w) {
// CHECK-NEXT: __m512 vx = _mm512_loadu_ps(x);
// CHECK-NEXT: __m512 vs = _mm512_set1_ps(s);
// CHECK-NEXT: __m512 fma = _mm512_fmadd_ps(
// CHECK-NEXT: _mm512_min_ps(
// CHECK-NEXT: _mm512_max_ps(
// CHECK-NEXT: _mm512_mul_ps(_mm512_add_ps(vx, vs), _mm512_sub_ps(vs, vx)), vx),
// CHECK-NEXT: vs),
// CHECK-NEXT: vx, vs);
// CHECK-NEXT: _mm512_storeu_ps(&y[16], fma);
// CHECK-NEXT: _mm512_store_ps(y, _mm512_setzero_ps());
// CHECK-NEXT: __m256 h = _mm512_castps512_ps256(fma);
// CHECK-NEXT: _mm256_storeu_ps(y, _mm256_fmadd_ps(h, h, _mm256_set1_ps(s)));
// CHECK-NEXT: _mm_store_ps(&y[16], _mm_max_ps(_mm256_castps256_ps128(h), _mm_loadu_ps(x)));
// CHECK-NEXT: __m512i lo =
// CHECK-NEXT: _mm512_mullo_epi32(_mm512_cvtps_epi32(fma), _mm512_set1_epi32(w));
// CHECK-NEXT: __m512 cf =
// CHECK-NEXT: _mm512_cvtepi32_ps(_mm512_sub_epi32(lo, _mm512_cvttps_epi32(fma)));
// CHECK-NEXT: return _mm512_reduce_max_ps(cf) + _mm512_reduce_min_ps(cf) +
// CHECK-NEXT: (_mm512_reduce_mul_ps(cf) + _mm512_reduce_add_ps(cf)) +
// CHECK-NEXT: (float)_mm512_reduce_add_epi32(
// CHECK-NEXT: _mm512_castps_si512(_mm512_castsi512_ps(lo)));
// CHECK-NEXT: }
func.func private @lanes(%x: memref<?xf32> loc("x"), %y: memref<?xf32> loc("y"),
                         %s: f32 loc("s"), %w: i32 loc("w")) -> f32
    attributes {vnni.target_features = "avx512f"} {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %vx = vnni.load %x[%c0] : memref<?xf32> -> !vnni.m512 loc("vx")
  %vs = vnni.set1 <ps> %s : f32 -> !vnni.m512 loc("vs")
  %add = vnni.binary <add> <ps> %vx, %vs : !vnni.m512 loc("add")
  %sub = vnni.binary <sub> <ps> %vs, %vx : !vnni.m512 loc("sub")
  %mul = vnni.binary <mul> <ps> %add, %sub : !vnni.m512 loc("mul")
  %mx = vnni.binary <max> <ps> %mul, %vx : !vnni.m512 loc("mx")
  %mn = vnni.binary <min> <ps> %mx, %vs : !vnni.m512 loc("mn")
  %fma = vnni.fmadd %mn, %vx, %vs : !vnni.m512 loc("fma")
  vnni.store %fma, %y[%c16] : !vnni.m512, memref<?xf32>
  %zero = vnni.setzero : !vnni.m512
  vnni.store aligned %zero, %y[%c0] : !vnni.m512, memref<?xf32>
  %h = vnni.cast %fma : !vnni.m512 to !vnni.m256 loc("h")
  %h1 = vnni.set1 <ps> %s : f32 -> !vnni.m256
  %h2 = vnni.fmadd %h, %h, %h1 : !vnni.m256
  vnni.store %h2, %y[%c0] : !vnni.m256, memref<?xf32>
  %o = vnni.cast %h : !vnni.m256 to !vnni.m128 loc("o")
  %o1 = vnni.load %x[%c0] : memref<?xf32> -> !vnni.m128
  %o2 = vnni.binary <max> <ps> %o, %o1 : !vnni.m128
  vnni.store aligned %o2, %y[%c16] : !vnni.m128, memref<?xf32>
  %iw = vnni.set1 <epi32> %w : i32 -> !vnni.m512i loc("iw")
  %cv = vnni.cvt <cvtps_epi32> %fma : !vnni.m512 -> !vnni.m512i loc("cv")
  %ct = vnni.cvt <cvttps_epi32> %fma : !vnni.m512 -> !vnni.m512i loc("ct")
  %lo = vnni.binary <mullo> <epi32> %cv, %iw : !vnni.m512i loc("lo")
  %diff = vnni.binary <sub> <epi32> %lo, %ct : !vnni.m512i
  %cf = vnni.cvt <cvtepi32_ps> %diff : !vnni.m512i -> !vnni.m512 loc("cf")
  %bits = vnni.cast %lo : !vnni.m512i to !vnni.m512 loc("bits")
  %back = vnni.cast %bits : !vnni.m512 to !vnni.m512i loc("back")
  %r = vnni.reduce <add> <epi32> %back : !vnni.m512i -> i32 loc("r")
  %rf = vnni.reduce <max> <ps> %cf : !vnni.m512 -> f32 loc("rf")
  %rm = vnni.reduce <min> <ps> %cf : !vnni.m512 -> f32 loc("rm")
  %rp = vnni.reduce <mul> <ps> %cf : !vnni.m512 -> f32 loc("rp")
  %radd = vnni.reduce <add> <ps> %cf : !vnni.m512 -> f32 loc("radd")
  %t0 = arith.addf %rf, %rm : f32
  %t1 = arith.addf %rp, %radd : f32
  %t = arith.addf %t0, %t1 : f32
  %ri = arith.sitofp %r : i32 to f32
  %sum = arith.addf %t, %ri : f32
  return %sum : f32
}

// CHECK-LABEL: extern "C" __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl"))) void
// CHECK-NEXT: widen(const int8_t *a, int64_t *out, int8_t c, int16_t h, int64_t l) {
// CHECK-NEXT: __m128i b = _mm_loadu_si128((const __m128i *)a);
// CHECK-NEXT: __m512i s8 = _mm512_cvtepi8_epi32(b);
// CHECK-NEXT: __m256i u8 = _mm256_cvtepu8_epi32(b);
// CHECK-NEXT: __m512i s16 = _mm512_cvtepi16_epi32(u8);
// CHECK-NEXT: __m256i e1 = _mm512_extracti64x4_epi64(s16, 1);
// CHECK-NEXT: out[0] = _mm512_reduce_add_epi64(_mm512_max_epi64(
// CHECK-NEXT: _mm512_mullo_epi64(
// CHECK-NEXT: _mm512_set1_epi64(l),
// CHECK-NEXT: _mm512_mullo_epi16(_mm512_set1_epi16(h),
// CHECK-NEXT: _mm512_add_epi8(_mm512_set1_epi8(c), s8))),
// CHECK-NEXT: s16));
// CHECK-NEXT: _mm_storeu_si128(
// CHECK-NEXT: (__m128i *)&out[2],
// CHECK-NEXT: _mm_add_epi32(_mm_add_epi32(_mm512_extracti32x4_epi32(s8, 3),
// CHECK-NEXT: _mm256_extracti32x4_epi32(e1, 1)),
// CHECK-NEXT: _mm_add_epi32(_mm256_castsi256_si128(u8),
// CHECK-NEXT: _mm512_castsi512_si128(s8))));
// CHECK-NEXT: _mm256_storeu_si256(
// CHECK-NEXT: (__m256i *)out,
// CHECK-NEXT: _mm256_sub_epi64(_mm256_min_epi32(e1, u8), _mm512_castsi512_si256(s8)));
// CHECK-NEXT: _mm_storeu_si128((__m128i *)out, _mm_cvtepu16_epi32(b));
// CHECK-NEXT: }
func.func @widen(%a: memref<?xi8> loc("a"), %out: memref<?xi64> loc("out"),
                 %c: i8 loc("c"), %h: i16 loc("h"), %l: i64 loc("l"))
    attributes {vnni.target_features = "avx512f,avx512bw,avx512dq,avx512vl"} {
  %c0 = arith.constant 0 : index
  %b = vnni.load %a[%c0] : memref<?xi8> -> !vnni.m128i loc("b")
  %s8 = vnni.cvt <cvtepi8_epi32> %b : !vnni.m128i -> !vnni.m512i loc("s8")
  %u8 = vnni.cvt <cvtepu8_epi32> %b : !vnni.m128i -> !vnni.m256i loc("u8")
  %s16 = vnni.cvt <cvtepi16_epi32> %u8 : !vnni.m256i -> !vnni.m512i loc("s16")
  %u16 = vnni.cvt <cvtepu16_epi32> %b : !vnni.m128i -> !vnni.m128i loc("u16")
  %e0 = vnni.extract %s8[3] : !vnni.m512i -> !vnni.m128i loc("e0")
  %e1 = vnni.extract %s16[1] : !vnni.m512i -> !vnni.m256i loc("e1")
  %e2 = vnni.extract %e1[1] : !vnni.m256i -> !vnni.m128i loc("e2")
  %n0 = vnni.cast %u8 : !vnni.m256i to !vnni.m128i loc("n0")
  %n1 = vnni.cast %s8 : !vnni.m512i to !vnni.m128i loc("n1")
  %n2 = vnni.cast %s8 : !vnni.m512i to !vnni.m256i loc("n2")
  %c8 = vnni.set1 <epi8> %c : i8 -> !vnni.m512i
  %b8 = vnni.binary <add> <epi8> %c8, %s8 : !vnni.m512i loc("b8")
  %h16 = vnni.set1 <epi16> %h : i16 -> !vnni.m512i
  %b16 = vnni.binary <mullo> <epi16> %h16, %b8 : !vnni.m512i loc("b16")
  %l64 = vnni.set1 <epi64> %l : i64 -> !vnni.m512i
  %b64 = vnni.binary <mullo> <epi64> %l64, %b16 : !vnni.m512i loc("b64")
  %m64 = vnni.binary <max> <epi64> %b64, %s16 : !vnni.m512i loc("m64")
  %m32 = vnni.binary <min> <epi32> %e1, %u8 : !vnni.m256i loc("m32")
  %r = vnni.reduce <add> <epi64> %m64 : !vnni.m512i -> i64 loc("r")
  memref.store %r, %out[%c0] : memref<?xi64>
  %c2 = arith.constant 2 : index
  %q0 = vnni.binary <add> <epi32> %e0, %e2 : !vnni.m128i
  %q1 = vnni.binary <add> <epi32> %n0, %n1 : !vnni.m128i
  %q = vnni.binary <add> <epi32> %q0, %q1 : !vnni.m128i
  vnni.store %q, %out[%c2] : !vnni.m128i, memref<?xi64>
  %w = vnni.binary <sub> <epi64> %m32, %n2 : !vnni.m256i
  vnni.store %w, %out[%c0] : !vnni.m256i, memref<?xi64>
  vnni.store %u16, %out[%c0] : !vnni.m128i, memref<?xi64>
  return
}

// vnni.bitcast to and from upstream vectors is a C cast between the
// intrinsic type and a GCC vector type of the same size.
// CHECK-LABEL: extern "C" __attribute__((target("avx512f"))) void lanes16(const int32_t *a,
// CHECK-NEXT: int32_t *b) {
// CHECK-NEXT: int32x16 lanes_ = (int32x16)_mm512_loadu_si512(a);
// CHECK-NEXT: b[3] = lanes_[3];
// CHECK-NEXT: _mm512_storeu_si512(b, (__m512i)lanes_);
// CHECK-NEXT: }
func.func @lanes16(%a: memref<?xi32> loc("a"), %b: memref<?xi32> loc("b"))
    attributes {vnni.target_features = "avx512f"} {
  %c0 = arith.constant 0 : index
  %c3 = arith.constant 3 : index
  %v = vnni.load %a[%c0] : memref<?xi32> -> !vnni.m512i loc("v")
  %lanes = vnni.bitcast %v : !vnni.m512i to vector<16xi32> loc("lanes")
  %e = vector.extract %lanes[3] : i32 from vector<16xi32>
  memref.store %e, %b[%c3] : memref<?xi32>
  %w = vnni.bitcast %lanes : vector<16xi32> to !vnni.m512i
  vnni.store %w, %b[%c0] : !vnni.m512i, memref<?xi32>
  return
}

// Without vnni.target_features, no attribute.
// CHECK-LABEL: static inline int32_t twice(int32_t x) { return x + x; }
func.func private @twice(%x: i32 loc("x")) -> i32 {
  %y = arith.addi %x, %x : i32
  return %y : i32
}
