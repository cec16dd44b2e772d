//===- mfma_emu.h - MFMA builtins emulated on NVIDIA GPUs -------*- C++ -*-===//
//
// Test aid for the corpus MFMA kernels (gemm, bmm, dense, gatemlp): lets
// clang compile them as CUDA for an NVIDIA GPU and run them there, so their
// tiling, staging, edge handling and epilogues are checked against the
// reference even where no AMD GPU is available. Force-included with
// `-include`; the builtins become functions that implement the documented
// per-lane operand layouts of the CDNA instructions (the same layouts the
// kernels' header comments state) with shared memory.
//
// A "wavefront" is 64 consecutive threads of a one-dimensional block, as on
// CDNA. Every thread of the block must call each emulated MFMA the same
// number of times (true of the corpus kernels: their MFMAs are outside
// divergent code), because the exchange uses __syncthreads(). At most
// kEmuMaxWaves wavefronts per block.
//
// What this cannot check: that the layouts themselves match the hardware.
// Those come from AMD's documentation (CDNA ISA guides, the matrix
// instruction calculator); see README.md.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_HIP_MFMA_EMU_H
#define XPILER_CORPUS_HIP_MFMA_EMU_H

#define __builtin_amdgcn_mfma_f32_16x16x16f16 emu_mfma_f32_16x16x16f16
#define __builtin_amdgcn_mfma_f32_32x32x8f16 emu_mfma_f32_32x32x8f16
#define __builtin_amdgcn_mfma_f32_16x16x4f32 emu_mfma_f32_16x16x4f32

namespace mfma_emu {
constexpr int kWave = 64;
constexpr int kEmuMaxWaves = 4;

// D = A[M x K] B[K x N] + C for one wavefront. loadA/loadB scatter this
// lane's operand elements into the wavefront's A and B tiles; the result
// element i of this lane is D[rowOf(i)][colOf(i)].
template <int M, int N, int K, class CD, class LoadA, class LoadB, class Row,
          class Col>
__device__ CD mma(CD c, int elems, LoadA loadA, LoadB loadB, Row rowOf,
                  Col colOf) {
  __shared__ float sa[kEmuMaxWaves][M][K];
  __shared__ float sb[kEmuMaxWaves][K][N];
  const int lane = threadIdx.x % kWave, w = threadIdx.x / kWave;
  if (w >= kEmuMaxWaves)
    __trap();
  loadA(sa[w], lane);
  loadB(sb[w], lane);
  __syncthreads();
  for (int i = 0; i < elems; ++i) {
    float s = 0.0f;
    for (int k = 0; k < K; ++k)
      s += sa[w][rowOf(i, lane)][k] * sb[w][k][colOf(i, lane)];
    c[i] += s;
  }
  __syncthreads(); // the tiles are reused by the next call
  return c;
}
} // namespace mfma_emu

// a[i] = A[l % 16][4 (l / 16) + i], b[i] = B[4 (l / 16) + i][l % 16],
// d[i] = D[4 (l / 16) + i][l % 16].
template <class AB, class CD>
__device__ CD emu_mfma_f32_16x16x16f16(AB a, AB b, CD c, int, int, int) {
  return mfma_emu::mma<16, 16, 16>(
      c, 4,
      [&](float (*A)[16], int l) {
        for (int i = 0; i < 4; ++i)
          A[l % 16][4 * (l / 16) + i] = float(a[i]);
      },
      [&](float (*B)[16], int l) {
        for (int i = 0; i < 4; ++i)
          B[4 * (l / 16) + i][l % 16] = float(b[i]);
      },
      [](int i, int l) { return 4 * (l / 16) + i; },
      [](int, int l) { return l % 16; });
}

// a[i] = A[l % 32][4 (l / 32) + i], b[i] = B[4 (l / 32) + i][l % 32],
// d[4 g + i] = D[8 g + 4 (l / 32) + i][l % 32].
template <class AB, class CD>
__device__ CD emu_mfma_f32_32x32x8f16(AB a, AB b, CD c, int, int, int) {
  return mfma_emu::mma<32, 32, 8>(
      c, 16,
      [&](float (*A)[8], int l) {
        for (int i = 0; i < 4; ++i)
          A[l % 32][4 * (l / 32) + i] = float(a[i]);
      },
      [&](float (*B)[32], int l) {
        for (int i = 0; i < 4; ++i)
          B[4 * (l / 32) + i][l % 32] = float(b[i]);
      },
      [](int e, int l) { return 8 * (e / 4) + 4 * (l / 32) + e % 4; },
      [](int, int l) { return l % 32; });
}

// a = A[l % 16][l / 16], b = B[l / 16][l % 16],
// d[i] = D[4 (l / 16) + i][l % 16].
template <class CD>
__device__ CD emu_mfma_f32_16x16x4f32(float a, float b, CD c, int, int, int) {
  return mfma_emu::mma<16, 16, 4>(
      c, 4, [&](float (*A)[4], int l) { A[l % 16][l / 16] = a; },
      [&](float (*B)[16], int l) { B[l / 16][l % 16] = b; },
      [](int i, int l) { return 4 * (l / 16) + i; },
      [](int, int l) { return l % 16; });
}

#endif // XPILER_CORPUS_HIP_MFMA_EMU_H
