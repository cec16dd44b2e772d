//===- gqa.cpp - grouped-query attention, AVX-512 ---------------*- C++ -*-===//
//
// out[b, h] = softmax(q[b, h]·k[b, h/g]ᵀ / √D)·v[b, h/g] without mask,
// g = Hq / Hkv (Hq % Hkv == 0: consecutive query heads share a kv head);
// q, out [B, Hq, S, D], k, v [B, Hkv, S, D] fp32 row-major.
//
// As mha.cpp, with the kv head picked per query head: one OpenMP iteration
// per query row (b, h, i), collapsed, each thread with its own scratch row of
// S probabilities. A row takes three steps: S dot products over D
// (_mm512_fmadd_ps, _mm512_reduce_add_ps, scalar D % 16 tail); the
// max-subtracted exponentials, 16 at a time by a polynomial (exp512_ps below:
// AVX-512F has no exp instruction; masked S % 16 tail) and their sum; then
// Σ_j p_j·v_j, 16 output lanes in a register across j, scaled by 1/Σp
// (scalar D % 16 tail).
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <immintrin.h>
#include <vector>

/// e^x for every lane, by a polynomial (AVX-512F has no exp instruction):
/// x = n·ln2 + r with n = round(x·log2 e) and |r| <= ln2/2, e^r by the
/// Cephes expf polynomial 1 + r + r²·P5(r) by FMAs (relative error
/// about 2e-7), then e^x = e^r·2^n by _mm512_scalef_ps. x is clamped to
/// [-87.3, 88.7], the range where e^x is a normal float.
static inline __m512 exp512_ps(__m512 x) {
  x = _mm512_min_ps(_mm512_max_ps(x, _mm512_set1_ps(-87.3f)),
                    _mm512_set1_ps(88.7f));
  __m512 n = _mm512_cvtepi32_ps(
      _mm512_cvtps_epi32(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504f))));
  // r = x - n·ln2, ln2 split in two parts so that n·ln2_hi is exact.
  __m512 r = _mm512_fmadd_ps(n, _mm512_set1_ps(-0.693359375f), x);
  r = _mm512_fmadd_ps(n, _mm512_set1_ps(2.12194440e-4f), r);
  __m512 p = _mm512_set1_ps(1.9875691500e-4f);
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
  // e^r = 1 + r + r²·p(r)
  __m512 r2 = _mm512_mul_ps(r, r);
  p = _mm512_fmadd_ps(p, r2, _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
  return _mm512_scalef_ps(p, n);
}

/// One query row of attention: o[0, D) = softmax(q·Kᵀ·scale)·V with K, V
/// [S, D] row-major, p[0, S) scratch for the probabilities.
static void attention_row(const float *q, const float *K, const float *V,
                          float *o, float *p, int S, int D, float scale) {
  const int dvec = D / 16 * 16;
  const int svec = S / 16 * 16;
  const __mmask16 stail = (__mmask16)((1u << (S - svec)) - 1);

  // Scores q·k_j·scale: dot products over D, 16 lanes at a time.
  float mx = -INFINITY;
  for (int j = 0; j < S; ++j) {
    const float *kj = K + (size_t)j * D;
    __m512 acc = _mm512_setzero_ps();
    for (int d = 0; d < dvec; d += 16)
      acc =
          _mm512_fmadd_ps(_mm512_loadu_ps(q + d), _mm512_loadu_ps(kj + d), acc);
    float s = _mm512_reduce_add_ps(acc);
    for (int d = dvec; d < D; ++d)
      s += q[d] * kj[d];
    p[j] = s * scale;
    mx = p[j] > mx ? p[j] : mx;
  }

  // p_j = e^(s_j - max), 16 scores at a time (masked tail), and their sum.
  const __m512 vmx = _mm512_set1_ps(mx);
  __m512 vsum = _mm512_setzero_ps();
  for (int j = 0; j < svec; j += 16) {
    __m512 e = exp512_ps(_mm512_sub_ps(_mm512_loadu_ps(p + j), vmx));
    _mm512_storeu_ps(p + j, e);
    vsum = _mm512_add_ps(vsum, e);
  }
  if (stail) {
    __m512 e =
        exp512_ps(_mm512_sub_ps(_mm512_maskz_loadu_ps(stail, p + svec), vmx));
    _mm512_mask_storeu_ps(p + svec, stail, e);
    vsum = _mm512_mask_add_ps(vsum, stail, vsum, e);
  }
  const float inv = 1.0f / _mm512_reduce_add_ps(vsum);

  // o = Σ_j p_j·v_j / Σ p: 16 output lanes held in a register across j.
  for (int d = 0; d < dvec; d += 16) {
    __m512 acc = _mm512_setzero_ps();
    for (int j = 0; j < S; ++j)
      acc = _mm512_fmadd_ps(_mm512_set1_ps(p[j]),
                            _mm512_loadu_ps(V + (size_t)j * D + d), acc);
    _mm512_storeu_ps(o + d, _mm512_mul_ps(acc, _mm512_set1_ps(inv)));
  }
  for (int d = dvec; d < D; ++d) {
    float acc = 0.0f;
    for (int j = 0; j < S; ++j)
      acc += p[j] * V[(size_t)j * D + d];
    o[d] = acc * inv;
  }
}

static void gqa_kernel(const float *q, const float *k, const float *v,
                       float *out, int batch, int q_heads, int kv_heads,
                       int seq, int dim) {
  const int group = q_heads / kv_heads;
  const float scale = 1.0f / std::sqrt((float)dim);
  const size_t head_size = (size_t)seq * dim;
#pragma omp parallel
  {
    std::vector<float> p(seq);
#pragma omp for collapse(3)
    for (int b = 0; b < batch; ++b)
      for (int h = 0; h < q_heads; ++h)
        for (int i = 0; i < seq; ++i) {
          const size_t qh = ((size_t)b * q_heads + h) * head_size;
          const size_t kvh = ((size_t)b * kv_heads + h / group) * head_size;
          attention_row(q + qh + (size_t)i * dim, k + kvh, v + kvh,
                        out + qh + (size_t)i * dim, p.data(), seq, dim, scale);
        }
  }
}

extern "C" void gqa(const float *q, const float *k, const float *v, float *out,
                    int batch, int q_heads, int kv_heads, int seq, int dim) {
  gqa_kernel(q, k, v, out, batch, q_heads, kv_heads, seq, dim);
}
