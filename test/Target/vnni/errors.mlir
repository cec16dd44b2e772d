// Ops and loops the C++/AVX-512 emitter cannot write are errors that name
// them.
// RUN: not xpiler-translate --emit-vnni %s --split-input-file 2>&1 | FileCheck %s

// An op of another language.
func.func @kernel() {
  // CHECK: error: cannot emit 'cuda.syncthreads' as C++/AVX-512 source
  cuda.syncthreads
  return
}

// -----

// A parallel loop that carries a value from one iteration to the next.
func.func @carried(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  // CHECK: error: cannot emit '#pragma omp parallel for' on this loop: it carries values from one iteration to the next
  %r:2 = scf.while (%i = %c0, %s = %c0) : (i32, i32) -> (i32, i32) {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i, %s : i32, i32
  } do {
  ^bb0(%i: i32, %s: i32):
    %t = arith.addi %s, %i : i32
    %next = arith.addi %i, %c1 : i32
    scf.yield %next, %t : i32, i32
  } attributes {xpl.omp_parallel_for = {}}
  return %r#1 : i32
}

// -----

// collapse(2) over loops with code between them.
func.func @imperfect(%x: memref<?xi32>, %n: i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  // CHECK: error: cannot emit '#pragma omp parallel for' on this loop: collapse(2) needs perfectly nested loops
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %idx = arith.index_cast %i : i32 to index
    memref.store %i, %x[%idx] : memref<?xi32>
    %r2 = scf.while (%j = %c0) : (i32) -> i32 {
      %cond = arith.cmpi slt, %j, %n : i32
      scf.condition(%cond) %j : i32
    } do {
    ^bb0(%j: i32):
      %next = arith.addi %j, %c1 : i32
      scf.yield %next : i32
    }
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  } attributes {xpl.omp_parallel_for = {collapse = 2 : i64}}
  return
}

// -----

// A parallel loop that is not a canonical for.
func.func @doubling(%n: i32) {
  %c1 = arith.constant 1 : i32
  // CHECK: error: cannot emit '#pragma omp parallel for' on this loop: it is not a canonical for loop
  %r = scf.while (%i = %c1) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %next = arith.addi %i, %i : i32
    scf.yield %next : i32
  } attributes {xpl.omp_parallel_for = {}}
  return
}

// -----

// The loop variable of a parallel loop has no value after it.
func.func @escapes(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  // CHECK: error: cannot emit '#pragma omp parallel for' on this loop: its loop variable is used after it
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  } attributes {xpl.omp_parallel_for = {}}
  return %r : i32
}
