// Warp shuffles split the thread loop one level down: a loop over warps
// around loops over lanes; the shuffle loop of warp_reduce_sum (uniform
// bounds) and `if (warp == 0)` (uniform over each warp) are hoisted out of
// the lane loops. Checked on the corpus row sums, CUDA (32 lanes) and HIP
// (64), against the oracle.
// RUN: xpiler-translate --import-cuda %xpiler_src/test/corpus/cuda/sum.cu | xpiler-opt --xpl-raise-gpu-loops -o %t.cuda.mlir
// RUN: FileCheck %s < %t.cuda.mlir
// RUN: xpiler verify %xpiler_src/test/corpus/cuda/sum.cu %t.cuda.mlir --arg rows=3 --arg cols=37 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-translate --import-hip %xpiler_src/test/corpus/hip/sum.hip | xpiler-opt --xpl-raise-gpu-loops -o %t.hip.mlir
// RUN: FileCheck %s --check-prefix=HIP < %t.hip.mlir
// RUN: xpiler verify %xpiler_src/test/corpus/hip/sum.hip %t.hip.mlir --arg rows=3 --arg cols=37 | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// CHECK-LABEL: func.func private @sum_kernel
// CHECK: scf.for %[[B:.+]] = {{.+}} {
// CHECK: memref.alloca() : memref<8xf32>
// CHECK: scf.for %[[W:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK: scf.for %{{.+}} = %{{.+}} to %{{.+}} step %{{.+}} {
// The shuffle loop: lanes publish, then read lane + offset.
// CHECK: scf.while
// CHECK: scf.for %[[L:.+]] = %{{.+}} to %{{.+}} step %{{.+}} {
// CHECK: arith.andi %{{.+}}, %c31_i32
// CHECK: } {xpl.mapping = [#xpl.axis<thread_x>]}
// After the barrier, warp 0 only.
// CHECK: scf.if
// CHECK: } {xpl.mapping = [#xpl.axis<block_x>]}
// CHECK-NOT: cuda.

// HIP's wavefront has 64 lanes and its shuffles wrap modulo 64.
// HIP-LABEL: func.func private @sum_kernel
// HIP: arith.ceildivsi %{{.+}}, %c64
// HIP: arith.andi %{{.+}}, %c63_i32
// HIP-NOT: hip.
