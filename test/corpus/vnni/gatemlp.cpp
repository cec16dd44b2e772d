//===- gatemlp.cpp - gated MLP, AVX-512 -------------------------*- C++ -*-===//
//
// y[m, n] = silu(g) · u with g = x[m, :]·Wg[n, :], u = x[m, :]·Wu[n, :],
// silu(v) = v / (1 + e^-v); x [M, K], Wg and Wu [N, K] (the [out, in] layout
// of a linear layer), y [M, N], fp32 row-major.
//
// Both weights are K-contiguous like x, so each output is two dot products
// that share the x loads: 16 lanes of K per step, one _mm512_fmadd_ps into
// each accumulator, _mm512_reduce_add_ps at the end and a scalar loop for the
// K % 16 tail. The activation is applied once per output, in scalar code with
// std::exp (AVX-512F has no exp instruction and it is O(M·N) work against
// the O(M·N·K) of the products). OpenMP over the (m, n) outputs (collapsed).
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>

static void gatemlp_kernel(const float *x, const float *Wg, const float *Wu,
                           float *y, int M, int N, int K) {
  const int kvec = K / 16 * 16;
#pragma omp parallel for collapse(2)
  for (int m = 0; m < M; ++m)
    for (int n = 0; n < N; ++n) {
      const float *xr = x + (size_t)m * K;
      const float *gr = Wg + (size_t)n * K;
      const float *ur = Wu + (size_t)n * K;
      __m512 gacc = _mm512_setzero_ps();
      __m512 uacc = _mm512_setzero_ps();
      for (int k = 0; k < kvec; k += 16) {
        __m512 xv = _mm512_loadu_ps(xr + k);
        gacc = _mm512_fmadd_ps(xv, _mm512_loadu_ps(gr + k), gacc);
        uacc = _mm512_fmadd_ps(xv, _mm512_loadu_ps(ur + k), uacc);
      }
      float g = _mm512_reduce_add_ps(gacc);
      float u = _mm512_reduce_add_ps(uacc);
      for (int k = kvec; k < K; ++k) {
        g += xr[k] * gr[k];
        u += xr[k] * ur[k];
      }
      y[(size_t)m * N + n] = g / (1.0f + std::exp(-g)) * u;
    }
}

extern "C" void gatemlp(const float *x, const float *Wg, const float *Wu,
                        float *y, int M, int N, int K) {
  gatemlp_kernel(x, Wg, Wu, y, M, N, K);
}
