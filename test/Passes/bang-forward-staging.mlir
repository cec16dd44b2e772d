// RUN: xpiler-opt %s --bang-forward-staging -split-input-file | FileCheck %s
// Oracle tests: bang-forward-staging-oracle.test.

!g = memref<?xf32, #bang.memory_space<gdram>>
!s = memref<64xf32, #bang.memory_space<nram>>

// CHECK-LABEL: func.func private @forwarded(
// CHECK-SAME: %[[X:[^:]+]]: memref<?xf32, #bang.memory_space<gdram>>, %[[OUT:[^:]+]]: memref<?xf32, #bang.memory_space<gdram>>
// CHECK-NOT: memref.alloca
// CHECK: scf.for %[[K:.+]] = %{{.+}} to %[[N:.+]] step
// CHECK-NEXT: %[[AT:.+]] = arith.addi %{{.+}}, %[[K]] : index
// CHECK-NEXT: %[[V:.+]] = memref.load %[[X]][%[[AT]]]
// CHECK-NEXT: %[[R:.+]] = arith.mulf %[[V]], %[[V]] : f32
// CHECK-NEXT: %[[AT2:.+]] = arith.addi %{{.+}}, %[[K]] : index
// CHECK-NEXT: memref.store %[[R]], %[[OUT]][%[[AT2]]]
// CHECK-NEXT: }
// CHECK-NOT: scf.for
func.func private @forwarded(%x: !g, %out: !g, %o: index, %len: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c31 = arith.constant 31 : i32
  %c32 = arith.constant 32 : i32
  %s = memref.alloca() : !s
  %n = arith.index_cast %len : i32 to index
  scf.for %k = %c0 to %n step %c1 {
    %at = arith.addi %o, %k : index
    %v = memref.load %x[%at] : !g
    memref.store %v, %s[%k] : !s
  }
  // Padded lanes: ((len + 31) / 32) * 32.
  %p0 = arith.addi %len, %c31 : i32
  %p1 = arith.divsi %p0, %c32 : i32
  %p2 = arith.muli %p1, %c32 : i32
  %m = arith.index_cast %p2 : i32 to index
  scf.for %k = %c0 to %m step %c1 {
    %v = memref.load %s[%k] : !s
    %r = arith.mulf %v, %v : f32
    memref.store %r, %s[%k] : !s
  }
  scf.for %k = %c0 to %n step %c1 {
    %v = memref.load %s[%k] : !s
    %at = arith.addi %o, %k : index
    memref.store %v, %out[%at] : !g
  }
  return
}
func.func @launcher(%a: memref<?xf32>, %b: memref<?xf32>, %o: index, %len: i32) {
  %x = memref.memory_space_cast %a : memref<?xf32> to !g
  %y = memref.memory_space_cast %b : memref<?xf32> to !g
  call @forwarded(%x, %y, %o, %len) : (!g, !g, index, i32) -> ()
  return
}

// -----

!g = memref<?xf32, #bang.memory_space<gdram>>
!s = memref<64xf32, #bang.memory_space<nram>>

// The launcher passes one buffer twice: input and output may overlap.
// CHECK-LABEL: func.func private @aliased(
// CHECK: memref.alloca
// CHECK-COUNT-2: scf.for
func.func private @aliased(%x: !g, %out: !g, %o: index, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = memref.alloca() : !s
  scf.for %k = %c0 to %n step %c1 {
    %at = arith.addi %o, %k : index
    %v = memref.load %x[%at] : !g
    memref.store %v, %s[%k] : !s
  }
  scf.for %k = %c0 to %n step %c1 {
    %v = memref.load %s[%k] : !s
    memref.store %v, %out[%k] : !g
  }
  return
}
func.func @launcher(%a: memref<?xf32>, %o: index, %n: index) {
  %x = memref.memory_space_cast %a : memref<?xf32> to !g
  call @aliased(%x, %x, %o, %n) : (!g, !g, index, index) -> ()
  return
}

// -----

!g = memref<?xf32, #bang.memory_space<gdram>>
!s = memref<64xf32, #bang.memory_space<nram>>

// The staging array is read again later: its contents are observable.
// CHECK-LABEL: func.func private @reused(
// CHECK: memref.alloca
// CHECK-COUNT-2: scf.for
func.func private @reused(%x: !g, %out: !g, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = memref.alloca() : !s
  scf.for %k = %c0 to %n step %c1 {
    %v = memref.load %x[%k] : !g
    memref.store %v, %s[%k] : !s
  }
  scf.for %k = %c0 to %n step %c1 {
    %v = memref.load %s[%k] : !s
    memref.store %v, %out[%k] : !g
  }
  %first = memref.load %s[%c0] : !s
  return %first : f32
}
func.func @launcher(%a: memref<?xf32>, %b: memref<?xf32>, %n: index) {
  %x = memref.memory_space_cast %a : memref<?xf32> to !g
  %y = memref.memory_space_cast %b : memref<?xf32> to !g
  %r = call @reused(%x, %y, %n) : (!g, !g, index) -> f32
  return
}

// -----

!g = memref<?xf32, #bang.memory_space<gdram>>
!s = memref<64xf32, #bang.memory_space<nram>>

// The elementwise loop runs fewer lanes than are copied out.
// CHECK-LABEL: func.func private @short(
// CHECK: memref.alloca
// CHECK-COUNT-3: scf.for
func.func private @short(%x: !g, %out: !g, %n: index, %m: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %s = memref.alloca() : !s
  scf.for %k = %c0 to %n step %c1 {
    %v = memref.load %x[%k] : !g
    memref.store %v, %s[%k] : !s
  }
  scf.for %k = %c0 to %m step %c1 {
    %v = memref.load %s[%k] : !s
    %r = arith.addf %v, %v : f32
    memref.store %r, %s[%k] : !s
  }
  scf.for %k = %c0 to %n step %c1 {
    %v = memref.load %s[%k] : !s
    memref.store %v, %out[%k] : !g
  }
  return
}
func.func @launcher(%a: memref<?xf32>, %b: memref<?xf32>, %n: index) {
  %x = memref.memory_space_cast %a : memref<?xf32> to !g
  %y = memref.memory_space_cast %b : memref<?xf32> to !g
  call @short(%x, %y, %n, %n) : (!g, !g, index, index) -> ()
  return
}
