// RUN: xpiler-opt %s --xpl-normalize-loops | FileCheck %s
// RUN: xpiler-opt %s --xpl-normalize-loops -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry counted --arg arg2=37 --arg arg0=arg2 --arg arg1=arg2+1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry reduce --arg arg2=29 --arg arg0=arg2 --arg arg1=2 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry strided --arg arg2=37 --arg arg0=arg2+1 --arg arg1=1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry not_counted --arg arg1=10 --arg arg0=arg1 | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// for (int i = 0; i < n; ++i) b[i] = a[i]; and the counter's final value
// (max(0, n)) stored after the loop.
// CHECK-LABEL: func.func @counted
// CHECK: %[[N:.+]] = arith.index_cast %arg2 : i32 to index
// CHECK: scf.for %[[I:.+]] = %{{.+}} to %[[N]] step %c1 {
// CHECK-NEXT: %[[I32:.+]] = arith.index_cast %[[I]] : index to i32
// CHECK-NEXT: arith.index_cast %[[I32]] : i32 to index
// CHECK: } {xpl.omp_parallel_for = {}}
// CHECK: %[[FINAL:.+]] = arith.maxsi %c0_i32, %arg2 : i32
// CHECK: arith.sitofp %[[FINAL]]
func.func @counted(%a: memref<?xf32>, %b: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %c = arith.cmpi slt, %i, %n : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%i: i32):
    %x = arith.index_cast %i : i32 to index
    %v = memref.load %a[%x] : memref<?xf32>
    memref.store %v, %b[%x] : memref<?xf32>
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  } attributes {xpl.omp_parallel_for = {}}
  %f = arith.sitofp %r : i32 to f32
  %ni = arith.index_cast %n : i32 to index
  memref.store %f, %b[%ni] : memref<?xf32>
  return
}

// An accumulator carried with the counter (the counter second), the
// bound compared first: `n > k`.
// CHECK-LABEL: func.func @reduce
// CHECK: %[[R:.+]] = scf.for %{{.+}} = %{{.+}} to %{{.+}} step %c1 iter_args(%[[S:.+]] = %{{.+}}) -> (f32) {
// CHECK: scf.yield
// CHECK: memref.store %[[R]]
func.func @reduce(%a: memref<?xf32>, %out: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %z = arith.constant 0.0 : f32
  %r:2 = scf.while (%s = %z, %k = %c0) : (f32, i32) -> (f32, i32) {
    %c = arith.cmpi sgt, %n, %k : i32
    scf.condition(%c) %s, %k : f32, i32
  } do {
  ^bb0(%s: f32, %k: i32):
    %x = arith.index_cast %k : i32 to index
    %v = memref.load %a[%x] : memref<?xf32>
    %t = arith.addf %s, %v : f32
    %next = arith.addi %k, %c1 : i32
    scf.yield %t, %next : f32, i32
  }
  %i0 = arith.constant 0 : index
  memref.store %r#0, %out[%i0] : memref<?xf32>
  return
}

// for (unsigned i = 0; i <= n; i += 4): unsigned, inclusive, step 4.
// CHECK-LABEL: func.func @strided
// CHECK: %[[N:.+]] = arith.index_castui %arg2 : i32 to index
// CHECK: %[[UB:.+]] = arith.addi %[[N]], %c1 : index
// CHECK: scf.for %[[I:.+]] = %{{.+}} to %[[UB]] step %c4 {
// CHECK-NEXT: arith.index_castui %[[I]] : index to i32
func.func @strided(%a: memref<?xf32>, %b: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : i32
  %c4 = arith.constant 4 : i32
  %two = arith.constant 2.0 : f32
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %c = arith.cmpi ule, %i, %n : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%i: i32):
    %x = arith.index_castui %i : i32 to index
    memref.store %two, %a[%x] : memref<?xf32>
    %next = arith.addi %c4, %i : i32
    scf.yield %next : i32
  }
  return
}

// Not counted loops stay: the bound changes in the loop (it is loaded), or
// the counter goes down.
// CHECK-LABEL: func.func @not_counted
// CHECK: scf.while
// CHECK: scf.while
// CHECK-NOT: scf.for
func.func @not_counted(%a: memref<?xi32>, %n: i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %cm1 = arith.constant -1 : i32
  %r = scf.while (%i = %c0) : (i32) -> i32 {
    %i0 = arith.constant 0 : index
    %bound = memref.load %a[%i0] : memref<?xi32>
    %c = arith.cmpi slt, %i, %bound : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%i: i32):
    %x = arith.index_cast %i : i32 to index
    memref.store %c1, %a[%x] : memref<?xi32>
    %next = arith.addi %i, %c1 : i32
    scf.yield %next : i32
  }
  %nm1 = arith.subi %n, %c1 : i32
  %q = scf.while (%i = %nm1) : (i32) -> i32 {
    %c = arith.cmpi slt, %c0, %i : i32
    scf.condition(%c) %i : i32
  } do {
  ^bb0(%i: i32):
    %x = arith.index_cast %i : i32 to index
    memref.store %c0, %a[%x] : memref<?xi32>
    %next = arith.addi %i, %cm1 : i32
    scf.yield %next : i32
  }
  return
}
