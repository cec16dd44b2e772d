// While loops that step a variable tested by their condition are written as
// `for` loops (the core's general rule); `xpl.omp_parallel_for` becomes the
// `#pragma omp parallel for` before its loop, with its clauses.
// RUN: xpiler-translate --emit-vnni %s | FileCheck %s

// CHECK-LABEL: scale(float *x, int32_t n, int32_t m) {
func.func @scale(%x: memref<?xf32> loc("x"), %n: i32 loc("n"), %m: i32 loc("m")) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %c16 = arith.constant 16 : i32
  %two = arith.constant 2.0 : f32
  // CHECK-NEXT: #pragma omp parallel for
  // CHECK-NEXT: for (int32_t i = 0; i < n; i += 16) {
  // CHECK-NEXT: int64_t v = (int64_t)i;
  // CHECK-NEXT: x[v] = x[v] * 2.0f;
  // CHECK-NEXT: }
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %idx = arith.index_cast %i : i32 to index
    %v = memref.load %x[%idx] : memref<?xf32>
    %w = arith.mulf %v, %two : f32
    memref.store %w, %x[%idx] : memref<?xf32>
    %next = arith.addi %i, %c16 : i32
    scf.yield %next : i32
  } attributes {xpl.omp_parallel_for = {}}
  // collapse and schedule; the inner loop is a for too.
  // CHECK-NEXT: #pragma omp parallel for collapse(2) schedule(dynamic, 4)
  // CHECK-NEXT: for (int32_t i2 = 0; i2 < n; i2++) {
  // CHECK-NEXT: for (int32_t j = 0; j < m; j++) {
  // CHECK-NEXT: x[(int64_t)(i2 * m + j)] = 0.0f;
  // CHECK-NEXT: }
  // CHECK-NEXT: }
  %zero = arith.constant 0.0 : f32
  %r2 = scf.while (%i = %c0) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %r3 = scf.while (%j = %c0) : (i32) -> i32 {
      %cond = arith.cmpi slt, %j, %m : i32
      scf.condition(%cond) %j : i32
    } do {
    ^bb0(%j: i32):
      %row = arith.muli %i, %m : i32
      %at = arith.addi %row, %j : i32
      %idx = arith.index_cast %at : i32 to index
      memref.store %zero, %x[%idx] : memref<?xf32>
      %next = arith.addi %j, %c1 : i32
      scf.yield %next : i32
    }
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  } attributes {xpl.omp_parallel_for = {collapse = 2 : i64, schedule = "dynamic", chunk = 4 : i64}}
  // scf.for with a schedule without chunk.
  // CHECK-NEXT: #pragma omp parallel for schedule(static)
  // CHECK-NEXT: for (int64_t i3 = 0; i3 < 8; i3++) {
  %l = arith.constant 0 : index
  %u = arith.constant 8 : index
  %s = arith.constant 1 : index
  scf.for %k = %l to %u step %s {
    memref.store %zero, %x[%k] : memref<?xf32>
  } {xpl.omp_parallel_for = {schedule = "static"}}
  // CHECK: }
  return
}

// A counting-down loop whose variable lives on after it, and a second
// variable carried along.
// CHECK-LABEL: countdown(int32_t n) {
// CHECK-NEXT: int32_t v = 0;
// CHECK-NEXT: int32_t i = n;
// CHECK-NEXT: for (; i > 0; i--) {
// CHECK-NEXT: v = v + i;
// CHECK-NEXT: }
// CHECK-NEXT: return i + v;
func.func @countdown(%n: i32 loc("n")) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %r:2 = scf.while (%i = %n, %sum = %c0) : (i32, i32) -> (i32, i32) {
    %cond = arith.cmpi sgt, %i, %c0 : i32
    scf.condition(%cond) %i, %sum : i32, i32
  } do {
  ^bb0(%i: i32, %sum: i32):
    %acc = arith.addi %sum, %i : i32
    %next = arith.subi %i, %c1 : i32
    scf.yield %next, %acc : i32, i32
  }
  %t = arith.addi %r#0, %r#1 : i32
  return %t : i32
}

// A loop whose step depends on the iteration stays a while loop.
// CHECK-LABEL: doubling(int32_t n) {
// CHECK-NEXT: int32_t v = 1;
// CHECK-NEXT: while (v < n) {
// CHECK-NEXT: v = v + v;
// CHECK-NEXT: }
func.func @doubling(%n: i32 loc("n")) -> i32 {
  %c1 = arith.constant 1 : i32
  %r = scf.while (%i = %c1) : (i32) -> i32 {
    %cond = arith.cmpi slt, %i, %n : i32
    scf.condition(%cond) %i : i32
  } do {
  ^bb0(%i: i32):
    %next = arith.addi %i, %i : i32
    scf.yield %next : i32
  }
  return %r : i32
}
