// What xpl-raise-gpu-loops refuses: a barrier under control flow that
// depends on the thread, a shuffle under control flow that differs between
// the lanes of a warp, and atomics.
// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-raise-gpu-loops

func.func @divergent(%arg0: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<64>} {
  %c0_i32 = arith.constant 0 : i32
  %0 = cuda.thread_idx x
  // expected-note @below {{this value is not uniform over the block}}
  %1 = arith.cmpi eq, %0, %c0_i32 : i32
  scf.if %1 {
    // expected-error @below {{barrier under control flow that depends on the thread}}
    cuda.syncthreads
  }
  return
}

// -----

func.func @lanes(%arg0: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<64>} {
  %c1_i32 = arith.constant 1 : i32
  %c-1_i32 = arith.constant -1 : i32
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.0 : f32
  %0 = cuda.thread_idx x
  %1 = arith.andi %0, %c1_i32 : i32
  // expected-note @below {{this value is not uniform over the warp}}
  %2 = arith.cmpi eq, %1, %c1_i32 : i32
  scf.if %2 {
    // expected-error @below {{warp-level operation under control flow that depends on the thread within a warp}}
    %3 = cuda.shfl_sync down %c-1_i32, %cst, %c1_i32 : f32
    memref.store %3, %arg0[%c0] : memref<?xf32, #cuda.memory_space<global>>
  }
  return
}

// -----

func.func @atomic(%arg0: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<64>} {
  %c0 = arith.constant 0 : index
  %cst = arith.constant 1.0 : f32
  // expected-error @below {{atomics are not supported yet}}
  %0 = cuda.atomic_rmw add %cst, %arg0[%c0] : memref<?xf32, #cuda.memory_space<global>>
  return
}

// -----

// expected-error @below {{the block size of 'unbounded' is unknown}}
func.func @unbounded(%arg0: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel} {
  return
}
