//===- transpose.hip - matrix transpose (HIP, AMD CDNA) ---------*- C++ -*-===//
//
// y[c, r] = x[r, c]; x [rows, cols], y [cols, rows], fp32 row-major.
//
// Tiled through LDS: a 32x8 workgroup loads a 32x32 tile of x row by row
// (coalesced reads), and after a barrier writes it out column by column as
// rows of y (coalesced writes). The tile rows are padded by one float so that
// reading a tile column hits 32 different LDS banks instead of one. Edge tiles
// are bounds-checked. Any rows, cols (rows up to 65535 * 32).
//
// extern "C" void transpose(const float *x, float *y, int rows, int cols);
//
//===----------------------------------------------------------------------===//

#include <hip/hip_runtime.h>

#include <cstdio>
#include <cstdlib>

#define HIP_CHECK(expr)                                                        \
  do {                                                                         \
    hipError_t err_ = (expr);                                                  \
    if (err_ != hipSuccess) {                                                  \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #expr,       \
                   hipGetErrorString(err_));                                   \
      std::exit(EXIT_FAILURE);                                                 \
    }                                                                          \
  } while (0)

constexpr int kTile = 32;    // tile edge
constexpr int kRowsPerPass = 8; // workgroup is kTile x kRowsPerPass threads

__global__ void __launch_bounds__(kTile * kRowsPerPass)
transpose_kernel(const float *__restrict__ x, float *__restrict__ y, int rows,
                 int cols) {
  __shared__ float tile[kTile][kTile + 1];
  const int col0 = blockIdx.x * kTile; // first column of x in this tile
  const int row0 = blockIdx.y * kTile; // first row of x in this tile

  for (int j = threadIdx.y; j < kTile; j += kRowsPerPass) {
    const int r = row0 + j, c = col0 + threadIdx.x;
    if (r < rows && c < cols)
      tile[j][threadIdx.x] = x[size_t(r) * cols + c];
  }
  __syncthreads();

  // Row (col0 + j) of y holds column (col0 + j) of x.
  for (int j = threadIdx.y; j < kTile; j += kRowsPerPass) {
    const int r = col0 + j, c = row0 + threadIdx.x;
    if (r < cols && c < rows)
      y[size_t(r) * rows + c] = tile[threadIdx.x][j];
  }
}

extern "C" void transpose(const float *x, float *y, int rows, int cols) {
  if (rows <= 0 || cols <= 0)
    return;
  const size_t bytes = size_t(rows) * cols * sizeof(float);
  float *d_x, *d_y;
  HIP_CHECK(hipMalloc(&d_x, bytes));
  HIP_CHECK(hipMalloc(&d_y, bytes));
  HIP_CHECK(hipMemcpy(d_x, x, bytes, hipMemcpyHostToDevice));

  const dim3 grid((cols + kTile - 1) / kTile, (rows + kTile - 1) / kTile);
  const dim3 block(kTile, kRowsPerPass);
  transpose_kernel<<<grid, block>>>(d_x, d_y, rows, cols);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_y));
}
