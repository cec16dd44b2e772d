// RUN: xpiler-translate --import-hip %s | FileCheck %s
#include <hip/hip_runtime.h>

// CHECK-LABEL: func.func @axpy
// CHECK-SAME: attributes {hip.kernel, hip.launch_bounds = array<i32: 256>, xpl.kernel}
// CHECK: hip.block_idx <x>
// CHECK: hip.thread_idx <x>
// CHECK: hip.shfl <down>
// CHECK: hip.atomic <add>
__global__ void __launch_bounds__(256) axpy(float *y, const float *x, float a, int n, float *total) {
  int i = hipBlockIdx_x * blockDim.x + threadIdx.x;
  float v = i < n ? a * x[i] + y[i] : 0.f;
  if (i < n)
    y[i] = v;
  v += __shfl_down(v, 1);
  if (threadIdx.x % warpSize == 0)
    atomicAdd(total, v);
}

// CHECK-LABEL: func.func @axpy_launch
// CHECK: hip.malloc
// CHECK: hip.memcpy <host_to_device>
// CHECK: hip.launch @axpy grid
// CHECK: hip.memcpy <device_to_host>
// CHECK: hip.free
extern "C" void axpy_launch(float *y, const float *x, float a, int n, float *total) {
  float *dy, *dx, *dt;
  hipMalloc(&dy, n * sizeof(float));
  hipMalloc(&dx, n * sizeof(float));
  hipMalloc(&dt, sizeof(float));
  hipMemcpy(dy, y, n * sizeof(float), hipMemcpyHostToDevice);
  hipMemcpy(dx, x, n * sizeof(float), hipMemcpyHostToDevice);
  hipMemcpy(dt, total, sizeof(float), hipMemcpyHostToDevice);
  hipLaunchKernelGGL(axpy, dim3((n + 255) / 256), dim3(256), 0, 0, dy, dx, a, n, dt);
  hipMemcpy(y, dy, n * sizeof(float), hipMemcpyDeviceToHost);
  hipMemcpy(total, dt, sizeof(float), hipMemcpyDeviceToHost);
  hipFree(dy);
  hipFree(dx);
  hipFree(dt);
}
