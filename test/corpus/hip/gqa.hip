//===- gqa.hip - grouped-query attention (HIP, AMD CDNA) --------*- C++ -*-===//
//
// out[b, h] = softmax(q[b, h] k[b, h/g]^T / sqrt(D)) v[b, h/g], no mask,
// g = Hq / Hkv: consecutive query heads share one kv head.
//   q, out [B, Hq, S, D], k, v [B, Hkv, S, D], fp32; Hq % Hkv == 0.
//
// One workgroup per (query position, kv head, batch) serves the g query heads
// of the group together, so each k and v row is read once for all of them:
//   1. the g scaled query rows go to LDS; each wavefront takes keys in turn
//      and, for every head of the group, strides its lanes over D (k[j] is
//      fetched once and hit in cache for the other heads) and finishes the
//      dot product with a __shfl_xor butterfly; lane 0 stores the score;
//   2. wavefront i normalizes head i (and i + waves, ...): lane-strided max
//      and sum of exponentials with butterflies, probabilities in place;
//   3. each thread owns (head, d) pairs and accumulates p v over the keys.
// Dynamic LDS: g * (D + S) * 4 bytes, so g * (D + S) <= 12288 (48 KiB).
// Any B, S, D >= 1, Hkv >= 1 with Hq % Hkv == 0, S <= 2^31-1, Hkv <= 65535,
// B <= 65535.
//
// extern "C" void gqa(const float *q, const float *k, const float *v,
//                     float *out, int batch, int q_heads, int kv_heads,
//                     int seq, int dim);
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

#include <cmath>

constexpr int kBlock = 256; // 4 wavefronts of 64 lanes

__device__ inline float wave_sum(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v += __shfl_xor(v, offset);
  return v;
}

__device__ inline float wave_max(float v) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    v = fmaxf(v, __shfl_xor(v, offset));
  return v;
}

__global__ void __launch_bounds__(kBlock)
gqa_kernel(const float *__restrict__ q, const float *__restrict__ k,
           const float *__restrict__ v, float *__restrict__ out, int q_heads,
           int kv_heads, int seq, int dim, float scale) {
  extern __shared__ float smem[]; // [group][dim] queries, [group][seq] scores
  const int group = q_heads / kv_heads;
  float *qs = smem;
  float *p = smem + group * dim;

  const int s = blockIdx.x;   // query position
  const int kvh = blockIdx.y; // kv head
  const int b = blockIdx.z;
  const int h0 = kvh * group; // first query head of the group
  const float *kh = k + (size_t(b) * kv_heads + kvh) * seq * dim;
  const float *vh = v + (size_t(b) * kv_heads + kvh) * seq * dim;
  const int lane = threadIdx.x % warpSize;
  const int wave = threadIdx.x / warpSize;
  const int waves = blockDim.x / warpSize;

  // Query rows of the group: q[b, h0 + i, s, :].
  for (int t = threadIdx.x; t < group * dim; t += blockDim.x) {
    const int i = t / dim, d = t % dim;
    qs[t] = q[((size_t(b) * q_heads + h0 + i) * seq + s) * dim + d] * scale;
  }
  __syncthreads();

  // 1. Scores: one key per wavefront at a time, all heads of the group.
  for (int j = wave; j < seq; j += waves) {
    const float *krow = kh + size_t(j) * dim;
    for (int i = 0; i < group; ++i) {
      float dot = 0.0f;
      for (int d = lane; d < dim; d += warpSize)
        dot = fmaf(qs[i * dim + d], krow[d], dot);
      dot = wave_sum(dot);
      if (lane == 0)
        p[i * seq + j] = dot;
    }
  }
  __syncthreads();

  // 2. Softmax of each head's scores, one head per wavefront at a time.
  for (int i = wave; i < group; i += waves) {
    float *pi = p + i * seq;
    float m = -INFINITY;
    for (int j = lane; j < seq; j += warpSize)
      m = fmaxf(m, pi[j]);
    m = wave_max(m);
    float l = 0.0f;
    for (int j = lane; j < seq; j += warpSize)
      l += expf(pi[j] - m);
    const float inv = 1.0f / wave_sum(l);
    for (int j = lane; j < seq; j += warpSize)
      pi[j] = expf(pi[j] - m) * inv;
  }
  __syncthreads();

  // 3. out[b, h0 + i, s, d] = sum_j p[i, j] v[j, d].
  for (int t = threadIdx.x; t < group * dim; t += blockDim.x) {
    const int i = t / dim, d = t % dim;
    const float *pi = p + i * seq;
    float acc = 0.0f;
    for (int j = 0; j < seq; ++j)
      acc = fmaf(pi[j], vh[size_t(j) * dim + d], acc);
    out[((size_t(b) * q_heads + h0 + i) * seq + s) * dim + d] = acc;
  }
}

extern "C" void gqa(const float *q, const float *k, const float *v, float *out,
                    int batch, int q_heads, int kv_heads, int seq, int dim) {
  if (batch <= 0 || q_heads <= 0 || kv_heads <= 0 || seq <= 0 || dim <= 0 ||
      q_heads % kv_heads != 0)
    return;
  const size_t qBytes = size_t(batch) * q_heads * seq * dim * sizeof(float);
  const size_t kvBytes = size_t(batch) * kv_heads * seq * dim * sizeof(float);
  float *d_q, *d_k, *d_v, *d_out;
  HIP_CHECK(hipMalloc(&d_q, qBytes));
  HIP_CHECK(hipMalloc(&d_k, kvBytes));
  HIP_CHECK(hipMalloc(&d_v, kvBytes));
  HIP_CHECK(hipMalloc(&d_out, qBytes));
  HIP_CHECK(hipMemcpy(d_q, q, qBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_k, k, kvBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_v, v, kvBytes, hipMemcpyHostToDevice));

  const int group = q_heads / kv_heads;
  const float scale = 1.0f / std::sqrt(float(dim));
  const size_t ldsBytes = size_t(group) * (dim + seq) * sizeof(float);
  hipLaunchKernelGGL(gqa_kernel, dim3(seq, kv_heads, batch), dim3(kBlock),
                     ldsBytes, 0, d_q, d_k, d_v, d_out, q_heads, kv_heads, seq,
                     dim, scale);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, qBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_q));
  HIP_CHECK(hipFree(d_k));
  HIP_CHECK(hipFree(d_v));
  HIP_CHECK(hipFree(d_out));
}
