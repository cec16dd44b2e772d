// Kernels, helpers, on-chip arrays, task indices and barriers as BANG C.
// RUN: xpiler-translate --emit-bang %s -o %t.mlu
// RUN: FileCheck %s < %t.mlu
// RUN: env BANG_CXX=%cxx %xpiler_src/runtime/bang/bin/bang-cc -fsyntax-only %t.mlu

// CHECK: #include <bang.h>
// CHECK-NOT: CNRT_CHECK

// File-scope arrays are declared once, before the functions, whichever
// functions use them.
// CHECK: __nram__ float nram_a[256];
// CHECK-NEXT: __wram__ half weights[16][32];
// CHECK-NEXT: __mlu_shared__ int32_t partial[4];
// CHECK-NOT: nram_a[256];

// CHECK: static __mlu_func__ int32_t helper(int32_t arg0) { return arg0 + coreId; }
func.func private @helper(%v: i32) -> i32 attributes {bang.func} {
  %c = bang.core_id : i32
  %s = arith.addi %v, %c : i32
  return %s : i32
}

// CHECK: __mlu_func__ void fill_a(float arg0) { nram_a[0] = arg0; }
func.func @fill_a(%v: f32) attributes {bang.func} {
  %a = bang.alloc {file_scope, name = "nram_a"} : memref<256xf32, #bang.memory_space<nram>>
  %c0 = arith.constant 0 : index
  memref.store %v, %a[%c0] : memref<256xf32, #bang.memory_space<nram>>
  return
}

// CHECK: __mlu_device__ int32_t twice(int32_t arg0) { return arg0 + arg0; }
func.func @twice(%v: i32) -> i32 attributes {bang.device} {
  %s = arith.addi %v, %v : i32
  return %s : i32
}

// CHECK: __mlu_entry__ void indices(int32_t *arg0) {
func.func @indices(%out: memref<?xi32, #bang.memory_space<gdram>>) attributes {bang.kernel} {
  %a = bang.alloc {file_scope, name = "nram_a"} : memref<256xf32, #bang.memory_space<nram>>
  %w = bang.alloc {file_scope, name = "weights"} : memref<16x32xf16, #bang.memory_space<wram>>
  %p = bang.alloc {file_scope, name = "partial"} : memref<4xi32, #bang.memory_space<sram>>
  // Local arrays keep their qualifier and name.
  // CHECK: __nram__ float tile[64];
  %t = bang.alloc {name = "tile"} : memref<64xf32, #bang.memory_space<nram>>
  // CHECK-NEXT: __nram__ int8_t buffer[2][8];
  %b = bang.alloc : memref<2x8xi8, #bang.memory_space<nram>>
  // CHECK-NEXT: __wram__ half buffer2[32];
  %m = memref.alloca() : memref<32xf16, #bang.memory_space<wram>>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %c9 = arith.constant 9 : index
  %c10 = arith.constant 10 : index
  %c11 = arith.constant 11 : index
  // CHECK: arg0[0] = taskId;
  // CHECK-NEXT: arg0[1] = taskIdX;
  // CHECK-NEXT: arg0[2] = taskIdY;
  // CHECK-NEXT: arg0[3] = taskIdZ;
  // CHECK-NEXT: arg0[4] = taskDim;
  // CHECK-NEXT: arg0[5] = taskDimX;
  // CHECK-NEXT: arg0[6] = taskDimY;
  // CHECK-NEXT: arg0[7] = taskDimZ;
  // CHECK-NEXT: arg0[8] = clusterId;
  // CHECK-NEXT: arg0[9] = clusterDim;
  // CHECK-NEXT: arg0[10] = coreId;
  // CHECK-NEXT: arg0[11] = coreDim;
  %0 = bang.task_id : i32
  memref.store %0, %out[%c0] : memref<?xi32, #bang.memory_space<gdram>>
  %1 = bang.task_id_x : i32
  memref.store %1, %out[%c1] : memref<?xi32, #bang.memory_space<gdram>>
  %2 = bang.task_id_y : i32
  memref.store %2, %out[%c2] : memref<?xi32, #bang.memory_space<gdram>>
  %3 = bang.task_id_z : i32
  memref.store %3, %out[%c3] : memref<?xi32, #bang.memory_space<gdram>>
  %4 = bang.task_dim : i32
  memref.store %4, %out[%c4] : memref<?xi32, #bang.memory_space<gdram>>
  %5 = bang.task_dim_x : i32
  memref.store %5, %out[%c5] : memref<?xi32, #bang.memory_space<gdram>>
  %6 = bang.task_dim_y : i32
  memref.store %6, %out[%c6] : memref<?xi32, #bang.memory_space<gdram>>
  %7 = bang.task_dim_z : i32
  memref.store %7, %out[%c7] : memref<?xi32, #bang.memory_space<gdram>>
  %8 = bang.cluster_id : i32
  memref.store %8, %out[%c8] : memref<?xi32, #bang.memory_space<gdram>>
  %9 = bang.cluster_dim : i32
  memref.store %9, %out[%c9] : memref<?xi32, #bang.memory_space<gdram>>
  %10 = bang.core_id : i32
  memref.store %10, %out[%c10] : memref<?xi32, #bang.memory_space<gdram>>
  %11 = bang.core_dim : i32
  memref.store %11, %out[%c11] : memref<?xi32, #bang.memory_space<gdram>>
  // Task indices are non-negative: unsigned division is written signed.
  // CHECK-NEXT: arg0[0] = taskId / 4;
  %c4_i32 = arith.constant 4 : i32
  %q = arith.divui %0, %c4_i32 : i32
  memref.store %q, %out[%c0] : memref<?xi32, #bang.memory_space<gdram>>
  // CHECK-NEXT: int32_t v = helper(taskId);
  // CHECK-NEXT: partial[(int64_t)coreId] = v;
  %h = func.call @helper(%0) : (i32) -> i32
  %ci = arith.index_cast %10 : i32 to index
  memref.store %h, %p[%ci] : memref<4xi32, #bang.memory_space<sram>>
  // CHECK-NEXT: __sync_all();
  // CHECK-NEXT: __sync_cluster();
  // CHECK-NEXT: __sync_compute();
  // CHECK-NEXT: __sync_all_ipu();
  // CHECK-NEXT: __sync_all_mpu();
  bang.sync <all>
  bang.sync <cluster>
  bang.sync <compute>
  bang.sync <all_ipu>
  bang.sync <all_mpu>
  // CHECK-NEXT: tile[0] = nram_a[1];
  %x = memref.load %a[%c1] : memref<256xf32, #bang.memory_space<nram>>
  memref.store %x, %t[%c0] : memref<64xf32, #bang.memory_space<nram>>
  // CHECK-NEXT: buffer[1][2] = 3;
  %i8 = arith.constant 3 : i8
  memref.store %i8, %b[%c1, %c2] : memref<2x8xi8, #bang.memory_space<nram>>
  return
}
