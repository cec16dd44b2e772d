// Every imported op carries the location of its construct (constants merged
// by folding take their first user's).
// RUN: xpiler-translate --import-cuda %s --mlir-print-debuginfo | FileCheck %s --implicit-check-not="loc(unknown)"

__global__ void scale(float *out, const float *in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = in[i] * 2.0f + 1.0f;
}

// CHECK-DAG: #[[LINE6:loc[0-9]*]] = loc("{{.*}}locations.cu":6:{{[0-9]+}})
// CHECK-DAG: #[[LINE7:loc[0-9]*]] = loc("{{.*}}locations.cu":7:{{[0-9]+}})
// CHECK-DAG: #[[LINE8:loc[0-9]*]] = loc("{{.*}}locations.cu":8:{{[0-9]+}})
