// Kernels become block loops around thread loops; barriers split the thread
// loop; launches become calls; the raised module computes what the source
// does (the oracle).
// RUN: xpiler-opt %s --xpl-raise-gpu-loops | FileCheck %s
// RUN: xpiler-opt %s --xpl-raise-gpu-loops -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry reverse --arg arg2=3 | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// The shared array is one per block; the barrier splits the thread loop in
// two, the second reading what every thread of the first wrote.
// CHECK-LABEL: func.func private @rev
// CHECK-SAME: (%[[X:.+]]: memref<?xf32>, %[[Y:.+]]: memref<?xf32>, %[[GX:.+]]: index, %{{.+}}: index, %{{.+}}: index, %{{.+}}: index, %{{.+}}: index, %{{.+}}: index)
// CHECK: scf.for %[[B:.+]] = %{{.+}} to %[[GX]]
// CHECK: %[[S:.+]] = memref.alloca() : memref<64xf32>
// CHECK: scf.for %[[T:.+]] = %{{.+}} to %c64{{.*}} step
// CHECK: memref.load %[[X]]
// CHECK: memref.store %{{.+}}, %[[S]]
// CHECK: } {xpl.mapping = [#xpl.axis<thread_x>]}
// CHECK: scf.for %[[T2:.+]] = %{{.+}} to %c64{{.*}} step
// CHECK: memref.load %[[S]]
// CHECK: memref.store %{{.+}}, %[[Y]]
// CHECK: } {xpl.mapping = [#xpl.axis<thread_x>]}
// CHECK: } {xpl.mapping = [#xpl.axis<block_x>]}
// CHECK-NOT: cuda.
func.func @rev(%arg0: memref<?xf32, #cuda.memory_space<global>>, %arg1: memref<?xf32, #cuda.memory_space<global>>) attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<64>, xpl.kernel} {
  %c63_i32 = arith.constant 63 : i32
  %c64_i32 = arith.constant 64 : i32
  %0 = cuda.shared_array "s" : memref<64xf32, #cuda.memory_space<shared>>
  %1 = cuda.thread_idx x
  %2 = arith.index_cast %1 : i32 to index
  %3 = cuda.block_idx x
  %4 = arith.muli %3, %c64_i32 : i32
  %5 = arith.addi %4, %1 : i32
  %6 = arith.index_castui %5 : i32 to index
  %7 = memref.load %arg0[%6] : memref<?xf32, #cuda.memory_space<global>>
  memref.store %7, %0[%2] : memref<64xf32, #cuda.memory_space<shared>>
  cuda.syncthreads
  %8 = arith.subi %c63_i32, %1 : i32
  %9 = arith.index_cast %8 : i32 to index
  %10 = memref.load %0[%9] : memref<64xf32, #cuda.memory_space<shared>>
  memref.store %10, %arg1[%6] : memref<?xf32, #cuda.memory_space<global>>
  return
}

// Device buffers are heap buffers, copies element loops, the launch a call
// with the grid and block extents; the buffer descriptions stay.
// CHECK-LABEL: func.func @reverse
// CHECK-SAME: xpl.buffer = #xpl.buffer<in
// CHECK-SAME: xpl.buffer = #xpl.buffer<out
// CHECK: %[[D:.+]] = memref.alloc(%{{.+}}) : memref<?xf32>
// CHECK: call @rev(%[[D]], %{{.+}}, %{{.+}}, %c1, %c1, %c64, %c1, %c1)
// CHECK: memref.dealloc %[[D]]
// CHECK-NOT: cuda.
func.func @reverse(%arg0: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2] -> (s2 * 64)>}, %arg1: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2] -> (s2 * 64)>}, %arg2: i32) attributes {xpl.launcher} {
  %c64 = arith.constant 64 : index
  %c1 = arith.constant 1 : index
  %c4_i64 = arith.constant 4 : i64
  %c64_i32 = arith.constant 64 : i32
  %0 = arith.muli %arg2, %c64_i32 : i32
  %1 = arith.extsi %0 : i32 to i64
  %2 = arith.muli %1, %c4_i64 : i64
  %3 = arith.index_castui %2 : i64 to index
  %4 = cuda.malloc %3 : memref<?xf32, #cuda.memory_space<global>>
  %5 = cuda.malloc %3 : memref<?xf32, #cuda.memory_space<global>>
  cuda.memcpy HostToDevice %4, %arg0, %3 : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32>
  %6 = arith.index_castui %arg2 : i32 to index
  cuda.launch @rev grid(%6, %c1, %c1) block(%c64, %c1, %c1) args(%4, %5 : memref<?xf32, #cuda.memory_space<global>>, memref<?xf32, #cuda.memory_space<global>>)
  cuda.memcpy DeviceToHost %arg1, %5, %3 : memref<?xf32>, memref<?xf32, #cuda.memory_space<global>>
  cuda.free %4 : memref<?xf32, #cuda.memory_space<global>>
  cuda.free %5 : memref<?xf32, #cuda.memory_space<global>>
  return
}
