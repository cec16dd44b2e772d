// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-loop-fuse=loop=L0

// The second loop reads b[n-1-i], written by the first loop in a later
// iteration for i < (n-1)/2: fusion-preventing.
func.func @reversed(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>,
                    %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %nm1 = arith.subi %n, %c1 : index
  // expected-remark @+1 {{xpl-loop-fuse: refused: fusion-preventing dependence from 'memref.store' at}}
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %b[%i] : memref<?xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %j = arith.subi %nm1, %i : index
    %u = memref.load %b[%j] : memref<?xf32>
    memref.store %u, %c[%i] : memref<?xf32>
  }
  return
}

// -----

// The second loop writes a[i+1], which the first loop reads in a later
// iteration (anti dependence): fusion-preventing.
func.func @anti(%a: memref<?xf32>, %b: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %nm1 = arith.subi %n, %c1 : index
  // expected-remark @+1 {{fusion-preventing dependence from 'memref.load'}}
  scf.for %i = %c0 to %nm1 step %c1 {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %b[%i] : memref<?xf32>
  }
  scf.for %i = %c0 to %nm1 step %c1 {
    %ip1 = arith.addi %i, %c1 : index
    memref.store %z, %a[%ip1] : memref<?xf32>
  }
  return
}

// -----

func.func @bounds(%a: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{xpl-loop-fuse: refused: loop 'L1' has other bounds or another step}}
  scf.for %i = %c0 to %n step %c1 {
    memref.store %z, %a[%i] : memref<?xf32>
  }
  scf.for %i = %c1 to %n step %c1 {
    memref.store %z, %a[%i] : memref<?xf32>
  }
  return
}

// -----

func.func @alone(%a: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{xpl-loop-fuse: refused: no loop follows 'L0' with only pure operations in between}}
  scf.for %i = %c0 to %n step %c1 {
    memref.store %z, %a[%i] : memref<?xf32>
  }
  memref.store %z, %a[%c0] : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    memref.store %z, %a[%i] : memref<?xf32>
  }
  return
}
