//===- transpose.cu - transpose through a padded shared tile ---*- CUDA -*-===//
//
// y[c, r] = x[r, c] for a row-major fp32 [rows, cols] matrix.
//
// Each 32x8 block moves a 32x32 tile: it reads rows of the tile (coalesced
// along x's columns) into shared memory, synchronizes, and writes rows of
// the transposed tile (coalesced along y's columns). The shared tile is
// padded to 33 columns so that reading it by column hits 32 different
// banks. Each thread handles 4 rows of the tile (TILE / BLOCK_ROWS); edge
// tiles are bounds-checked, so any rows/cols works.
//
// extern "C" void transpose(const float *x, float *y, int rows, int cols);
//
//===----------------------------------------------------------------------===//

#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                       \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,       \
                   cudaGetErrorString(err_));                                  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

#define TILE 32
#define BLOCK_ROWS 8

__global__ void __launch_bounds__(TILE * BLOCK_ROWS)
transpose_kernel(const float *__restrict__ x, float *__restrict__ y, int rows,
                 int cols) {
  __shared__ float tile[TILE][TILE + 1];

  // Read x[r0 + i, c0 + tx] into tile[i][tx].
  int c = blockIdx.x * TILE + threadIdx.x;
  int r0 = blockIdx.y * TILE;
  for (int i = threadIdx.y; i < TILE; i += BLOCK_ROWS)
    if (r0 + i < rows && c < cols)
      tile[i][threadIdx.x] = x[size_t(r0 + i) * cols + c];
  __syncthreads();

  // Write y[c0 + i, r0 + tx] = x[r0 + tx, c0 + i] = tile[tx][i].
  int r = r0 + threadIdx.x;
  int c0 = blockIdx.x * TILE;
  for (int i = threadIdx.y; i < TILE; i += BLOCK_ROWS)
    if (c0 + i < cols && r < rows)
      y[size_t(c0 + i) * rows + r] = tile[threadIdx.x][i];
}

extern "C" void transpose(const float *x, float *y, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  size_t bytes = size_t(rows) * cols * sizeof(float);
  float *dx, *dy;
  CUDA_CHECK(cudaMalloc(&dx, bytes));
  CUDA_CHECK(cudaMalloc(&dy, bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, bytes, cudaMemcpyHostToDevice));
  dim3 grid((cols + TILE - 1) / TILE, (rows + TILE - 1) / TILE);
  dim3 block(TILE, BLOCK_ROWS);
  transpose_kernel<<<grid, block>>>(dx, dy, rows, cols);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dy));
}
