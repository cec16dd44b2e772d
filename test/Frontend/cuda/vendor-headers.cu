// A file including the vendor's headers imports exactly like one relying on
// the implicit preamble.
// RUN: xpiler-translate --import-cuda %s -DWITH_HEADERS -mlir-print-debuginfo=false > %t.with
// RUN: xpiler-translate --import-cuda %s > %t.without
// RUN: diff %t.with %t.without
// RUN: FileCheck %s < %t.with
#ifdef WITH_HEADERS
#include <cuda.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <mma.h>
#endif

// CHECK: func.func @k
__global__ void k(float *x) { x[threadIdx.x] = 1.f; }
