//===- dense.hip - fully connected layer on MFMA (HIP) ----------*- C++ -*-===//
//
// y[M, N] = x[M, K] W[N, K]^T + bias[N], row-major, half x and W, fp32 bias,
// output and accumulation on the MFMA matrix cores
// (v_mfma_f32_16x16x16f16).
//
// Signature (deviates from the default: matrix-core products take half;
// _Float16 is IEEE binary16, the storage type of HIP's __half):
//   extern "C" void dense(const _Float16 *x, const _Float16 *W,
//                         const float *bias, float *y, int M, int N, int K);
// Any M, N, K >= 1: tiles are staged in LDS with zero fill past the edges and
// the stores of y are bounds-checked. Requires a CDNA GPU (gfx908 / gfx90a /
// gfx94x: 64-lane wavefronts, MFMA).
//
// A workgroup of 4 wavefronts computes a 64x64 tile of y; wavefront w owns
// the 32x32 sub-tile (w / 2, w % 2) as 2x2 MFMA tiles of 16x16. W is used in
// its stored [N, K] layout: the MFMA B operand B[k][n] = W[n][k], so both
// operands are 4-half runs along K of an LDS row. Per step of 16 along K the
// workgroup stages a 64x16 tile of x and a 64x16 tile of W (coalesced along
// K). Operand layout of __builtin_amdgcn_mfma_f32_16x16x16f16 (lane l):
//   a[i] = x[l % 16][4 (l / 16) + i],  b[i] = W[l % 16][4 (l / 16) + i],
//   d[i] = y[4 (l / 16) + i][l % 16]   (i < 4, indices inside the tile)
// The epilogue adds bias[n] to each accumulator before the store.
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

// MFMA operands: 4 halves of A or B, 4 floats of the 16x16 accumulator.
typedef _Float16 half4_t __attribute__((vector_size(4 * sizeof(_Float16))));
typedef float floatx4_t __attribute__((vector_size(4 * sizeof(float))));

constexpr int kWave = 64;  // CDNA wavefront; the MFMA layouts assume it
constexpr int kBlock = 4 * kWave;
constexpr int kBM = 64;    // workgroup tile rows (of y)
constexpr int kBN = 64;    // workgroup tile columns
constexpr int kBK = 16;    // K step, one MFMA deep
constexpr int kPad = 4;    // LDS row padding (halves) against bank conflicts

__global__ void __launch_bounds__(kBlock)
dense_kernel(const _Float16 *__restrict__ x, const _Float16 *__restrict__ W,
             const float *__restrict__ bias, float *__restrict__ y, int M,
             int N, int K) {
  __shared__ _Float16 Xs[kBM][kBK + kPad];
  __shared__ _Float16 Ws[kBN][kBK + kPad];

  const int tid = threadIdx.x;
  const int lane = tid % kWave;
  const int wave = tid / kWave;
  const int m0 = blockIdx.y * kBM, n0 = blockIdx.x * kBN;
  const int wm = (wave / 2) * 32, wn = (wave % 2) * 32; // in the tile
  const int row16 = lane % 16;
  const int k4 = 4 * (lane / 16);

  floatx4_t acc[2][2] = {};

  for (int k0 = 0; k0 < K; k0 += kBK) {
    // Stage x[m0:+64, k0:+16] and W[n0:+64, k0:+16], zero past the edges.
    for (int e = tid; e < kBM * kBK; e += kBlock) {
      const int r = e / kBK, c = e % kBK;
      const int gc = k0 + c;
      Xs[r][c] = (m0 + r < M && gc < K) ? x[size_t(m0 + r) * K + gc]
                                        : _Float16(0);
      Ws[r][c] = (n0 + r < N && gc < K) ? W[size_t(n0 + r) * K + gc]
                                        : _Float16(0);
    }
    __syncthreads();

    half4_t a[2], b[2];
    for (int t = 0; t < 2; ++t)
      for (int i = 0; i < 4; ++i) {
        a[t][i] = Xs[wm + 16 * t + row16][k4 + i];
        b[t][i] = Ws[wn + 16 * t + row16][k4 + i];
      }
    for (int ti = 0; ti < 2; ++ti)
      for (int tj = 0; tj < 2; ++tj)
        acc[ti][tj] = __builtin_amdgcn_mfma_f32_16x16x16f16(
            a[ti], b[tj], acc[ti][tj], 0, 0, 0);
    __syncthreads(); // the tiles are overwritten by the next step
  }

  for (int tj = 0; tj < 2; ++tj) {
    const int col = n0 + wn + 16 * tj + row16;
    if (col >= N)
      continue;
    const float bn = bias[col];
    for (int ti = 0; ti < 2; ++ti)
      for (int i = 0; i < 4; ++i) {
        const int row = m0 + wm + 16 * ti + k4 + i;
        if (row < M)
          y[size_t(row) * N + col] = acc[ti][tj][i] + bn;
      }
  }
}

extern "C" void dense(const _Float16 *x, const _Float16 *W, const float *bias,
                      float *y, int M, int N, int K) {
  if (M <= 0 || N <= 0 || K <= 0)
    return;
  const size_t xBytes = size_t(M) * K * sizeof(_Float16);
  const size_t wBytes = size_t(N) * K * sizeof(_Float16);
  const size_t biasBytes = size_t(N) * sizeof(float);
  const size_t yBytes = size_t(M) * N * sizeof(float);
  _Float16 *d_x, *d_W;
  float *d_bias, *d_y;
  HIP_CHECK(hipMalloc(&d_x, xBytes));
  HIP_CHECK(hipMalloc(&d_W, wBytes));
  HIP_CHECK(hipMalloc(&d_bias, biasBytes));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_W, W, wBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_bias, bias, biasBytes, hipMemcpyHostToDevice));

  const dim3 grid((N + kBN - 1) / kBN, (M + kBM - 1) / kBM);
  hipLaunchKernelGGL(dense_kernel, grid, dim3(kBlock), 0, 0, d_x, d_W, d_bias,
                     d_y, M, N, K);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_W));
  HIP_CHECK(hipFree(d_bias));
  HIP_CHECK(hipFree(d_y));
}
