// `&x` of a scalar variable: a one-element view of its slot, which then
// stays in memory (the callee writes through it).
// RUN: xpiler-translate --import-cuda %s | FileCheck %s

// CHECK-LABEL: func.func @k
// CHECK: %[[SLOT:.+]] = memref.alloca() : memref<f32>
// CHECK: memref.store %{{.+}}, %[[SLOT]][]
// CHECK: %[[VIEW:.+]] = memref.expand_shape %[[SLOT]] [] output_shape [1] : memref<f32> into memref<1xf32>
// CHECK: call @set(%[[VIEW]]) : (memref<1xf32>) -> ()
// CHECK: %[[V:.+]] = memref.load %[[SLOT]][]
// CHECK: memref.store %[[V]], %arg0
// CHECK-LABEL: func.func @set
// CHECK-SAME: (%{{.+}}: memref<1xf32>)
__device__ void set(float *p) { *p = 1.f; }
__global__ void k(float *x) { float v = 0.f; set(&v); x[0] = v; }

// `__shared__ float s;` is one value per block, not a per-thread local.
// CHECK-LABEL: func.func @shared_scalar
// CHECK: %[[S:.+]] = cuda.shared_array "s" : memref<f32, #cuda.memory_space<shared>>
// CHECK: memref.store %{{.+}}, %[[S]][] : memref<f32, #cuda.memory_space<shared>>
// CHECK: cuda.syncthreads
// CHECK: memref.load %[[S]][] : memref<f32, #cuda.memory_space<shared>>
__global__ void shared_scalar(float *x) {
  __shared__ float s;
  if (threadIdx.x == 0)
    s = x[0];
  __syncthreads();
  x[threadIdx.x] = s;
}
