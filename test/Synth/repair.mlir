// RUN: xpiler-opt %s -split-input-file --test-synth-repair -verify-diagnostics -o %t.mlir
// RUN: FileCheck %s < %t.mlir

// A split by 16 whose last tile stops one element early (n - 1): the
// planted off-by-one bound. Z3 changes the 1 to 0.

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n_idx = arith.index_cast %n : i32 to index
  scf.for %i = %c0 to %n_idx step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-remark @below {{repaired after 1 candidate(s); every iteration runs once: proven (every parameter value in range)}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c16_i32 = arith.constant 16 : i32
  %c1_i32 = arith.constant 1 : i32
  %n_idx = arith.index_cast %n : i32 to index
  scf.for %i0 = %c0 to %n_idx step %c16 {
    %i0_i32 = arith.index_cast %i0 : index to i32
    %tile_end = arith.addi %i0_i32, %c16_i32 : i32
    // expected-remark @below {{repaired: constant 1 -> 0 in operand 1 of arith.subi}}
    %last = arith.subi %n, %c1_i32 : i32
    %end = arith.minsi %tile_end, %last : i32
    %end_idx = arith.index_cast %end : i32 to index
    scf.for %i = %i0 to %end_idx step %c1 {
      %v = memref.load %x[%i] : memref<?xf32>
      memref.store %v, %y[%i] : memref<?xf32>
    }
  }
  return
}
// CHECK-LABEL: func.func @proposal
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: arith.subi %{{.*}}, %[[ZERO]] : i32

// -----

// A wrong stride: tiles of 16 whose inner loop covers only 8 elements.

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-remark @below {{every iteration runs once: proven (every parameter value in range)}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c8 = arith.constant 8 : index
  scf.for %i0 = %c0 to %n step %c16 {
    // expected-remark @below {{repaired: constant 8 -> 16 in operand 1 of arith.addi}}
    %tile_end = arith.addi %i0, %c8 : index
    %end = arith.minsi %tile_end, %n : index
    scf.for %i = %i0 to %end step %c1 {
      %v = memref.load %x[%i] : memref<?xf32>
      memref.store %v, %y[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// A transpose whose proposal swapped the row and column of the load.

func.func @reference(%a: memref<?xf32>, %b: memref<?xf32>, %rows: index, %cols: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      %src = arith.muli %i, %cols : index
      %s = arith.addi %src, %j : index
      %dst = arith.muli %j, %rows : index
      %d = arith.addi %dst, %i : index
      %v = memref.load %a[%s] : memref<?xf32>
      memref.store %v, %b[%d] : memref<?xf32>
    }
  }
  return
}

// The index arithmetic multiplies a loop variable by a parameter, which Z3
// cannot decide for all parameters at once: the checks use the grid.
// expected-remark @below {{every iteration runs once: proven (on the parameter grid)}}
func.func @proposal(%a: memref<?xf32>, %b: memref<?xf32>, %rows: index, %cols: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      // expected-remark @below {{repair.mlir":102:3) in operand 0 of arith.muli}}
      %src = arith.muli %j, %cols : index
      // expected-remark @below {{repair.mlir":103:5) in operand 1 of arith.addi}}
      %s = arith.addi %src, %i : index
      %dst = arith.muli %j, %rows : index
      %d = arith.addi %dst, %i : index
      %v = memref.load %a[%s] : memref<?xf32>
      memref.store %v, %b[%d] : memref<?xf32>
    }
  }
  return
}

