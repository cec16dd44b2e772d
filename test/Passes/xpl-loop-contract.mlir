// RUN: xpiler-opt %s --xpl-loop-contract=loop=L0 | FileCheck %s
// RUN: xpiler-opt %s --xpl-loop-contract=loop=L0 -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry square_add --arg arg3=37 --arg arg0=arg3 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-loop-contract=loop=L2 2>&1 | FileCheck %s --check-prefix=KEPT
// RUN: xpiler-opt %s --xpl-loop-contract=loop=L2 -o %t.kept.mlir
// RUN: xpiler verify %s %t.kept.mlir --entry kept --arg arg3=37 --arg arg0=arg3 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE

// t[i] = a[i] * a[i]; out[i] = t[i] + b[i]: the temporary becomes a scalar
// and disappears.
// CHECK-LABEL: func.func @square_add
// CHECK-NOT: memref.alloc
// CHECK: scf.for %[[I:.+]] = %c0 to %{{.+}} step %c1 {
// CHECK-NEXT: %[[A:.+]] = memref.load %{{.+}}[%[[I]]]
// CHECK-NEXT: %[[SQ:.+]] = arith.mulf %[[A]], %[[A]]
// CHECK-NEXT: %[[B:.+]] = memref.load %{{.+}}[%[[I]]]
// CHECK-NEXT: %[[S:.+]] = arith.addf %[[SQ]], %[[B]]
// CHECK-NEXT: memref.store %[[S]]
// CHECK-NEXT: } {xpl.axis = #xpl.axis<block_x>, xpl.loop_name = "L0"}
// CHECK-NOT: memref.dealloc
// CHECK: return
// ORACLE: equivalent
func.func @square_add(%a: memref<?xf32>, %b: memref<?xf32>,
                      %out: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = memref.alloc(%n) : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    %s = arith.mulf %v, %v : f32
    memref.store %s, %t[%i] : memref<?xf32>
  } {xpl.axis = #xpl.axis<block_x>}
  scf.for %i = %c0 to %n step %c1 {
    %u = memref.load %t[%i] : memref<?xf32>
    %w = memref.load %b[%i] : memref<?xf32>
    %s = arith.addf %u, %w : f32
    memref.store %s, %out[%i] : memref<?xf32>
  } {xpl.axis = #xpl.axis<block_x>}
  memref.dealloc %t : memref<?xf32>
  return
}

// The temporary is also read after the loops: the load is forwarded, the
// buffer stays.
// KEPT: remark: xpl-loop-contract: buffer kept: it is read elsewhere
// KEPT-LABEL: func.func @kept
// KEPT: memref.alloca
// KEPT: scf.for
// KEPT: %[[S:.+]] = arith.mulf
// KEPT-NEXT: memref.store %[[S]]
// KEPT-NEXT: memref.load
// KEPT-NEXT: arith.addf %[[S]]
// KEPT-NOT: scf.for
// KEPT: return
func.func @kept(%a: memref<?xf32>, %b: memref<?xf32>, %out: memref<?xf32>,
                %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = memref.alloca() : memref<64xf32>
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    %s = arith.mulf %v, %v : f32
    memref.store %s, %t[%i] : memref<64xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %u = memref.load %t[%i] : memref<64xf32>
    %w = memref.load %b[%i] : memref<?xf32>
    %s = arith.addf %u, %w : f32
    memref.store %s, %out[%i] : memref<?xf32>
  }
  %last = memref.load %t[%c0] : memref<64xf32>
  memref.store %last, %b[%c0] : memref<?xf32>
  return
}
