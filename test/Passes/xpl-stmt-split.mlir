// RUN: xpiler-opt %s --xpl-stmt-split='loop=L0 at=1' | FileCheck %s
// RUN: xpiler-opt %s --xpl-stmt-split='loop=L0 at=1' -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry forward --arg arg4=37 --arg arg0=arg4 --arg arg1=arg4 --arg arg2=arg4 --arg arg3=arg4 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-stmt-split='loop=L1 at=2' | FileCheck %s --check-prefix=NEST
// RUN: xpiler-opt %s --xpl-stmt-split='loop=L1 at=2' -o %t.nest.mlir
// RUN: xpiler verify %s %t.nest.mlir --entry nest --arg arg2=6 --arg arg0=arg2 --arg arg1=arg2*arg2 | FileCheck %s --check-prefix=ORACLE

// S0: b[i] = a[i] + 1; S1: c[i] = b[i-1] * d[i] -- a forward carried
// dependence (S0 writes b[i-1] one iteration before S1 reads it): legal.
// The index arithmetic that both parts use is copied.

// CHECK-LABEL: func.func @forward
// CHECK: scf.for %[[I:.+]] = %c1 to %[[N:.+]] step %c1 {
// CHECK-NEXT: memref.load %{{.+}}[%[[I]]]
// CHECK-NEXT: arith.addf
// CHECK-NEXT: memref.store
// CHECK-NEXT: } {xpl.loop_name = "L0"}
// CHECK-NEXT: scf.for %[[J:.+]] = %c1 to %[[N]] step %c1 {
// CHECK-NEXT: %[[JM1:.+]] = arith.subi %[[J]], %c1
// CHECK-NEXT: memref.load %{{.+}}[%[[JM1]]]
// CHECK: } {xpl.loop_name = "L0.d"}
// ORACLE: equivalent
func.func @forward(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>,
                   %d: memref<?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  scf.for %i = %c1 to %n step %c1 {
    %im1 = arith.subi %i, %c1 : index
    %v = memref.load %a[%i] : memref<?xf32>
    %s = arith.addf %v, %one : f32
    memref.store %s, %b[%i] : memref<?xf32>
    %u = memref.load %b[%im1] : memref<?xf32>
    %w = memref.load %d[%i] : memref<?xf32>
    %p = arith.mulf %u, %w : f32
    memref.store %p, %c[%i] : memref<?xf32>
  }
  return
}

// A statement may be a nested loop: row sums into s[i], then
// x[i*n+j] = x[i*n+j] / s[i]: statements 0 (store), 1 (loop L1.0) and
// 2 (loop L1.1); the cut is before L1.1.
// NEST-LABEL: func.func @nest
// NEST: scf.for
// NEST: scf.for
// NEST: } {xpl.loop_name = "L1.0"}
// NEST-NEXT: } {xpl.loop_name = "L1"}
// NEST-NEXT: scf.for
// NEST: scf.for
// NEST: } {xpl.loop_name = "L1.1"}
// NEST-NEXT: } {xpl.loop_name = "L1.d"}
func.func @nest(%s: memref<?xf32>, %x: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  scf.for %i = %c0 to %n step %c1 {
    memref.store %z, %s[%i] : memref<?xf32>
    scf.for %j = %c0 to %n step %c1 {
      %r = arith.muli %i, %n : index
      %k = arith.addi %r, %j : index
      %v = memref.load %x[%k] : memref<?xf32>
      %t = memref.load %s[%i] : memref<?xf32>
      %u = arith.addf %t, %v : f32
      memref.store %u, %s[%i] : memref<?xf32>
    }
    scf.for %j = %c0 to %n step %c1 {
      %r = arith.muli %i, %n : index
      %k = arith.addi %r, %j : index
      %v = memref.load %x[%k] : memref<?xf32>
      %t = memref.load %s[%i] : memref<?xf32>
      %q = arith.divf %v, %t : f32
      memref.store %q, %x[%k] : memref<?xf32>
    }
  }
  return
}
