// RUN: xpiler-opt %s --xpl-name-loops | FileCheck %s

// Preorder names: top-level loops count across the module, nested loops
// extend their parent's name; existing names are replaced.

// CHECK-LABEL: func.func @f
// CHECK: } {xpl.loop_name = "L0.0.0"}
// CHECK: } {xpl.loop_name = "L0.0"}
// CHECK: } {xpl.loop_name = "L0.1"}
// CHECK: } {xpl.loop_name = "L0"}
// CHECK: } {xpl.loop_name = "L1"}
// CHECK-LABEL: func.func @g
// CHECK: } {xpl.axis = #xpl.axis<block_x>, xpl.loop_name = "L2"}
func.func @f(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %n step %c1 {
      scf.for %k = %c0 to %n step %c1 {
      }
    } {xpl.loop_name = "old"}
    %b = arith.cmpi slt, %i, %n : index
    scf.if %b {
      scf.for %j = %c0 to %n step %c1 {
      }
    }
  }
  scf.for %i = %c0 to %n step %c1 {
  }
  return
}
func.func @g(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.axis = #xpl.axis<block_x>}
  return
}
