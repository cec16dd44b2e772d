// Kernels whose runs the oracle must stop with a report, never a crash.
#include <cuda_runtime.h>

__global__ void oob(float *x, int n) { x[threadIdx.x + n] = 1.0f; }
__global__ void divide(int *x, int d) { x[threadIdx.x] = 100 / d; }
__global__ void hang(int *x, int n) {
  while (x[0] < n)
    x[1] = x[1] + 1;
}
__global__ void divergent(float *x) {
  __shared__ float s[64];
  s[threadIdx.x] = x[threadIdx.x];
  if (threadIdx.x < 16)
    __syncwarp();
  else
    __syncthreads();
  x[threadIdx.x] = s[63 - threadIdx.x];
}

extern "C" void run_oob(float *x, int n) {
  float *d;
  cudaMalloc(&d, 64 * sizeof(float));
  oob<<<1, 64>>>(d, n);
  cudaMemcpy(x, d, 64 * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(d);
}
extern "C" void run_divide(int *x, int d) {
  int *dx;
  cudaMalloc(&dx, 64 * sizeof(int));
  divide<<<1, 64>>>(dx, d);
  cudaMemcpy(x, dx, 64 * sizeof(int), cudaMemcpyDeviceToHost);
  cudaFree(dx);
}
extern "C" void run_hang(int *x, int n) {
  int *dx;
  cudaMalloc(&dx, 2 * sizeof(int));
  cudaMemcpy(dx, x, 2 * sizeof(int), cudaMemcpyHostToDevice);
  hang<<<1, 1>>>(dx, n);
  cudaFree(dx);
}
extern "C" void run_divergent(float *x) {
  float *dx;
  cudaMalloc(&dx, 64 * sizeof(float));
  cudaMemcpy(dx, x, 64 * sizeof(float), cudaMemcpyHostToDevice);
  divergent<<<1, 64>>>(dx);
  cudaMemcpy(x, dx, 64 * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dx);
}
extern "C" void run_launch(float *x, int blocks) {
  float *dx;
  cudaMalloc(&dx, 64 * sizeof(float));
  oob<<<blocks, 2048>>>(dx, 0);
  cudaFree(dx);
}
