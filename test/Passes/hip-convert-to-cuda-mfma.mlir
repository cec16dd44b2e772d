// RUN: xpiler-opt %s --hip-convert-to-cuda 2>/dev/null | FileCheck %s
// RUN: xpiler-opt %s --hip-convert-to-cuda -o /dev/null 2>&1 | FileCheck %s --check-prefix=REMARK

// An f16 mfma: per-wavefront scratch (4 wavefronts of the 256-thread
// block), the lane's elements stored where the layout of
// f32_16x16x16f16 puts them (a[i] = A[l % 16][4 (l / 16) + i], b[i] =
// B[4 (l / 16) + i][l % 16], c[i] = C[4 (l / 16) + i][l % 16]), a barrier,
// wmma in the wavefront's first warp, a barrier, d read back.
// CHECK-LABEL: func.func @f16_tile
// CHECK-DAG: %[[A:.+]] = cuda.shared_array "mfma_a" {xpl.alignment = 32 : i64} : memref<4x16x16xf16, #cuda.memory_space<shared>>
// CHECK-DAG: %[[B:.+]] = cuda.shared_array "mfma_b" {xpl.alignment = 32 : i64} : memref<4x16x16xf16, #cuda.memory_space<shared>>
// CHECK-DAG: %[[C:.+]] = cuda.shared_array "mfma_c" {xpl.alignment = 32 : i64} : memref<4x16x16xf32, #cuda.memory_space<shared>>
// CHECK: memref.store %{{.*}}, %[[A]][%{{.*}}, %{{.*}}, %{{.*}}] : memref<4x16x16xf16
// CHECK: memref.store %{{.*}}, %[[B]][%{{.*}}, %{{.*}}, %{{.*}}] : memref<4x16x16xf16
// CHECK: memref.store %{{.*}}, %[[C]][%{{.*}}, %{{.*}}, %{{.*}}] : memref<4x16x16xf32
// CHECK: cuda.syncthreads
// CHECK: scf.if
// CHECK: cuda.wmma.load_matrix_sync %[[C]]{{.*}} mem_row_major
// CHECK: cuda.wmma.load_matrix_sync %[[A]]{{.*}} -> !cuda.fragment<matrix_a, 16x16x16, f16, row_major>
// CHECK: cuda.wmma.load_matrix_sync %[[B]]{{.*}} -> !cuda.fragment<matrix_b, 16x16x16, f16, row_major>
// CHECK: cuda.wmma.mma_sync
// CHECK: cuda.wmma.store_matrix_sync %{{.*}}, %[[C]]
// CHECK: cuda.syncthreads
// CHECK: memref.load %[[C]]
// CHECK-NOT: hip.
// CHECK-NOT: vector<
// CHECK: return
func.func @f16_tile(%a: memref<?xf16, #hip.memory_space<global>>,
                    %out: memref<?xf32, #hip.memory_space<global>>)
    attributes {hip.kernel, hip.launch_bounds = array<i32: 256>, xpl.kernel} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %zero = arith.constant dense<0.0> : vector<4xf32>
  %x = memref.load %a[%c0] : memref<?xf16, #hip.memory_space<global>>
  %v = vector.broadcast %x : f16 to vector<4xf16>
  %d = hip.mfma <f32_16x16x16f16> %v, %v, %zero cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  %d0 = vector.extract %d[0] : f32 from vector<4xf32>
  %d3 = vector.extract %d[3] : f32 from vector<4xf32>
  %s = arith.addf %d0, %d3 : f32
  memref.store %s, %out[%c0] : memref<?xf32, #hip.memory_space<global>>
  return
}

// 32x32x8: K padded to 16 with zeros at entry (the padding is never written
// by an mfma), the 2x2 tiles of 16x16 shared by the wavefront's two warps.
// CHECK-LABEL: func.func @f16_32x32
// CHECK-DAG: %[[A:.+]] = cuda.shared_array "mfma_a" {{.*}} : memref<2x32x16xf16, #cuda.memory_space<shared>>
// CHECK-DAG: %[[B:.+]] = cuda.shared_array "mfma_b" {{.*}} : memref<2x16x32xf16, #cuda.memory_space<shared>>
// CHECK-DAG: cuda.shared_array "mfma_c" {{.*}} : memref<2x32x32xf32, #cuda.memory_space<shared>>
// CHECK: scf.for
// CHECK: memref.store %{{.*}}, %[[A]]
// CHECK: scf.for
// CHECK: memref.store %{{.*}}, %[[B]]
// CHECK: cuda.syncthreads
// CHECK: %[[WARP:.+]] = arith.divsi %{{.*}}, %c32_i32{{.*}} : i32
// CHECK: scf.for %{{.*}} = %[[WARP]] to %c4_i32{{[_0-9]*}} step %c2_i32{{[_0-9]*}} : i32
// CHECK: cuda.wmma.mma_sync
// CHECK: cuda.syncthreads
func.func @f16_32x32(%a: memref<?xf16, #hip.memory_space<global>>, %out: memref<?xf32, #hip.memory_space<global>>)
    attributes {hip.kernel, xpl.kernel} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  %x = memref.load %a[%c0] : memref<?xf16, #hip.memory_space<global>>
  %v = vector.broadcast %x : f16 to vector<4xf16>
  %d = hip.mfma <f32_32x32x8f16> %v, %v, %zero cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<16xf32>
  %d15 = vector.extract %d[15] : f32 from vector<16xf32>
  memref.store %d15, %out[%c0] : memref<?xf32, #hip.memory_space<global>>
  return
}
func.func @launch_f16_32x32(%a: memref<?xf16, #hip.memory_space<global>>, %out: memref<?xf32, #hip.memory_space<global>>) {
  %c1 = arith.constant 1 : index
  %c128 = arith.constant 128 : index
  hip.launch @f16_32x32 grid(%c1, %c1, %c1) block(%c128, %c1, %c1) args(%a, %out : memref<?xf16, #hip.memory_space<global>>, memref<?xf32, #hip.memory_space<global>>)
  return
}

// fp32: no tensor-core instruction computes it exactly, so scalar FMAs
// from the A and B scratch (no C scratch), in a loop over a kernel argument
// (uniform); the loop-carried vector becomes four scalars.
// REMARK: :[[@LINE+22]]:10: remark: no exact fp32 tensor-core instruction; computed with scalar FMAs
// REMARK-NOT: remark
// CHECK-LABEL: func.func @f32_loop
// CHECK-DAG: cuda.shared_array "mfma_a" {{.*}} : memref<1x16x4xf32, #cuda.memory_space<shared>>
// CHECK-DAG: cuda.shared_array "mfma_b" {{.*}} : memref<1x4x16xf32, #cuda.memory_space<shared>>
// CHECK-NOT: mfma_c
// CHECK: scf.while (%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) : (i32, f32, f32, f32, f32)
// CHECK: cuda.syncthreads
// CHECK: scf.for
// CHECK: math.fma
// CHECK: cuda.syncthreads
func.func @f32_loop(%x: f32, %n: i32, %out: memref<?xf32, #hip.memory_space<global>>)
    attributes {hip.kernel, hip.launch_bounds = array<i32: 64>, xpl.kernel} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0 : i32
  %one = arith.constant 1 : i32
  %init = arith.constant dense<0.0> : vector<4xf32>
  %r:2 = scf.while (%i = %zero, %acc = %init) : (i32, vector<4xf32>) -> (i32, vector<4xf32>) {
    %go = arith.cmpi slt, %i, %n : i32
    scf.condition(%go) %i, %acc : i32, vector<4xf32>
  } do {
  ^bb0(%i: i32, %acc: vector<4xf32>):
    %d = hip.mfma <f32_16x16x4f32> %x, %x, %acc cbsz = 0 abid = 0 blgp = 0 : f32, f32, vector<4xf32>
    %next = arith.addi %i, %one : i32
    scf.yield %next, %d : i32, vector<4xf32>
  }
  %e = vector.extract %r#1[2] : f32 from vector<4xf32>
  memref.store %e, %out[%c0] : memref<?xf32, #hip.memory_space<global>>
  return
}

// Two f16 mfmas in a row whose results go to private arrays share one
// exchange: scratch slots for both, two barriers in all, the stores of the
// first result moved after the group.
// CHECK-LABEL: func.func @grouped
// CHECK-DAG: %[[A:.+]] = cuda.shared_array "mfma_a" {{.*}} : memref<1x2x16x16xf16, #cuda.memory_space<shared>>
// CHECK-DAG: %[[C:.+]] = cuda.shared_array "mfma_c" {{.*}} : memref<1x2x16x16xf32, #cuda.memory_space<shared>>
// CHECK-DAG: %[[X:.+]] = memref.alloca() : memref<4xf32>
// CHECK-DAG: %[[Y:.+]] = memref.alloca() : memref<4xf32>
// CHECK: cuda.syncthreads
// CHECK-NOT: cuda.syncthreads
// CHECK: scf.for
// CHECK: cuda.wmma.mma_sync
// CHECK: cuda.syncthreads
// CHECK-NOT: cuda.syncthreads
// CHECK: memref.store %{{.*}}, %[[X]]
// CHECK: memref.store %{{.*}}, %[[Y]]
// CHECK: return
func.func @grouped(%a: memref<?xf16, #hip.memory_space<global>>)
    attributes {hip.kernel, hip.launch_bounds = array<i32: 64>, xpl.kernel} {
  %c0 = arith.constant 0 : index
  %zero = arith.constant dense<0.0> : vector<4xf32>
  %xs = memref.alloca() : memref<vector<4xf32>>
  %ys = memref.alloca() : memref<vector<4xf32>>
  %x = memref.load %a[%c0] : memref<?xf16, #hip.memory_space<global>>
  %v = vector.broadcast %x : f16 to vector<4xf16>
  %d = hip.mfma <f32_16x16x16f16> %v, %v, %zero cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  memref.store %d, %xs[] : memref<vector<4xf32>>
  %e = hip.mfma <f32_16x16x16f16> %v, %v, %zero cbsz = 0 abid = 0 blgp = 0 : vector<4xf16>, vector<4xf16>, vector<4xf32>
  memref.store %e, %ys[] : memref<vector<4xf32>>
  return
}
