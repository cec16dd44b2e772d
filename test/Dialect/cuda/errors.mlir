// RUN: xpiler-opt %s -split-input-file -verify-diagnostics

// expected-error @+1 {{'cuda.kernel' must be a unit attribute}}
func.func @k() attributes {cuda.kernel = 1 : i32} { return }

// -----

// expected-error @+1 {{'cuda.device' only applies to functions}}
module attributes {cuda.device} {}

// -----

// expected-error @+1 {{kernel must not return values}}
func.func @k() -> i32 attributes {cuda.kernel} {
  %0 = arith.constant 0 : i32
  return %0 : i32
}

// -----

// expected-error @+1 {{'cuda.kernel' cannot be combined with 'cuda.device'}}
func.func @k() attributes {cuda.kernel, cuda.device} { return }

// -----

// expected-error @+1 {{'cuda.kernel' cannot be combined with 'cuda.host'}}
func.func @k() attributes {cuda.kernel, cuda.host} { return }

// -----

// expected-error @+1 {{'cuda.launch_bounds' must be a #cuda.launch_bounds}}
func.func @k() attributes {cuda.kernel, cuda.launch_bounds = 256 : i32} { return }

// -----

// expected-error @+1 {{'cuda.launch_bounds' only applies to cuda.kernel functions}}
func.func @d() attributes {cuda.device, cuda.launch_bounds = #cuda.launch_bounds<256>} { return }

// -----

// expected-error @+1 {{unknown cuda attribute 'cuda.bogus'}}
func.func @f() attributes {cuda.bogus} { return }

// -----

// expected-error @+1 {{maxThreads must be between 1 and 1024, got 2048}}
func.func @k() attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<2048>} { return }

// -----

// expected-error @+1 {{minBlocks must be positive, got 0}}
func.func @k() attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256, 0>} { return }

// -----

//===----------------------------------------------------------------------===//
// !cuda.fragment
//===----------------------------------------------------------------------===//

// expected-error @+1 {{matrix_a fragment needs a row_major or col_major layout}}
func.func @f(%a: !cuda.fragment<matrix_a, 16x16x16, f16>) { return }

// -----

// expected-error @+1 {{accumulator fragment must not have a layout}}
func.func @f(%a: !cuda.fragment<accumulator, 16x16x16, f32, row_major>) { return }

// -----

// expected-error @+1 {{unsupported matrix_b fragment: element type 'f32' with shape 16x16x16}}
func.func @f(%a: !cuda.fragment<matrix_b, 16x16x16, f32, row_major>) { return }

// -----

// tf32 only comes as 16x16x8.
// expected-error @+1 {{unsupported matrix_a fragment: element type 'tf32' with shape 16x16x16}}
func.func @f(%a: !cuda.fragment<matrix_a, 16x16x16, tf32, row_major>) { return }

// -----

// No bf16 accumulator.
// expected-error @+1 {{unsupported accumulator fragment: element type 'bf16' with shape 16x16x16}}
func.func @f(%a: !cuda.fragment<accumulator, 16x16x16, bf16>) { return }

// -----

// f64 only comes as 8x8x4.
// expected-error @+1 {{unsupported accumulator fragment: element type 'f64' with shape 16x16x16}}
func.func @f(%a: !cuda.fragment<accumulator, 16x16x16, f64>) { return }

// -----

// Signless i8 is not a multiplicand type: signed char is si8, unsigned char ui8.
// expected-error @+1 {{unsupported matrix_a fragment: element type 'i8' with shape 16x16x16}}
func.func @f(%a: !cuda.fragment<matrix_a, 16x16x16, i8, row_major>) { return }

// -----

// expected-error @+1 {{expected a fragment shape MxNxK}}
func.func @f(%a: !cuda.fragment<matrix_a, 16x16, f16, row_major>) { return }

// -----

// expected-error @+1 {{unknown fragment layout 'diagonal'}}
func.func @f(%a: !cuda.fragment<matrix_a, 16x16x16, f16, diagonal>) { return }

// -----

// expected-error @+1 {{unknown fragment use 'matrix_c'}}
func.func @f(%a: !cuda.fragment<matrix_c, 16x16x16, f16, row_major>) { return }

// -----

//===----------------------------------------------------------------------===//
// Warp-level primitives
//===----------------------------------------------------------------------===//

func.func @f(%v: f32) -> f32 attributes {cuda.device} {
  %full = arith.constant -1 : i32
  %c1 = arith.constant 1 : i32
  %c3 = arith.constant 3 : i32
  // expected-error @+1 {{width must be a power of two between 1 and 32, got 3}}
  %r = cuda.shfl_sync xor %full, %v, %c1 width %c3 : f32
  return %r : f32
}

// -----

func.func @f(%v: f32) -> f32 attributes {cuda.device} {
  %full = arith.constant -1 : i32
  %c1 = arith.constant 1 : i32
  // expected-error @+1 {{unknown keyword 'sideways'}}
  %r = cuda.shfl_sync sideways %full, %v, %c1 : f32
  return %r : f32
}

// -----

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

func.func @f(%m: memref<4xi32, #cuda.memory_space<local>>, %v: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{needs a memref in global or shared memory, got 'memref<4xi32, #cuda.memory_space<local>>'}}
  %o = cuda.atomic_rmw add %v, %m[%c0] : memref<4xi32, #cuda.memory_space<local>>
  return
}

// -----

func.func @f(%m: memref<4xi32, #cuda.memory_space<global>>, %v: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{expected 1 indices for a rank-1 memref, got 2}}
  %o = cuda.atomic_rmw add %v, %m[%c0, %c0] : memref<4xi32, #cuda.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<4xf32, #cuda.memory_space<global>>, %v: f32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{atomic sub does not support element type 'f32'}}
  %o = cuda.atomic_rmw sub %v, %m[%c0] : memref<4xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<4xi64, #cuda.memory_space<shared>>, %v: i64) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{atomic inc does not support element type 'i64'}}
  %o = cuda.atomic_rmw inc %v, %m[%c0] : memref<4xi64, #cuda.memory_space<shared>>
  return
}

// -----

func.func @f(%m: memref<4xi16, #cuda.memory_space<global>>, %v: i16) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{atomic add does not support element type 'i16'}}
  %o = cuda.atomic_rmw add %v, %m[%c0] : memref<4xi16, #cuda.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<4xf32, #cuda.memory_space<global>>, %v: f32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{atomic cas does not support element type 'f32'}}
  %o = cuda.atomic_cas %v, %v, %m[%c0] : memref<4xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<4xi32>, %v: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{needs a memref in global or shared memory, got 'memref<4xi32>'}}
  %o = cuda.atomic_cas %v, %v, %m[%c0] : memref<4xi32>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

func.func @k() attributes {cuda.kernel} {
  // expected-error @+1 {{result must be in shared memory, got 'memref<32xf32, #cuda.memory_space<global>>'}}
  %s = cuda.shared_array "s" : memref<32xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @k() attributes {cuda.kernel} {
  // expected-error @+1 {{shared memory must have an identity layout}}
  %s = cuda.shared_array : memref<32xf32, strided<[2]>, #cuda.memory_space<shared>>
  return
}

// -----

func.func @host() {
  // expected-error @+1 {{must be inside a cuda.kernel or cuda.device function}}
  %s = cuda.shared_array "s" : memref<32xf32, #cuda.memory_space<shared>>
  return
}

// -----

func.func @k() attributes {cuda.kernel} {
  // expected-error @+1 {{a static shared array must have a static shape}}
  %s = cuda.shared_array "s" : memref<?xf32, #cuda.memory_space<shared>>
  return
}

// -----

func.func @k() attributes {cuda.kernel} {
  // expected-error @+1 {{dynamic shared memory must be a 1-D memref of unknown size}}
  %s = cuda.dynamic_shared "s" : memref<128xf32, #cuda.memory_space<shared>>
  return
}

// -----

func.func @host() {
  // expected-error @+1 {{must be inside a cuda.kernel or cuda.device function}}
  %s = cuda.dynamic_shared "s" : memref<?xf32, #cuda.memory_space<shared>>
  return
}

// -----

//===----------------------------------------------------------------------===//
// nvcuda::wmma
//===----------------------------------------------------------------------===//

func.func @k(%v: f16) attributes {cuda.kernel} {
  // expected-error @+1 {{value type 'f16' does not match the fragment's storage type 'f32'}}
  %f = cuda.wmma.fill_fragment %v : f16 -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

// A tf32 fragment is loaded from float memory.
func.func @k(%m: memref<?xf16, #cuda.memory_space<global>>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{memref element type 'f16' does not match the fragment's storage type 'f32'}}
  %a = cuda.wmma.load_matrix_sync %m[%c0], %ld : memref<?xf16, #cuda.memory_space<global>> -> !cuda.fragment<matrix_a, 16x16x8, tf32, row_major>
  return
}

// -----

func.func @k(%m: memref<?xf16>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{needs a memref in global or shared memory, got 'memref<?xf16>'}}
  %a = cuda.wmma.load_matrix_sync %m[%c0], %ld : memref<?xf16> -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
  return
}

// -----

func.func @k(%m: memref<?xf32, #cuda.memory_space<global>>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{loading an accumulator fragment needs a memory layout (mem_row_major or mem_col_major)}}
  %c = cuda.wmma.load_matrix_sync %m[%c0], %ld : memref<?xf32, #cuda.memory_space<global>> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%m: memref<?xf16, #cuda.memory_space<shared>>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{a memory layout only applies to accumulator loads; a matrix_b fragment carries its layout in its type}}
  %b = cuda.wmma.load_matrix_sync %m[%c0], %ld mem_col_major : memref<?xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
  return
}

// -----

func.func @k(%m: memref<?x?xf16, #cuda.memory_space<shared>>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{expected 2 indices for a rank-2 memref, got 1}}
  %b = cuda.wmma.load_matrix_sync %m[%c0], %ld : memref<?x?xf16, #cuda.memory_space<shared>> -> !cuda.fragment<matrix_b, 16x16x16, f16, col_major>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
             %m: memref<?xf16, #cuda.memory_space<global>>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{only accumulator fragments can be stored, got a matrix_a fragment}}
  cuda.wmma.store_matrix_sync %a, %m[%c0], %ld mem_row_major : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, memref<?xf16, #cuda.memory_space<global>>
  return
}

// -----

func.func @k(%c: !cuda.fragment<accumulator, 16x16x16, f32>,
             %m: memref<?xf16, #cuda.memory_space<global>>, %ld: i32) attributes {cuda.kernel} {
  %c0 = arith.constant 0 : index
  // expected-error @+1 {{memref element type 'f16' does not match the fragment's storage type 'f32'}}
  cuda.wmma.store_matrix_sync %c, %m[%c0], %ld mem_row_major : !cuda.fragment<accumulator, 16x16x16, f32>, memref<?xf16, #cuda.memory_space<global>>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_b, 16x16x16, f16, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.kernel} {
  // expected-error @+1 {{a must be a matrix_a fragment, got '!cuda.fragment<matrix_b, 16x16x16, f16, row_major>'}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_b, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.kernel} {
  // expected-error @+1 {{c must be an accumulator fragment, got '!cuda.fragment<matrix_b, 16x16x16, f16, col_major>'}}
  %d = cuda.wmma.mma_sync %a, %b, %b : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>,
             %c: !cuda.fragment<accumulator, 32x8x16, f32>) attributes {cuda.kernel} {
  // expected-error @+1 {{fragment shapes differ: a is 16x16x16 but c is 32x8x16}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 32x8x16, f32> -> !cuda.fragment<accumulator, 32x8x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, bf16, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x16, f32>) attributes {cuda.kernel} {
  // expected-error @+1 {{a and b element types differ ('f16' vs 'bf16')}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, bf16, col_major>, !cuda.fragment<accumulator, 16x16x16, f32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, bf16, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, bf16, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x16, f16>) attributes {cuda.kernel} {
  // expected-error @+1 {{c has element type 'f16' but 'bf16' multiplicands accumulate into f32}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, bf16, row_major>, !cuda.fragment<matrix_b, 16x16x16, bf16, col_major>, !cuda.fragment<accumulator, 16x16x16, f16> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, si8, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, si8, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x16, i32>) attributes {cuda.kernel} {
  // expected-error @+1 {{d has element type 'f32' but 'si8' multiplicands accumulate into i32}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, si8, row_major>, !cuda.fragment<matrix_b, 16x16x16, si8, col_major>, !cuda.fragment<accumulator, 16x16x16, i32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x16, f16, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x16, f16, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x16, i32>) attributes {cuda.kernel} {
  // expected-error @+1 {{c has element type 'i32' but 'f16' multiplicands accumulate into f16 or f32}}
  %d = cuda.wmma.mma_sync %a, %b, %c : !cuda.fragment<matrix_a, 16x16x16, f16, row_major>, !cuda.fragment<matrix_b, 16x16x16, f16, col_major>, !cuda.fragment<accumulator, 16x16x16, i32> -> !cuda.fragment<accumulator, 16x16x16, f32>
  return
}

// -----

func.func @k(%a: !cuda.fragment<matrix_a, 16x16x8, tf32, row_major>,
             %b: !cuda.fragment<matrix_b, 16x16x8, tf32, col_major>,
             %c: !cuda.fragment<accumulator, 16x16x8, f32>) attributes {cuda.kernel} {
  // expected-error @+1 {{satf only applies to integer (si8/ui8) multiplicands}}
  %d = cuda.wmma.mma_sync %a, %b, %c satf : !cuda.fragment<matrix_a, 16x16x8, tf32, row_major>, !cuda.fragment<matrix_b, 16x16x8, tf32, col_major>, !cuda.fragment<accumulator, 16x16x8, f32> -> !cuda.fragment<accumulator, 16x16x8, f32>
  return
}

// -----

func.func @k(%f: !cuda.fragment<matrix_a, 16x16x16, ui8, row_major>, %i: index) attributes {cuda.kernel} {
  // expected-error @+1 {{result type 'i32' does not match the fragment's storage type 'i8'}}
  %e = cuda.wmma.fragment_extract %f[%i] : !cuda.fragment<matrix_a, 16x16x16, ui8, row_major> -> i32
  return
}

// -----

func.func @k(%f: !cuda.fragment<matrix_b, 16x16x8, tf32, row_major>, %i: index, %v: f16) attributes {cuda.kernel} {
  // expected-error @+1 {{value type 'f16' does not match the fragment's storage type 'f32'}}
  %g = cuda.wmma.fragment_insert %v, %f[%i] : f16 -> !cuda.fragment<matrix_b, 16x16x8, tf32, row_major>
  return
}

// -----

//===----------------------------------------------------------------------===//
// Host runtime
//===----------------------------------------------------------------------===//

func.func @h(%n: index) {
  // expected-error @+1 {{result must be in global memory, got 'memref<?xf32, #cuda.memory_space<shared>>'}}
  %d = cuda.malloc %n : memref<?xf32, #cuda.memory_space<shared>>
  return
}

// -----

func.func @h(%n: index) {
  // expected-error @+1 {{result must be a 1-D memref of dynamic size with an identity layout, got 'memref<?x4xf32, #cuda.memory_space<global>>'}}
  %d = cuda.malloc %n : memref<?x4xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @h(%h: memref<?xf32>) {
  // expected-error @+1 {{needs a memref in global memory, got 'memref<?xf32>'}}
  cuda.free %h : memref<?xf32>
  return
}

// -----

func.func @h(%d: memref<?xf32, #cuda.memory_space<global>>, %h: memref<?xf16>, %n: index) {
  // expected-error @+1 {{destination and source element types differ ('f32' vs 'f16')}}
  cuda.memcpy HostToDevice %d, %h, %n : memref<?xf32, #cuda.memory_space<global>>, memref<?xf16>
  return
}

// -----

func.func @h(%d: memref<?xf32, #cuda.memory_space<global>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a HostToDevice copy must be in global memory, got 'memref<?xf32>'}}
  cuda.memcpy HostToDevice %h, %d, %n : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @h(%d: memref<?xf32, #cuda.memory_space<global>>, %n: index) {
  // expected-error @+1 {{source of a HostToDevice copy must be in host memory, got 'memref<?xf32, #cuda.memory_space<global>>'}}
  cuda.memcpy HostToDevice %d, %d, %n : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @h(%h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{source of a DeviceToHost copy must be in global memory, got 'memref<?xf32>'}}
  cuda.memcpy DeviceToHost %h, %h, %n : memref<?xf32>, memref<?xf32>
  return
}

// -----

func.func @h(%d: memref<?xf32, #cuda.memory_space<global>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a DeviceToDevice copy must be in global memory, got 'memref<?xf32>'}}
  cuda.memcpy DeviceToDevice %h, %d, %n : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  return
}

// -----

func.func @h(%d: memref<?xf32, #cuda.memory_space<global>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a HostToHost copy must be in host memory, got 'memref<?xf32, #cuda.memory_space<global>>'}}
  cuda.memcpy HostToHost %d, %h, %n : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  return
}

// -----

func.func @h(%s: memref<?xf32, #cuda.memory_space<shared>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a Default copy must be in host or global memory, got 'memref<?xf32, #cuda.memory_space<shared>>'}}
  cuda.memcpy Default %s, %h, %n : memref<?xf32, #cuda.memory_space<shared>>, memref<?xf32>
  return
}

// -----

func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'missing' does not reference a function}}
  cuda.launch @missing grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
  return
}

// -----

func.func @notkernel() attributes {cuda.device} { return }
func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'notkernel' is not a cuda.kernel}}
  cuda.launch @notkernel grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
  return
}

// -----

func.func @k(%n: i32) attributes {cuda.kernel} { return }
func.func @h() {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{passes 0 arguments to a kernel that takes 1}}
  cuda.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1)
  return
}

// -----

func.func @k(%n: i32) attributes {cuda.kernel} { return }
func.func @h(%n: i64) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{argument 0 has type 'i64' but the kernel expects 'i32'}}
  cuda.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%n : i64)
  return
}

// -----

func.func @k() attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256, 4>} { return }
func.func @h() {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c256 = arith.constant 256 : index
  // expected-error @+1 {{launches 512 threads per block but the kernel's launch bounds allow 256}}
  cuda.launch @k grid(%c1, %c1, %c1) block(%c256, %c2, %c1)
  return
}
