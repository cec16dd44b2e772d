// RUN: xpiler-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{unknown bang attribute 'bang.bogus'}}
func.func @f() attributes {bang.bogus} { return }

// -----

// expected-error @+1 {{'bang.kernel' must be a unit attribute}}
func.func @f() attributes {bang.kernel = 1 : i32} { return }

// -----

// expected-error @+1 {{'bang.func' only applies to functions}}
module attributes {bang.func} {}

// -----

// expected-error @+1 {{has more than one of bang.kernel, bang.func and bang.device}}
func.func @f() attributes {bang.kernel, bang.device} { return }

// -----

// expected-error @+1 {{__mlu_global__ kernel must not return values}}
func.func @k() -> i32 attributes {bang.kernel} {
  %0 = arith.constant 0 : i32
  return %0 : i32
}

// -----

func.func @f() {
  // expected-error @+1 {{declared arrays must be in nram, wram or sram, got gdram}}
  %0 = bang.alloc : memref<16xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{declared arrays must be in nram, wram or sram, got host memory}}
  %0 = bang.alloc : memref<16xf32>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{declared arrays must be in nram, wram or sram, got a non-bang memory space}}
  %0 = bang.alloc : memref<16xf32, 3>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{declared arrays need a static shape}}
  %0 = bang.alloc : memref<?xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{declared arrays need the identity layout}}
  %0 = bang.alloc : memref<16xf32, strided<[2]>, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<wram>>, %s: memref<?xf32, #bang.memory_space<gdram>>, %n: i32) {
  // expected-error @+1 {{direction GDRAM2NRAM needs 'dst' in nram, got wram}}
  bang.memcpy %d, %s, %n, <GDRAM2NRAM> : memref<256xf32, #bang.memory_space<wram>>, memref<?xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<?xf32>, %n: i32) {
  // expected-error @+1 {{direction GDRAM2NRAM needs 'src' in gdram, got host memory}}
  bang.memcpy %d, %s, %n, <GDRAM2NRAM> : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<?xf32, #bang.memory_space<gdram>>, %n: i32) {
  // expected-error @+1 {{strided copies need dst_stride, src_stride and segnum together}}
  "bang.memcpy"(%d, %s, %n, %n) <{dir = #bang.dir<GDRAM2NRAM>, operandSegmentSizes = array<i32: 1, 1, 1, 1, 0, 0, 0>}> : (memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<gdram>>, i32, i32) -> ()
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<256xf32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{a destination cluster only applies to SRAM2SRAM copies}}
  bang.memcpy %d, %s, %n, <NRAM2NRAM> cluster(%n) : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<sram>>, %s: memref<256xf32, #bang.memory_space<sram>>, %n: i32) {
  // expected-error @+1 {{__memcpy_async has no destination-cluster form}}
  bang.memcpy async %d, %s, %n, <SRAM2SRAM> cluster(%n) : memref<256xf32, #bang.memory_space<sram>>, memref<256xf32, #bang.memory_space<sram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<sram>>, %s: memref<256xf32, #bang.memory_space<sram>>, %n: i32) {
  // expected-error @+1 {{SRAM2SRAM copies need a destination cluster}}
  bang.memcpy %d, %s, %n, <SRAM2SRAM> : memref<256xf32, #bang.memory_space<sram>>, memref<256xf32, #bang.memory_space<sram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<?xf32, #bang.memory_space<ldram>>, %n: i32) {
  // expected-error @+1 {{__memcpy_async has no plain form for direction LDRAM2NRAM}}
  bang.memcpy async %d, %s, %n, <LDRAM2NRAM> : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<ldram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<256xf32, #bang.memory_space<wram>>, %n: i32) {
  // expected-error @+1 {{__memcpy has no strided form for direction WRAM2NRAM}}
  bang.memcpy %d, %s, %n, <WRAM2NRAM> stride(%n, %n, %n) : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<?xf32, #bang.memory_space<ldram>>, %s: memref<?xf32, #bang.memory_space<ldram>>, %n: i32) {
  // expected-error @+1 {{__memcpy has no plain form for direction LDRAM2LDRAM}}
  bang.memcpy %d, %s, %n, <LDRAM2LDRAM> : memref<?xf32, #bang.memory_space<ldram>>, memref<?xf32, #bang.memory_space<ldram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<?xf32, #bang.memory_space<gdram>>) {
  %c0 = arith.constant 0 : i32
  // expected-error @+1 {{'size' must be positive, got 0}}
  bang.memcpy %d, %s, %c0, <GDRAM2NRAM> : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<?xf32, #bang.memory_space<gdram>>, %n: i32) {
  %m1 = arith.constant -1 : i32
  // expected-error @+1 {{'segnum' must be non-negative, got -1}}
  bang.memcpy %d, %s, %n, <GDRAM2NRAM> stride(%n, %n, %m1) : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<?xf32, #bang.memory_space<gdram>>) {
  %c = arith.constant 2048 : i32
  // expected-error @+1 {{copies 2048 bytes of 'dst' which holds 1024}}
  bang.memcpy %d, %s, %c, <GDRAM2NRAM> : memref<256xf32, #bang.memory_space<nram>>, memref<?xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%d: memref<?xf32, #bang.memory_space<gdram>>, %s: memref<256xf32, #bang.memory_space<nram>>) {
  %size = arith.constant 64 : i32
  %stride = arith.constant 128 : i32
  %seg = arith.constant 8 : i32
  // expected-error @+1 {{copies 1088 bytes of 'src' which holds 1024}}
  bang.memcpy %d, %s, %size, <NRAM2GDRAM> stride(%stride, %stride, %seg) : memref<?xf32, #bang.memory_space<gdram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<sram>>, %n: i32, %v: f32) {
  // expected-error @+1 {{'dst' must be in nram, got sram}}
  bang.fill <memset_nram> %d, %n, %v : memref<256xf32, #bang.memory_space<sram>>, f32
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %n: i32, %v: i64) {
  // expected-error @+1 {{__bang_write_value does not support element type 'i64' (expected f16, bf16, f32, i8, i16 or i32)}}
  bang.fill <write_value> %d, %n, %v : memref<256xf32, #bang.memory_space<nram>>, i64
  return
}

// -----

func.func @f(%d: memref<256xi32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{__bang_write_zero does not support element type 'i32' (expected f16, bf16 or f32)}}
  bang.write_zero %d, %n : memref<256xi32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>) {
  %c = arith.constant 0 : i32
  // expected-error @+1 {{'count' must be positive, got 0}}
  bang.write_zero %d, %c : memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %g: memref<256xf32, #bang.memory_space<gdram>>, %n: i32) {
  // expected-error @+1 {{'src1' must be in nram, got gdram}}
  bang.binary <add> %d, %d, %g, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %h: memref<256xf16, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{'src0' element type 'f16' does not match 'dst' element type 'f32'}}
  bang.binary <mul> %d, %h, %d, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf16, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xi32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{__bang_div does not support element type 'i32' (expected f16, bf16 or f32)}}
  bang.binary <div> %d, %d, %d, %n : memref<256xi32, #bang.memory_space<nram>>, memref<256xi32, #bang.memory_space<nram>>, memref<256xi32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>) {
  %c = arith.constant 512 : i32
  // expected-error @+1 {{accesses 512 elements of 'dst' which holds 256}}
  bang.binary <sub> %d, %d, %d, %c : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %n: i32, %v: f32) {
  // expected-error @+1 {{kind 'div' has no _scalar form}}
  bang.binary_scalar <div> <scalar> %d, %d, %v, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, f32
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %n: i32, %v: f32) {
  // expected-error @+1 {{kind 'eq' has no _const form}}
  bang.binary_scalar <eq> <const> %d, %d, %v, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, f32
  return
}

// -----

func.func @f(%d: memref<256xbf16, #bang.memory_space<nram>>, %n: i32, %v: bf16) {
  // expected-error @+1 {{__bang_add_const does not support element type 'bf16' (expected f16 or f32)}}
  bang.binary_scalar <add> <const> %d, %d, %v, %n : memref<256xbf16, #bang.memory_space<nram>>, memref<256xbf16, #bang.memory_space<nram>>, bf16
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %n: i32, %v: f16) {
  // expected-error @+1 {{value type 'f16' does not match element type 'f32'}}
  bang.binary_scalar <add> <scalar> %d, %d, %v, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, f16
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<64xf32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{kind 'div' has no cycle form}}
  bang.cycle <div> %d, %d, %s, %n, %n : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xf32, #bang.memory_space<nram>>, %s: memref<64xf32, #bang.memory_space<nram>>) {
  %n = arith.constant 200 : i32
  %m = arith.constant 64 : i32
  // expected-error @+1 {{src_count 200 is not a multiple of seg_count 64}}
  bang.cycle <add> %d, %d, %s, %n, %m : memref<256xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<256xi16, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{__bang_sigmoid does not support element type 'i16' (expected f16, bf16 or f32)}}
  "bang.unary"(%d, %d, %n) <{kind = #bang.unary<sigmoid>}> : (memref<256xi16, #bang.memory_space<nram>>, memref<256xi16, #bang.memory_space<nram>>, i32) -> ()
  return
}

// -----

func.func @f(%d: memref<256xbf16, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{__bang_active_exp does not support element type 'bf16' (expected f16 or f32)}}
  bang.unary <active_exp> %d, %d, %n : memref<256xbf16, #bang.memory_space<nram>>, memref<256xbf16, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<1xf32, #bang.memory_space<nram>>, %s: memref<256xf32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{'dst' must hold at least 2 elements (value and index)}}
  bang.reduce <max> %d, %s, %n : memref<1xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %s: memref<256xf32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{stride_x and stride_y go together}}
  "bang.pool"(%d, %s, %n, %n, %n, %n, %n, %n) <{kind = #bang.pool<avg>, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 1, 1, 1, 0>}> : (memref<64xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>, i32, i32, i32, i32, i32, i32) -> ()
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %s: memref<256xf32, #bang.memory_space<nram>>, %n: i32) {
  %h = arith.constant 4 : i32
  %k = arith.constant 5 : i32
  // expected-error @+1 {{kernel_height 5 exceeds height 4}}
  bang.pool <max> %d, %s, %n, %h, %n, %k, %n : memref<64xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %s: memref<256xf32, #bang.memory_space<nram>>, %n: i32) {
  %z = arith.constant 0 : i32
  // expected-error @+1 {{'stride_y' must be positive, got 0}}
  bang.pool <sum> %d, %s, %n, %n, %n, %n, %n stride(%n, %z) : memref<64xf32, #bang.memory_space<nram>>, memref<256xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<64xi64, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{__bang_transpose needs an 8-, 16- or 32-bit element type, got 'i64'}}
  bang.transpose %d, %d, %n, %n : memref<64xi64, #bang.memory_space<nram>>, memref<64xi64, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{'rhs' must be in wram, got nram}}
  bang.matmul %d, %d, %w, %n, %n, %n : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %a: memref<64xf16, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<wram>>, %n: i32) {
  // expected-error @+1 {{'lhs' and 'rhs' must both be f16, both be f32, or be i8/i16, got 'f16' and 'f32'}}
  bang.matmul %d, %a, %w, %n, %n, %n : memref<64xf32, #bang.memory_space<nram>>, memref<64xf16, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %a: memref<64xi8, #bang.memory_space<nram>>, %w: memref<64xi8, #bang.memory_space<wram>>, %n: i32) {
  // expected-error @+1 {{integer inputs need a fix position}}
  bang.matmul %d, %a, %w, %n, %n, %n : memref<64xf32, #bang.memory_space<nram>>, memref<64xi8, #bang.memory_space<nram>>, memref<64xi8, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<wram>>, %n: i32) {
  // expected-error @+1 {{floating-point inputs take no fix position}}
  bang.matmul %d, %d, %w, %n, %n, %n pos(%n) : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xi32, #bang.memory_space<nram>>, %a: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<wram>>, %n: i32) {
  // expected-error @+1 {{__bang_matmul does not support element type 'i32' (expected f16 or f32)}}
  bang.matmul %d, %a, %w, %n, %n, %n : memref<64xi32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %a: memref<64xf32, #bang.memory_space<nram>>, %w: memref<1024xf32, #bang.memory_space<wram>>) {
  %m = arith.constant 8 : i32
  %k = arith.constant 16 : i32
  // expected-error @+1 {{accesses 128 elements of 'lhs' which holds 64}}
  bang.matmul %d, %a, %w, %m, %k, %m : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<1024xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf16, #bang.memory_space<nram>>, %a: memref<64xi8, #bang.memory_space<nram>>, %b: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xi8, #bang.memory_space<wram>>, %n: i32) {
  // expected-error @+1 {{'bias' element type 'f32' does not match 'dst' element type 'f16'}}
  bang.mlp %d, %a bias(%b : memref<64xf32, #bang.memory_space<nram>>), %w, %n, %n pos(%n) : memref<64xf16, #bang.memory_space<nram>>, memref<64xi8, #bang.memory_space<nram>>, memref<64xi8, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<gdram>>, %n: i32) {
  // expected-error @+1 {{'weight' must be in wram, got gdram}}
  bang.mlp %d, %d, %w, %n, %n : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<nram>>, %n: i32) {
  // expected-error @+1 {{'kernel' must be in wram, got nram}}
  bang.conv %d, %d, %w, %n, %n, %n, %n, %n, %n, %n, %n : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<wram>>, %n: i32) {
  %k = arith.constant 3 : i32
  %one = arith.constant 1 : i32
  // expected-error @+1 {{kernel_width 3 exceeds width 1}}
  bang.conv %d, %d, %w, %n, %n, %one, %n, %k, %n, %n, %n : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %a: memref<64xi16, #bang.memory_space<nram>>, %w: memref<64xi8, #bang.memory_space<wram>>, %b: memref<64xf32, #bang.memory_space<sram>>, %n: i32) {
  // expected-error @+1 {{'bias' must be in nram, got sram}}
  bang.conv %d, %a, %w bias(%b : memref<64xf32, #bang.memory_space<sram>>), %n, %n, %n, %n, %n, %n, %n, %n pos(%n) : memref<64xf32, #bang.memory_space<nram>>, memref<64xi16, #bang.memory_space<nram>>, memref<64xi8, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%d: memref<64xf32, #bang.memory_space<nram>>, %w: memref<64xf32, #bang.memory_space<wram>>, %n: i32) {
  %z = arith.constant 0 : i32
  // expected-error @+1 {{'channel_output' must be positive, got 0}}
  bang.conv %d, %d, %w, %n, %n, %n, %n, %n, %n, %n, %z : memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<nram>>, memref<64xf32, #bang.memory_space<wram>>
  return
}

// -----

func.func @f(%n: i64) {
  // expected-error @+1 {{cnrtMalloc returns gdram memory, got host memory}}
  %0 = bang.malloc %n : memref<?xf32>
  return
}

// -----

func.func @f() {
  %c = arith.constant 0 : i64
  // expected-error @+1 {{'bytes' must be positive, got 0}}
  %0 = bang.malloc %c : memref<?xf32, #bang.memory_space<gdram>>
  return
}

// -----

func.func @f(%p: memref<?xf32>) {
  // expected-error @+1 {{'memref' must be in gdram, got host memory}}
  bang.free %p : memref<?xf32>
  return
}

// -----

func.func @f(%h: memref<?xf32>, %n: i64) {
  // expected-error @+1 {{host2dev needs 'dst' in gdram, got host memory}}
  bang.cnrt_memcpy %h, %h, %n, <host2dev> : memref<?xf32>, memref<?xf32>
  return
}

// -----

func.func @f(%h: memref<?xf32>, %g: memref<?xf32, #bang.memory_space<gdram>>, %n: i64) {
  // expected-error @+1 {{dev2host needs 'src' in gdram, got host memory}}
  bang.cnrt_memcpy %h, %h, %n, <dev2host> : memref<?xf32>, memref<?xf32>
  return
}

// -----

func.func @h(%q: !bang.queue, %d: !bang.dim3) {
  // expected-error @+1 {{'missing' does not reference a function}}
  bang.launch @missing dim(%d) func_type(<block>) queue(%q)
  return
}

// -----

func.func @helper() attributes {bang.func} { return }
func.func @h(%q: !bang.queue, %d: !bang.dim3) {
  // expected-error @+1 {{'helper' is not a bang.kernel}}
  bang.launch @helper dim(%d) func_type(<block>) queue(%q)
  return
}

// -----

func.func @k(%n: i32) attributes {bang.kernel} { return }
func.func @h(%q: !bang.queue, %d: !bang.dim3) {
  // expected-error @+1 {{passes 0 arguments to a kernel that takes 1}}
  bang.launch @k dim(%d) func_type(<union1>) queue(%q)
  return
}

// -----

func.func @k(%a: memref<?xf32, #bang.memory_space<gdram>>) attributes {bang.kernel} { return }
func.func @h(%q: !bang.queue, %d: !bang.dim3, %a: memref<?xf32>) {
  // expected-error @+1 {{argument 0 has type 'memref<?xf32>' but the kernel expects 'memref<?xf32, #bang.memory_space<gdram>>'}}
  bang.launch @k dim(%d) func_type(<union1>) queue(%q) args(%a : memref<?xf32>)
  return
}
