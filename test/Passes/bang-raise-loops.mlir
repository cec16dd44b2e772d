// RUN: xpiler-opt %s --bang-raise-loops -split-input-file | FileCheck %s
// Oracle tests: bang-raise-loops-oracle.mlu.

!gdram = memref<?xf32, #bang.memory_space<gdram>>

// CHECK-LABEL: func.func private @scale(
// CHECK-SAME: %[[X:.+]]: memref<?xf32, #bang.memory_space<gdram>>, %[[N:.+]]: i32, %[[DX:.+]]: i32, %[[DY:.+]]: i32, %[[DZ:.+]]: i32)
// CHECK: %[[D:.+]] = arith.muli %[[DX]], %[[DY]] : i32
// CHECK: %[[TASKS:.+]] = arith.muli %[[D]], %[[DZ]] : i32
// CHECK: %[[UB:.+]] = arith.index_cast %[[TASKS]] : i32 to index
// CHECK: scf.for %[[T:.+]] = %{{.+}} to %[[UB]] step %{{.+}} {
// CHECK:   %[[BUF:.+]] = memref.alloca() : memref<64xf32, #bang.memory_space<nram>>
// CHECK:   arith.index_cast %[[T]] : index to i32
// CHECK:   arith.remsi %{{.+}}, %{{.+}} : i32
// CHECK: } {xpl.axis = #xpl.axis<task>}
func.func @scale(%x: !gdram, %n: i32) attributes {bang.kernel, xpl.kernel} {
  %buf = bang.alloc {file_scope, name = "buf"} : memref<64xf32, #bang.memory_space<nram>>
  %t = bang.task_id : i32
  %core = bang.core_id : i32
  %sum = arith.addi %t, %core : i32
  %f = arith.sitofp %sum : i32 to f32
  %i = arith.index_cast %t : i32 to index
  memref.store %f, %x[%i] : !gdram
  return
}

// CHECK-LABEL: func.func @launcher(
// CHECK-SAME: %[[H:.+]]: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1] -> (s1)>}
// CHECK: %[[CAST:.+]] = memref.memory_space_cast %[[H]] : memref<?xf32> to memref<?xf32, #bang.memory_space<gdram>>
// CHECK: call @scale(%[[CAST]], %{{.+}}, %[[C4:.+]], %[[C2:.+]], %[[C1:.+]])
// CHECK-NOT: bang.
func.func @launcher(%h: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1] -> (s1)>}, %n: i32) attributes {xpl.launcher} {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c4 = arith.constant 4 : i32
  %c4i = arith.constant 4 : i64
  %n64 = arith.extsi %n : i32 to i64
  %bytes = arith.muli %n64, %c4i : i64
  %q = bang.queue_create : !bang.queue
  %d = bang.malloc %bytes : !gdram
  bang.cnrt_memcpy %d, %h, %bytes, <host2dev> : !gdram, memref<?xf32>
  %dim = bang.dim3 %c4, %c2, %c1 : !bang.dim3
  bang.launch @scale dim(%dim) func_type(<union1>) queue(%q) args(%d, %n : !gdram, i32)
  bang.queue_sync %q : !bang.queue
  bang.cnrt_memcpy %h, %d, %bytes, <dev2host> : memref<?xf32>, !gdram
  bang.free %d : !gdram
  bang.queue_destroy %q : !bang.queue
  return
}

// -----

!gdram = memref<?xf32, #bang.memory_space<gdram>>

// CHECK-LABEL: func.func private @reduce(
// A cluster loop; per-core code between barriers in core loops; the NRAM
// array and the value read before the barrier become per-core arrays.
// CHECK: scf.for %[[CL:.+]] = {{.+}} {
// CHECK-DAG: memref.alloca() : memref<4xf32>
// CHECK-DAG: memref.alloca() : memref<4x16xf32, #bang.memory_space<nram>>
// CHECK-DAG: memref.alloca() : memref<64xf32, #bang.memory_space<sram>>
// CHECK: scf.for %[[C1:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK: } {xpl.axis = #xpl.axis<core>}
// CHECK: scf.for %[[C2:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK: } {xpl.axis = #xpl.axis<core>}
// CHECK: } {xpl.axis = #xpl.axis<cluster>}
func.func @reduce(%x: !gdram) attributes {bang.kernel, xpl.kernel} {
  %nram = bang.alloc {file_scope, name = "part"} : memref<16xf32, #bang.memory_space<nram>>
  %sram = bang.alloc {file_scope, name = "shared"} : memref<64xf32, #bang.memory_space<sram>>
  %core = bang.core_id : i32
  %c0 = arith.constant 0 : index
  %ci = arith.index_cast %core : i32 to index
  %v = memref.load %x[%ci] : !gdram
  memref.store %v, %nram[%c0] : memref<16xf32, #bang.memory_space<nram>>
  memref.store %v, %sram[%ci] : memref<64xf32, #bang.memory_space<sram>>
  bang.sync <cluster>
  %w = memref.load %sram[%c0] : memref<64xf32, #bang.memory_space<sram>>
  %p = memref.load %nram[%c0] : memref<16xf32, #bang.memory_space<nram>>
  %s = arith.addf %w, %p : f32
  %t = arith.addf %s, %v : f32
  memref.store %t, %x[%ci] : !gdram
  return
}

func.func @launch_reduce(%h: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0] -> (8)>}) attributes {xpl.launcher} {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c4 = arith.constant 4 : i32
  %bytes = arith.constant 32 : i64
  %q = bang.queue_create : !bang.queue
  %d = bang.malloc %bytes : !gdram
  bang.cnrt_memcpy %d, %h, %bytes, <host2dev> : !gdram, memref<?xf32>
  %dim = bang.dim3 %c4, %c2, %c1 : !bang.dim3
  bang.launch @reduce dim(%dim) func_type(<union1>) queue(%q) args(%d : !gdram)
  bang.queue_sync %q : !bang.queue
  bang.cnrt_memcpy %h, %d, %bytes, <dev2host> : memref<?xf32>, !gdram
  bang.free %d : !gdram
  return
}
