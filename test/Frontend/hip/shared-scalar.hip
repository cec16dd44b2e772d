// `__shared__ T x;` is one value per workgroup (a rank-0 shared array), and
// `&x` passes a one-element view of it to a helper.
// RUN: xpiler-translate --import-hip %s | FileCheck %s
#include <hip/hip_runtime.h>

// CHECK-LABEL: func.func @k
// CHECK: %[[PARTIAL:.+]] = hip.shared_alloc : memref<4xf32, #hip.memory_space<shared>>
// CHECK: %[[RESULT:.+]] = hip.shared_alloc : memref<f32, #hip.memory_space<shared>>
// CHECK: %[[VIEW:.+]] = memref.expand_shape %[[RESULT]] [] output_shape [1] : memref<f32, #hip.memory_space<shared>> into memref<1xf32, #hip.memory_space<shared>>
// CHECK: call @block_sum(%{{.+}}, %[[PARTIAL]], %[[VIEW]])
// CHECK: memref.load %[[RESULT]][] : memref<f32, #hip.memory_space<shared>>
// CHECK-LABEL: func.func @block_sum
// CHECK-SAME: memref<4xf32, #hip.memory_space<shared>>, %{{.+}}: memref<1xf32, #hip.memory_space<shared>>) -> f32
// CHECK: memref.store %{{.+}}, %{{.+}}[%c0] : memref<1xf32, #hip.memory_space<shared>>
// CHECK-NOT: func.func
__device__ float block_sum(float v, float *partial, float *result) {
  if (threadIdx.x == 0)
    *result = v + partial[0];
  __syncthreads();
  return *result;
}

__global__ void k(float *x) {
  __shared__ float partial[4];
  __shared__ float result;
  x[0] = block_sum(x[threadIdx.x], partial, &result);
  x[1] = result;
}
