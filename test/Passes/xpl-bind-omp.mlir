// The outermost block loops become an OpenMP parallel for (perfectly nested
// block loops collapsed); thread loops and carried loops stay sequential.
// RUN: xpiler-opt %s --xpl-bind-omp | FileCheck %s
// RUN: xpiler-opt %s --xpl-bind-omp -o %t.mlir
// RUN: xpiler verify %s %t.mlir --entry launch --arg arg1=60 --arg arg2=5 --arg arg3=3 | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// CHECK-LABEL: func.func private @grid2d
// CHECK: scf.for
// CHECK-NEXT: scf.for
// CHECK: } {xpl.mapping = [#xpl.axis<thread_x>]}
// CHECK-NEXT: } {xpl.mapping = [#xpl.axis<block_x>]}
// CHECK-NEXT: } {xpl.mapping = [#xpl.axis<block_y>], xpl.omp_parallel_for = {collapse = 2 : i64}}
func.func private @grid2d(%out: memref<?xf32>, %gx: index, %gy: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %one = arith.constant 1.0 : f32
  scf.for %by = %c0 to %gy step %c1 {
    scf.for %bx = %c0 to %gx step %c1 {
      scf.for %t = %c0 to %c4 step %c1 {
        %row = arith.muli %by, %gx : index
        %b = arith.addi %row, %bx : index
        %base = arith.muli %b, %c4 : index
        %i = arith.addi %base, %t : index
        %ii = arith.index_cast %i : index to i32
        %f = arith.sitofp %ii : i32 to f32
        %v = arith.addf %f, %one : f32
        memref.store %v, %out[%i] : memref<?xf32>
      } {xpl.mapping = [#xpl.axis<thread_x>]}
    } {xpl.mapping = [#xpl.axis<block_x>]}
  } {xpl.mapping = [#xpl.axis<block_y>]}
  return
}

// A block loop that is not alone in its parent's body is not collapsed.
// CHECK-LABEL: func.func private @single
// CHECK: } {xpl.mapping = [#xpl.axis<block_x>], xpl.omp_parallel_for = {}}
func.func private @single(%out: memref<?xf32>, %gx: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  scf.for %bx = %c0 to %gx step %c1 {
    memref.store %zero, %out[%bx] : memref<?xf32>
  } {xpl.mapping = [#xpl.axis<block_x>]}
  return
}

func.func @launch(%out: memref<?xf32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s1)>}, %n: i32, %gx: i32, %gy: i32) attributes {xpl.launcher} {
  %x = arith.index_cast %gx : i32 to index
  %y = arith.index_cast %gy : i32 to index
  call @grid2d(%out, %x, %y) : (memref<?xf32>, index, index) -> ()
  return
}
