// vector_add.cu - the bundled example: C = A + B over n floats, with the host
// launcher a caller links against.
#include <cuda_runtime.h>

#define THREADS 256

__global__ void __launch_bounds__(THREADS)
vector_add(const float *__restrict__ a, const float *__restrict__ b,
           float *__restrict__ c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

extern "C" void vector_add_launch(const float *a, const float *b, float *c,
                                  int n) {
  float *da, *db, *dc;
  size_t bytes = n * sizeof(float);
  cudaMalloc(&da, bytes);
  cudaMalloc(&db, bytes);
  cudaMalloc(&dc, bytes);
  cudaMemcpy(da, a, bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(db, b, bytes, cudaMemcpyHostToDevice);
  vector_add<<<(n + THREADS - 1) / THREADS, THREADS>>>(da, db, dc, n);
  cudaMemcpy(c, dc, bytes, cudaMemcpyDeviceToHost);
  cudaFree(da);
  cudaFree(db);
  cudaFree(dc);
}
