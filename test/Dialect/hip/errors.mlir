// RUN: xpiler-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// Function attributes
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'hip.kernel' must be a unit attribute}}
func.func @k() attributes {hip.kernel = 1 : i32} { return }

// -----

// expected-error @+1 {{'hip.device' only applies to functions}}
module attributes {hip.device} {}

// -----

// expected-error @+1 {{a hip.kernel (__global__) function must return void}}
func.func @k() -> i32 attributes {hip.kernel} {
  %0 = arith.constant 0 : i32
  return %0 : i32
}

// -----

// expected-error @+1 {{a hip.kernel (__global__) function cannot also be hip.device or hip.host}}
func.func @k() attributes {hip.kernel, hip.device} { return }

// -----

// expected-error @+1 {{'hip.launch_bounds' must be an array<i32> of 1 or 2 values}}
func.func @k() attributes {hip.kernel, hip.launch_bounds = array<i32: 256, 2, 1>} { return }

// -----

// expected-error @+1 {{'hip.launch_bounds' only applies to hip.kernel functions}}
func.func @f() attributes {hip.device, hip.launch_bounds = array<i32: 256>} { return }

// -----

// expected-error @+1 {{max threads per block must be in [1, 1024], got 2048}}
func.func @k() attributes {hip.kernel, hip.launch_bounds = array<i32: 2048>} { return }

// -----

// expected-error @+1 {{min waves per execution unit must be positive, got 0}}
func.func @k() attributes {hip.kernel, hip.launch_bounds = array<i32: 256, 0>} { return }

// -----

// expected-error @+1 {{unknown hip attribute 'hip.global'}}
func.func @k() attributes {hip.global} { return }

//===----------------------------------------------------------------------===//
// Shuffles
//===----------------------------------------------------------------------===//

// -----

func.func @f(%v: f32) attributes {hip.device} {
  %c1 = arith.constant 1 : i32
  %c48 = arith.constant 48 : i32
  // expected-error @+1 {{width must be a power of two in [1, 64], got 48}}
  %r = hip.shfl <xor> %v, %c1 width(%c48) : f32
  return
}

// -----

func.func @f(%v: f32) attributes {hip.device} {
  %c1 = arith.constant 1 : i32
  %c128 = arith.constant 128 : i32
  // expected-error @+1 {{width must be a power of two in [1, 64], got 128}}
  %r = hip.shfl <down> %v, %c1 width(%c128) : f32
  return
}

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

// -----

func.func @f(%m: memref<16xf32, #hip.memory_space<global>>, %v: f32, %i: index) {
  // expected-error @+1 {{has 2 indices for a rank-1 memref}}
  %r = hip.atomic <add> %v, %m[%i, %i] : memref<16xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<16xf32>, %v: f32, %i: index) {
  // expected-error @+1 {{needs a global or shared memref, got host}}
  %r = hip.atomic <add> %v, %m[%i] : memref<16xf32>
  return
}

// -----

func.func @f(%m: memref<16xf32, #hip.memory_space<global>>, %v: f32, %i: index) {
  // expected-error @+1 {{'and' needs an integer element type, got 'f32'}}
  %r = hip.atomic <and> %v, %m[%i] : memref<16xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<16xi64, #hip.memory_space<shared>>, %v: i64, %i: index) {
  // expected-error @+1 {{'inc' needs an i32 (unsigned int) element type, got 'i64'}}
  %r = hip.atomic <inc> unsigned %v, %m[%i] : memref<16xi64, #hip.memory_space<shared>>
  return
}

// -----

func.func @f(%m: memref<16xf32, #hip.memory_space<global>>, %v: f32, %i: index) {
  // expected-error @+1 {{'unsigned' needs an integer element type, got 'f32'}}
  %r = hip.atomic <max> unsigned %v, %m[%i] : memref<16xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<16xi32, #hip.memory_space<constant>>, %v: i32, %i: index) {
  // expected-error @+1 {{needs a global or shared memref, got constant}}
  %r = hip.atomic_cas %m[%i], %v, %v : memref<16xi32, #hip.memory_space<constant>>
  return
}

// -----

func.func @f(%m: memref<4x4xi32, #hip.memory_space<global>>, %v: i32, %i: index) {
  // expected-error @+1 {{has 1 indices for a rank-2 memref}}
  %r = hip.atomic_cas %m[%i], %v, %v : memref<4x4xi32, #hip.memory_space<global>>
  return
}

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

// -----

func.func @f() {
  // expected-error @+1 {{result must be in the shared memory space, got global}}
  %s = hip.shared_alloc : memref<16xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{result must have the identity layout}}
  %s = hip.shared_alloc : memref<16x16xf32, strided<[17, 1]>, #hip.memory_space<shared>>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{result must be a rank-1 memref of dynamic size, got 'memref<16xf32, #hip.memory_space<shared>>'}}
  %s = hip.dynamic_shared : memref<16xf32, #hip.memory_space<shared>>
  return
}

// -----

func.func @f() {
  // expected-error @+1 {{result must be in the shared memory space, got host}}
  %s = hip.dynamic_shared : memref<?xf32>
  return
}

//===----------------------------------------------------------------------===//
// MFMA
//===----------------------------------------------------------------------===//

// -----

func.func @f(%a: vector<8xf16>, %c: vector<16xf32>) {
  // expected-error @+1 {{'f32_32x32x8f16' expects a of type 'vector<4xf16>', got 'vector<8xf16>'}}
  %d = hip.mfma <f32_32x32x8f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<8xf16>, vector<8xf16>, vector<16xf32>
  return
}

// -----

func.func @f(%a: vector<4xbf16>, %b: vector<4xf16>, %c: vector<4xf32>) {
  // expected-error @+1 {{'f32_16x16x16bf16_1k' expects b of type 'vector<4xbf16>' or 'vector<4xi16>', got 'vector<4xf16>'}}
  %d = hip.mfma <f32_16x16x16bf16_1k> %a, %b, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xbf16>, vector<4xf16>, vector<4xf32>
  return
}

// -----

func.func @f(%a: f32, %c: vector<16xf32>) {
  // expected-error @+1 {{'f32_16x16x4f32' expects c of type 'vector<4xf32>', got 'vector<16xf32>'}}
  %d = hip.mfma <f32_16x16x4f32> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<16xf32>
  return
}

// -----

func.func @f(%a: i32, %c: vector<4xi32>) {
  // expected-error @+1 {{'i32_16x16x32_i8' expects a of type 'i64', got 'i32'}}
  %d = hip.mfma <i32_16x16x32_i8> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<4xi32>
  return
}

// -----

func.func @f(%a: f32, %c: vector<4xf32>) {
  // expected-error @+1 {{cbsz must be in [0, 0] for 'f32_16x16x4f32', got 1}}
  %d = hip.mfma <f32_16x16x4f32> %a, %a, %c cbsz = 1 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
  return
}

// -----

func.func @f(%a: f32, %c: vector<4xf32>) {
  // expected-error @+1 {{cbsz must be in [0, 4] for 'f32_4x4x1f32', got 5}}
  %d = hip.mfma <f32_4x4x1f32> %a, %a, %c cbsz = 5 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
  return
}

// -----

func.func @f(%a: f64, %c: f64) {
  // expected-error @+1 {{cbsz must be in [0, 0] for 'f64_4x4x4f64', got 1}}
  %d = hip.mfma <f64_4x4x4f64> %a, %a, %c cbsz = 1 abid = 0 blgp = 0 : f64, f64, f64
  return
}

// -----

func.func @f(%a: f32, %c: vector<32xf32>) {
  // expected-error @+1 {{abid must be below 2^cbsz = 2, got 2}}
  %d = hip.mfma <f32_32x32x1f32> %a, %a, %c cbsz = 1 abid = 2 blgp = 0 : f32, f32, vector<32xf32>
  return
}

// -----

func.func @f(%a: vector<4xf16>, %c: vector<4xf32>) {
  // expected-error @+1 {{abid must be below 2^cbsz = 1, got 1}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 1 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return
}

// -----

func.func @f(%a: vector<4xf16>, %c: vector<4xf32>) {
  // expected-error @+1 {{blgp must be in [0, 7], got 8}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 8 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return
}

//===----------------------------------------------------------------------===//
// Host runtime
//===----------------------------------------------------------------------===//

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{result must be in the global memory space, got host}}
  %d = hip.malloc %n : memref<?xf32>
  return
}

// -----

func.func @f(%n: index) {
  // expected-error @+1 {{result must be a rank-1 memref with the identity layout, got 'memref<4x4xf32, #hip.memory_space<global>>'}}
  %d = hip.malloc %n : memref<4x4xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f() {
  %c100 = arith.constant 100 : index
  // expected-error @+1 {{size of 100 bytes does not match the 1024 bytes of 'memref<256xf32, #hip.memory_space<global>>'}}
  %d = hip.malloc %c100 : memref<256xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f(%m: memref<16xf32, #hip.memory_space<shared>>) {
  // expected-error @+1 {{needs a global memref, got shared}}
  hip.free %m : memref<16xf32, #hip.memory_space<shared>>
  return
}

// -----

func.func @f(%d: memref<?xf32, #hip.memory_space<global>>, %h: memref<?xi32>, %n: index) {
  // expected-error @+1 {{element types differ: destination 'f32', source 'i32'}}
  hip.memcpy <host_to_device> %d, %h, %n : memref<?xf32, #hip.memory_space<global>>, memref<?xi32>
  return
}

// -----

func.func @f(%d: memref<?xf32, #hip.memory_space<global>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a host_to_device copy must be a global memref, got host}}
  hip.memcpy <host_to_device> %h, %h, %n : memref<?xf32>, memref<?xf32>
  return
}

// -----

func.func @f(%d: memref<?xf32, #hip.memory_space<global>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{source of a host_to_device copy must be a host memref, got global}}
  hip.memcpy <host_to_device> %d, %d, %n : memref<?xf32, #hip.memory_space<global>>, memref<?xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f(%d: memref<?xf32, #hip.memory_space<global>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a device_to_host copy must be a host memref, got global}}
  hip.memcpy <device_to_host> %d, %d, %n : memref<?xf32, #hip.memory_space<global>>, memref<?xf32, #hip.memory_space<global>>
  return
}

// -----

func.func @f(%s: memref<?xf32, #hip.memory_space<shared>>, %h: memref<?xf32>, %n: index) {
  // expected-error @+1 {{destination of a default copy must be a host or global memref, got shared}}
  hip.memcpy <default> %s, %h, %n : memref<?xf32, #hip.memory_space<shared>>, memref<?xf32>
  return
}

//===----------------------------------------------------------------------===//
// Launch
//===----------------------------------------------------------------------===//

// -----

func.func @k(%n: i32) attributes {hip.kernel} { return }

func.func @f(%n: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{grid and block sizes must be positive, got 0}}
  hip.launch @k grid(%c0, %c1, %c1) block(%c1, %c1, %c1) args(%n : i32)
  return
}

// -----

func.func @k(%n: i32) attributes {hip.kernel} { return }

func.func @f(%n: i32) {
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c1024 = arith.constant 1024 : index
  // expected-error @+1 {{block of 2048 threads exceeds the 1024 threads per block of HIP}}
  hip.launch @k grid(%c1, %c1, %c1) block(%c1024, %c2, %c1) args(%n : i32)
  return
}

// -----

func.func @f(%n: i32) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'nope' does not reference a function}}
  hip.launch @nope grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%n : i32)
  return
}

// -----

func.func @dev(%n: i32) attributes {hip.device} { return }

func.func @f(%n: i32) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{'dev' is not a hip.kernel}}
  hip.launch @dev grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%n : i32)
  return
}

// -----

func.func @k(%a: i32, %b: i32) attributes {hip.kernel} { return }

func.func @f(%n: i32) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{passes 1 arguments to a kernel that takes 2}}
  hip.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%n : i32)
  return
}

// -----

func.func @k(%a: i32) attributes {hip.kernel} { return }

func.func @f(%x: f32) {
  %c1 = arith.constant 1 : index
  // expected-error @+1 {{argument 0 has type 'f32' but the kernel expects 'i32'}}
  hip.launch @k grid(%c1, %c1, %c1) block(%c1, %c1, %c1) args(%x : f32)
  return
}

// -----

func.func @k() attributes {hip.kernel, hip.launch_bounds = array<i32: 256>} { return }

func.func @f() {
  %c1 = arith.constant 1 : index
  %c512 = arith.constant 512 : index
  // expected-error @+1 {{block of 512 threads exceeds the kernel's launch bounds of 256}}
  hip.launch @k grid(%c1, %c1, %c1) block(%c512, %c1, %c1)
  return
}
