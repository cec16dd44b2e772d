// RUN: xpiler-opt %s -split-input-file --test-synth-repair -verify-diagnostics -o /dev/null


// Three mistakes at once (the tile start, its extent and the last bound)
// are beyond max-changes=2: no repair, and the proposal is unchanged.

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-error @below {{no repair: no repair of at most 2 constants or index terms makes the accesses agree}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c16 = arith.constant 16 : index
  %c5 = arith.constant 5 : index
  scf.for %i0 = %c3 to %n step %c16 {
    %tile_end = arith.addi %i0, %c5 : index
    %last = arith.subi %n, %c3 : index
    %end = arith.minsi %tile_end, %last : index
    scf.for %i = %i0 to %end step %c1 {
      %v = memref.load %x[%i] : memref<?xf32>
      memref.store %v, %y[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// A loop-carried value is outside what the repair models: a clear error.

func.func @reference(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// expected-error @below {{no repair: a value carried around a loop cannot be modelled (scf.for at}}
func.func @proposal(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%k = %c0) -> (index) {
    %v = memref.load %x[%k] : memref<?xf32>
    memref.store %v, %y[%k] : memref<?xf32>
    %next = arith.addi %k, %c1 : index
    scf.yield %next : index
  }
  return
}
