// RUN: xpiler-opt %s --bang-drop-memory-spaces -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func private @k(%{{.+}}: memref<?xf32>, %{{.+}}: index)
// CHECK: memref.alloca() : memref<64xf32>
// CHECK: memref.subview %{{.+}}[%{{.+}}] [%{{.+}}] [1] : memref<?xf32> to memref<?xf32, strided<[1], offset: ?>>
// CHECK-LABEL: func.func @launcher(
// CHECK-SAME: %[[H:.+]]: memref<?xf32>)
// CHECK-NOT: memory_space_cast
// CHECK: call @k(%[[H]],
func.func private @k(%x: memref<?xf32, #bang.memory_space<gdram>>, %off: index) {
  %a = memref.alloca() : memref<64xf32, #bang.memory_space<nram>>
  %c0 = arith.constant 0 : index
  %v = memref.load %a[%c0] : memref<64xf32, #bang.memory_space<nram>>
  %s = memref.subview %x[%off] [%off] [1] : memref<?xf32, #bang.memory_space<gdram>> to memref<?xf32, strided<[1], offset: ?>, #bang.memory_space<gdram>>
  memref.store %v, %s[%c0] : memref<?xf32, strided<[1], offset: ?>, #bang.memory_space<gdram>>
  return
}
func.func @launcher(%h: memref<?xf32>) {
  %c = memref.memory_space_cast %h : memref<?xf32> to memref<?xf32, #bang.memory_space<gdram>>
  %c1 = arith.constant 1 : index
  call @k(%c, %c1) : (memref<?xf32, #bang.memory_space<gdram>>, index) -> ()
  return
}

// -----

func.func @left(%n: i32) {
  // expected-error @below {{cannot drop memory spaces: bang op left}}
  %a = bang.alloc : memref<64xf32, #bang.memory_space<nram>>
  bang.write_zero %a, %n : memref<64xf32, #bang.memory_space<nram>>
  return
}
