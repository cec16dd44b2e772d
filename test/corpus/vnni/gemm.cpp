//===- gemm.cpp - quantized matrix product, AVX-512 VNNI --------*- C++ -*-===//
//
// C[M, N] = A[M, K] · B[K, N] in int8 arithmetic, row-major:
//
//   extern "C" void gemm(const uint8_t *A, const int8_t *B, int32_t *C,
//                        int M, int N, int K);
//
// uint8 activations A × int8 weights B accumulated in int32 (the VNNI
// variant of the default fp32 signature; checked against ref::gemm_u8s8).
// Sums wrap modulo 2^32 like vpdpbusd.
//
// B is first packed into the VNNI layout (four consecutive k of one column
// in each 32-bit lane, zero-padded to whole groups of 4 and whole vectors of
// 16 columns). Then each _mm512_dpbusd_epi32 multiplies the broadcast bytes
// A[m, 4g .. 4g+3] with 16 columns' B[4g .. 4g+3, n] and adds the four
// products into the 16 int32 accumulators of C[m, n .. n+16]. The K % 4 tail
// is read with zeros past the row; the N % 16 tail is written with a masked
// store. OpenMP over the rows of C.
//
//===----------------------------------------------------------------------===//

#include <cstdint>
#include <cstring>
#include <immintrin.h>
#include <vector>

/// The bytes p[0, min(len, 4)) as one 32-bit lane, byte r in bits 8r..8r+7
/// and zeros past `len` (a K tail never reads beyond the row).
static inline int32_t load_bytes4(const void *p, int len) {
  uint32_t v = 0;
  if (len >= 4) {
    std::memcpy(&v, p, 4);
  } else {
    for (int r = 0; r < len; ++r)
      v |= (uint32_t)((const uint8_t *)p)[r] << (8 * r);
  }
  return (int32_t)v;
}

/// Packs B [K, N] (int8, row-major) into the VNNI layout Bp [K4][Np][4],
/// K4 = ceil(K/4), Np = N rounded up to 16: Bp[g][n][r] = B[4g + r, n], zero
/// where 4g + r >= K or n >= N. One 64-byte row Bp[g][n .. n+16][0..4) is then
/// the b operand of _mm512_dpbusd_epi32 for 16 output columns.
static void gemm_pack_kernel(const int8_t *B, int8_t *Bp, int N, int K,
                             int Np) {
  const int K4 = (K + 3) / 4;
#pragma omp parallel for
  for (int g = 0; g < K4; ++g)
    for (int n = 0; n < Np; ++n)
      for (int r = 0; r < 4; ++r) {
        const int k = 4 * g + r;
        Bp[((size_t)g * Np + n) * 4 + r] =
            (k < K && n < N) ? B[(size_t)k * N + n] : (int8_t)0;
      }
}

/// One row of C: C[0, N) = A[0, K) · B with B packed by gemm_pack_kernel.
static inline void gemm_row(const uint8_t *A, const int8_t *Bp, int32_t *C,
                            int N, int K, int Np) {
  const int K4 = (K + 3) / 4;
  for (int n = 0; n < N; n += 16) {
    __m512i acc = _mm512_setzero_si512();
    for (int g = 0; g < K4; ++g) {
      // Four consecutive activations A[4g .. 4g+3], broadcast to all lanes.
      __m512i a = _mm512_set1_epi32(load_bytes4(A + 4 * g, K - 4 * g));
      __m512i b = _mm512_loadu_si512(Bp + ((size_t)g * Np + n) * 4);
      acc = _mm512_dpbusd_epi32(acc, a, b);
    }
    if (N - n >= 16)
      _mm512_storeu_si512(C + n, acc);
    else
      _mm512_mask_storeu_epi32(C + n, (__mmask16)((1u << (N - n)) - 1), acc);
  }
}

static void gemm_kernel(const uint8_t *A, const int8_t *Bp, int32_t *C, int M,
                        int N, int K, int Np) {
#pragma omp parallel for
  for (int m = 0; m < M; ++m)
    gemm_row(A + (size_t)m * K, Bp, C + (size_t)m * N, N, K, Np);
}

extern "C" void gemm(const uint8_t *A, const int8_t *B, int32_t *C, int M,
                     int N, int K) {
  const int Np = (N + 15) / 16 * 16;
  std::vector<int8_t> Bp((size_t)(K + 3) / 4 * Np * 4);
  gemm_pack_kernel(B, Bp.data(), N, K, Np);
  gemm_kernel(A, Bp.data(), C, M, N, K, Np);
}
