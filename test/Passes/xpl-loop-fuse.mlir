// RUN: xpiler-opt %s --xpl-loop-fuse=loop=L0 | FileCheck %s
// RUN: xpiler-opt %s --xpl-loop-fuse=loop=L0 -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry chain --arg arg3=37 --arg arg0=arg3 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-loop-fuse=loop=L2 2>&1 | FileCheck %s --check-prefix=SHIFT
// RUN: xpiler-opt %s --xpl-loop-fuse=loop=L2 -o %t.shift.mlir
// RUN: xpiler verify %s %t.shift.mlir --entry shifted --arg arg3=37 --arg arg0=arg3 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE

// An element-wise chain b = a * 2; c = b + a: the dependence on b is
// loop-independent, so the loops fuse and stay parallel.

// CHECK-LABEL: func.func @chain
// CHECK: scf.for %[[I:.+]] = %c0 to %[[N:.+]] step %c1 {
// CHECK-NEXT: %[[A:.+]] = memref.load %{{.+}}[%[[I]]]
// CHECK-NEXT: %[[M:.+]] = arith.mulf %[[A]]
// CHECK-NEXT: memref.store %[[M]], %{{.+}}[%[[I]]]
// CHECK-NEXT: memref.load %{{.+}}[%[[I]]]
// CHECK-NEXT: memref.load %{{.+}}[%[[I]]]
// CHECK-NEXT: arith.addf
// CHECK-NEXT: memref.store
// CHECK-NEXT: } {xpl.axis = #xpl.axis<block_x>, xpl.loop_name = "L0"}
// CHECK-NEXT: return
// ORACLE: equivalent
func.func @chain(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>,
                 %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f32
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    %m = arith.mulf %v, %two : f32
    memref.store %m, %b[%i] : memref<?xf32>
  } {xpl.axis = #xpl.axis<block_x>}
  scf.for %i = %c0 to %n step %c1 {
    %u = memref.load %b[%i] : memref<?xf32>
    %v = memref.load %a[%i] : memref<?xf32>
    %s = arith.addf %u, %v : f32
    memref.store %s, %c[%i] : memref<?xf32>
  } {xpl.axis = #xpl.axis<block_x>}
  return
}

// The second loop reads b[i-1], written by the first loop one iteration
// earlier: a forward carried dependence. Fusion is legal; the fused loop
// loses its parallel axis.
// SHIFT: remark: xpl-loop-fuse: the fused loop is sequential (a dependence crosses iterations)
// SHIFT-LABEL: func.func @shifted
// SHIFT: scf.for
// SHIFT-NOT: scf.for
// SHIFT: } {xpl.loop_name = "L2"}
func.func @shifted(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>,
                   %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c1 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %b[%i] : memref<?xf32>
  } {xpl.axis = #xpl.axis<block_x>}
  %unused = arith.addi %n, %c1 : index
  scf.for %i = %c1 to %n step %c1 {
    %im1 = arith.subi %i, %c1 : index
    %u = memref.load %b[%im1] : memref<?xf32>
    memref.store %u, %c[%i] : memref<?xf32>
  } {xpl.axis = #xpl.axis<block_x>}
  return
}
