// A wavefront sum that hard-codes 64 lanes (offset 32 combines the two
// halves of a wavefront). Converted one to one for 32-lane NVIDIA warps the
// offset-32 step reads the lane itself, so each warp sums 32 lanes twice:
// the oracle must reject that translation.
#include <hip/hip_runtime.h>

__global__ void __launch_bounds__(64)
wave_sum_kernel(const float *__restrict__ x, float *__restrict__ out, int n) {
  int i = blockIdx.x * 64 + threadIdx.x;
  float v = i < n ? x[i] : 0.0f;
  for (int offset = 32; offset > 0; offset /= 2)
    v += __shfl_xor(v, offset);
  if (threadIdx.x == 0)
    out[blockIdx.x] = v;
}

extern "C" void wave_sum(const float *x, float *out, int n) {
  int blocks = (n + 63) / 64;
  float *dx, *dout;
  hipMalloc(&dx, n * sizeof(float));
  hipMalloc(&dout, blocks * sizeof(float));
  hipMemcpy(dx, x, n * sizeof(float), hipMemcpyHostToDevice);
  hipLaunchKernelGGL(wave_sum_kernel, dim3(blocks), dim3(64), 0, 0, dx, dout,
                     n);
  hipMemcpy(out, dout, blocks * sizeof(float), hipMemcpyDeviceToHost);
  hipFree(dx);
  hipFree(dout);
}
