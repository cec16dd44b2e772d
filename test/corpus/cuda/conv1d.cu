//===- conv1d.cu - 1-D convolution, NCL (CUDA) -----------------*- CUDA -*-===//
//
// y[n, f, o] = sum_{c, k} x[n, c, o * stride + k] · w[f, c, k], with
// x[N, C, L], w[F, C, KW], y[N, F, OL], OL = (L - KW) / stride + 1, no
// padding, all row-major fp32.
//
// Grid (output tiles of 128, F, N): a block computes 128 consecutive outputs
// of one (n, f) row, one per thread, so x reads and y writes are coalesced.
// The filter w[f] is shared by the whole block: it is staged in shared
// memory, a chunk of whole channels at a time (w[f] is contiguous over
// (c, k), so the copy is coalesced), and read back as broadcasts.
// Precondition: KW <= 2048 (one channel of the filter fits a chunk; checked
// by the launcher); any N, C, L, F and stride otherwise.
//
// extern "C" void conv1d(const float *x, const float *w, float *y, int N,
//                        int C, int L, int F, int KW, int stride);
//
//===----------------------------------------------------------------------===//

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

#define THREADS 128
#define W_CHUNK 2048 // filter floats staged per chunk

__global__ void __launch_bounds__(THREADS)
conv1d_kernel(const float *__restrict__ x, const float *__restrict__ w,
              float *__restrict__ y, int C, int L, int F, int KW, int stride,
              int OL) {
  __shared__ float ws[W_CHUNK];
  const int n = blockIdx.z, f = blockIdx.y;
  const int o = blockIdx.x * THREADS + threadIdx.x;
  const int channels_per_chunk = W_CHUNK / KW;
  const float *wf = w + size_t(f) * C * KW;
  const float *xn = x + size_t(n) * C * L;

  float acc = 0.0f;
  for (int c0 = 0; c0 < C; c0 += channels_per_chunk) {
    int cc = min(channels_per_chunk, C - c0);
    for (int i = threadIdx.x; i < cc * KW; i += THREADS)
      ws[i] = wf[size_t(c0) * KW + i];
    __syncthreads();
    if (o < OL) {
      for (int c = 0; c < cc; ++c) {
        const float *xc = xn + size_t(c0 + c) * L + o * stride;
        for (int k = 0; k < KW; ++k)
          acc += ws[c * KW + k] * xc[k];
      }
    }
    __syncthreads(); // ws is overwritten by the next chunk
  }
  if (o < OL)
    y[(size_t(n) * F + f) * OL + o] = acc;
}

extern "C" void conv1d(const float *x, const float *w, float *y, int N, int C,
                       int L, int F, int KW, int stride) {
  if (N <= 0 || C <= 0 || F <= 0 || KW <= 0 || KW > L || stride <= 0)
    return;
  if (KW > W_CHUNK) {
    std::fprintf(stderr, "conv1d: KW %d exceeds %d\n", KW, W_CHUNK);
    std::exit(1);
  }
  const int OL = (L - KW) / stride + 1;
  size_t x_bytes = size_t(N) * C * L * sizeof(float);
  size_t w_bytes = size_t(F) * C * KW * sizeof(float);
  size_t y_bytes = size_t(N) * F * OL * sizeof(float);
  float *dx, *dw, *dy;
  CUDA_CHECK(cudaMalloc(&dx, x_bytes));
  CUDA_CHECK(cudaMalloc(&dw, w_bytes));
  CUDA_CHECK(cudaMalloc(&dy, y_bytes));
  CUDA_CHECK(cudaMemcpy(dx, x, x_bytes, cudaMemcpyHostToDevice));
  CUDA_CHECK(cudaMemcpy(dw, w, w_bytes, cudaMemcpyHostToDevice));
  dim3 grid((OL + THREADS - 1) / THREADS, F, N);
  conv1d_kernel<<<grid, THREADS>>>(dx, dw, dy, C, L, F, KW, stride, OL);
  CUDA_CHECK(cudaGetLastError());
  CUDA_CHECK(cudaMemcpy(y, dy, y_bytes, cudaMemcpyDeviceToHost));
  CUDA_CHECK(cudaFree(dx));
  CUDA_CHECK(cudaFree(dw));
  CUDA_CHECK(cudaFree(dy));
}
