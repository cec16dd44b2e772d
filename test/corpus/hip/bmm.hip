//===- bmm.hip - batched matrix product on MFMA (HIP) -----------*- C++ -*-===//
//
// C[b] = A[b] B[b] for b < batch; A [batch, M, K], B [batch, K, N],
// C [batch, M, N], row-major, half inputs, fp32 accumulation on the MFMA
// matrix cores (v_mfma_f32_32x32x8f16).
//
// Signature (deviates from the default: matrix-core products take half;
// _Float16 is IEEE binary16, the storage type of HIP's __half):
//   extern "C" void bmm(const _Float16 *A, const _Float16 *B, float *C,
//                       int batch, int M, int N, int K);
// Any batch (<= 65535), M, N, K >= 1: tiles are staged in LDS with zero fill
// past the edges and the stores of C are bounds-checked. Requires a CDNA GPU
// (gfx908 / gfx90a / gfx94x: 64-lane wavefronts, MFMA).
//
// Grid (N tiles, M tiles, batch). A workgroup of 4 wavefronts computes a
// 64x64 tile of C[b]; wavefront w owns the 32x32 sub-tile (w / 2, w % 2),
// one MFMA tile with a 16-float accumulator per lane. Per step of 16 along K
// the workgroup stages a 64x16 tile of A and a 16x64 tile of B in LDS and
// each wavefront issues 2 MFMAs of depth 8. Operand layout of
// __builtin_amdgcn_mfma_f32_32x32x8f16 (lane l of the 64):
//   a[i] = A[l % 32][4 (l / 32) + i]              i < 4
//   b[i] = B[4 (l / 32) + i][l % 32]              i < 4
//   d[4 g + i] = D[8 g + 4 (l / 32) + i][l % 32]  g < 4, i < 4
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

// MFMA operands: 4 halves of A or B, 16 floats of the 32x32 accumulator.
typedef _Float16 half4_t __attribute__((vector_size(4 * sizeof(_Float16))));
typedef float floatx16_t __attribute__((vector_size(16 * sizeof(float))));

constexpr int kWave = 64;  // CDNA wavefront; the MFMA layouts assume it
constexpr int kBlock = 4 * kWave;
constexpr int kBM = 64;    // workgroup tile rows (of C)
constexpr int kBN = 64;    // workgroup tile columns
constexpr int kBK = 16;    // K step: 2 MFMAs of depth 8
constexpr int kPad = 4;    // LDS row padding (halves) against bank conflicts

__global__ void __launch_bounds__(kBlock)
bmm_kernel(const _Float16 *__restrict__ A, const _Float16 *__restrict__ B,
           float *__restrict__ C, int M, int N, int K) {
  __shared__ _Float16 As[kBM][kBK + kPad];
  __shared__ _Float16 Bs[kBK][kBN + kPad];

  const int b = blockIdx.z;
  A += size_t(b) * M * K;
  B += size_t(b) * K * N;
  C += size_t(b) * M * N;

  const int tid = threadIdx.x;
  const int lane = tid % kWave;
  const int wave = tid / kWave;
  const int m0 = blockIdx.y * kBM, n0 = blockIdx.x * kBN;
  const int wm = (wave / 2) * 32, wn = (wave % 2) * 32; // in the tile
  const int row32 = lane % 32; // row of A / column of B and C in the 32x32 tile
  const int k4 = 4 * (lane / 32); // first of this lane's 4 K values

  floatx16_t acc = {};

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

    for (int kk = 0; kk < kBK; kk += 8) {
      half4_t a, bv;
      for (int i = 0; i < 4; ++i) {
        a[i] = As[wm + row32][kk + k4 + i];
        bv[i] = Bs[kk + k4 + i][wn + row32];
      }
      acc = __builtin_amdgcn_mfma_f32_32x32x8f16(a, bv, acc, 0, 0, 0);
    }
    __syncthreads(); // the tiles are overwritten by the next step
  }

  const int col = n0 + wn + row32;
  for (int g = 0; g < 4; ++g)
    for (int i = 0; i < 4; ++i) {
      const int row = m0 + wm + 8 * g + k4 + i;
      if (row < M && col < N)
        C[size_t(row) * N + col] = acc[4 * g + i];
    }
}

extern "C" void bmm(const _Float16 *A, const _Float16 *B, float *C, int batch,
                    int M, int N, int K) {
  if (batch <= 0 || M <= 0 || N <= 0 || K <= 0)
    return;
  const size_t aBytes = size_t(batch) * M * K * sizeof(_Float16);
  const size_t bBytes = size_t(batch) * K * N * sizeof(_Float16);
  const size_t cBytes = size_t(batch) * M * N * sizeof(float);
  _Float16 *d_A, *d_B;
  float *d_C;
  HIP_CHECK(hipMalloc(&d_A, aBytes));
  HIP_CHECK(hipMalloc(&d_B, bBytes));
  HIP_CHECK(hipMalloc(&d_C, cBytes));
  HIP_CHECK(hipMemcpy(d_A, A, aBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_B, B, bBytes, hipMemcpyHostToDevice));

  const dim3 grid((N + kBN - 1) / kBN, (M + kBM - 1) / kBM, batch);
  hipLaunchKernelGGL(bmm_kernel, grid, dim3(kBlock), 0, 0, d_A, d_B, d_C, M, N,
                     K);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(C, d_C, cBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_A));
  HIP_CHECK(hipFree(d_B));
  HIP_CHECK(hipFree(d_C));
}
