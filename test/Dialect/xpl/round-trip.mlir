// RUN: xpiler-opt %s | xpiler-opt | FileCheck %s
// RUN: xpiler-opt %s --mlir-print-op-generic | xpiler-opt | FileCheck %s

// CHECK: module attributes {xpl.target = #xpl.target<cuda, "sm_90">}
module attributes {xpl.target = #xpl.target<cuda, "sm_90">} {

// CHECK-LABEL: func.func @vecadd
// CHECK-SAME: attributes {xpl.kernel}
func.func @vecadd(%a: memref<?xf32>, %b: memref<?xf32>, %c: memref<?xf32>,
                  %n: i32) attributes {xpl.kernel} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %nidx = arith.index_cast %n : i32 to index
  %nblocks = arith.ceildivui %nidx, %c256 : index
  // CHECK: scf.parallel
  // CHECK: } {xpl.mapping = [#xpl.axis<block_x>, #xpl.axis<thread_x>]}
  scf.parallel (%bx, %tx) = (%c0, %c0) to (%nblocks, %c256) step (%c1, %c1) {
    %base = arith.muli %bx, %c256 : index
    %i = arith.addi %base, %tx : index
    %inb = arith.cmpi ult, %i, %nidx : index
    scf.if %inb {
      %x = memref.load %a[%i] : memref<?xf32>
      %y = memref.load %b[%i] : memref<?xf32>
      %s = arith.addf %x, %y : f32
      memref.store %s, %c[%i] : memref<?xf32>
    }
    scf.reduce
  } {xpl.mapping = [#xpl.axis<block_x>, #xpl.axis<thread_x>]}
  return
}

// CHECK-LABEL: func.func @vecadd_host
// CHECK-SAME: xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s3)>
// CHECK-SAME: xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s3)>
// CHECK-SAME: attributes {xpl.launcher}
func.func @vecadd_host(
    %a: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s3)>},
    %b: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s3)>},
    %c: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s3)>},
    %n: i32) attributes {xpl.launcher} {
  %c1 = arith.constant 1 : index
  %c256 = arith.constant 256 : index
  %nidx = arith.index_cast %n : i32 to index
  %grid = arith.ceildivui %nidx, %c256 : index
  // CHECK: xpl.launch @vecadd grid(%{{.*}}, %{{.*}}, %{{.*}}) block(%{{.*}}, %{{.*}}, %{{.*}}) args(%{{.*}} : memref<?xf32>, memref<?xf32>, memref<?xf32>, i32)
  xpl.launch @vecadd grid(%grid, %c1, %c1) block(%c256, %c1, %c1)
      args(%a, %b, %c, %n : memref<?xf32>, memref<?xf32>, memref<?xf32>, i32)
  return
}

func.func @empty() attributes {xpl.kernel} { return }

// CHECK-LABEL: func.func @launch_forms
func.func @launch_forms(%bytes: index) attributes {xpl.launcher} {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  // CHECK: xpl.launch @empty grid({{.*}}) block({{.*}}) shared(%{{.*}})
  xpl.launch @empty grid(%c1, %c1, %c1) block(%c1, %c1, %c1) shared(%bytes)
  // CHECK: xpl.launch @empty grid({{.*}}) block({{.*}}) {union_clusters = 1 : i32}
  xpl.launch @empty grid(%c4, %c1, %c1) block(%c1, %c1, %c1) {union_clusters = 1 : i32}
  // CHECK: xpl.launch @empty grid({{.*}}) block({{.*}}) {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0] -> (s0 ceildiv 4, 65535), ()[s0] -> (2)], block = [()[s0] -> (256)]>}
  xpl.launch @empty grid(%c4, %c1, %c1) block(%c1, %c1, %c1) {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0] -> (s0 ceildiv 4, 65535), ()[s0] -> (2)], block = [()[s0] -> (256)]>}
  // CHECK: {union_clusters = 4 : i32, xpl.launch_shape = #xpl.launch_shape<grid = [()[s0] -> (4)], union_clusters = 4>}
  xpl.launch @empty grid(%c4, %c1, %c1) block(%c1, %c1, %c1) {union_clusters = 4 : i32, xpl.launch_shape = #xpl.launch_shape<union_clusters = 4, grid = [()[s0] -> (4)]>}
  return
}

// A kernel without a launcher: constant extents.
// CHECK-LABEL: func.func @shaped
// CHECK-SAME: xpl.launch_shape = #xpl.launch_shape<grid = [() -> (64)], block = [() -> (32), () -> (4)]>
func.func @shaped() attributes {xpl.kernel, xpl.launch_shape = #xpl.launch_shape<grid = [() -> (64)], block = [() -> (32), () -> (4)]>} {
  return
}

// CHECK-LABEL: func.func @memory_spaces
// CHECK-SAME: memref<16xf32, #xpl.memory_space<shared>>
// CHECK-SAME: memref<16xf32, #xpl.memory_space<local>>
// CHECK-SAME: memref<16xf32, #xpl.memory_space<global>>
// CHECK-SAME: memref<16xf32, #xpl.memory_space<constant>>
// CHECK-SAME: memref<16xf32, #xpl.memory_space<host>>
func.func @memory_spaces(%s: memref<16xf32, #xpl.memory_space<shared>>,
                         %l: memref<16xf32, #xpl.memory_space<local>>,
                         %g: memref<16xf32, #xpl.memory_space<global>>,
                         %k: memref<16xf32, #xpl.memory_space<constant>>,
                         %h: memref<16xf32, #xpl.memory_space<host>>) {
  return
}

// Every axis, on loops of every kind.
// CHECK-LABEL: func.func @axes
func.func @axes(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // CHECK: xpl.mapping = [#xpl.axis<block_x>, #xpl.axis<block_y>, #xpl.axis<block_z>, #xpl.axis<thread_x>, #xpl.axis<thread_y>, #xpl.axis<thread_z>]
  scf.parallel (%a, %b, %c, %d, %e, %f) = (%c0, %c0, %c0, %c0, %c0, %c0) to (%n, %n, %n, %n, %n, %n) step (%c1, %c1, %c1, %c1, %c1, %c1) {
    scf.reduce
  } {xpl.mapping = [#xpl.axis<block_x>, #xpl.axis<block_y>, #xpl.axis<block_z>, #xpl.axis<thread_x>, #xpl.axis<thread_y>, #xpl.axis<thread_z>]}
  // CHECK: xpl.mapping = [#xpl.axis<cluster>, #xpl.axis<core>, #xpl.axis<task>]
  scf.parallel (%a, %b, %c) = (%c0, %c0, %c0) to (%n, %n, %n) step (%c1, %c1, %c1) {
    scf.reduce
  } {xpl.mapping = [#xpl.axis<cluster>, #xpl.axis<core>, #xpl.axis<task>]}
  // CHECK: xpl.mapping = [#xpl.axis<vector_lane>]
  // CHECK: xpl.mapping = [#xpl.axis<cpu_thread>]
  scf.for %i = %c0 to %n step %c1 {
    scf.for %j = %c0 to %n step %c1 {
    } {xpl.mapping = [#xpl.axis<vector_lane>]}
  } {xpl.mapping = [#xpl.axis<cpu_thread>]}
  // CHECK: xpl.mapping = [#xpl.axis<sequential>]
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.mapping = [#xpl.axis<sequential>]}
  return
}
}

// Each language's target attribute.
// CHECK: #xpl.target<hip, "gfx90a">
// CHECK: #xpl.target<bang, "mtp_592">
// CHECK: #xpl.target<vnni, "avx512vnni">
module attributes {xpl.target = #xpl.target<hip, "gfx90a">} {}
module attributes {xpl.target = #xpl.target<bang, "mtp_592">} {}
module attributes {xpl.target = #xpl.target<vnni, "avx512vnni">} {}

// A loop the source ran under `#pragma omp parallel for`.
// CHECK-LABEL: func.func @omp
// CHECK: } {xpl.omp_parallel_for = {chunk = 8 : i64, collapse = 1 : i64, schedule = "guided"}}
// CHECK: } attributes {xpl.omp_parallel_for = {}}
func.func @omp(%n: index, %m: i32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
  } {xpl.omp_parallel_for = {collapse = 1 : i64, schedule = "guided", chunk = 8 : i64}}
  %z = arith.constant 0 : i32
  %r = scf.while (%j = %z) : (i32) -> i32 {
    %cond = arith.cmpi slt, %j, %m : i32
    scf.condition(%cond) %j : i32
  } do {
  ^bb0(%j: i32):
    scf.yield %j : i32
  } attributes {xpl.omp_parallel_for = {}}
  return
}
