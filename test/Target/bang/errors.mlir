// What the BANG emitter refuses, with the op and the reason.
// RUN: xpiler-translate --emit-bang --split-input-file --verify-diagnostics %s

// An op of another language has no BANG spelling.
func.func @foreign() attributes {bang.kernel} {
  // expected-error @+1 {{cannot emit 'cuda.syncthreads' as BANG source}}
  cuda.syncthreads
  return
}

// -----

// One file-scope name, two arrays.
func.func @a() attributes {bang.kernel} {
  %0 = bang.alloc {file_scope, name = "buf"} : memref<16xf32, #bang.memory_space<nram>>
  return
}
func.func @b() attributes {bang.kernel} {
  // expected-error @+1 {{file-scope array 'buf' declared as 'memref<32xf32, #bang.memory_space<nram>>' and as 'memref<16xf32, #bang.memory_space<nram>>'}}
  %0 = bang.alloc {file_scope, name = "buf"} : memref<32xf32, #bang.memory_space<nram>>
  return
}

// -----

func.func @buf() attributes {bang.kernel} {
  // expected-error @+1 {{file-scope array 'buf' has the name of a function}}
  %0 = bang.alloc {file_scope, name = "buf"} : memref<16xf32, #bang.memory_space<nram>>
  return
}

// -----

// A cnrtMalloc result is a pointer: it cannot be indexed as an array.
func.func @host() {
  %c64 = arith.constant 64 : i64
  // expected-error @+1 {{cannot emit a cnrtMalloc of 'memref<4x4xf32, #bang.memory_space<gdram>>' (a multi-dimensional array)}}
  %0 = bang.malloc %c64 : memref<4x4xf32, #bang.memory_space<gdram>>
  return
}

// -----

// Arrays have a static size.
func.func @dynamic(%n: index) attributes {bang.kernel} {
  // expected-error @+1 {{cannot emit a dynamically sized local array}}
  %0 = memref.alloca(%n) : memref<?xf32, #bang.memory_space<nram>>
  return
}
