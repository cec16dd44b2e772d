//===- deformable_attention.cu - MSDeformAttn, one level -------*- CUDA -*-===//
//
// Single-level multi-scale deformable attention (Deformable DETR):
//   value[B, H*W, heads, dim]   (spatial index y*W + x)
//   loc  [B, Q, heads, P, 2]    (x, y) normalized to [0, 1]
//   attn [B, Q, heads, P]
//   out  [B, Q, heads, dim] = sum_p attn[b, q, h, p] ·
//                             bilinear(value[b, :, h, :], x*W - 0.5, y*H - 0.5)
// all fp32. bilinear() samples the H x W grid at a fractional pixel position
// (pixel centres at integers, align_corners=false) and reads 0 for every
// corner outside the grid.
//
// One thread per output element, dim fastest (like ms_deform_attn_im2col of
// the original implementation): the threads of a (b, q, h) read the same
// sampling locations and weights (broadcasts) and neighbouring channels of
// each corner of value, so the value gathers are coalesced runs along dim.
// A grid-stride loop covers any shape.
//
// extern "C" void deformable_attention(const float *value, const float *loc,
//                                      const float *attn, float *out,
//                                      int batch, int H, int W, int heads,
//                                      int dim, int queries, int points);
//
//===----------------------------------------------------------------------===//

#include <algorithm>
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

#define THREADS 256

// The value at pixel (y, x) of one (batch, head, channel) plane whose pixels
// are `pixel_stride` floats apart, or 0 outside the grid.
static __device__ float corner(const float *__restrict__ plane, int H,
                               int W, int pixel_stride, int y, int x) {
  if (x < 0 || x >= W || y < 0 || y >= H)
    return 0.0f;
  return plane[(size_t(y) * W + x) * pixel_stride];
}

__global__ void __launch_bounds__(THREADS)
deformable_attention_kernel(const float *__restrict__ value,
                            const float *__restrict__ loc,
                            const float *__restrict__ attn,
                            float *__restrict__ out, int H, int W, int heads,
                            int dim, int queries, int points, int total) {
  for (int e = blockIdx.x * blockDim.x + threadIdx.x; e < total;
       e += gridDim.x * blockDim.x) {
    // e = ((b * queries + q) * heads + h) * dim + d
    const int d = e % dim, bqh = e / dim;
    const int h = bqh % heads, b = bqh / heads / queries;
    const float *plane = value + size_t(b) * H * W * heads * dim + h * dim + d;
    const int pixel_stride = heads * dim;
    float acc = 0.0f;
    for (int p = 0; p < points; ++p) {
      const int at = bqh * points + p; // index into attn, and loc / 2
      const float x = loc[2 * at] * W - 0.5f;
      const float y = loc[2 * at + 1] * H - 0.5f;
      const float xf = floorf(x), yf = floorf(y);
      const int x0 = int(xf), y0 = int(yf);
      const float fx = x - xf, fy = y - yf;
      const float v00 = corner(plane, H, W, pixel_stride, y0, x0);
      const float v01 = corner(plane, H, W, pixel_stride, y0, x0 + 1);
      const float v10 = corner(plane, H, W, pixel_stride, y0 + 1, x0);
      const float v11 = corner(plane, H, W, pixel_stride, y0 + 1, x0 + 1);
      const float sample = (1.0f - fy) * ((1.0f - fx) * v00 + fx * v01) +
                           fy * ((1.0f - fx) * v10 + fx * v11);
      acc += attn[at] * sample;
    }
    out[e] = acc;
  }
}

extern "C" void deformable_attention(const float *value, const float *loc,
                                     const float *attn, float *out, int batch,
                                     int H, int W, int heads, int dim,
                                     int queries, int points) {
  if (batch <= 0 || H <= 0 || W <= 0 || heads <= 0 || dim <= 0 ||
      queries <= 0 || points <= 0)
    return;
  const int total = batch * queries * heads * dim;
  size_t value_bytes = size_t(batch) * H * W * heads * dim * sizeof(float);
  size_t attn_bytes = size_t(batch) * queries * heads * points * sizeof(float);
  size_t loc_bytes = 2 * attn_bytes;
  size_t out_bytes = size_t(total) * sizeof(float);
  float *dvalue, *dloc, *dattn, *dout;
  CUDA_CHECK(cudaMalloc(&dvalue, value_bytes));
  CUDA_CHECK(cudaMalloc(&dloc, loc_bytes));
  CUDA_CHECK(cudaMalloc(&dattn, attn_bytes));
  CUDA_CHECK(cudaMalloc(&dout, out_bytes));
  CUDA_CHECK(cudaMemcpy(dvalue, value, value_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dloc, loc, loc_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dattn, attn, attn_bytes, cudaMemcpyHostToDevice));
  int blocks = std::min((total + THREADS - 1) / THREADS, 65535);
  deformable_attention_kernel<<<blocks, THREADS>>>(
      dvalue, dloc, dattn, dout, H, W, heads, dim, queries, points, total);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(out, dout, out_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dvalue));
  CUDA_CHECK(cudaFree(dloc));
  CUDA_CHECK(cudaFree(dattn));
  CUDA_CHECK(cudaFree(dout));
}
