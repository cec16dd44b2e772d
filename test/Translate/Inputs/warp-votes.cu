// Warp votes and shuffles whose results depend on which 32 lanes form a
// warp: on a 64-lane wavefront each CUDA warp is one half. The predicates
// differ between the halves of every wavefront, so a translation that took
// the whole wavefront's ballot would compute other values.
#include <cuda_runtime.h>

__global__ void __launch_bounds__(128)
votes_kernel(const float *__restrict__ x, unsigned *__restrict__ ballots,
             int *__restrict__ anys, int *__restrict__ alls,
             float *__restrict__ sums, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  float v = i < n ? x[i] : 0.0f;
  unsigned full = 0xffffffffu;
  ballots[i] = __ballot_sync(full, v > 0.25f);
  anys[i] = __any_sync(full, v > 0.7f);
  alls[i] = __all_sync(full, v > -0.7f);
  float s = v;
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    s += __shfl_xor_sync(full, s, offset);
  sums[i] = s;
}

extern "C" void votes(const float *x, unsigned *ballots, int *anys, int *alls,
                      float *sums, int n) {
  int blocks = (n + 127) / 128;
  size_t padded = size_t(blocks) * 128;
  float *dx;
  unsigned *db;
  int *da, *dl;
  float *ds;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&db, padded * sizeof(unsigned));
  cudaMalloc(&da, padded * sizeof(int));
  cudaMalloc(&dl, padded * sizeof(int));
  cudaMalloc(&ds, padded * sizeof(float));
  cudaMemcpy(dx, x, n * sizeof(float), cudaMemcpyHostToDevice);
  votes_kernel<<<blocks, 128>>>(dx, db, da, dl, ds, n);
  cudaMemcpy(ballots, db, padded * sizeof(unsigned), cudaMemcpyDeviceToHost);
  cudaMemcpy(anys, da, padded * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(alls, dl, padded * sizeof(int), cudaMemcpyDeviceToHost);
  cudaMemcpy(sums, ds, padded * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(dx);
  cudaFree(db);
  cudaFree(da);
  cudaFree(dl);
  cudaFree(ds);
}
