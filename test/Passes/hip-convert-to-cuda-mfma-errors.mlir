// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --hip-convert-to-cuda

// A multi-block kind (4 blocks of 16x16x4).
func.func @multi_block(%a: vector<4xf16>, %c: vector<16xf32>) attributes {hip.kernel, hip.launch_bounds = array<i32: 64>} {
  // expected-error @below {{'hip.mfma' cannot be translated to CUDA: mfma kind 'f32_16x16x4f16' is not translated (only single-block f16, f32, xf32 and f64 kinds are)}}
  %d = hip.mfma <f32_16x16x4f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  return
}

// -----

// An integer kind.
func.func @int8(%a: i32, %c: vector<4xi32>) attributes {hip.kernel, hip.launch_bounds = array<i32: 64>} {
  // expected-error @below {{mfma kind 'i32_16x16x16i8' is not translated}}
  %d = hip.mfma <i32_16x16x16i8> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : i32, i32, vector<4xi32>
  return
}

// -----

// A B lane-group pattern.
func.func @blgp(%a: vector<4xf16>, %c: vector<4xf32>) attributes {hip.kernel, hip.launch_bounds = array<i32: 64>} {
  // expected-error @below {{'hip.mfma' cannot be translated to CUDA: mfma with cbsz/abid/blgp modifiers is not translated}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 1 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return
}

// -----

// A device function: its callers' control flow is unknown here.
func.func @device(%a: vector<4xf16>, %c: vector<4xf32>) -> vector<4xf32> attributes {hip.device} {
  // expected-error @below {{mfma outside a kernel (the translation adds block barriers, which a device function cannot prove uniform)}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return %d : vector<4xf32>
}

// -----

// No __launch_bounds__ and no launch: the scratch cannot be sized.
func.func @unknown_block(%a: vector<4xf16>, %c: vector<4xf32>) attributes {hip.kernel} {
  // expected-error @below {{the block size of kernel 'unknown_block' is not known (give it __launch_bounds__ or launch it with a constant block) to size the per-wavefront shared scratch}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return
}

// -----

// A block that is not a whole number of wavefronts.
func.func @partial_wave(%a: vector<4xf16>, %c: vector<4xf32>) attributes {hip.kernel, hip.launch_bounds = array<i32: 96>} {
  // expected-error @below {{its __launch_bounds__ of 96 threads is not a multiple of the 64-lane wavefront}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return
}

// -----

// A constant launch of 96 threads.
func.func @launched_partial(%a: vector<4xf16>, %c: vector<4xf32>) attributes {hip.kernel} {
  // expected-error @below {{it is launched with 96 threads per block, not a multiple of the 64-lane wavefront}}
  %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  return
}
func.func @host(%a: vector<4xf16>, %c: vector<4xf32>) {
  %c1 = arith.constant 1 : index
  %c96 = arith.constant 96 : index
  hip.launch @launched_partial grid(%c1, %c1, %c1) block(%c96, %c1, %c1) args(%a, %c : vector<4xf16>, vector<4xf32>)
  return
}

// -----

// Under a branch on the thread index.
func.func @divergent_if(%a: vector<4xf16>, %c: vector<4xf32>, %out: memref<?xvector<4xf32>, #hip.memory_space<global>>) attributes {hip.kernel, hip.launch_bounds = array<i32: 128>} {
  %c64 = arith.constant 64 : i32
  %c0 = arith.constant 0 : index
  %tid = hip.thread_idx <x>
  %first = arith.cmpi slt, %tid, %c64 : i32
  // expected-note @below {{this 'scf.if' may branch differently in the threads of a block}}
  scf.if %first {
    // expected-error @below {{mfma in thread-dependent control flow (the translation needs __syncthreads() around it)}}
    %d = hip.mfma <f32_16x16x16f16> %a, %a, %c cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
    memref.store %d, %out[%c0] : memref<?xvector<4xf32>, #hip.memory_space<global>>
  }
  return
}

// -----

// In a loop whose trip count is loaded from memory (may differ per thread).
func.func @loaded_bound(%a: f32, %c: vector<4xf32>, %n: memref<?xi32, #hip.memory_space<global>>) attributes {hip.kernel, hip.launch_bounds = array<i32: 64>} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i32
  %bound = memref.load %n[%c0] : memref<?xi32, #hip.memory_space<global>>
  // expected-note @below {{this 'scf.while' may branch differently in the threads of a block}}
  %r:2 = scf.while (%i = %zero, %acc = %c) : (i32, vector<4xf32>) -> (i32, vector<4xf32>) {
    %go = arith.cmpi slt, %i, %bound : i32
    scf.condition(%go) %i, %acc : i32, vector<4xf32>
  } do {
  ^bb0(%i: i32, %acc: vector<4xf32>):
    // expected-error @below {{mfma in thread-dependent control flow}}
    %d = hip.mfma <f32_16x16x4f32> %a, %a, %acc cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
    %next = arith.addi %i, %one : i32
    scf.yield %next, %d : i32, vector<4xf32>
  }
  return
}
