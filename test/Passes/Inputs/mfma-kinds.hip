// Three mfma kinds in one kernel, reached in block-uniform control flow (a
// loop over a kernel argument): f32_16x16x16f16 and f32_32x32x8f16 (wmma on
// the CUDA side, K = 8 zero-padded to 16) and f32_16x16x4f32 (scalar FMAs).
// Each lane loads its operands from a flat per-lane slice, so every element
// of A, B and C crosses lanes (and the two warps of the wavefront) in the
// mfma. Two wavefronts per block, sized from the constant launch (no
// __launch_bounds__).
#include <hip/hip_runtime.h>

typedef _Float16 half4_t __attribute__((vector_size(4 * sizeof(_Float16))));
typedef float floatx4_t __attribute__((vector_size(4 * sizeof(float))));
typedef float floatx16_t __attribute__((vector_size(16 * sizeof(float))));

__global__ void mfma_kinds_kernel(const _Float16 *__restrict__ h,
                                  const float *__restrict__ f,
                                  float *__restrict__ out, int steps) {
  const int t = blockIdx.x * blockDim.x + threadIdx.x;
  half4_t a, b;
  for (int i = 0; i < 4; ++i) {
    a[i] = h[8 * t + i];
    b[i] = h[8 * t + 4 + i];
  }
  floatx4_t c4 = {}, g4 = {};
  floatx16_t c16 = {};
  for (int s = 0; s < steps; ++s) {
    c4 = __builtin_amdgcn_mfma_f32_16x16x16f16(a, b, c4, 0, 0, 0);
    c16 = __builtin_amdgcn_mfma_f32_32x32x8f16(b, a, c16, 0, 0, 0);
    g4 = __builtin_amdgcn_mfma_f32_16x16x4f32(f[2 * t + s % 2],
                                              f[2 * t + 1 - s % 2], g4, 0, 0,
                                              0);
  }
  for (int i = 0; i < 4; ++i) {
    out[24 * t + i] = c4[i];
    out[24 * t + 4 + i] = g4[i];
  }
  for (int i = 0; i < 16; ++i)
    out[24 * t + 8 + i] = c16[i];
}

extern "C" void mfma_kinds(const _Float16 *h, const float *f, float *out,
                           int blocks, int steps) {
  const int n = blocks * 128;
  _Float16 *dh;
  float *df, *dout;
  hipMalloc(&dh, 8 * n * sizeof(_Float16));
  hipMalloc(&df, 2 * n * sizeof(float));
  hipMalloc(&dout, 24 * n * sizeof(float));
  hipMemcpy(dh, h, 8 * n * sizeof(_Float16), hipMemcpyHostToDevice);
  hipMemcpy(df, f, 2 * n * sizeof(float), hipMemcpyHostToDevice);
  hipLaunchKernelGGL(mfma_kinds_kernel, dim3(blocks), dim3(128), 0, 0, dh, df,
                     dout, steps);
  hipMemcpy(out, dout, 24 * n * sizeof(float), hipMemcpyDeviceToHost);
  hipFree(dh);
  hipFree(df);
  hipFree(dout);
}
