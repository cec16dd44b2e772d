// RUN: xpiler-opt %s --xpl-loop-split='loop=L0.0 factor=4' | FileCheck %s --check-prefix=MIN
// RUN: xpiler-opt %s --xpl-loop-split='loop=L0.0 factor=4 remainder=true' | FileCheck %s --check-prefix=REM
// RUN: xpiler-opt %s --xpl-loop-split='loop=L0.0 factor=4' -o %t.min.mlir
// RUN: xpiler verify %s %t.min.mlir --entry stencil --arg arg1=9 --arg arg0=arg1*arg1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-loop-split='loop=L0.0 factor=4 remainder=true' -o %t.rem.mlir
// RUN: xpiler verify %s %t.rem.mlir --entry stencil --arg arg1=9 --arg arg0=arg1*arg1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-loop-split='loop=L1 factor=3 remainder=true' | FileCheck %s --check-prefix=SUM
// RUN: xpiler-opt %s --xpl-loop-split='loop=L1 factor=3 remainder=true' -o %t.sum.mlir
// RUN: xpiler verify %s %t.sum.mlir --entry sum --arg arg2=10 --arg arg0=arg2 --arg arg1=2 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-loop-split='loop=L1 factor=3' -o %t.summin.mlir
// RUN: xpiler verify %s %t.summin.mlir --entry sum --arg arg2=10 --arg arg0=arg2 --arg arg1=2 | FileCheck %s --check-prefix=ORACLE
// RUN: not xpiler-opt %s --xpl-loop-split='loop=L0 factor=0' 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not xpiler-opt %s --xpl-loop-split='loop=L7 factor=2' 2>&1 | FileCheck %s --check-prefix=NONE

// Strip-mining never changes the order of iterations: a stencil with a
// carried dependence splits as well as anything.

// MIN-LABEL: func.func @stencil
// MIN: scf.for %[[I:.+]] = %c1 to
// MIN: %[[STEP:.+]] = arith.muli %c1, %c4
// MIN: scf.for %[[JO:.+]] = %c0 to %[[UB:.+]] step %[[STEP]] {
// MIN-NEXT: %[[E:.+]] = arith.addi %[[JO]], %[[STEP]]
// MIN-NEXT: %[[HI:.+]] = arith.minsi %[[E]], %[[UB]]
// MIN-NEXT: scf.for %{{.+}} = %[[JO]] to %[[HI]] step %c1 {
// MIN: } {xpl.axis = #xpl.axis<thread_x>, xpl.loop_name = "L0.0.in"}
// MIN-NEXT: } {xpl.axis = #xpl.axis<thread_x>, xpl.loop_name = "L0.0"}

// REM-LABEL: func.func @stencil
// REM: %[[MAIN:.+]] = arith.addi %c0, %{{.+}} : index
// REM: scf.for %[[JO:.+]] = %c0 to %[[MAIN]] step %[[STEP:.+]] {
// REM-NEXT: %[[E:.+]] = arith.addi %[[JO]], %[[STEP]]
// REM-NEXT: scf.for %{{.+}} = %[[JO]] to %[[E]] step %c1 {
// REM: } {xpl.axis = #xpl.axis<thread_x>, xpl.loop_name = "L0.0.in"}
// REM-NEXT: } {xpl.axis = #xpl.axis<thread_x>, xpl.loop_name = "L0.0"}
// REM-NEXT: scf.for %{{.+}} = %[[MAIN]] to
// REM: } {xpl.axis = #xpl.axis<thread_x>, xpl.loop_name = "L0.0.rem"}

// ORACLE: equivalent
func.func @stencil(%A: memref<?xf32>, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  %nm1 = arith.subi %N, %c1 : index
  scf.for %i = %c1 to %N step %c1 {
    scf.for %j = %c0 to %nm1 step %c1 {
      %im1 = arith.subi %i, %c1 : index
      %jp1 = arith.addi %j, %c1 : index
      %r = arith.muli %im1, %N : index
      %src = arith.addi %r, %jp1 : index
      %w = arith.muli %i, %N : index
      %dst = arith.addi %w, %j : index
      %v = memref.load %A[%src] : memref<?xf32>
      %s = arith.addf %v, %one : f32
      memref.store %s, %A[%dst] : memref<?xf32>
    } {xpl.axis = #xpl.axis<thread_x>}
  }
  return
}

// Iteration arguments are threaded through the tiles and the remainder.
// SUM-LABEL: func.func @sum
// SUM: %[[MAIN:.+]]:2 = scf.for %{{.+}} = %c0 to %{{.+}} step %{{.+}} iter_args(%[[S:.+]] = %{{.+}}, %[[P:.+]] = %{{.+}}) -> (f32, f32) {
// SUM-NEXT: arith.addi
// SUM-NEXT: %[[IN:.+]]:2 = scf.for %{{.+}} iter_args(%{{.+}} = %[[S]], %{{.+}} = %[[P]]) -> (f32, f32) {
// SUM: scf.yield %[[IN]]#0, %[[IN]]#1 : f32, f32
// SUM: %[[TAIL:.+]]:2 = scf.for %{{.+}} iter_args(%{{.+}} = %[[MAIN]]#0, %{{.+}} = %[[MAIN]]#1) -> (f32, f32) {
// SUM: memref.store %[[TAIL]]#0
// SUM: arith.addf %[[TAIL]]#1
func.func @sum(%x: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%s = %z, %p = %one) -> (f32, f32) {
    %v = memref.load %x[%i] : memref<?xf32>
    %s2 = arith.addf %s, %v : f32
    %p2 = arith.mulf %p, %v : f32
    scf.yield %s2, %p2 : f32, f32
  }
  memref.store %r#0, %out[%c0] : memref<?xf32>
  %pv = arith.constant 1 : index
  %t = arith.addf %r#1, %z : f32
  memref.store %t, %out[%pv] : memref<?xf32>
  return
}

// BAD: error: xpl-loop-split: factor 0 is not positive
// NONE: error: xpl-loop-split: no loop named 'L7'
