// RUN: xpiler-opt %s --xpl-vectorize-avx512=remarks=false | FileCheck %s
// RUN: xpiler-opt %s --xpl-vectorize-avx512='remarks=false masked-tail=false' | FileCheck %s --check-prefix=SCALAR
// RUN: xpiler-opt %s --xpl-vectorize-avx512=remarks=false -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry axpy --arg arg3=37 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry axpy --arg arg3=48 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry row_sum --arg arg2=45 --arg arg0=arg2 --arg arg1=1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry row_max --arg arg2=45 --arg arg0=arg2 --arg arg1=1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry relu --arg arg2=21 --arg arg0=arg2 --arg arg1=arg2 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry column --arg arg2=19 --arg arg0=arg2*3 --arg arg1=arg2 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.mlir --entry rows --arg arg2=5 --arg arg3=23 --arg arg0=arg2*arg3 --arg arg1=arg2*arg3 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-vectorize-avx512='remarks=false masked-tail=false' -o %t.scalar.mlir
// RUN: xpiler verify %s %t.scalar.mlir --entry axpy --arg arg3=37 --arg arg1=arg3 --arg arg2=arg3 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler verify %s %t.scalar.mlir --entry row_sum --arg arg2=45 --arg arg0=arg2 --arg arg1=1 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-translate --emit-vnni %t.mlir | FileCheck %s --check-prefix=EMIT

// ORACLE: equivalent

// y[i] = a * x[i] + y[i]: contiguous loads and stores, `a` broadcast, a
// masked tail.
// CHECK-LABEL: func.func @axpy
// CHECK-SAME: vnni.target_features = "avx512f"
// CHECK: scf.for %[[I:.+]] = %c0 to %[[END:.+]] step %c16{{.*}} {
// CHECK:   %[[X:.+]] = vnni.load %arg1[%[[I]]] : memref<?xf32> -> !vnni.m512
// CHECK:   %[[A:.+]] = vnni.set1 <ps> %arg0 : f32 -> !vnni.m512
// CHECK-NOT: vnni.load
// CHECK:   %[[AX:.+]] = vnni.binary <mul> <ps> %[[A]], %[[X]] : !vnni.m512
// CHECK:   %[[Y:.+]] = vnni.load %arg2[%[[I]]]
// CHECK:   %[[S:.+]] = vnni.binary <add> <ps> %[[AX]], %[[Y]]
// CHECK:   vnni.store %[[S]], %arg2[%[[I]]] : !vnni.m512, memref<?xf32>
// CHECK: }
// CHECK: scf.if
// CHECK:   %[[M:.+]] = arith.trunci %{{.+}} : i32 to i16
// CHECK:   vnni.masked_load <ps> %arg1[%[[END]]], %[[M]] : memref<?xf32>, i16 -> !vnni.m512
// CHECK:   vnni.masked_store <ps> %{{.+}}, %arg2[%[[END]]], %[[M]]
// SCALAR-LABEL: func.func @axpy
// SCALAR: scf.for %[[I:.+]] = %c0 to %[[END:.+]] step %c16{{.*}} {
// SCALAR: scf.for %{{.+}} = %[[END]] to %arg3 step %c1 {
// SCALAR:   memref.load %arg1
// EMIT-LABEL: axpy(float
// EMIT: _mm512_storeu_ps(&arg2[i],
// EMIT: _mm512_set1_ps(arg0)
// EMIT: _mm512_loadu_ps(&arg1[i])
// EMIT: _mm512_mask_storeu_ps(
// EMIT: _mm512_maskz_loadu_ps(
func.func @axpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %xv = memref.load %x[%i] : memref<?xf32>
    %ax = arith.mulf %a, %xv : f32
    %yv = memref.load %y[%i] : memref<?xf32>
    %s = arith.addf %ax, %yv : f32
    memref.store %s, %y[%i] : memref<?xf32>
  }
  return
}

// A sum in iter_args: a vector accumulator, one horizontal add after the
// loop, added to the initial value.
// CHECK-LABEL: func.func @row_sum
// CHECK: %[[Z:.+]] = vnni.setzero : !vnni.m512
// CHECK: %[[ACC:.+]] = scf.for %{{.+}} = %c0 to %{{.+}} step %c16{{.*}} iter_args(%[[V:.+]] = %[[Z]]) -> (!vnni.m512) {
// CHECK:   vnni.binary <add> <ps> %[[V]], %{{.+}} : !vnni.m512
// CHECK: %[[T:.+]] = scf.if %{{.+}} -> (!vnni.m512) {
// CHECK:   vnni.blend <ps>
// CHECK: %[[R:.+]] = vnni.reduce <add> <ps> %[[T]] : !vnni.m512 -> f32
// CHECK: arith.addf %cst, %[[R]] : f32
// EMIT-LABEL: row_sum(const float
// EMIT: _mm512_reduce_add_ps(
func.func @row_sum(%x: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f32) {
    %v = memref.load %x[%i] : memref<?xf32>
    %t = arith.addf %acc, %v : f32
    scf.yield %t : f32
  }
  memref.store %s, %out[%c0] : memref<?xf32>
  return
}

// fmaxf: _mm512_max_ps plus the blend that keeps C's NaN rule.
// CHECK-LABEL: func.func @row_max
// CHECK: vnni.set1 <ps> %{{.+}} : f32 -> !vnni.m512
// CHECK: scf.for
// CHECK:   %[[MX:.+]] = vnni.binary <max> <ps>
// CHECK:   %[[NAN:.+]] = vnni.cmp <unord_q>
// CHECK:   vnni.blend <ps> %[[NAN]], %[[MX]]
// CHECK: vnni.reduce <max> <ps>
// CHECK: arith.maxnumf
func.func @row_max(%x: memref<?xf32>, %out: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %ninf = arith.constant 0xFF800000 : f32
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %ninf) -> (f32) {
    %v = memref.load %x[%i] : memref<?xf32>
    %t = arith.maxnumf %acc, %v : f32
    scf.yield %t : f32
  }
  memref.store %s, %out[%c0] : memref<?xf32>
  return
}

// A compare and a select: vnni.cmp and vnni.blend.
// CHECK-LABEL: func.func @relu
// CHECK: %[[V:.+]] = vnni.load
// CHECK: %[[K:.+]] = vnni.cmp <gt_oq> %[[V]], %{{.+}} : !vnni.m512 -> i16
// CHECK: vnni.blend <ps> %[[K]], %{{.+}}, %[[V]] : i16, !vnni.m512
func.func @relu(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.load %x[%i] : memref<?xf32>
    %p = arith.cmpf ogt, %v, %zero : f32
    %r = arith.select %p, %v, %zero : f32
    memref.store %r, %y[%i] : memref<?xf32>
  }
  return
}

// A load with lane stride 3 is a gather (its tail lanes re-read lane 0).
// CHECK-LABEL: func.func @column
// CHECK: scf.for
// CHECK:   vnni.setr <epi32>
// CHECK:   vnni.gather <ps> %{{.+}}, %arg0[%{{.+}}] scale 4 : !vnni.m512i, memref<?xf32> -> !vnni.m512
// CHECK: scf.if
// CHECK:   vnni.blend <epi32>
// CHECK:   vnni.gather <ps>
func.func @column(%x: memref<?xf32>, %y: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  scf.for %i = %c0 to %n step %c1 {
    %j = arith.muli %i, %c3 : index
    %k = arith.addi %j, %c1 : index
    %v = memref.load %x[%k] : memref<?xf32>
    %w = arith.negf %v : f32
    memref.store %w, %y[%i] : memref<?xf32>
  }
  return
}

// Only the inner loop of a nest is vectorized; the i32 row-major
// subscripts (`r * cols + c`, the importers' arithmetic) are computed for
// the first lane.
// CHECK-LABEL: func.func @rows
// CHECK: scf.for %[[R:.+]] = %c0 to %arg2 step %c1 {
// CHECK:   scf.for %[[C:.+]] = %c0 to %{{.+}} step %c16{{.*}} {
// CHECK:     %[[I32:.+]] = arith.index_cast %[[C]] : index to i32
// CHECK:     vnni.load %arg0[%{{.+}}] : memref<?xf32> -> !vnni.m512
// CHECK:     vnni.fmadd
func.func @rows(%x: memref<?xf32>, %y: memref<?xf32>, %rows: index, %cols: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f32
  %cols32 = arith.index_cast %cols : index to i32
  scf.for %r = %c0 to %rows step %c1 {
    %r32 = arith.index_cast %r : index to i32
    %base = arith.muli %r32, %cols32 : i32
    scf.for %c = %c0 to %cols step %c1 {
      %c32 = arith.index_cast %c : index to i32
      %l = arith.addi %base, %c32 : i32
      %li = arith.index_cast %l : i32 to index
      %v = memref.load %x[%li] : memref<?xf32>
      %f = math.fma %v, %two, %v : f32
      memref.store %f, %y[%li] : memref<?xf32>
    }
  }
  return
}
