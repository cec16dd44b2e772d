// RUN: xpiler-opt %s --xpl-vectorize-avx512 -split-input-file -verify-diagnostics

// A loop-carried dependence (a prefix sum through memory) stays scalar.
func.func @carried(%x: memref<?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  // expected-remark @+1 {{xpl-vectorize-avx512: not vectorized: loop-carried dependence between 'memref.load'}}
  scf.for %i = %c1 to %n step %c1 {
    %p = arith.subi %i, %c1 : index
    %a = memref.load %x[%p] : memref<?xf32>
    %b = memref.load %x[%i] : memref<?xf32>
    %s = arith.addf %a, %b : f32
    memref.store %s, %x[%i] : memref<?xf32>
  }
  return
}

// -----

// No AVX-512 op for exp in the dialect.
func.func @exp(%x: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @+1 {{not vectorized: no AVX-512 op for 'math.exp' on f32}}
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.load %x[%i] : memref<?xf32>
    %e = math.exp %a : f32
    memref.store %e, %x[%i] : memref<?xf32>
  }
  return
}

// -----

// Control flow in the body.
func.func @guarded(%x: memref<?xf32>, %n: index, %m: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  // expected-remark @+1 {{not vectorized: the body has control flow ('scf.if')}}
  scf.for %i = %c0 to %n step %c1 {
    %p = arith.cmpi slt, %i, %m : index
    scf.if %p {
      memref.store %one, %x[%i] : memref<?xf32>
    }
  }
  return
}

// -----

// An indirect subscript: the index is loaded from memory.
func.func @indirect(%x: memref<?xf32>, %idx: memref<?xi32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // expected-remark @+1 {{not vectorized: 'memref.load' accesses i32 elements}}
  scf.for %i = %c0 to %n step %c1 {
    %j = memref.load %idx[%i] : memref<?xi32>
    %ji = arith.index_cast %j : i32 to index
    %v = memref.load %x[%ji] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// -----

// A strided store would need a scatter.
func.func @scatter(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  // expected-remark @+1 {{not vectorized: 'memref.store' stores with lane stride 2 (there is no scatter)}}
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    %j = arith.muli %i, %c2 : index
    memref.store %v, %y[%j] : memref<?xf32>
  }
  return
}

// -----

// A non-linear subscript (the GPU butterflies' xor).
func.func @xor(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  // expected-remark @+1 {{not vectorized: the induction variable reaches 'arith.xori', which is not affine}}
  scf.for %i = %c0 to %n step %c1 {
    %j = arith.xori %i, %c5 : index
    %v = memref.load %x[%j] : memref<?xf32>
    memref.store %v, %y[%i] : memref<?xf32>
  }
  return
}

// -----

// A product of two signed bytes has no VNNI instruction.
func.func @s8s8(%a: memref<?xi8>, %b: memref<?xi8>, %n: index) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0 : i32
  // expected-remark @+1 {{not vectorized: a product of two signed bytes}}
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (i32) {
    %x = memref.load %a[%i] : memref<?xi8>
    %y = memref.load %b[%i] : memref<?xi8>
    %xe = arith.extsi %x : i8 to i32
    %ye = arith.extsi %y : i8 to i32
    %p = arith.muli %xe, %ye : i32
    %t = arith.addi %acc, %p : i32
    scf.yield %t : i32
  }
  return %s : i32
}

// -----

// Float products are never truncated to int8: an f32 dot product is an f32
// reduction.
func.func @fdot(%a: memref<?xf32>, %b: memref<?xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{vectorized: 16 lanes, 1 reductions, masked tail}}
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (f32) {
    %x = memref.load %a[%i] : memref<?xf32>
    %y = memref.load %b[%i] : memref<?xf32>
    %p = arith.mulf %x, %y : f32
    %t = arith.addf %acc, %p : f32
    scf.yield %t : f32
  }
  return %s : f32
}

// -----

// A reduction whose value is also used in the body.
func.func @scan(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  // expected-remark @+1 {{not vectorized: iteration argument #0 is not a reduction}}
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (f32) {
    %v = memref.load %x[%i] : memref<?xf32>
    %t = arith.addf %acc, %v : f32
    memref.store %t, %y[%i] : memref<?xf32>
    scf.yield %t : f32
  }
  return %s : f32
}

