//===- mha.cu - multi-head attention with online softmax -------*- CUDA -*-===//
//
// out[b, h] = softmax(q[b, h] · k[b, h]^T / sqrt(D)) · v[b, h], no mask,
// with q, k, v, out [B, H, S, D] row-major fp32 (softmax over the keys).
//
// Fused, flash-attention style: scores never go to global memory. Grid
// (query tiles of 8, B*H); each of the block's 8 warps owns one query row.
// The block walks the keys in tiles of 32: it stages K and V tiles in
// dynamic shared memory (the tiles are contiguous in global memory, so the
// copy is coalesced; K rows are padded by one float so that lanes reading
// different keys hit different banks), then in each warp lane j scores key
// j against the warp's query, and the warp updates a running max m and
// running sum l of exponentials (online softmax: earlier terms are rescaled
// by exp(m_old - m_new)) and its output row, which lives in registers,
// D/32 values per lane; the probabilities reach all lanes by __shfl_sync.
// Any B, H, S; precondition D <= 128 (MAX_DIM; checked by the launcher).
//
// extern "C" void mha(const float *q, const float *k, const float *v,
//                     float *out, int batch, int heads, int seq, int dim);
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CUDA_CHECK(call)                                                       \
  do {                                                                         \
    cudaError_t err_ = (call);                                                 \
    if (err_ != cudaSuccess) {                                                 \
      std::fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,       \
                   cudaGetErrorString(err_));                                  \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

#define WARPS 8                   // query rows per block
#define WARP 32
#define THREADS (WARPS * WARP)
#define KV_TILE 32                // keys per tile: one per lane
#define MAX_DIM 128
#define DIM_PER_LANE (MAX_DIM / WARP)
#define FULL_MASK 0xffffffffu

static __device__ float warp_max(float v) {
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v = fmaxf(v, __shfl_xor_sync(FULL_MASK, v, offset));
  return v;
}

static __device__ float warp_sum(float v) {
  for (int offset = WARP / 2; offset > 0; offset /= 2)
    v += __shfl_xor_sync(FULL_MASK, v, offset);
  return v;
}

__global__ void __launch_bounds__(THREADS)
mha_kernel(const float *__restrict__ q, const float *__restrict__ k,
           const float *__restrict__ v, float *__restrict__ out, int seq,
           int dim, float scale) {
  extern __shared__ float smem[];
  float *Qs = smem;                     // [WARPS][dim], pre-scaled queries
  float *Ks = Qs + WARPS * dim;         // [KV_TILE][dim + 1]
  float *Vs = Ks + KV_TILE * (dim + 1); // [KV_TILE][dim]

  const int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP;
  const size_t base = size_t(blockIdx.y) * seq * dim; // this (b, h)
  const int row = blockIdx.x * WARPS + warp;
  const bool active = row < seq; // uniform across the warp

  float *qs = Qs + warp * dim;
  if (active)
    for (int d = lane; d < dim; d += WARP)
      qs[d] = q[base + size_t(row) * dim + d] * scale;

  float m = -INFINITY, l = 0.0f;
  float acc[DIM_PER_LANE];
#pragma unroll
  for (int t = 0; t < DIM_PER_LANE; ++t)
    acc[t] = 0.0f;

  for (int j0 = 0; j0 < seq; j0 += KV_TILE) {
    const int tile = min(KV_TILE, seq - j0);
    const float *kt = k + base + size_t(j0) * dim;
    const float *vt = v + base + size_t(j0) * dim;
    for (int e = threadIdx.x; e < tile * dim; e += THREADS) {
      int j = e / dim, d = e % dim;
      Ks[j * (dim + 1) + d] = kt[e];
      Vs[e] = vt[e];
    }
    __syncthreads(); // also publishes Qs on the first tile

    if (active) {
      float s = -INFINITY; // lanes past the last key contribute exp(-inf) = 0
      if (lane < tile) {
        const float *kr = Ks + lane * (dim + 1);
        float dot = 0.0f;
        for (int d = 0; d < dim; ++d)
          dot += qs[d] * kr[d];
        s = dot;
      }
      const float m_new = fmaxf(m, warp_max(s));
      const float p = expf(s - m_new);
      const float alpha = expf(m - m_new); // 0 on the first tile
      l = l * alpha + warp_sum(p);
#pragma unroll
      for (int t = 0; t < DIM_PER_LANE; ++t)
        acc[t] *= alpha;
      for (int j = 0; j < tile; ++j) {
        const float pj = __shfl_sync(FULL_MASK, p, j);
#pragma unroll
        for (int t = 0; t < DIM_PER_LANE; ++t) {
          int d = lane + t * WARP;
          if (d < dim)
            acc[t] += pj * Vs[j * dim + d];
        }
      }
      m = m_new;
    }
    __syncthreads(); // the tiles are overwritten by the next step
  }

  if (active) {
    const float inv = 1.0f / l;
#pragma unroll
    for (int t = 0; t < DIM_PER_LANE; ++t) {
      int d = lane + t * WARP;
      if (d < dim)
        out[base + size_t(row) * dim + d] = acc[t] * inv;
    }
  }
}

extern "C" void mha(const float *q, const float *k, const float *v, float *out,
                    int batch, int heads, int seq, int dim) {
  if (batch <= 0 || heads <= 0 || seq <= 0 || dim <= 0)
    return;
  if (dim > MAX_DIM) {
    std::fprintf(stderr, "mha: dim %d exceeds %d\n", dim, MAX_DIM);
    std::exit(1);
  }
  size_t bytes = size_t(batch) * heads * seq * dim * sizeof(float);
  float *dq, *dk, *dv, *dout;
  CUDA_CHECK(cudaMalloc(&dq, bytes));
  CUDA_CHECK(cudaMalloc(&dk, bytes));
  CUDA_CHECK(cudaMalloc(&dv, bytes));
  CUDA_CHECK(cudaMalloc(&dout, bytes));
  CUDA_CHECK(cudaMemcpy(dq, q, bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dk, k, bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dv, v, bytes, cudaMemcpyHostToDevice));
  size_t shared_bytes =
      (size_t(WARPS) * dim + KV_TILE * (dim + 1) + KV_TILE * dim) *
      sizeof(float);
  dim3 grid((seq + WARPS - 1) / WARPS, batch * heads);
  mha_kernel<<<grid, THREADS, shared_bytes>>>(dq, dk, dv, dout, seq, dim,
                                              1.0f / sqrtf(float(dim)));
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dq));
  CUDA_CHECK(cudaFree(dk));
  CUDA_CHECK(cudaFree(dv));
  CUDA_CHECK(cudaFree(dout));
}
