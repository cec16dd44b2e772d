// RUN: xpiler-opt %s --xpl-cleanup | FileCheck %s
// RUN: xpiler-opt %s --xpl-cleanup -o %t.mlir
// RUN: xpiler verify %s %t.mlir --arg arg2=37 --arg arg0=arg2 --arg arg1=arg2 | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// Constant folding, index casts of extensions, a buffer only written (and
// the loop that only wrote it), a loop without effects, loop-invariant
// arithmetic hoisted, common subexpressions.
// CHECK-LABEL: func.func @raised
// CHECK-NOT: memref.alloca
// CHECK: %[[N:.+]] = arith.index_cast %arg2 : i32 to index
// CHECK-NEXT: scf.for %[[I:.+]] = %c0 to %[[N]] step %c1 {
// CHECK-NEXT: %[[V:.+]] = memref.load %arg0[%[[I]]]
// CHECK-NEXT: %[[W:.+]] = arith.mulf %[[V]], %cst
// CHECK-NEXT: memref.store %[[W]], %arg1[%[[I]]]
// CHECK-NEXT: }
// CHECK-NEXT: return
func.func @raised(%a: memref<?xf32>, %b: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %f = arith.constant 3.0 : f32
  %tmp = memref.alloca() : memref<16xf32>
  %n64 = arith.extsi %n : i32 to i64
  %ub = arith.index_cast %n64 : i64 to index
  scf.for %i = %c0 to %ub step %c1 {
    %k = arith.subi %c3, %c2 : index
    %ni = arith.index_cast %n : i32 to index
    %x = arith.muli %i, %k : index
    %v = memref.load %a[%x] : memref<?xf32>
    %w = arith.mulf %v, %f : f32
    %y = arith.muli %i, %k : index
    memref.store %w, %b[%y] : memref<?xf32>
    %m = arith.remui %i, %c2 : index
    memref.store %w, %tmp[%m] : memref<16xf32>
  }
  scf.for %i = %c0 to %ub step %c1 {
    %z = arith.addi %i, %c1 : index
  }
  return
}
