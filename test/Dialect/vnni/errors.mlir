// RUN: xpiler-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{unknown vnni attribute 'vnni.bogus'}}
func.func @f() attributes {vnni.bogus} { return }

// -----

// expected-error @+1 {{'vnni.target_features' must be a string}}
func.func @f() attributes {vnni.target_features = ["avx512f"]} { return }

// -----

// expected-error @+1 {{'vnni.target_features' only applies to functions}}
module attributes {vnni.target_features = "avx512f"} {}

// -----

// expected-error @+1 {{unknown AVX-512 feature 'avx2' in 'vnni.target_features'}}
func.func @f() attributes {vnni.target_features = "avx512f,avx2"} { return }

// -----

// expected-error @+1 {{unknown AVX-512 feature '' in 'vnni.target_features'}}
func.func @f() attributes {vnni.target_features = ""} { return }

// -----

// expected-error @+1 {{duplicate feature 'avx512f' in 'vnni.target_features'}}
func.func @f() attributes {vnni.target_features = "avx512f,avx512vnni,avx512f"} { return }

// -----

func.func @f(%a: !vnni.m256i) -> !vnni.m256i
    attributes {vnni.target_features = "avx512f,avx512vnni"} {
  // expected-error @+1 {{'_mm256_dpbusd_epi32' requires target feature 'avx512vl', missing from the enclosing function's 'vnni.target_features'}}
  %0 = vnni.dp <dpbusd> %a, %a, %a : !vnni.m256i
  return %0 : !vnni.m256i
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m512i
    attributes {vnni.target_features = "avx512f"} {
  // expected-error @+1 {{'_mm512_add_epi8' requires target feature 'avx512bw'}}
  %0 = vnni.binary <add> <epi8> %a, %a : !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512, %b: !vnni.m512i) -> !vnni.m512
    attributes {vnni.target_features = "avx512vnni"} {
  // Any AVX-512 feature implies avx512f.
  %0 = vnni.fmadd %a, %a, %a : !vnni.m512
  // expected-error @+1 {{'_mm512_mullo_epi64' requires target feature 'avx512dq'}}
  %1 = vnni.binary <mullo> <epi64> %b, %b : !vnni.m512i
  return %0 : !vnni.m512
}

// -----

func.func @f(%m: memref<4x64xi8>, %i: index) -> !vnni.m512i {
  // expected-error @+1 {{expects 2 indices for a memref of rank 2, got 1}}
  %0 = vnni.load %m[%i] : memref<4x64xi8> -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%m: memref<4x64xi8, strided<[128, 1]>>, %i: index) -> !vnni.m512i {
  // expected-error @+1 {{memref must have the identity layout or be 1-D with unit stride}}
  %0 = vnni.load %m[%i, %i] : memref<4x64xi8, strided<[128, 1]>> -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%v: !vnni.m512, %m: memref<?xi32>, %i: index) {
  // expected-error @+1 {{float vector access needs an f32 memref, got element type 'i32'}}
  vnni.store %v, %m[%i] : !vnni.m512, memref<?xi32>
  return
}

// -----

func.func @f(%m: memref<?xf32>, %i: index) -> !vnni.m512i {
  // expected-error @+1 {{integer vector access needs an i8, i16, i32 or i64 memref, got element type 'f32'}}
  %0 = vnni.load %m[%i] : memref<?xf32> -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%x: f32) -> !vnni.m512i {
  // expected-error @+1 {{lane 'ps' needs a float vector, got '!vnni.m512i'}}
  %0 = vnni.set1 <ps> %x : f32 -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512) -> !vnni.m512 {
  // expected-error @+1 {{lane 'epi32' needs an integer vector, got '!vnni.m512'}}
  %0 = vnni.binary <add> <epi32> %a, %a : !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%x: i32) -> !vnni.m512i {
  // expected-error @+1 {{scalar type 'i32' does not match lane 'epi8' (expected 'i8')}}
  %0 = vnni.set1 <epi8> %x : i32 -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> i64 {
  // expected-error @+1 {{scalar type 'i64' does not match lane 'epi32' (expected 'i32')}}
  %0 = vnni.reduce <add> <epi32> %a : !vnni.m512i -> i64
  return %0 : i64
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m512i {
  // expected-error @+1 {{'mullo' has no 'epi8' form}}
  %0 = vnni.binary <mullo> <epi8> %a, %a : !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m512i {
  // expected-error @+1 {{'mul' has no 'epi32' form}}
  %0 = vnni.binary <mul> <epi32> %a, %a : !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> i32 {
  // expected-error @+1 {{'max' has no 'epi16' form}}
  %0 = vnni.reduce <max> <epi16> %a : !vnni.m512i -> i32
  return %0 : i32
}

// -----

func.func @f(%a: !vnni.m256) -> f32 {
  // expected-error @+1 {{reductions exist only for 512-bit vectors, got '!vnni.m256'}}
  %0 = vnni.reduce <add> <ps> %a : !vnni.m256 -> f32
  return %0 : f32
}

// -----

func.func @f(%a: !vnni.m256i) -> !vnni.m512i {
  // expected-error @+1 {{no 'cvtepi8_epi32' form converts '!vnni.m256i' to '!vnni.m512i'}}
  %0 = vnni.cvt <cvtepi8_epi32> %a : !vnni.m256i -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m256 {
  // expected-error @+1 {{no 'cvtepi32_ps' form converts '!vnni.m512i' to '!vnni.m256'}}
  %0 = vnni.cvt <cvtepi32_ps> %a : !vnni.m512i -> !vnni.m256
  return %0 : !vnni.m256
}

// -----

func.func @f(%a: !vnni.m128i) -> !vnni.m128i {
  // expected-error @+1 {{no extract intrinsic from '!vnni.m128i' to '!vnni.m128i'}}
  %0 = vnni.extract %a[0] : !vnni.m128i -> !vnni.m128i
  return %0 : !vnni.m128i
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m256i {
  // expected-error @+1 {{index must be in [0, 2), got 2}}
  %0 = vnni.extract %a[2] : !vnni.m512i -> !vnni.m256i
  return %0 : !vnni.m256i
}

// -----

func.func @f(%a: !vnni.m128i) -> !vnni.m512i {
  // expected-error @+1 {{no cast intrinsic from '!vnni.m128i' to '!vnni.m512i'}}
  %0 = vnni.cast %a : !vnni.m128i to !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m256 {
  // expected-error @+1 {{no cast intrinsic from '!vnni.m512i' to '!vnni.m256'}}
  %0 = vnni.cast %a : !vnni.m512i to !vnni.m256
  return %0 : !vnni.m256
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m512 {
  // expected-error @+1 {{expects one vnni vector type and one 1-D fixed-length vector of integers or floats, got '!vnni.m512i' and '!vnni.m512'}}
  %0 = vnni.bitcast %a : !vnni.m512i to !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%a: vector<4x4xi32>) -> !vnni.m512i {
  // expected-error @+1 {{expects one vnni vector type and one 1-D fixed-length vector}}
  %0 = vnni.bitcast %a : vector<4x4xi32> to !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> vector<32xi8> {
  // expected-error @+1 {{bit widths differ: 512 vs 256}}
  %0 = vnni.bitcast %a : !vnni.m512i to vector<32xi8>
  return %0 : vector<32xi8>
}

// -----

func.func @f(%a: !vnni.m512) -> !vnni.m512 {
  // expected-error @+1 {{operand #0 must be integer vector (__m512i, __m256i or __m128i)}}
  %0 = vnni.dp <dpbusd> %a, %a, %a : !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%a: !vnni.m512, %k: i8) -> !vnni.m512 {
  // expected-error @+1 {{mask for 16 lanes of 'ps' must be i16, got 'i8'}}
  %0 = vnni.binary <add> <ps> %a, %a mask(%k : i8) : !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m512i {
  // expected-error @+1 {{'div' has no 'epi32' form}}
  %0 = vnni.binary <div> <epi32> %a, %a : !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i) -> !vnni.m512i {
  // expected-error @+1 {{'scalef' has no 'epi64' form}}
  %0 = vnni.binary <scalef> <epi64> %a, %a : !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512) -> !vnni.m512 {
  // expected-error @+1 {{'passthru' needs a 'mask'}}
  %0 = vnni.binary <add> <ps> %a, %a passthru(%a) : !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%a: !vnni.m512, %k: i16, %p: !vnni.m512i) -> !vnni.m512 {
  // expected-error @+1 {{failed to verify that passthru has the result type}}
  %0 = "vnni.binary"(%a, %a, %k, %p) <{kind = #vnni<binary_kind<add>>, lane = #vnni<lane<ps>>, operandSegmentSizes = array<i32: 1, 1, 1, 1>}> : (!vnni.m512, !vnni.m512, i16, !vnni.m512i) -> !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%a: !vnni.m256, %k: i8) -> !vnni.m256
    attributes {vnni.target_features = "avx512f"} {
  // expected-error @+1 {{'_mm256_maskz_add_ps' requires target feature 'avx512vl'}}
  %0 = vnni.binary <add> <ps> %a, %a mask(%k : i8) : !vnni.m256
  return %0 : !vnni.m256
}

// -----

func.func @f(%a: !vnni.m128) -> !vnni.m128
    attributes {vnni.target_features = "avx512f"} {
  // expected-error @+1 {{'_mm_scalef_ps' requires target feature 'avx512vl'}}
  %0 = vnni.binary <scalef> <ps> %a, %a : !vnni.m128
  return %0 : !vnni.m128
}

// -----

func.func @f(%m: memref<?xi8>, %i: index, %k: i64) -> !vnni.m512i {
  // expected-error @+1 {{no aligned masked access has lane 'epi8'}}
  %0 = vnni.masked_load aligned <epi8> %m[%i], %k : memref<?xi8>, i64 -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%m: memref<?xf32>, %i: index, %k: i16) -> !vnni.m512 {
  // expected-error @+1 {{lane 'epi32' needs an integer vector, got '!vnni.m512'}}
  %0 = vnni.masked_load <epi32> %m[%i], %k : memref<?xf32>, i16 -> !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%m: memref<?xi32>, %i: index, %k: i16) -> !vnni.m512 {
  // expected-error @+1 {{float vector access needs an f32 memref, got element type 'i32'}}
  %0 = vnni.masked_load <ps> %m[%i], %k : memref<?xi32>, i16 -> !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%v: !vnni.m512i, %m: memref<?xi32>, %i: index, %k: i16) {
  // expected-error @+1 {{mask for 8 lanes of 'epi64' must be i8, got 'i16'}}
  vnni.masked_store <epi64> %v, %m[%i], %k : !vnni.m512i, memref<?xi32>, i16
  return
}

// -----

func.func @f(%v: !vnni.m128i, %m: memref<?xi16>, %i: index, %k: i8)
    attributes {vnni.target_features = "avx512f,avx512vl"} {
  // expected-error @+1 {{'_mm_mask_storeu_epi16' requires target feature 'avx512bw'}}
  vnni.masked_store <epi16> %v, %m[%i], %k : !vnni.m128i, memref<?xi16>, i8
  return
}

// -----

func.func @f(%x: !vnni.m512i, %m: memref<?xf32>, %i: index, %k: i16) -> !vnni.m512 {
  // expected-error @+1 {{failed to verify that passthru has the result type}}
  %0 = "vnni.masked_load"(%m, %i, %k, %x) <{lane = #vnni<lane<ps>>, operandSegmentSizes = array<i32: 1, 1, 1, 1>}> : (memref<?xf32>, index, i16, !vnni.m512i) -> !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%v: !vnni.m512i, %m: memref<?xi64>, %i: index) -> !vnni.m512i {
  // expected-error @+1 {{gathers have lane 'ps' or 'epi32', got 'epi64'}}
  %0 = vnni.gather <epi64> %v, %m[%i] scale 8 : !vnni.m512i, memref<?xi64> -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%v: !vnni.m512i, %m: memref<?xf32>, %i: index) -> !vnni.m256 {
  // expected-error @+1 {{only the 512-bit gathers are supported, got '!vnni.m256'}}
  %0 = vnni.gather <ps> %v, %m[%i] scale 4 : !vnni.m512i, memref<?xf32> -> !vnni.m256
  return %0 : !vnni.m256
}

// -----

func.func @f(%v: !vnni.m512i, %m: memref<?xf32>, %i: index) -> !vnni.m512 {
  // expected-error @+1 {{scale must be 1, 2, 4 or 8, got 3}}
  %0 = vnni.gather <ps> %v, %m[%i] scale 3 : !vnni.m512i, memref<?xf32> -> !vnni.m512
  return %0 : !vnni.m512
}

// -----

func.func @f(%v: !vnni.m512i, %m: memref<?xf32>, %i: index) -> !vnni.m512i {
  // expected-error @+1 {{integer vector access needs an i8, i16, i32 or i64 memref, got element type 'f32'}}
  %0 = vnni.gather <epi32> %v, %m[%i] scale 4 : !vnni.m512i, memref<?xf32> -> !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%e: i64) -> !vnni.m128i {
  // expected-error @+1 {{no setr intrinsic makes '!vnni.m128i' from lane 'epi64'}}
  %0 = vnni.setr <epi64> %e, %e : i64 -> !vnni.m128i
  return %0 : !vnni.m128i
}

// -----

func.func @f(%e: i32) -> !vnni.m128i {
  // expected-error @+1 {{expects 4 elements, got 3}}
  %0 = vnni.setr <epi32> %e, %e, %e : i32 -> !vnni.m128i
  return %0 : !vnni.m128i
}

// -----

func.func @f(%e: i64) -> !vnni.m128i {
  // expected-error @+1 {{scalar type 'i64' does not match lane 'epi32' (expected 'i32')}}
  %0 = vnni.setr <epi32> %e, %e, %e, %e : i64 -> !vnni.m128i
  return %0 : !vnni.m128i
}

// -----

func.func @f(%e: f32) -> !vnni.m128i {
  // expected-error @+1 {{lane 'ps' needs a float vector, got '!vnni.m128i'}}
  %0 = vnni.setr <ps> %e, %e, %e, %e : f32 -> !vnni.m128i
  return %0 : !vnni.m128i
}

// -----

func.func @f(%a: i32, %b: i64) -> !vnni.m128i {
  // expected-error @+1 {{all operands to have the same type}}
  %0 = "vnni.setr"(%a, %a, %a, %b) <{lane = #vnni<lane<epi32>>}> : (i32, i32, i32, i64) -> !vnni.m128i
  return %0 : !vnni.m128i
}

// -----

func.func @f(%a: !vnni.m512) -> i8 {
  // expected-error @+1 {{result must be i16 for '!vnni.m512', got 'i8'}}
  %0 = vnni.cmp <lt_os> %a, %a : !vnni.m512 -> i8
  return %0 : i8
}

// -----

func.func @f(%a: !vnni.m128) -> i8
    attributes {vnni.target_features = "avx512f"} {
  // expected-error @+1 {{'_mm_cmp_ps_mask' requires target feature 'avx512vl'}}
  %0 = vnni.cmp <eq_oq> %a, %a : !vnni.m128 -> i8
  return %0 : i8
}

// -----

func.func @f(%a: !vnni.m512i) -> i16 {
  // expected-error @+1 {{operand #0 must be float vector (__m512, __m256 or __m128)}}
  %0 = vnni.cmp <eq_oq> %a, %a : !vnni.m512i -> i16
  return %0 : i16
}

// -----

func.func @f(%a: !vnni.m512i, %k: i16) -> !vnni.m512i {
  // expected-error @+1 {{mask for 64 lanes of 'epi8' must be i64, got 'i16'}}
  %0 = vnni.blend <epi8> %k, %a, %a : i16, !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i, %k: i16) -> !vnni.m512i {
  // expected-error @+1 {{lane 'ps' needs a float vector, got '!vnni.m512i'}}
  %0 = vnni.blend <ps> %k, %a, %a : i16, !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512i, %k: i64) -> !vnni.m512i
    attributes {vnni.target_features = "avx512f"} {
  // expected-error @+1 {{'_mm512_mask_blend_epi8' requires target feature 'avx512bw'}}
  %0 = vnni.blend <epi8> %k, %a, %a : i64, !vnni.m512i
  return %0 : !vnni.m512i
}

// -----

func.func @f(%a: !vnni.m512, %k: f32) -> !vnni.m512 {
  // expected-error @+1 {{operand #0 must be write mask (i8, i16, i32 or i64: __mmask8/16/32/64)}}
  %0 = vnni.blend <ps> %k, %a, %a : f32, !vnni.m512
  return %0 : !vnni.m512
}
