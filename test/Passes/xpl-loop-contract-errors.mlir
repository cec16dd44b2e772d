// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-loop-contract=loop=L0

// The consumer reads t[n-1-i], not the element of its own iteration.
func.func @reversed(%a: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %nm1 = arith.subi %n, %c1 : index
  %t = memref.alloc(%n) : memref<?xf32>
  // expected-remark @+1 {{xpl-loop-contract: refused: no temporary buffer is stored once per iteration by 'L0' and loaded at the same index by the next loop}}
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %t[%i] : memref<?xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %j = arith.subi %nm1, %i : index
    %u = memref.load %t[%j] : memref<?xf32>
    memref.store %u, %out[%i] : memref<?xf32>
  }
  return
}

// -----

// The consumer reads t[i] and t[n-1-i]: the second read prevents fusion.
func.func @both(%a: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %nm1 = arith.subi %n, %c1 : index
  %t = memref.alloc(%n) : memref<?xf32>
  // expected-remark @+1 {{xpl-loop-contract: refused: fusion-preventing dependence from 'memref.store'}}
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %t[%i] : memref<?xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %j = arith.subi %nm1, %i : index
    %u = memref.load %t[%j] : memref<?xf32>
    %w = memref.load %t[%i] : memref<?xf32>
    %s = arith.addf %u, %w : f32
    memref.store %s, %out[%i] : memref<?xf32>
  }
  return
}

// -----

// A function argument is not a temporary.
func.func @argument(%a: memref<?xf32>, %t: memref<?xf32>, %out: memref<?xf32>,
                    %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @+1 {{xpl-loop-contract: refused: no temporary buffer}}
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %t[%i] : memref<?xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %u = memref.load %t[%i] : memref<?xf32>
    memref.store %u, %out[%i] : memref<?xf32>
  }
  return
}
