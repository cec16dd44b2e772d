// RUN: xpiler-translate --import-hip %s | FileCheck %s
// hipLaunchKernelGGL and <<<...>>> launchers become the xpl launch
// description.

__global__ void __launch_bounds__(128) scale_kernel(float *x, float s, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] *= s;
}

// CHECK-LABEL: func.func @scale_kernel
// CHECK-SAME: xpl.kernel

// CHECK-LABEL: func.func @scale(
// CHECK-SAME: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1, s2] -> (s2)>}
// CHECK-SAME: attributes {xpl.launcher}
// CHECK: hip.launch @scale_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2] -> ((s2 + 127) floordiv 128)], block = [()[s0, s1, s2] -> (128)]>}
extern "C" void scale(float *x, float s, int n) {
  float *d;
  hipMalloc(&d, n * sizeof(float));
  hipMemcpy(d, x, n * sizeof(float), hipMemcpyHostToDevice);
  hipLaunchKernelGGL(scale_kernel, dim3((n + 127) / 128), dim3(128), 0, 0, d,
                     s, n);
  hipDeviceSynchronize();
  hipMemcpy(x, d, n * sizeof(float), hipMemcpyDeviceToHost);
  hipFree(d);
}

__global__ void fill_kernel(int *out, int rows, int cols) {
  int r = blockIdx.y, c = blockIdx.x * blockDim.x + threadIdx.x;
  if (c < cols)
    out[r * cols + c] = r;
}

// Written only by the kernel: out. A grid of [ceil(cols / 64), rows].
// CHECK-LABEL: func.func @fill(
// CHECK-SAME: memref<?xi32> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2] -> (s1 * s2)>}
// CHECK: hip.launch @fill_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2] -> ((s2 + 63) floordiv 64), ()[s0, s1, s2] -> (s1)], block = [()[s0, s1, s2] -> (64)]>}
extern "C" void fill(int *out, int rows, int cols) {
  int *d;
  size_t bytes = sizeof(int) * rows * cols;
  hipMalloc(&d, bytes);
  fill_kernel<<<dim3((cols + 63) / 64, rows), 64>>>(d, rows, cols);
  hipMemcpy(out, d, bytes, hipMemcpyDeviceToHost);
  hipFree(d);
}
