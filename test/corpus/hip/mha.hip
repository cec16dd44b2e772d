//===- mha.hip - multi-head attention (HIP, AMD CDNA) -----------*- C++ -*-===//
//
// out[b, h] = softmax(q[b, h] k[b, h]^T / sqrt(D)) v[b, h], no mask;
//   q, k, v, out [B, H, S, D] fp32 (B = batch, H = heads, S = seq, D = dim).
//
// One workgroup per query row (grid: S x B*H), in three phases:
//   1. the scaled query row goes to LDS; each wavefront takes keys in turn,
//      its lanes stride over D (coalesced reads of k) and a __shfl_xor
//      butterfly finishes the dot product; lane 0 stores the score in LDS;
//   2. the row maximum and the sum of exponentials are workgroup reductions
//      (wavefront butterflies, then one partial per wavefront in LDS), and
//      the scores become unnormalized probabilities in place;
//   3. each thread owns output columns d and accumulates p[j] v[j, d] over
//      the keys (p read from LDS as a broadcast, v coalesced along d).
// Dynamic LDS holds the query row and the S scores: (D + S) * 4 bytes, so
// D + S <= 12288 (48 KiB, the default dynamic LDS limit of a launch).
// Any B, H, S, D >= 1 with B*H <= 65535.
//
// extern "C" void mha(const float *q, const float *k, const float *v,
//                     float *out, int batch, int heads, int seq, int dim);
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

constexpr int kBlock = 256;      // 4 wavefronts of 64 lanes
constexpr int kMinWaveSize = 32; // sizes the per-wavefront LDS slots

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

// Workgroup reductions returned to every thread; all threads must call them.
__device__ float block_max(float v, float *partial) {
  v = wave_max(v);
  if (threadIdx.x % warpSize == 0)
    partial[threadIdx.x / warpSize] = v;
  __syncthreads();
  float m = -INFINITY;
  for (int w = 0; w < blockDim.x / warpSize; ++w)
    m = fmaxf(m, partial[w]);
  __syncthreads();
  return m;
}

__device__ float block_sum(float v, float *partial) {
  v = wave_sum(v);
  if (threadIdx.x % warpSize == 0)
    partial[threadIdx.x / warpSize] = v;
  __syncthreads();
  float s = 0.0f;
  for (int w = 0; w < blockDim.x / warpSize; ++w)
    s += partial[w];
  __syncthreads();
  return s;
}

__global__ void __launch_bounds__(kBlock)
mha_kernel(const float *__restrict__ q, const float *__restrict__ k,
           const float *__restrict__ v, float *__restrict__ out, int seq,
           int dim, float scale) {
  extern __shared__ float smem[]; // [dim] query row, then [seq] scores
  float *qs = smem;
  float *p = smem + dim;
  __shared__ float partial[kBlock / kMinWaveSize];

  const int s = blockIdx.x;  // query position
  const int bh = blockIdx.y; // b * heads + h
  const size_t head = size_t(bh) * seq * dim;
  const float *qrow = q + head + size_t(s) * dim;
  const float *kh = k + head;
  const float *vh = v + head;
  const int lane = threadIdx.x % warpSize;
  const int wave = threadIdx.x / warpSize;
  const int waves = blockDim.x / warpSize;

  for (int d = threadIdx.x; d < dim; d += blockDim.x)
    qs[d] = qrow[d] * scale;
  __syncthreads();

  // 1. Scores, one key per wavefront at a time.
  for (int j = wave; j < seq; j += waves) {
    const float *krow = kh + size_t(j) * dim;
    float dot = 0.0f;
    for (int d = lane; d < dim; d += warpSize)
      dot = fmaf(qs[d], krow[d], dot);
    dot = wave_sum(dot);
    if (lane == 0)
      p[j] = dot;
  }
  __syncthreads();

  // 2. Softmax numerators and their sum.
  float m = -INFINITY;
  for (int j = threadIdx.x; j < seq; j += blockDim.x)
    m = fmaxf(m, p[j]);
  m = block_max(m, partial);
  float l = 0.0f;
  for (int j = threadIdx.x; j < seq; j += blockDim.x) {
    const float e = expf(p[j] - m);
    p[j] = e;
    l += e;
  }
  l = block_sum(l, partial); // its barriers also publish p
  const float inv = 1.0f / l;

  // 3. Weighted sum of the value rows.
  float *orow = out + head + size_t(s) * dim;
  for (int d = threadIdx.x; d < dim; d += blockDim.x) {
    float acc = 0.0f;
    for (int j = 0; j < seq; ++j)
      acc = fmaf(p[j], vh[size_t(j) * dim + d], acc);
    orow[d] = acc * inv;
  }
}

extern "C" void mha(const float *q, const float *k, const float *v, float *out,
                    int batch, int heads, int seq, int dim) {
  if (batch <= 0 || heads <= 0 || seq <= 0 || dim <= 0)
    return;
  const size_t bytes = size_t(batch) * heads * seq * dim * sizeof(float);
  float *d_q, *d_k, *d_v, *d_out;
  HIP_CHECK(hipMalloc(&d_q, bytes));
  HIP_CHECK(hipMalloc(&d_k, bytes));
  HIP_CHECK(hipMalloc(&d_v, bytes));
  HIP_CHECK(hipMalloc(&d_out, bytes));
  HIP_CHECK(hipMemcpy(d_q, q, bytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_k, k, bytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_v, v, bytes, hipMemcpyHostToDevice));

  const float scale = 1.0f / std::sqrt(float(dim));
  const size_t ldsBytes = size_t(dim + seq) * sizeof(float);
  hipLaunchKernelGGL(mha_kernel, dim3(seq, batch * heads), dim3(kBlock),
                     ldsBytes, 0, d_q, d_k, d_v, d_out, seq, dim, scale);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, bytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_q));
  HIP_CHECK(hipFree(d_k));
  HIP_CHECK(hipFree(d_v));
  HIP_CHECK(hipFree(d_out));
}
