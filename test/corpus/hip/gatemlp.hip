//===- gatemlp.hip - gated MLP on the fp32 matrix cores (HIP) ---*- C++ -*-===//
//
// y[M, N] = silu(x Wg^T) * (x Wu^T), silu(g) = g / (1 + e^-g);
//   x [M, K], Wg, Wu [N, K], y [M, N], fp32 row-major (default signature).
//
// Both products run on the fp32 MFMA matrix cores
// (v_mfma_f32_16x16x4f32), so inputs keep full precision. A workgroup of 4
// wavefronts computes a 64x64 tile of y; wavefront w owns the 32x32 sub-tile
// (w / 2, w % 2) as 2x2 MFMA tiles of 16x16 and keeps two accumulators per
// tile, gate and up, sharing the x operand. Per step of 16 along K the
// workgroup stages 64x16 tiles of x, Wg and Wu in LDS (zero past the edges)
// and each wavefront issues 4 K-substeps of 8 MFMAs. The SiLU gate and the
// product are applied in registers before the (bounds-checked) store. Any
// M, N, K >= 1. Requires a CDNA GPU (gfx908 / gfx90a / gfx94x).
//
// Operand layout of __builtin_amdgcn_mfma_f32_16x16x4f32 (lane l of 64):
//   a = A[l % 16][l / 16],  b = B[l / 16][l % 16]  (B[k][n] = W[n][k]),
//   d[i] = D[4 (l / 16) + i][l % 16]                (i < 4)
//
// extern "C" void gatemlp(const float *x, const float *Wg, const float *Wu,
//                         float *y, int M, int N, int K);
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

// 4 floats of a 16x16 MFMA accumulator.
typedef float floatx4_t __attribute__((vector_size(4 * sizeof(float))));

constexpr int kWave = 64; // CDNA wavefront; the MFMA layouts assume it
constexpr int kBlock = 4 * kWave;
constexpr int kBM = 64;   // workgroup tile rows (of y)
constexpr int kBN = 64;   // workgroup tile columns
constexpr int kBK = 16;   // K step: 4 MFMAs of depth 4
constexpr int kPad = 1;   // LDS row padding (floats) against bank conflicts

__global__ void __launch_bounds__(kBlock)
gatemlp_kernel(const float *__restrict__ x, const float *__restrict__ Wg,
               const float *__restrict__ Wu, float *__restrict__ y, int M,
               int N, int K) {
  __shared__ float Xs[kBM][kBK + kPad];
  __shared__ float Gs[kBN][kBK + kPad];
  __shared__ float Us[kBN][kBK + kPad];

  const int tid = threadIdx.x;
  const int lane = tid % kWave;
  const int wave = tid / kWave;
  const int m0 = blockIdx.y * kBM, n0 = blockIdx.x * kBN;
  const int wm = (wave / 2) * 32, wn = (wave % 2) * 32; // in the tile
  const int row16 = lane % 16;
  const int kq = lane / 16; // this lane's K index within an MFMA step

  floatx4_t gate[2][2] = {}, up[2][2] = {};

  for (int k0 = 0; k0 < K; k0 += kBK) {
    // Stage x[m0:+64, k0:+16], Wg and Wu[n0:+64, k0:+16], zero past the edges.
    for (int e = tid; e < kBM * kBK; e += kBlock) {
      const int r = e / kBK, c = e % kBK;
      const int gc = k0 + c;
      const bool kIn = gc < K;
      Xs[r][c] = (m0 + r < M && kIn) ? x[size_t(m0 + r) * K + gc] : 0.0f;
      const bool nIn = n0 + r < N && kIn;
      Gs[r][c] = nIn ? Wg[size_t(n0 + r) * K + gc] : 0.0f;
      Us[r][c] = nIn ? Wu[size_t(n0 + r) * K + gc] : 0.0f;
    }
    __syncthreads();

    for (int kk = 0; kk < kBK; kk += 4) {
      float a[2], g[2], u[2];
      for (int t = 0; t < 2; ++t) {
        a[t] = Xs[wm + 16 * t + row16][kk + kq];
        g[t] = Gs[wn + 16 * t + row16][kk + kq];
        u[t] = Us[wn + 16 * t + row16][kk + kq];
      }
      for (int ti = 0; ti < 2; ++ti)
        for (int tj = 0; tj < 2; ++tj) {
          gate[ti][tj] = __builtin_amdgcn_mfma_f32_16x16x4f32(
              a[ti], g[tj], gate[ti][tj], 0, 0, 0);
          up[ti][tj] = __builtin_amdgcn_mfma_f32_16x16x4f32(
              a[ti], u[tj], up[ti][tj], 0, 0, 0);
        }
    }
    __syncthreads(); // the tiles are overwritten by the next step
  }

  for (int ti = 0; ti < 2; ++ti)
    for (int tj = 0; tj < 2; ++tj) {
      const int col = n0 + wn + 16 * tj + row16;
      for (int i = 0; i < 4; ++i) {
        const int row = m0 + wm + 16 * ti + 4 * kq + i;
        if (row < M && col < N) {
          const float gv = gate[ti][tj][i];
          const float silu = gv / (1.0f + expf(-gv));
          y[size_t(row) * N + col] = silu * up[ti][tj][i];
        }
      }
    }
}

extern "C" void gatemlp(const float *x, const float *Wg, const float *Wu,
                        float *y, int M, int N, int K) {
  if (M <= 0 || N <= 0 || K <= 0)
    return;
  const size_t xBytes = size_t(M) * K * sizeof(float);
  const size_t wBytes = size_t(N) * K * sizeof(float);
  const size_t yBytes = size_t(M) * N * sizeof(float);
  float *d_x, *d_Wg, *d_Wu, *d_y;
  HIP_CHECK(hipMalloc(&d_x, xBytes));
  HIP_CHECK(hipMalloc(&d_Wg, wBytes));
  HIP_CHECK(hipMalloc(&d_Wu, wBytes));
  HIP_CHECK(hipMalloc(&d_y, yBytes));
  HIP_CHECK(hipMemcpy(d_x, x, xBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_Wg, Wg, wBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_Wu, Wu, wBytes, hipMemcpyHostToDevice));

  const dim3 grid((N + kBN - 1) / kBN, (M + kBM - 1) / kBM);
  hipLaunchKernelGGL(gatemlp_kernel, grid, dim3(kBlock), 0, 0, d_x, d_Wg, d_Wu,
                     d_y, M, N, K);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(y, d_y, yBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_x));
  HIP_CHECK(hipFree(d_Wg));
  HIP_CHECK(hipFree(d_Wu));
  HIP_CHECK(hipFree(d_y));
}
