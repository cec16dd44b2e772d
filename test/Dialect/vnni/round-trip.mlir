// RUN: xpiler-opt %s | xpiler-opt | FileCheck %s
// RUN: xpiler-opt %s --mlir-print-op-generic | xpiler-opt | FileCheck %s

// u8 x s8 -> s32 GEMM micro-kernel: one row of C (16 x i32) per i, A packed
// as 4 u8 per i32, B as 16 rows of 16 columns x 4 bytes.
// CHECK-LABEL: func.func @gemm_u8s8s32
// CHECK-SAME: attributes {vnni.target_features = "avx512f,avx512bw,avx512vl,avx512vnni"}
func.func @gemm_u8s8s32(%A: memref<16x16xi32>, %B: memref<16x64xi8>,
                        %C: memref<16x16xi32>)
    attributes {vnni.target_features = "avx512f,avx512bw,avx512vl,avx512vnni"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c0 to %c16 step %c1 {
    // CHECK: [[Z:%.+]] = vnni.setzero : !vnni.m512i
    %zero = vnni.setzero : !vnni.m512i
    %acc = scf.for %k = %c0 to %c16 step %c1 iter_args(%sum = %zero)
        -> (!vnni.m512i) {
      %a4 = memref.load %A[%i, %k] : memref<16x16xi32>
      // CHECK: [[A:%.+]] = vnni.set1 <epi32> %{{.*}} : i32 -> !vnni.m512i
      %a = vnni.set1 <epi32> %a4 : i32 -> !vnni.m512i
      // CHECK: [[B:%.+]] = vnni.load aligned %{{.*}}[%{{.*}}, %{{.*}}] : memref<16x64xi8> -> !vnni.m512i
      %b = vnni.load aligned %B[%k, %c0] : memref<16x64xi8> -> !vnni.m512i
      // CHECK: vnni.dp <dpbusd> %{{.*}}, [[A]], [[B]] : !vnni.m512i
      %next = vnni.dp <dpbusd> %sum, %a, %b : !vnni.m512i
      scf.yield %next : !vnni.m512i
    }
    // CHECK: vnni.store aligned %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}] : !vnni.m512i, memref<16x16xi32>
    vnni.store aligned %acc, %C[%i, %c0] : !vnni.m512i, memref<16x16xi32>
  }
  return
}

// The saturating and 16-bit dot products in their 256/128-bit forms, fed by
// widening conversions.
// CHECK-LABEL: func.func @dot_forms
func.func @dot_forms(%x: memref<?xi16>, %y: memref<?xi8>, %out: memref<?xi32>,
                     %i: index)
    attributes {vnni.target_features = "avx512vl,avx512vnni"} {
  // CHECK: [[X:%.+]] = vnni.load %{{.*}}[%{{.*}}] : memref<?xi16> -> !vnni.m256i
  %x256 = vnni.load %x[%i] : memref<?xi16> -> !vnni.m256i
  // CHECK: [[Y:%.+]] = vnni.load %{{.*}}[%{{.*}}] : memref<?xi8> -> !vnni.m128i
  %y128 = vnni.load %y[%i] : memref<?xi8> -> !vnni.m128i
  // CHECK: vnni.cvt <cvtepi8_epi32> [[Y]] : !vnni.m128i -> !vnni.m256i
  %s8 = vnni.cvt <cvtepi8_epi32> %y128 : !vnni.m128i -> !vnni.m256i
  // CHECK: vnni.cvt <cvtepu8_epi32> [[Y]] : !vnni.m128i -> !vnni.m128i
  %u8 = vnni.cvt <cvtepu8_epi32> %y128 : !vnni.m128i -> !vnni.m128i
  // CHECK: vnni.cvt <cvtepi16_epi32> [[Y]] : !vnni.m128i -> !vnni.m256i
  %s16 = vnni.cvt <cvtepi16_epi32> %y128 : !vnni.m128i -> !vnni.m256i
  // CHECK: vnni.cvt <cvtepu16_epi32> [[Y]] : !vnni.m128i -> !vnni.m128i
  %u16 = vnni.cvt <cvtepu16_epi32> %y128 : !vnni.m128i -> !vnni.m128i
  // CHECK: vnni.dp <dpbusds> %{{.*}}, [[X]], %{{.*}} : !vnni.m256i
  %d0 = vnni.dp <dpbusds> %s8, %x256, %s16 : !vnni.m256i
  // CHECK: vnni.dp <dpwssd> %{{.*}}, %{{.*}}, [[X]] : !vnni.m256i
  %d1 = vnni.dp <dpwssd> %d0, %s8, %x256 : !vnni.m256i
  // CHECK: vnni.dp <dpwssds> %{{.*}}, %{{.*}}, %{{.*}} : !vnni.m128i
  %d2 = vnni.dp <dpwssds> %u8, %u16, %y128 : !vnni.m128i
  // CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m256i, memref<?xi32>
  vnni.store %d1, %out[%i] : !vnni.m256i, memref<?xi32>
  // CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m128i, memref<?xi32>
  vnni.store %d2, %out[%i] : !vnni.m128i, memref<?xi32>
  return
}

// y = relu(W x + b) for one 16-wide block of outputs, then the row's sum
// and extremes.
// CHECK-LABEL: func.func @dense_relu_f32
func.func @dense_relu_f32(%W: memref<64x16xf32>, %x: memref<64xf32>,
                          %bias: memref<16xf32>, %y: memref<16xf32>)
    -> (f32, f32, f32, f32)
    attributes {vnni.target_features = "avx512f"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  // CHECK: vnni.setzero : !vnni.m512
  %zero = vnni.setzero : !vnni.m512
  %acc = scf.for %k = %c0 to %c64 step %c1 iter_args(%sum = %zero)
      -> (!vnni.m512) {
    %xk = memref.load %x[%k] : memref<64xf32>
    // CHECK: vnni.set1 <ps> %{{.*}} : f32 -> !vnni.m512
    %xb = vnni.set1 <ps> %xk : f32 -> !vnni.m512
    // CHECK: vnni.load %{{.*}}[%{{.*}}, %{{.*}}] : memref<64x16xf32> -> !vnni.m512
    %w = vnni.load %W[%k, %c0] : memref<64x16xf32> -> !vnni.m512
    // CHECK: vnni.fmadd %{{.*}}, %{{.*}}, %{{.*}} : !vnni.m512
    %next = vnni.fmadd %w, %xb, %sum : !vnni.m512
    scf.yield %next : !vnni.m512
  }
  // CHECK: vnni.load aligned %{{.*}}[%{{.*}}] : memref<16xf32> -> !vnni.m512
  %b = vnni.load aligned %bias[%c0] : memref<16xf32> -> !vnni.m512
  // CHECK: vnni.binary <add> <ps>
  %pre = vnni.binary <add> <ps> %acc, %b : !vnni.m512
  // CHECK: vnni.binary <max> <ps>
  %relu = vnni.binary <max> <ps> %pre, %zero : !vnni.m512
  // CHECK: vnni.binary <min> <ps>
  %clip = vnni.binary <min> <ps> %relu, %b : !vnni.m512
  // CHECK: vnni.binary <sub> <ps>
  %diff = vnni.binary <sub> <ps> %clip, %relu : !vnni.m512
  // CHECK: vnni.binary <mul> <ps>
  %sq = vnni.binary <mul> <ps> %diff, %diff : !vnni.m512
  // CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m512, memref<16xf32>
  vnni.store %relu, %y[%c0] : !vnni.m512, memref<16xf32>
  // CHECK: vnni.reduce <add> <ps> %{{.*}} : !vnni.m512 -> f32
  %s = vnni.reduce <add> <ps> %relu : !vnni.m512 -> f32
  // CHECK: vnni.reduce <mul> <ps>
  %p = vnni.reduce <mul> <ps> %sq : !vnni.m512 -> f32
  // CHECK: vnni.reduce <max> <ps>
  %mx = vnni.reduce <max> <ps> %relu : !vnni.m512 -> f32
  // CHECK: vnni.reduce <min> <ps>
  %mn = vnni.reduce <min> <ps> %relu : !vnni.m512 -> f32
  return %s, %p, %mx, %mn : f32, f32, f32, f32
}

// Requantization of i32 accumulators: scale in f32, round back to i32.
// CHECK-LABEL: func.func @requantize
func.func @requantize(%acc: memref<?xi32>, %out: memref<?xi32>, %i: index,
                      %scale: f32) {
  // CHECK: [[V:%.+]] = vnni.load %{{.*}}[%{{.*}}] : memref<?xi32> -> !vnni.m512i
  %v = vnni.load %acc[%i] : memref<?xi32> -> !vnni.m512i
  // CHECK: vnni.cvt <cvtepi32_ps> [[V]] : !vnni.m512i -> !vnni.m512
  %f = vnni.cvt <cvtepi32_ps> %v : !vnni.m512i -> !vnni.m512
  %s = vnni.set1 <ps> %scale : f32 -> !vnni.m512
  %scaled = vnni.binary <mul> <ps> %f, %s : !vnni.m512
  // CHECK: vnni.cvt <cvtps_epi32> %{{.*}} : !vnni.m512 -> !vnni.m512i
  %r = vnni.cvt <cvtps_epi32> %scaled : !vnni.m512 -> !vnni.m512i
  // CHECK: vnni.cvt <cvttps_epi32> %{{.*}} : !vnni.m512 -> !vnni.m512i
  %t = vnni.cvt <cvttps_epi32> %scaled : !vnni.m512 -> !vnni.m512i
  %d = vnni.binary <sub> <epi32> %r, %t : !vnni.m512i
  vnni.store %d, %out[%i] : !vnni.m512i, memref<?xi32>
  return
}

// Every integer lane width of the lane-wise ops and reductions.
// CHECK-LABEL: func.func @integer_lanes
func.func @integer_lanes(%a: !vnni.m512i, %b: !vnni.m512i, %c: i8, %h: i16,
                         %l: i64) -> (i32, i32, i64, i64)
    attributes {vnni.target_features = "avx512f,avx512bw,avx512dq"} {
  // CHECK: vnni.set1 <epi8> %{{.*}} : i8 -> !vnni.m512i
  %s8 = vnni.set1 <epi8> %c : i8 -> !vnni.m512i
  // CHECK: vnni.set1 <epi16> %{{.*}} : i16 -> !vnni.m512i
  %s16 = vnni.set1 <epi16> %h : i16 -> !vnni.m512i
  // CHECK: vnni.set1 <epi64> %{{.*}} : i64 -> !vnni.m512i
  %s64 = vnni.set1 <epi64> %l : i64 -> !vnni.m512i
  // CHECK: vnni.binary <add> <epi8>
  %0 = vnni.binary <add> <epi8> %a, %s8 : !vnni.m512i
  // CHECK: vnni.binary <add> <epi16>
  %1 = vnni.binary <add> <epi16> %0, %s16 : !vnni.m512i
  // CHECK: vnni.binary <sub> <epi64>
  %2 = vnni.binary <sub> <epi64> %1, %s64 : !vnni.m512i
  // CHECK: vnni.binary <mullo> <epi16>
  %3 = vnni.binary <mullo> <epi16> %2, %b : !vnni.m512i
  // CHECK: vnni.binary <mullo> <epi32>
  %4 = vnni.binary <mullo> <epi32> %3, %b : !vnni.m512i
  // CHECK: vnni.binary <mullo> <epi64>
  %5 = vnni.binary <mullo> <epi64> %4, %b : !vnni.m512i
  // CHECK: vnni.binary <max> <epi32>
  %6 = vnni.binary <max> <epi32> %5, %a : !vnni.m512i
  // CHECK: vnni.binary <min> <epi8>
  %7 = vnni.binary <min> <epi8> %6, %a : !vnni.m512i
  // CHECK: vnni.reduce <add> <epi32> %{{.*}} : !vnni.m512i -> i32
  %r0 = vnni.reduce <add> <epi32> %7 : !vnni.m512i -> i32
  // CHECK: vnni.reduce <max> <epi32>
  %r1 = vnni.reduce <max> <epi32> %7 : !vnni.m512i -> i32
  // CHECK: vnni.reduce <min> <epi64> %{{.*}} : !vnni.m512i -> i64
  %r2 = vnni.reduce <min> <epi64> %7 : !vnni.m512i -> i64
  // CHECK: vnni.reduce <mul> <epi64>
  %r3 = vnni.reduce <mul> <epi64> %7 : !vnni.m512i -> i64
  return %r0, %r1, %r2, %r3 : i32, i32, i64, i64
}

// Parts of vectors, reinterpretations and the bridge to upstream vectors;
// 128/256-bit float vectors. No target features: nothing is checked.
// CHECK-LABEL: func.func @parts_and_casts
func.func @parts_and_casts(%v: !vnni.m512i, %w: !vnni.m256i, %f: !vnni.m512,
                           %p: memref<8xf32>, %q: memref<4xf32>)
    -> (vector<16xi32>, !vnni.m512i) {
  %c0 = arith.constant 0 : index
  // CHECK: vnni.extract %{{.*}}[3] : !vnni.m512i -> !vnni.m128i
  %e0 = vnni.extract %v[3] : !vnni.m512i -> !vnni.m128i
  // CHECK: vnni.extract %{{.*}}[1] : !vnni.m256i -> !vnni.m128i
  %e1 = vnni.extract %w[1] : !vnni.m256i -> !vnni.m128i
  // CHECK: vnni.extract %{{.*}}[0] : !vnni.m512i -> !vnni.m256i
  %e2 = vnni.extract %v[0] : !vnni.m512i -> !vnni.m256i
  // CHECK: vnni.cast %{{.*}} : !vnni.m512i to !vnni.m128i
  %lo = vnni.cast %v : !vnni.m512i to !vnni.m128i
  // CHECK: vnni.cast %{{.*}} : !vnni.m512i to !vnni.m512
  %asf = vnni.cast %v : !vnni.m512i to !vnni.m512
  // CHECK: vnni.cast %{{.*}} : !vnni.m512 to !vnni.m256
  %f256 = vnni.cast %f : !vnni.m512 to !vnni.m256
  // CHECK: vnni.cast %{{.*}} : !vnni.m256 to !vnni.m128
  %f128 = vnni.cast %f256 : !vnni.m256 to !vnni.m128
  // CHECK: vnni.cast %{{.*}} : !vnni.m128 to !vnni.m128i
  %i128 = vnni.cast %f128 : !vnni.m128 to !vnni.m128i
  // CHECK: vnni.load aligned %{{.*}}[%{{.*}}] : memref<8xf32> -> !vnni.m256
  %g = vnni.load aligned %p[%c0] : memref<8xf32> -> !vnni.m256
  // CHECK: vnni.fmadd %{{.*}}, %{{.*}}, %{{.*}} : !vnni.m256
  %h = vnni.fmadd %g, %f256, %g : !vnni.m256
  // CHECK: vnni.store aligned %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m256, memref<8xf32>
  vnni.store aligned %h, %p[%c0] : !vnni.m256, memref<8xf32>
  // CHECK: vnni.setzero : !vnni.m128
  %z = vnni.setzero : !vnni.m128
  // CHECK: vnni.binary <add> <ps> %{{.*}}, %{{.*}} : !vnni.m128
  %k = vnni.binary <add> <ps> %z, %f128 : !vnni.m128
  // CHECK: vnni.store %{{.*}}, %{{.*}}[%{{.*}}] : !vnni.m128, memref<4xf32>
  vnni.store %k, %q[%c0] : !vnni.m128, memref<4xf32>
  // CHECK: vnni.bitcast %{{.*}} : !vnni.m512i to vector<16xi32>
  %lanes = vnni.bitcast %v : !vnni.m512i to vector<16xi32>
  // CHECK: vnni.bitcast %{{.*}} : vector<64xi8> to !vnni.m512i
  %bytes = vector.bitcast %lanes : vector<16xi32> to vector<64xi8>
  %back = vnni.bitcast %bytes : vector<64xi8> to !vnni.m512i
  return %lanes, %back : vector<16xi32>, !vnni.m512i
}

// Write masks (i8/i16 as the C __mmask8/__mmask16), compares, blends,
// gathers, setr, div and scalef.
// CHECK-LABEL: func.func @masks
func.func @masks(%x: memref<?xf32>, %c: memref<?xi32>, %b: memref<?xi8>,
                 %k: i16, %k8: i8, %a: !vnni.m512, %v: !vnni.m512i,
                 %h: !vnni.m256, %i: index)
    attributes {vnni.target_features = "avx512f,avx512bw,avx512vl"} {
  // CHECK: vnni.masked_load <ps> %{{.*}}[%{{.*}}], %{{.*}} : memref<?xf32>, i16 -> !vnni.m512
  %z = vnni.masked_load <ps> %x[%i], %k : memref<?xf32>, i16 -> !vnni.m512
  // CHECK: vnni.masked_load aligned <ps> %{{.*}}[%{{.*}}], %{{.*}} passthru(%{{.*}}) : memref<?xf32>, i16 -> !vnni.m512
  %m = vnni.masked_load aligned <ps> %x[%i], %k passthru(%z)
      : memref<?xf32>, i16 -> !vnni.m512
  // CHECK: vnni.masked_load <epi8> %{{.*}}[%{{.*}}], %{{.*}} : memref<?xi8>, i32 -> !vnni.m256i
  %k32 = arith.extui %k : i16 to i32
  %bytes = vnni.masked_load <epi8> %b[%i], %k32 : memref<?xi8>, i32 -> !vnni.m256i
  // CHECK: vnni.masked_store <epi32> %{{.*}}, %{{.*}}[%{{.*}}], %{{.*}} : !vnni.m512i, memref<?xi32>, i16
  vnni.masked_store <epi32> %v, %c[%i], %k : !vnni.m512i, memref<?xi32>, i16
  // CHECK: vnni.masked_store aligned <ps> %{{.*}}, %{{.*}}[%{{.*}}], %{{.*}} : !vnni.m256, memref<?xf32>, i8
  vnni.masked_store aligned <ps> %h, %x[%i], %k8 : !vnni.m256, memref<?xf32>, i8
  // CHECK: vnni.binary <add> <ps> %{{.*}}, %{{.*}} mask(%{{.*}} : i16) passthru(%{{.*}}) : !vnni.m512
  %s = vnni.binary <add> <ps> %a, %m mask(%k : i16) passthru(%a) : !vnni.m512
  // CHECK: vnni.binary <mullo> <epi32> %{{.*}}, %{{.*}} mask(%{{.*}} : i16) : !vnni.m512i
  %p = vnni.binary <mullo> <epi32> %v, %v mask(%k : i16) : !vnni.m512i
  // CHECK: vnni.binary <div> <ps> %{{.*}}, %{{.*}} : !vnni.m512
  %d = vnni.binary <div> <ps> %s, %a : !vnni.m512
  // CHECK: vnni.binary <scalef> <ps> %{{.*}}, %{{.*}} : !vnni.m256
  %f = vnni.binary <scalef> <ps> %h, %h : !vnni.m256
  // CHECK: vnni.cmp <gt_oq> %{{.*}}, %{{.*}} : !vnni.m512 -> i16
  %gt = vnni.cmp <gt_oq> %d, %a : !vnni.m512 -> i16
  // CHECK: vnni.cmp <unord_s> %{{.*}}, %{{.*}} : !vnni.m256 -> i8
  %un = vnni.cmp <unord_s> %f, %h : !vnni.m256 -> i8
  // CHECK: vnni.blend <ps> %{{.*}}, %{{.*}}, %{{.*}} : i16, !vnni.m512
  %bl = vnni.blend <ps> %gt, %d, %a : i16, !vnni.m512
  // CHECK: vnni.blend <epi64> %{{.*}}, %{{.*}}, %{{.*}} : i8, !vnni.m512i
  %bq = vnni.blend <epi64> %un, %v, %p : i8, !vnni.m512i
  // CHECK: vnni.gather <ps> %{{.*}}, %{{.*}}[%{{.*}}] scale 4 : !vnni.m512i, memref<?xf32> -> !vnni.m512
  %g = vnni.gather <ps> %bq, %x[%i] scale 4 : !vnni.m512i, memref<?xf32> -> !vnni.m512
  // CHECK: vnni.gather <epi32> %{{.*}}, %{{.*}}[%{{.*}}] scale 1 : !vnni.m512i, memref<?xi8> -> !vnni.m512i
  %gi = vnni.gather <epi32> %bq, %b[%i] scale 1 : !vnni.m512i, memref<?xi8> -> !vnni.m512i
  vnni.store %g, %x[%i] : !vnni.m512, memref<?xf32>
  vnni.store %gi, %c[%i] : !vnni.m512i, memref<?xi32>
  vnni.store %bl, %x[%i] : !vnni.m512, memref<?xf32>
  vnni.store %bytes, %b[%i] : !vnni.m256i, memref<?xi8>
  return
}

// CHECK-LABEL: func.func @setr
func.func @setr(%e: i32, %q: i64, %f: f32, %w: i16)
    -> (!vnni.m128i, !vnni.m256i, !vnni.m128, !vnni.m128i) {
  // CHECK: vnni.setr <epi32> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : i32 -> !vnni.m128i
  %a = vnni.setr <epi32> %e, %e, %e, %e : i32 -> !vnni.m128i
  // CHECK: vnni.setr <epi64> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : i64 -> !vnni.m256i
  %b = vnni.setr <epi64> %q, %q, %q, %q : i64 -> !vnni.m256i
  // CHECK: vnni.setr <ps> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : f32 -> !vnni.m128
  %c = vnni.setr <ps> %f, %f, %f, %f : f32 -> !vnni.m128
  // CHECK: vnni.setr <epi16> %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} : i16 -> !vnni.m128i
  %d = vnni.setr <epi16> %w, %w, %w, %w, %w, %w, %w, %w : i16 -> !vnni.m128i
  return %a, %b, %c, %d : !vnni.m128i, !vnni.m256i, !vnni.m128, !vnni.m128i
}
