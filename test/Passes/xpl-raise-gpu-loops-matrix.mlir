// Tensor-core code detensorized: CUDA wmma fragments become per-warp
// matrices with each wmma op a loop nest run once per warp; HIP mfma
// computes each lane's accumulator elements from the wavefront's A/B
// registers in the oracle's layouts. Checked on the corpus gemm against the
// oracle.
// RUN: xpiler-translate --import-cuda %xpiler_src/test/corpus/cuda/gemm.cu | xpiler-opt --xpl-raise-gpu-loops -o %t.cuda.mlir
// RUN: FileCheck %s < %t.cuda.mlir
// RUN: xpiler verify %xpiler_src/test/corpus/cuda/gemm.cu %t.cuda.mlir --arg M=37 --arg N=45 --arg K=29 | FileCheck %s --check-prefix=ORACLE
// RUN: xpiler-translate --import-hip %xpiler_src/test/corpus/hip/gemm.hip | xpiler-opt --xpl-raise-gpu-loops -o %t.hip.mlir
// RUN: FileCheck %s --check-prefix=HIP < %t.hip.mlir
// RUN: xpiler verify %xpiler_src/test/corpus/hip/gemm.hip %t.hip.mlir --arg M=37 --arg N=45 --arg K=29 | FileCheck %s --check-prefix=ORACLE
// ORACLE: equivalent

// The 2x2 accumulators of each of the 4 warps, and D = A B + C over k.
// CHECK-LABEL: func.func private @gemm_kernel
// CHECK: memref.alloca() : memref<4x2x2x16x16xf32>
// CHECK: arith.extf
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK-NOT: cuda.

// Each lane's 4 accumulator elements, 16 k steps.
// HIP-LABEL: func.func private @gemm_kernel
// HIP: scf.for %{{.+}} = %{{.+}} to %c4{{.*}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}) -> (vector<4xf32>)
// HIP: scf.for %{{.+}} = %{{.+}} to %c16{{.*}} step %{{.+}} iter_args(%{{.+}} = %{{.+}}) -> (f32)
// HIP: vector.insert
// HIP-NOT: hip.
