// RUN: xpiler-opt %s -split-input-file -verify-diagnostics --xpl-loop-reorder='loop=L0 order=1,0'

// A[i][j] = A[i-1][j+1] + 1: a (<, >) dependence that interchange reverses.
func.func @stencil(%A: memref<?xf32>, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  %nm1 = arith.subi %N, %c1 : index
  // expected-remark @+1 {{xpl-loop-reorder: refused: dependence from 'memref.store' at}}
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
    }
  }
  return
}

// -----

// A subscript the analysis cannot read (an indirect index): assumed
// dependent in every direction.
func.func @indirect(%A: memref<?xf32>, %idx: memref<?xindex>, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @+1 {{(assumed) would become}}
  scf.for %i = %c0 to %N step %c1 {
    scf.for %j = %c0 to %N step %c1 {
      %x = memref.load %idx[%j] : memref<?xindex>
      %v = memref.load %A[%x] : memref<?xf32>
      %r = arith.muli %i, %N : index
      %y = arith.addi %r, %j : index
      memref.store %v, %A[%y] : memref<?xf32>
    }
  }
  return
}

// -----

func.func private @g(index)

// An operation with unknown memory effects.
func.func @call(%N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @+1 {{xpl-loop-reorder: refused: unknown memory effects of 'func.call'}}
  scf.for %i = %c0 to %N step %c1 {
    scf.for %j = %c0 to %N step %c1 {
      func.call @g(%j) : (index) -> ()
    }
  }
  return
}

// -----

// Not a perfect nest.
func.func @imperfect(%A: memref<?xf32>, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{xpl-loop-reorder: refused: the nest is not perfect at depth 1 ('memref.store'}}
  scf.for %i = %c0 to %N step %c1 {
    memref.store %z, %A[%i] : memref<?xf32>
    scf.for %j = %c0 to %N step %c1 {
      memref.store %z, %A[%j] : memref<?xf32>
    }
  }
  return
}

// -----

// A triangular nest.
func.func @triangular(%A: memref<?xf32>, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  scf.for %i = %c0 to %N step %c1 {
    // expected-remark @+1 {{the bounds of loop 'L0.0' depend on the nest (not rectangular)}}
    scf.for %j = %c0 to %i step %c1 {
      memref.store %z, %A[%j] : memref<?xf32>
    }
  }
  return
}

// -----

// expected-error @+1 {{xpl-loop-reorder: no loop named 'L0'}}
module {
  func.func @none() { return }
}
