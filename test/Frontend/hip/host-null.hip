// A device pointer declared null and allocated only on some paths: the
// null pointer is what hipMalloc of 0 bytes returns (and what hipFree
// ignores), so the paths that do not allocate keep a 0-byte buffer.
// RUN: xpiler-translate --import-hip %s | FileCheck %s
#include <hip/hip_runtime.h>

__global__ void copy(const float *a, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = a[i];
}

// CHECK-LABEL: func.func @launch
// CHECK: %[[C0:.+]] = arith.constant 0 : index
// CHECK: %[[NULL:.+]] = hip.malloc %[[C0]] : memref<?xf32, #hip.memory_space<global>>
// CHECK: %[[A:.+]] = scf.if %{{.+}} -> (memref<?xf32, #hip.memory_space<global>>) {
// CHECK-NEXT: %[[SIZE:.+]] = arith.index_castui
// CHECK-NEXT: %[[BUF:.+]] = hip.malloc %[[SIZE]]
// CHECK-NEXT: hip.memcpy <host_to_device> %[[BUF]], %arg0, %[[SIZE]]
// CHECK-NEXT: scf.yield %[[BUF]]
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[NULL]]
// CHECK: %[[OUT:.+]] = hip.malloc
// CHECK: hip.launch @copy {{.*}} args(%[[A]], %[[OUT]], %arg2
// CHECK: hip.free %[[A]]
// CHECK: hip.free %[[OUT]]
extern "C" void launch(const float *a, float *out, int n) {
  size_t bytes = n * sizeof(float);
  float *d_a = nullptr, *d_out;
  if (bytes > 0) {
    hipMalloc(&d_a, bytes);
    hipMemcpy(d_a, a, bytes, hipMemcpyHostToDevice);
  }
  hipMalloc(&d_out, bytes);
  hipLaunchKernelGGL(copy, dim3(1), dim3(64), 0, 0, d_a, d_out, n);
  hipFree(d_a);
  hipFree(d_out);
}

// An unconditional allocation of a null-declared pointer leaves no trace of
// the null.
// CHECK-LABEL: func.func @plain
// CHECK-NOT: hip.malloc %c0
// CHECK: hip.malloc
// CHECK-NOT: hip.malloc
// CHECK: return
extern "C" void plain(int n) {
  float *d = nullptr;
  hipMalloc(&d, n * sizeof(float));
  hipFree(d);
}
