// Constructs of the kernel subset: if / else if / else, early return,
// alignas local arrays with `= {0}`, constexpr constants, __restrict__,
// __forceinline__ helpers, double, casts to double.
// RUN: xpiler-translate --import-cuda %s | FileCheck %s

// CHECK-LABEL: func.func @twice(%{{.*}}: f64) -> f64 attributes {cuda.device}
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f64
// CHECK-LABEL: func.func @branches(
// CHECK-SAME: memref<?xf32, #cuda.memory_space<global>>, %{{.*}}: memref<?xf32, #cuda.memory_space<global>>, %{{.*}}: memref<?xf64, #cuda.memory_space<global>>, %{{.*}}: i32) attributes {cuda.kernel
// alignas(16) float local[kTile] = {0}: an aligned array, zero-filled.
// CHECK: %[[LOCAL:.*]] = memref.alloca() {alignment = 16 : i64} : memref<4xf32>
// CHECK-COUNT-4: memref.store %{{.*}}, %[[LOCAL]][%{{.*}}] : memref<4xf32>
// The early return guards the rest of the body.
// CHECK: %[[OUTSIDE:.*]] = arith.cmpi sge
// CHECK: scf.if %[[OUTSIDE]] {
// CHECK-NEXT: } else {
// in[i] > 0.0f, then else-if, then else.
// CHECK: arith.cmpf ogt
// CHECK: scf.if
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: } else {
// CHECK: arith.cmpf olt
// CHECK: scf.if
// CHECK: arith.negf
// CHECK: } else {
// CHECK: memref.store %{{.*}}, %[[LOCAL]]
// local[kTile - 1] is local[3].
// CHECK: memref.load %[[LOCAL]][%c3]
// (double)in[i] and the helper.
// CHECK: arith.extf %{{.*}} : f32 to f64
// CHECK: func.call @twice(%{{.*}}) : (f64) -> f64
// CHECK: memref.store %{{.*}} : memref<?xf64, #cuda.memory_space<global>>

#include <cuda_runtime.h>

constexpr int kTile = 4;
constexpr float kScale = 0.5f;

static __device__ __forceinline__ double twice(double x) { return x * 2.0; }

__global__ void branches(const float *__restrict__ in, float *__restrict__ out,
                         double *__restrict__ wide, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  alignas(16) float local[kTile] = {0};
  if (i >= n)
    return;
  if (in[i] > 0.0f) {
    local[0] = in[i] * kScale;
  } else if (in[i] < 0.0f) {
    local[0] = -in[i];
  } else {
    local[0] = 1.0f;
  }
  out[i] = local[0] + local[kTile - 1];
  wide[i] = twice((double)in[i]);
}
