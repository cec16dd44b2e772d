// Ops and types without an emission are errors that name them, and nothing
// is printed.
// RUN: not xpiler-translate --emit-cuda --split-input-file %s 2>&1 | FileCheck %s

func.func @other_language() -> i32 attributes {cuda.device} {
  // CHECK: error: cannot emit 'hip.thread_idx' as CUDA source
  %0 = hip.thread_idx <x>
  return %0 : i32
}

// -----

// CHECK: error: cannot emit type 'f8E4M3FN' as CUDA source
func.func @fp8(%x: f8E4M3FN) attributes {cuda.device} {
  return
}

// -----

// CHECK: error: cannot emit function 'pair' with 2 results
func.func @pair(%x: i32) -> (i32, i32) attributes {cuda.device} {
  return %x, %x : i32, i32
}

// -----

func.func @dynamic_alloca(%n: index) attributes {cuda.device} {
  // CHECK: error: cannot emit a dynamically sized local array
  %0 = memref.alloca(%n) : memref<?xf32>
  return
}

// -----

func.func @dynamic_strides(%m: memref<?x?xf32, strided<[?, 1]>>, %i: index) -> f32 attributes {cuda.device} {
  // CHECK: error: cannot emit an access to 'memref<?x?xf32, strided<[?, 1]>>' (dynamic strides)
  %0 = memref.load %m[%i, %i] : memref<?x?xf32, strided<[?, 1]>>
  return %0 : f32
}

// CHECK-NOT: __device__
