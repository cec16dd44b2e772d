// RUN: xpiler-translate --import-cuda %s 2>%t.err | FileCheck %s
// RUN: FileCheck %s --check-prefix=WARN < %t.err
#include <cuda_fp16.h>

// The host launcher becomes the xpl launch description: buffer directions
// and element counts, grid and block as functions of the arguments.

__global__ void __launch_bounds__(256) saxpy_kernel(const float *x, float *y,
                                                    float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] += a * x[i];
}

// CHECK-LABEL: func.func @saxpy_kernel
// CHECK-SAME: attributes {cuda.kernel, cuda.launch_bounds = #cuda.launch_bounds<256>, xpl.kernel}
// CHECK-LABEL: func.func @saxpy(
// CHECK-SAME: memref<?xf32> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s3)>}
// CHECK-SAME: memref<?xf32> {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1, s2, s3] -> (s3)>}
// CHECK-SAME: attributes {xpl.launcher}
// CHECK: cuda.launch @saxpy_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3] -> ((s3 + 255) floordiv 256)], block = [()[s0, s1, s2, s3] -> (256)]>}
extern "C" void saxpy(const float *x, float *y, float a, int n) {
  size_t bytes = n * sizeof(float);
  float *dx, *dy;
  cudaMalloc(&dx, bytes);
  cudaMalloc(&dy, bytes);
  cudaMemcpy(dx, x, bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y, bytes, cudaMemcpyHostToDevice);
  saxpy_kernel<<<(n + 255) / 256, 256>>>(dx, dy, a, n);
  cudaMemcpy(y, dy, bytes, cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dy);
}

// A 2-D grid of 16 x 16 blocks over a [rows, cols] matrix of halves.
__global__ void transpose_kernel(const __half *in, __half *out, int rows,
                                 int cols) {
  int c = blockIdx.x * 16 + threadIdx.x, r = blockIdx.y * 16 + threadIdx.y;
  if (r < rows && c < cols)
    out[c * rows + r] = in[r * cols + c];
}

// CHECK-LABEL: func.func @transpose(
// CHECK-SAME: memref<?xf16> {xpl.buffer = #xpl.buffer<in, size = ()[s0, s1, s2, s3] -> (s2 * s3)>}
// CHECK-SAME: memref<?xf16> {xpl.buffer = #xpl.buffer<out, size = ()[s0, s1, s2, s3] -> (s2 * s3)>}
// CHECK: cuda.launch @transpose_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3] -> ((s3 + 15) floordiv 16), ()[s0, s1, s2, s3] -> ((s2 + 15) floordiv 16)], block = [()[s0, s1, s2, s3] -> (16), ()[s0, s1, s2, s3] -> (16)]>}
extern "C" void transpose(const __half *in, __half *out, int rows, int cols) {
  size_t bytes = (size_t)rows * cols * sizeof(__half);
  __half *din, *dout;
  cudaMalloc(&din, bytes);
  cudaMalloc(&dout, bytes);
  cudaMemcpy(din, in, bytes, cudaMemcpyHostToDevice);
  dim3 block(16, 16);
  dim3 grid((cols + block.x - 1) / block.x, (rows + block.y - 1) / block.y);
  transpose_kernel<<<grid, block>>>(din, dout, rows, cols);
  cudaMemcpy(out, dout, bytes, cudaMemcpyDeviceToHost);
  cudaFree(din);
  cudaFree(dout);
}

// A grid clamped with min() is the minimum of the extent's results; one
// kept at least 1 with max() is not affine: that shape is left out with a
// warning, the buffers are still described.
// CHECK-LABEL: func.func @clamped(
// CHECK-SAME: {xpl.buffer = #xpl.buffer<inout, size = ()[s0, s1, s2, s3] -> (s3)>}
// CHECK: cuda.launch @saxpy_kernel
// CHECK-SAME: {xpl.launch_shape = #xpl.launch_shape<grid = [()[s0, s1, s2, s3] -> ((s3 + 255) floordiv 256, 1024)], block = [()[s0, s1, s2, s3] -> (256)]>}
// CHECK: cuda.launch @saxpy_kernel
// CHECK-NOT: xpl.launch_shape
// CHECK: return
// WARN: launch-description.cu:[[@LINE+10]]:3: warning: launch of 'saxpy_kernel': no xpl.launch_shape: grid extent 0 is not an affine function of the launcher's arguments
// WARN: note: it depends on this 'arith.{{select|maxsi}}'
extern "C" void clamped(const float *x, float *y, float a, int n) {
  float *dx, *dy;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&dy, n * sizeof(float));
  cudaMemcpy(dx, x, n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y, n * sizeof(float), cudaMemcpyHostToDevice);
  int blocks = (n + 255) / 256;
  saxpy_kernel<<<blocks < 1024 ? blocks : 1024, 256>>>(dx, dy, a, n);
  saxpy_kernel<<<blocks > 1 ? blocks : 1, 256>>>(dx, dy, a, n);
  cudaMemcpy(y, dy, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(dy);
}
