// RUN: xpiler-opt %s -split-input-file --test-synth-coverage -verify-diagnostics -o /dev/null

// Z3 proves that a split by 16 with a remainder guard runs every iteration
// of the original loop exactly once, for every n in [1, 256].

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-remark @below {{covers every iteration exactly once}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.for %i0 = %c0 to %n step %c16 {
    %tile_end = arith.addi %i0, %c16 : index
    %end = arith.minsi %tile_end, %n : index
    scf.for %i = %i0 to %end step %c1 {
      %v = memref.load %x[%i] : memref<?xf32>
      memref.store %v, %y[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// Tiles of 16 that each run 17 iterations: every element is still written,
// but the first of each tile twice; not exactly once.

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-remark @below {{does not cover the same iterations exactly once}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c17 = arith.constant 17 : index
  scf.for %i0 = %c0 to %n step %c16 {
    %tile_end = arith.addi %i0, %c17 : index
    %end = arith.minsi %tile_end, %n : index
    scf.for %i = %i0 to %end step %c1 {
      %v = memref.load %x[%i] : memref<?xf32>
      memref.store %v, %y[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// A thread binding: 256-thread blocks over n, guarded; each iteration once.

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-remark @below {{covers every iteration exactly once}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c255 = arith.constant 255 : index
  %c256 = arith.constant 256 : index
  %sum = arith.addi %n, %c255 : index
  %blocks = arith.divui %sum, %c256 : index
  scf.for %b = %c0 to %blocks step %c1 {
    scf.for %t = %c0 to %c256 step %c1 {
      %base = arith.muli %b, %c256 : index
      %i = arith.addi %base, %t : index
      %inside = arith.cmpi slt, %i, %n : index
      scf.if %inside {
        %v = memref.load %x[%i] : memref<?xf32>
        memref.store %v, %y[%i] : memref<?xf32>
      }
    }
  }
  return
}
