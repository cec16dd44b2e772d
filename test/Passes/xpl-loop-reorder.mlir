// RUN: xpiler-opt %s --xpl-loop-reorder='loop=L0 order=2,0,1' | FileCheck %s
// RUN: xpiler-opt %s --xpl-loop-reorder='loop=L0 order=2,0,1' -o %t.kij.mlir
// RUN: xpiler verify %s %t.kij.mlir --entry matmul --arg arg3=7 --arg arg4=5 --arg arg5=3 --arg arg0=arg3*arg5 --arg arg1=arg5*arg4 --arg arg2=arg3*arg4 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-loop-reorder='loop=L0 order=1,0' -o %t.jik.mlir
// RUN: xpiler verify %s %t.jik.mlir --entry matmul --arg arg3=7 --arg arg4=5 --arg arg5=3 --arg arg0=arg3*arg5 --arg arg1=arg5*arg4 --arg arg2=arg3*arg4 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-opt %s --xpl-name-loops --xpl-loop-reorder='loop=L1 order=1,0' | FileCheck %s --check-prefix=TILED
// RUN: xpiler-opt %s --xpl-name-loops --xpl-loop-reorder='loop=L1 order=1,0' -o %t.tiled.mlir
// RUN: xpiler verify %s %t.tiled.mlir --entry tiled --arg arg1=6 --arg arg2=10 --arg arg0=arg1*arg2 | FileCheck %s --check-prefix=ORACLE

// Matmul C[i*N+j] += A[i*K+k] * B[k*N+j] with symbolic sizes: the only
// dependence is carried by k, so every order is legal. The loops keep their
// bounds and attributes; the induction variables follow them.

// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.+]]: memref<?xf32>, %[[B:.+]]: memref<?xf32>, %[[C:.+]]: memref<?xf32>, %[[M:.+]]: index, %[[N:.+]]: index, %[[K:.+]]: index)
// CHECK: scf.for %[[K_IV:.+]] = %{{.+}} to %[[K]]
// CHECK-NEXT: scf.for %[[I_IV:.+]] = %{{.+}} to %[[M]]
// CHECK-NEXT: scf.for %[[J_IV:.+]] = %{{.+}} to %[[N]]
// CHECK: arith.muli %[[I_IV]], %[[K]]
// CHECK: } {xpl.loop_name = "L0.0"}
// CHECK-NEXT: } {xpl.axis = #xpl.axis<block_x>, xpl.loop_name = "L0"}
// CHECK-NEXT: } {xpl.loop_name = "L0.0.0"}
// ORACLE: equivalent
func.func @matmul(%A: memref<?xf32>, %B: memref<?xf32>, %C: memref<?xf32>,
                  %M: index, %N: index, %K: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %M step %c1 {
    scf.for %j = %c0 to %N step %c1 {
      scf.for %k = %c0 to %K step %c1 {
        %ik = arith.muli %i, %K : index
        %a_i = arith.addi %ik, %k : index
        %kn = arith.muli %k, %N : index
        %b_i = arith.addi %kn, %j : index
        %in = arith.muli %i, %N : index
        %c_i = arith.addi %in, %j : index
        %a = memref.load %A[%a_i] : memref<?xf32>
        %b = memref.load %B[%b_i] : memref<?xf32>
        %c = memref.load %C[%c_i] : memref<?xf32>
        %p = arith.mulf %a, %b : f32
        %s = arith.addf %c, %p : f32
        memref.store %s, %C[%c_i] : memref<?xf32>
      } {xpl.loop_name = "L0.0.0"}
    } {xpl.loop_name = "L0.0"}
  } {xpl.axis = #xpl.axis<block_x>, xpl.loop_name = "L0"}
  return
}

// A split loop (j in tiles of 4, xpl-loop-split's min form) under i: the
// tile loop moves out of i; the min bound stays inside. Names follow
// the iteration spaces: the outer loop is now L1.0.
// TILED-LABEL: func.func @tiled
// TILED: scf.for %[[JO:.+]] = %{{.+}} to %{{.+}} step %c4
// TILED-NEXT: scf.for %[[I:.+]] = %{{.+}} to %{{.+}} step %c1
// TILED-NEXT: arith.addi %[[JO]], %c4
// TILED-NEXT: arith.minsi
// TILED-NEXT: scf.for %{{.+}} = %[[JO]] to
// TILED: } {xpl.loop_name = "L1.0.0"}
// TILED-NEXT: } {xpl.loop_name = "L1"}
// TILED-NEXT: } {xpl.loop_name = "L1.0"}
func.func @tiled(%A: memref<?xf32>, %M: index, %N: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %two = arith.constant 2.0 : f32
  scf.for %i = %c0 to %M step %c1 {
    scf.for %jo = %c0 to %N step %c4 {
      %e = arith.addi %jo, %c4 : index
      %hi = arith.minsi %e, %N : index
      scf.for %j = %jo to %hi step %c1 {
        %r = arith.muli %i, %N : index
        %x = arith.addi %r, %j : index
        %v = memref.load %A[%x] : memref<?xf32>
        %w = arith.mulf %v, %two : f32
        memref.store %w, %A[%x] : memref<?xf32>
      }
    }
  }
  return
}

// A[j*N + i] = A[(j-1)*N + i-1]: the (<, <) dependence is carried by j, so
// the inner loop i is parallel; interchanged, i carries it and loses its
// parallel attributes (remark), j gains none.
// RUN: xpiler-opt %s --xpl-name-loops --xpl-loop-reorder='loop=L2 order=1,0' 2>&1 | FileCheck %s --check-prefix=PAR
// RUN: xpiler-opt %s --xpl-name-loops --xpl-loop-reorder='loop=L2 order=1,0' -o %t.par.mlir
// RUN: xpiler verify %s %t.par.mlir --entry diagonal --arg arg1=9 --arg arg0=arg1*arg1 | FileCheck %s --check-prefix=ORACLE
// PAR: remark: xpl-loop-reorder: loop 'L2.0' carries a dependence at its new position and is no longer parallel
// PAR-LABEL: func.func @diagonal
// PAR: } {xpl.loop_name = "L2"}
// PAR-NEXT: } {xpl.loop_name = "L2.0"}
func.func @diagonal(%A: memref<?xf32>, %N: index) {
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f32
  scf.for %j = %c1 to %N step %c1 {
    scf.for %i = %c1 to %N step %c1 {
      %jm1 = arith.subi %j, %c1 : index
      %im1 = arith.subi %i, %c1 : index
      %r = arith.muli %jm1, %N : index
      %src = arith.addi %r, %im1 : index
      %w = arith.muli %j, %N : index
      %dst = arith.addi %w, %i : index
      %v = memref.load %A[%src] : memref<?xf32>
      %s = arith.addf %v, %one : f32
      memref.store %s, %A[%dst] : memref<?xf32>
    } {xpl.axis = #xpl.axis<thread_x>, xpl.omp_parallel_for = {}}
  }
  return
}
