//===- deformable_attention.hip - MSDeformAttn, one level (HIP) -*- C++ -*-===//
//
// Single-level multi-scale deformable attention (Deformable DETR):
//   out[b, q, h, :] = sum_p attn[b, q, h, p]
//                     * bilinear(value[b, :, h, :], x W - 0.5, y H - 0.5)
// with (x, y) = loc[b, q, h, p, :] normalized to [0, 1];
//   value [B, H*W, heads, dim] (spatial index y*W + x),
//   loc [B, Q, heads, P, 2], attn [B, Q, heads, P], out [B, Q, heads, dim],
//   fp32.
// bilinear() samples the H x W grid with pixel centres at integer
// coordinates (grid_sample, align_corners = false) and reads 0 for every
// corner outside the grid (zero padding).
//
// One thread per output element, dim fastest: the lanes of a wavefront share
// (b, q, head), so the sampling location and attention weight of each point
// are the same address in every lane (a broadcast), and the four corner rows
// of value are read along dim (coalesced). Grid-stride loop over the
// B*Q*heads*dim outputs. Any shapes with fewer than 2^31 outputs.
//
// extern "C" void deformable_attention(const float *value, const float *loc,
//                                      const float *attn, float *out,
//                                      int batch, int H, int W, int heads,
//                                      int dim, int queries, int points);
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

constexpr int kBlock = 256;      // 4 wavefronts of 64 lanes
constexpr int kMaxBlocks = 4096; // grid cap; the loop covers the rest

__global__ void __launch_bounds__(kBlock)
deformable_attention_kernel(const float *__restrict__ value,
                            const float *__restrict__ loc,
                            const float *__restrict__ attn,
                            float *__restrict__ out, int batch, int H, int W,
                            int heads, int dim, int queries, int points) {
  const int total = batch * queries * heads * dim;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < total;
       i += gridDim.x * blockDim.x) {
    const int d = i % dim;
    const int h = (i / dim) % heads;
    const int bq = i / (dim * heads); // b * queries + q
    const int b = bq / queries;
    // value[b, pixel, h, d] = vb[pixel * heads * dim]
    const float *vb = value + size_t(b) * H * W * heads * dim + h * dim + d;
    const size_t pixelStride = size_t(heads) * dim;
    const size_t at0 = (size_t(bq) * heads + h) * points;

    float acc = 0.0f;
    for (int p = 0; p < points; ++p) {
      const float x = loc[(at0 + p) * 2] * W - 0.5f;
      const float y = loc[(at0 + p) * 2 + 1] * H - 0.5f;
      const float xf = floorf(x), yf = floorf(y);
      const int x0 = int(xf), y0 = int(yf);
      const float fx = x - xf, fy = y - yf;
      // The four neighbours; a corner outside the grid reads 0.
      float sample = 0.0f;
      for (int dy = 0; dy < 2; ++dy) {
        const int yi = y0 + dy;
        if (yi < 0 || yi >= H)
          continue;
        const float wy = dy ? fy : 1.0f - fy;
        for (int dx = 0; dx < 2; ++dx) {
          const int xi = x0 + dx;
          if (xi < 0 || xi >= W)
            continue;
          const float wx = dx ? fx : 1.0f - fx;
          sample = fmaf(wx * wy, vb[(size_t(yi) * W + xi) * pixelStride],
                        sample);
        }
      }
      acc = fmaf(attn[at0 + p], sample, acc);
    }
    out[i] = acc;
  }
}

extern "C" void deformable_attention(const float *value, const float *loc,
                                     const float *attn, float *out, int batch,
                                     int H, int W, int heads, int dim,
                                     int queries, int points) {
  if (batch <= 0 || H <= 0 || W <= 0 || heads <= 0 || dim <= 0 ||
      queries <= 0 || points <= 0)
    return;
  const size_t valueBytes = size_t(batch) * H * W * heads * dim * sizeof(float);
  const size_t attnCount = size_t(batch) * queries * heads * points;
  const size_t locBytes = attnCount * 2 * sizeof(float);
  const size_t attnBytes = attnCount * sizeof(float);
  const size_t outBytes = size_t(batch) * queries * heads * dim * sizeof(float);
  float *d_value, *d_loc, *d_attn, *d_out;
  HIP_CHECK(hipMalloc(&d_value, valueBytes));
  HIP_CHECK(hipMalloc(&d_loc, locBytes));
  HIP_CHECK(hipMalloc(&d_attn, attnBytes));
  HIP_CHECK(hipMalloc(&d_out, outBytes));
  HIP_CHECK(hipMemcpy(d_value, value, valueBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_loc, loc, locBytes, hipMemcpyHostToDevice));
  HIP_CHECK(hipMemcpy(d_attn, attn, attnBytes, hipMemcpyHostToDevice));

  const int total = batch * queries * heads * dim;
  int blocks = (total + kBlock - 1) / kBlock;
  if (blocks > kMaxBlocks)
    blocks = kMaxBlocks;
  hipLaunchKernelGGL(deformable_attention_kernel, dim3(blocks), dim3(kBlock), 0,
                     0, d_value, d_loc, d_attn, d_out, batch, H, W, heads, dim,
                     queries, points);
  HIP_CHECK(hipGetLastError());

  HIP_CHECK(hipMemcpy(out, d_out, outBytes, hipMemcpyDeviceToHost));
  HIP_CHECK(hipFree(d_value));
  HIP_CHECK(hipFree(d_loc));
  HIP_CHECK(hipFree(d_attn));
  HIP_CHECK(hipFree(d_out));
}
