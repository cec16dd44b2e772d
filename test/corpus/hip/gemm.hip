//===- gemm.hip - matrix product on the MFMA cores (HIP) --------*- C++ -*-===//
//
// C[M, N] = A[M, K] B[K, N], row-major, with half inputs and fp32
// accumulation on the MFMA matrix cores (v_mfma_f32_16x16x16f16).
//
// Signature (deviates from the default: matrix-core products take half;
// _Float16 is IEEE binary16, the storage type of HIP's __half):
//   extern "C" void gemm(const _Float16 *A, const _Float16 *B, float *C,
//                        int M, int N, int K);
// Any M, N, K >= 1 (no multiple-of-16 precondition): tiles are staged in LDS
// with zero fill past the edges, and the stores of C are bounds-checked.
// Requires a CDNA GPU (gfx908 / gfx90a / gfx94x: 64-lane wavefronts, MFMA).
//
// A workgroup of 4 wavefronts computes a 64x64 tile of C; wavefront w owns
// the 32x32 sub-tile (w / 2, w % 2), i.e. 2x2 MFMA tiles of 16x16 with one
// 4-float accumulator each. Per step of 16 along K the workgroup copies a
// 64x16 tile of A and a 16x64 tile of B into LDS, then every wavefront
// gathers its operands and issues 4 MFMAs. Operand layout of
// __builtin_amdgcn_mfma_f32_16x16x16f16 (lane l of the 64):
//   a[i] = A[l % 16][4 (l / 16) + i]    (4 halves: row l%16, a run of K)
//   b[i] = B[4 (l / 16) + i][l % 16]    (4 halves: column l%16, a run of K)
//   d[i] = D[4 (l / 16) + i][l % 16]    (4 floats: column l%16, 4 rows)
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
constexpr int kBM = 64;    // workgroup tile rows (of C)
constexpr int kBN = 64;    // workgroup tile columns
constexpr int kBK = 16;    // K step, one MFMA deep
constexpr int kWM = 32;    // wavefront tile rows
constexpr int kWN = 32;    // wavefront tile columns
constexpr int kPad = 4;    // LDS row padding (halves) against bank conflicts

__global__ void __launch_bounds__(kBlock)
gemm_kernel(const _Float16 *__restrict__ A, const _Float16 *__restrict__ B,
            float *__restrict__ C, int M, int N, int K) {
  __shared__ _Float16 As[kBM][kBK + kPad];
  __shared__ _Float16 Bs[kBK][kBN + kPad];

  const int tid = threadIdx.x;
  const int lane = tid % kWave;
  const int wave = tid / kWave;
  const int m0 = blockIdx.y * kBM, n0 = blockIdx.x * kBN;
  const int wm = (wave / 2) * kWM, wn = (wave % 2) * kWN; // in the tile
  const int row16 = lane % 16; // row of A / column of B and C in a 16x16 tile
  const int k4 = 4 * (lane / 16); // first of this lane's 4 K values

  floatx4_t acc[2][2] = {};

  for (int k0 = 0; k0 < K; k0 += kBK) {
    // Stage A[m0:+64, k0:+16] and B[k0:+16, n0:+64], zero past the edges.
    for (int e = tid; e < kBM * kBK; e += kBlock) {
      const int r = e / kBK, c = e % kBK;
      const int gr = m0 + r, gc = k0 + c;
      As[r][c] = (gr < M && gc < K) ? A[size_t(gr) * K + gc] : _Float16(0);
    }
    for (int e = tid; e < kBK * kBN; e += kBlock) {
      const int r = e / kBN, c = e % kBN;
      const int gr = k0 + r, gc = n0 + c;
      Bs[r][c] = (gr < K && gc < N) ? B[size_t(gr) * N + gc] : _Float16(0);
    }
    __syncthreads();

    half4_t a[2], b[2];
    for (int t = 0; t < 2; ++t)
      for (int i = 0; i < 4; ++i) {
        a[t][i] = As[wm + 16 * t + row16][k4 + i];
        b[t][i] = Bs[k4 + i][wn + 16 * t + row16];
      }
    for (int ti = 0; ti < 2; ++ti)
      for (int tj = 0; tj < 2; ++tj)
        acc[ti][tj] = __builtin_amdgcn_mfma_f32_16x16x16f16(
            a[ti], b[tj], acc[ti][tj], 0, 0, 0);
    __syncthreads(); // the tiles are overwritten by the next step
  }

  for (int ti = 0; ti < 2; ++ti)
    for (int tj = 0; tj < 2; ++tj) {
      const int col = n0 + wn + 16 * tj + row16;
      for (int i = 0; i < 4; ++i) {
        const int row = m0 + wm + 16 * ti + k4 + i;
        if (row < M && col < N)
          C[size_t(row) * N + col] = acc[ti][tj][i];
      }
    }
}

extern "C" void gemm(const _Float16 *A, const _Float16 *B, float *C, int M,
                     int N, int K) {
  if (M <= 0 || N <= 0 || K <= 0)
    return;
  const size_t aBytes = size_t(M) * K * sizeof(_Float16);
  const size_t bBytes = size_t(K) * N * sizeof(_Float16);
  const size_t cBytes = size_t(M) * N * sizeof(float);
  _Float16 *d_A, *d_B;
  float *d_C;
  HIP_CHECK(hipMalloc(&d_A, aBytes));
  HIP_CHECK(hipMalloc(&d_B, bBytes));
  HIP_CHECK(hipMalloc(&d_C, cBytes));
  HIP_CHECK(hipMemcpy(d_A, A, aBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_B, B, bBytes, hipMemcpyHostToDevice));

  const dim3 grid((N + kBN - 1) / kBN, (M + kBM - 1) / kBM);
  hipLaunchKernelGGL(gemm_kernel, grid, dim3(kBlock), 0, 0, d_A, d_B, d_C, M,
                     N, K);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(C, d_C, cBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_A));
  HIP_CHECK(hipFree(d_B));
  HIP_CHECK(hipFree(d_C));
}
