// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-stmt-split='loop=L0 at=1'

// S0: b[i] = c[i-1] + a[i]; S1: c[i] = b[i] * 2 -- S1 writes c[i-1] one
// iteration before S0 reads it: a backward dependence across the cut.
func.func @backward(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>,
                    %n: index) {
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f32
  // expected-remark @+1 {{xpl-stmt-split: refused: backward loop-carried dependence from 'memref.store' at}}
  scf.for %i = %c1 to %n step %c1 {
    %im1 = arith.subi %i, %c1 : index
    %u = memref.load %c[%im1] : memref<?xf32>
    %v = memref.load %a[%i] : memref<?xf32>
    %s = arith.addf %u, %v : f32
    memref.store %s, %b[%i] : memref<?xf32>
    %w = memref.load %b[%i] : memref<?xf32>
    %p = arith.mulf %w, %two : f32
    memref.store %p, %c[%i] : memref<?xf32>
  }
  return
}

// -----

// The result of a statement (a nested loop) before the cut is used after
// it.
func.func @crossing(%a: memref<?xf32>, %b: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{xpl-stmt-split: refused: the value of 'scf.for' at}}
  scf.for %i = %c0 to %n step %c1 {
    %r = scf.for %j = %c0 to %n step %c1 iter_args(%s = %z) -> f32 {
      %v = memref.load %a[%j] : memref<?xf32>
      %t = arith.addf %s, %v : f32
      scf.yield %t : f32
    }
    memref.store %r, %b[%i] : memref<?xf32>
  }
  return
}

// -----

func.func @sum(%a: memref<?xf32>, %b: memref<?xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{xpl-stmt-split: refused: the loop has iteration arguments}}
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%s = %z) -> f32 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %b[%i] : memref<?xf32>
    %t = arith.addf %s, %v : f32
    memref.store %t, %a[%i] : memref<?xf32>
    scf.yield %t : f32
  }
  return %r : f32
}

// -----

func.func @one(%a: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-error @+1 {{xpl-stmt-split: cut 1 is not inside the 1 statements of loop 'L0'}}
  scf.for %i = %c0 to %n step %c1 {
    memref.store %z, %a[%i] : memref<?xf32>
  }
  return
}
