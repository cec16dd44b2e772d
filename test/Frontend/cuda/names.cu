// Source names for the emitters: parameters, locals, arrays and the SSA
// values a variable becomes after mem2reg and lifting carry NameLocs around
// their FileLineColLocs.
// RUN: xpiler-translate --import-cuda %s --mlir-use-nameloc-as-prefix | FileCheck %s
// RUN: xpiler-translate --import-cuda %s --mlir-print-debuginfo | FileCheck %s --check-prefix=LOC
// RUN: xpiler-translate --import-cuda %s --mlir-print-debuginfo | FileCheck %s --check-prefix=KNOWN
// RUN: xpiler-translate --import-hip %S/../../corpus/hip/softmax.hip --mlir-print-debuginfo | FileCheck %s --check-prefix=KNOWN
// RUN: xpiler-translate --import-bang %S/../../corpus/bang/max.mlu --mlir-print-debuginfo | FileCheck %s --check-prefix=KNOWN

// Every op keeps a source position (constants merged by canonicalization
// take their first user's).
// KNOWN-NOT: unknown

// CHECK-LABEL: func.func @k(%x: memref<?xf32, #cuda.memory_space<global>>, %n: i32)
// CHECK: %tile = cuda.shared_array "tile"
// CHECK: %local = memref.alloca() : memref<4xf32>
// CHECK: %acc:4 = scf.while (%[[ACC:acc_[0-9]+]] = %{{.+}}, %best = %{{.+}}, %count = %{{.+}}, %i = %{{.+}}) : (f32, f32, i32, i32) -> (f32, f32, i32, i32) {
// CHECK: scf.condition(%{{.+}}) %[[ACC]], %best, %count, %i
// CHECK: } do {
// CHECK-NEXT: ^bb0(%[[ACC]]: f32, %best: f32, %count: i32, %i: i32):
// CHECK: %best_{{[0-9]+}}:2 = scf.if
// CHECK: arith.addf %acc#0, %acc#1
// CHECK: %last = arith.select
__global__ void k(float *x, int n) {
  __shared__ float tile[32];
  float acc = 0.f;
  float best = -1.f;
  int count = 0;
  for (int i = threadIdx.x; i < n; i += 32) {
    acc += x[i];
    if (x[i] > best) {
      best = x[i];
      count++;
    }
  }
  tile[threadIdx.x] = acc + best + count;
  __syncthreads();
  float last = 0.f;
  if (n > 3)
    last = 1.f;
  float local[4];
  local[n % 4] = last;
  x[threadIdx.x] = tile[0] + local[0];
}

// The NameLoc wraps the source location (of the parameters of k, of the
// `if` that assigns best and count): the scf.if results that
// stand for `best` and `count` are named in a FusedLoc<"results">, and so
// are the scf.while results.
// LOC-DAG: #[[X:loc[0-9]+]] = loc("{{.*}}names.cu":[[#@LINE-26]]:26)
// LOC-DAG: #[[N:loc[0-9]+]] = loc("{{.*}}names.cu":[[#@LINE-27]]:33)
// LOC: func.func @k(%arg0: memref<?xf32, #cuda.memory_space<global>> loc("x"(#[[X]])), %arg1: i32 loc("n"(#[[N]])))
// LOC: scf.if
// LOC: } loc(#[[IF:loc[0-9]+]])
// LOC: } loc(#[[WHILE:loc[0-9]+]])
// LOC-DAG: #[[IFSRC:loc[0-9]+]] = loc("{{.*}}names.cu":[[#@LINE-25]]:9)
// LOC-DAG: #[[BEST:loc[0-9]+]] = loc("best"(#[[IFSRC]]))
// LOC-DAG: #[[COUNT:loc[0-9]+]] = loc("count"(#[[IFSRC]]))
// LOC-DAG: #[[WHILE]] = loc(fused<"results">[#{{loc[0-9]+}}, #{{loc[0-9]+}}, #{{loc[0-9]+}}, #{{loc[0-9]+}}])
// LOC-DAG: #[[IF]] = loc(fused<"results">[#[[BEST]], #[[COUNT]]])

// A scalar whose address is taken stays in its (named) slot.
// CHECK-LABEL: func.func @addressed(%x: memref<?xf32, #cuda.memory_space<global>>)
// CHECK: %v = memref.alloca() : memref<f32>
// CHECK: call @set(
__device__ void set(float *p) { *p = 1.f; }
__global__ void addressed(float *x) { float v = 0.f; set(&v); x[0] = v; }
