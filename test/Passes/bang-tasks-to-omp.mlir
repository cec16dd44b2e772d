// RUN: xpiler-opt %s --bang-tasks-to-omp | FileCheck %s

// CHECK-LABEL: func.func @tasks
// The outermost task or cluster loop only.
// CHECK: scf.for
// CHECK:   scf.for
// CHECK:   } {xpl.axis = #xpl.axis<core>}
// CHECK: } {xpl.axis = #xpl.axis<cluster>, xpl.omp_parallel_for = {}}
// CHECK: scf.for
// CHECK: } {xpl.axis = #xpl.axis<task>, xpl.omp_parallel_for = {}}
// A sequential loop is left alone.
// CHECK: scf.for
// CHECK-NEXT: }
// CHECK-NOT: xpl.omp_parallel_for
func.func @tasks(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %cl = %c0 to %n step %c1 {
    scf.for %core = %c0 to %c4 step %c1 {
    } {xpl.axis = #xpl.axis<core>}
  } {xpl.axis = #xpl.axis<cluster>}
  scf.for %t = %c0 to %n step %c1 {
  } {xpl.axis = #xpl.axis<task>}
  scf.for %i = %c0 to %n step %c1 {
  }
  return
}
