//===- bmm.cpp - quantized batched matrix product, AVX-512 VNNI -*- C++ -*-===//
//
// C[b] = A[b] · B[b] for b < batch; A [batch, M, K], B [batch, K, N],
// C [batch, M, N], row-major, batches contiguous, in int8 arithmetic:
//
//   extern "C" void bmm(const uint8_t *A, const int8_t *B, int32_t *C,
//                       int batch, int M, int N, int K);
//
// uint8 activations × int8 weights accumulated in int32 (the VNNI variant of
// the default fp32 signature; checked against ref::bmm_u8s8). Sums wrap
// modulo 2^32 like vpdpbusd.
//
// As gemm.cpp, per batch: each B[b] is packed into the VNNI layout (four
// consecutive k of one column per 32-bit lane, zero-padded), then every
// _mm512_dpbusd_epi32 multiplies four broadcast bytes of A[b, m, :] with 16
// columns and accumulates C[b, m, n .. n+16] in int32 lanes. K % 4 tail read
// with zeros, N % 16 tail written with a masked store. OpenMP over the
// (b, m) rows, collapsed.
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
static void bmm_pack_kernel(const int8_t *B, int8_t *Bp, int N, int K, int Np) {
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

/// One row of C: C[0, N) = A[0, K) · B with B packed by bmm_pack_kernel.
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

static void bmm_kernel(const uint8_t *A, const int8_t *Bp, int32_t *C,
                       int batch, int M, int N, int K, int Np) {
  const size_t bp_size = (size_t)(K + 3) / 4 * Np * 4;
#pragma omp parallel for collapse(2)
  for (int b = 0; b < batch; ++b)
    for (int m = 0; m < M; ++m)
      gemm_row(A + ((size_t)b * M + m) * K, Bp + b * bp_size,
               C + ((size_t)b * M + m) * N, N, K, Np);
}

extern "C" void bmm(const uint8_t *A, const int8_t *B, int32_t *C, int batch,
                    int M, int N, int K) {
  const int Np = (N + 15) / 16 * 16;
  const size_t bp_size = (size_t)(K + 3) / 4 * Np * 4;
  std::vector<int8_t> Bp(batch * bp_size);
  for (int b = 0; b < batch; ++b)
    bmm_pack_kernel(B + (size_t)b * K * N, Bp.data() + b * bp_size, N, K, Np);
  bmm_kernel(A, Bp.data(), C, batch, M, N, K, Np);
}
