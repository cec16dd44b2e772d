// RUN: xpiler-translate --import-cuda %s | FileCheck %s
// The CUDA preamble is implicit, like nvcc's: no cuda_runtime.h needed.
#include <cstdio>
#include <cstdlib>

__global__ void scale(float *x, float s, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] *= s;
}

#define CHECK(call)                                                            \
  do {                                                                         \
    cudaError_t e = (call);                                                    \
    if (e != cudaSuccess) {                                                    \
      fprintf(stderr, "%s\n", cudaGetErrorString(e));                          \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

// Error checks around runtime calls fold away: the calls are modelled as
// succeeding.
// CHECK-LABEL: func.func @scale_launch(%{{.*}}: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1, s2] -> (s2)>}, %{{.*}}: f32, %{{.*}}: i32) attributes {xpl.launcher}
// CHECK: [[D:%.+]] = cuda.malloc %{{.*}} : memref<?xf32, #cuda.memory_space<global>>
// CHECK: [[S:%.+]] = cuda.stream_create
// CHECK: cuda.memcpy HostToDevice [[D]], %{{.*}}, %{{.*}}
// CHECK: cuda.launch @scale grid(%{{.*}}, %{{.*}}, %{{.*}}) block(%{{.*}}, %{{.*}}, %{{.*}}) shared(%{{.*}}) stream([[S]]) args([[D]], %{{.*}}, %{{.*}} : memref<?xf32, #cuda.memory_space<global>>, f32, i32)
// CHECK: cuda.stream_synchronize [[S]]
// CHECK: cuda.memcpy DeviceToHost %{{.*}}, [[D]], %{{.*}}
// CHECK: cuda.stream_destroy [[S]]
// CHECK: cuda.free [[D]]
// CHECK-NOT: cf.assert
extern "C" void scale_launch(float *x, float s, int n) {
  float *d;
  size_t bytes = n * sizeof(float);
  CHECK(cudaMalloc(&d, bytes));
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  CHECK(cudaMemcpy(d, x, bytes, cudaMemcpyHostToDevice));
  dim3 block(128);
  dim3 grid((n + block.x - 1) / block.x, 1);
  scale<<<grid, block, 64, stream>>>(d, s, n);
  CHECK(cudaGetLastError());
  CHECK(cudaStreamSynchronize(stream));
  CHECK(cudaMemcpy(x, d, bytes, cudaMemcpyDeviceToHost));
  CHECK(cudaStreamDestroy(stream));
  CHECK(cudaFree(d));
}
