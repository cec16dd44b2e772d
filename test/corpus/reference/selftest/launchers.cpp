//===- launchers.cpp - reference selftests ----------------------*- C++ -*-===//
//
// Defines every corpus launcher (extern "C", default signature) by calling its
// plain C++ reference, so each driver in ../../drivers can be built and run
// without any corpus kernel: a driver that passes against these launchers is
// known to compile, to feed its reference and launcher the same inputs and to
// compare correctly. drivers.test links each driver with this file.
//
//   -DSHIM_U8S8           define the VNNI quantized launchers (gemm, gemv,
//                         bmm, dense, conv1d, conv2d_nhwc, conv2d_nchw,
//                         depthwise_conv with uint8 x int8 -> int32) instead
//                         of the float ones (they share the launcher names).
//   -DSHIM_INPUT_T=T      matrix-product launchers take T operands (as the
//                         drivers do with -DCORPUS_INPUT_T=T); they widen
//                         them to float and call the float reference.
//   -DSHIM_CORRUPT        every launcher spoils the last element of its
//                         output: each driver must then fail.
//
//===----------------------------------------------------------------------===//

#include "../add.h"
#include "../avgpool.h"
#include "../batchnorm.h"
#include "../bmm.h"
#include "../concat.h"
#include "../conv1d.h"
#include "../conv2d_nchw.h"
#include "../conv2d_nhwc.h"
#include "../deformable_attention.h"
#include "../dense.h"
#include "../depthwise_conv.h"
#include "../gatemlp.h"
#include "../gather.h"
#include "../gelu.h"
#include "../gemm.h"
#include "../gemv.h"
#include "../gqa.h"
#include "../instancenorm.h"
#include "../layernorm.h"
#include "../max.h"
#include "../maxpool.h"
#include "../mean.h"
#include "../mha.h"
#include "../min.h"
#include "../minpool.h"
#include "../relu.h"
#include "../rmsnorm.h"
#include "../scatter.h"
#include "../sigmoid.h"
#include "../sign.h"
#include "../sin.h"
#include "../softmax.h"
#include "../sub.h"
#include "../sum.h"
#include "../sumpool.h"
#include "../transpose.h"

#include <cmath>
#include <cstdint>
#include <vector>

namespace {

// Matrix-product operands: float by default, SHIM_INPUT_T to mirror
// CORPUS_INPUT_T; widened to float for the reference.
#ifdef SHIM_INPUT_T
using In = SHIM_INPUT_T;
#else
using In = float;
#endif

inline std::vector<float> widen(const In *p, size_t n) {
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = float(p[i]);
  return v;
}

// Called by every launcher with its output; with SHIM_CORRUPT it spoils the
// last element by more than any corpus tolerance, so a driver that does not
// compare its whole output (or ignores the verdict) is caught.
inline void done(float *out, size_t n) {
#ifdef SHIM_CORRUPT
  out[n - 1] += 1.0f + 0.1f * std::fabs(out[n - 1]);
#else
  (void)out, (void)n;
#endif
}
inline void done(int32_t *out, size_t n) {
#ifdef SHIM_CORRUPT
  out[n - 1] += 1;
#else
  (void)out, (void)n;
#endif
}

} // namespace

#ifndef SHIM_U8S8

extern "C" {

// Element-wise.
void add(const float *a, const float *b, float *out, int n) {
  ref::add(a, b, out, n);
  done(out, n);
}
void sub(const float *a, const float *b, float *out, int n) {
  ref::sub(a, b, out, n);
  done(out, n);
}
void sign(const float *x, float *out, int n) {
  ref::sign(x, out, n);
  done(out, n);
}
void sin_op(const float *x, float *out, int n) {
  ref::sin_op(x, out, n);
  done(out, n);
}
void relu(const float *x, float *out, int n) {
  ref::relu(x, out, n);
  done(out, n);
}
void sigmoid(const float *x, float *out, int n) {
  ref::sigmoid(x, out, n);
  done(out, n);
}
void gelu(const float *x, float *out, int n) {
  ref::gelu(x, out, n);
  done(out, n);
}

// Row reductions.
void softmax(const float *x, float *out, int rows, int cols) {
  ref::softmax(x, out, rows, cols);
  done(out, (size_t)rows * cols);
}
void sum(const float *x, float *out, int rows, int cols) {
  ref::sum(x, out, rows, cols);
  done(out, rows);
}
void mean(const float *x, float *out, int rows, int cols) {
  ref::mean(x, out, rows, cols);
  done(out, rows);
}
void max_op(const float *x, float *out, int rows, int cols) {
  ref::max_op(x, out, rows, cols);
  done(out, rows);
}
void min_op(const float *x, float *out, int rows, int cols) {
  ref::min_op(x, out, rows, cols);
  done(out, rows);
}

// Matrix products, convolutions and attention (operands of type In).
void gemm(const In *A, const In *B, float *C, int M, int N, int K) {
  ref::gemm(widen(A, (size_t)M * K).data(), widen(B, (size_t)K * N).data(), C,
            M, N, K);
  done(C, (size_t)M * N);
}
void gemv(const In *A, const In *x, float *y, int M, int K) {
  ref::gemv(widen(A, (size_t)M * K).data(), widen(x, K).data(), y, M, K);
  done(y, M);
}
void bmm(const In *A, const In *B, float *C, int batch, int M, int N, int K) {
  ref::bmm(widen(A, (size_t)batch * M * K).data(),
           widen(B, (size_t)batch * K * N).data(), C, batch, M, N, K);
  done(C, (size_t)batch * M * N);
}
void dense(const In *x, const In *W, const float *bias, float *y, int M, int N,
           int K) {
  ref::dense(widen(x, (size_t)M * K).data(), widen(W, (size_t)N * K).data(),
             bias, y, M, N, K);
  done(y, (size_t)M * N);
}
void gatemlp(const In *x, const In *Wg, const In *Wu, float *y, int M, int N,
             int K) {
  ref::gatemlp(widen(x, (size_t)M * K).data(), widen(Wg, (size_t)N * K).data(),
               widen(Wu, (size_t)N * K).data(), y, M, N, K);
  done(y, (size_t)M * N);
}
void conv1d(const In *x, const In *w, float *y, int N, int C, int L, int F,
            int KW, int stride) {
  ref::conv1d(widen(x, (size_t)N * C * L).data(),
              widen(w, (size_t)F * C * KW).data(), y, N, C, L, F, KW, stride);
  done(y, (size_t)N * F * ((L - KW) / stride + 1));
}
void conv2d_nhwc(const In *x, const In *w, float *y, int N, int H, int W, int C,
                 int F, int KH, int KW, int stride) {
  ref::conv2d_nhwc(widen(x, (size_t)N * H * W * C).data(),
                   widen(w, (size_t)F * KH * KW * C).data(), y, N, H, W, C, F,
                   KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * F);
}
void conv2d_nchw(const In *x, const In *w, float *y, int N, int C, int H, int W,
                 int F, int KH, int KW, int stride) {
  ref::conv2d_nchw(widen(x, (size_t)N * C * H * W).data(),
                   widen(w, (size_t)F * C * KH * KW).data(), y, N, C, H, W, F,
                   KH, KW, stride);
  done(y, (size_t)N * F * ((H - KH) / stride + 1) * ((W - KW) / stride + 1));
}
void depthwise_conv(const In *x, const In *w, float *y, int N, int H, int W,
                    int C, int KH, int KW, int stride) {
  ref::depthwise_conv(widen(x, (size_t)N * H * W * C).data(),
                      widen(w, (size_t)KH * KW * C).data(), y, N, H, W, C, KH,
                      KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * C);
}
void mha(const In *q, const In *k, const In *v, float *out, int batch,
         int heads, int seq, int dim) {
  const size_t n = (size_t)batch * heads * seq * dim;
  ref::mha(widen(q, n).data(), widen(k, n).data(), widen(v, n).data(), out,
           batch, heads, seq, dim);
  done(out, n);
}
void gqa(const In *q, const In *k, const In *v, float *out, int batch,
         int q_heads, int kv_heads, int seq, int dim) {
  const size_t nq = (size_t)batch * q_heads * seq * dim;
  const size_t nkv = (size_t)batch * kv_heads * seq * dim;
  ref::gqa(widen(q, nq).data(), widen(k, nkv).data(), widen(v, nkv).data(), out,
           batch, q_heads, kv_heads, seq, dim);
  done(out, nq);
}

// Pooling.
void avgpool(const float *x, float *y, int N, int H, int W, int C, int KH,
             int KW, int stride) {
  ref::avgpool(x, y, N, H, W, C, KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * C);
}
void maxpool(const float *x, float *y, int N, int H, int W, int C, int KH,
             int KW, int stride) {
  ref::maxpool(x, y, N, H, W, C, KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * C);
}
void minpool(const float *x, float *y, int N, int H, int W, int C, int KH,
             int KW, int stride) {
  ref::minpool(x, y, N, H, W, C, KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * C);
}
void sumpool(const float *x, float *y, int N, int H, int W, int C, int KH,
             int KW, int stride) {
  ref::sumpool(x, y, N, H, W, C, KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * C);
}

// Normalization.
void batchnorm(const float *x, const float *mean, const float *var,
               const float *gamma, const float *beta, float *y, int N, int C,
               int HW, float eps) {
  ref::batchnorm(x, mean, var, gamma, beta, y, N, C, HW, eps);
  done(y, (size_t)N * C * HW);
}
void layernorm(const float *x, const float *gamma, const float *beta, float *y,
               int rows, int cols, float eps) {
  ref::layernorm(x, gamma, beta, y, rows, cols, eps);
  done(y, (size_t)rows * cols);
}
void rmsnorm(const float *x, const float *gamma, float *y, int rows, int cols,
             float eps) {
  ref::rmsnorm(x, gamma, y, rows, cols, eps);
  done(y, (size_t)rows * cols);
}
void instancenorm(const float *x, const float *gamma, const float *beta,
                  float *y, int N, int C, int HW, float eps) {
  ref::instancenorm(x, gamma, beta, y, N, C, HW, eps);
  done(y, (size_t)N * C * HW);
}

// Data movement.
void gather(const float *table, const int *idx, float *out, int rows, int cols,
            int n) {
  ref::gather(table, idx, out, rows, cols, n);
  done(out, (size_t)n * cols);
}
void scatter(const float *src, const int *idx, float *out, int n, int cols,
             int rows) {
  ref::scatter(src, idx, out, n, cols, rows);
  done(out, (size_t)rows * cols);
}
void concat(const float *a, const float *b, float *out, int rows, int ca,
            int cb) {
  ref::concat(a, b, out, rows, ca, cb);
  done(out, (size_t)rows * (ca + cb));
}
void transpose(const float *x, float *y, int rows, int cols) {
  ref::transpose(x, y, rows, cols);
  done(y, (size_t)rows * cols);
}

// Deformable attention.
void deformable_attention(const float *value, const float *loc,
                          const float *attn, float *out, int batch, int H,
                          int W, int heads, int dim, int queries, int points) {
  ref::deformable_attention(value, loc, attn, out, batch, H, W, heads, dim,
                            queries, points);
  done(out, (size_t)batch * queries * heads * dim);
}

} // extern "C"

#else // SHIM_U8S8

extern "C" {

void gemm(const uint8_t *A, const int8_t *B, int32_t *C, int M, int N, int K) {
  ref::gemm_u8s8(A, B, C, M, N, K);
  done(C, (size_t)M * N);
}
void gemv(const uint8_t *A, const int8_t *x, int32_t *y, int M, int K) {
  ref::gemv_u8s8(A, x, y, M, K);
  done(y, M);
}
void bmm(const uint8_t *A, const int8_t *B, int32_t *C, int batch, int M, int N,
         int K) {
  ref::bmm_u8s8(A, B, C, batch, M, N, K);
  done(C, (size_t)batch * M * N);
}
void dense(const uint8_t *x, const int8_t *W, const int32_t *bias, int32_t *y,
           int M, int N, int K) {
  ref::dense_u8s8(x, W, bias, y, M, N, K);
  done(y, (size_t)M * N);
}
void conv1d(const uint8_t *x, const int8_t *w, int32_t *y, int N, int C, int L,
            int F, int KW, int stride) {
  ref::conv1d_u8s8(x, w, y, N, C, L, F, KW, stride);
  done(y, (size_t)N * F * ((L - KW) / stride + 1));
}
void conv2d_nhwc(const uint8_t *x, const int8_t *w, int32_t *y, int N, int H,
                 int W, int C, int F, int KH, int KW, int stride) {
  ref::conv2d_nhwc_u8s8(x, w, y, N, H, W, C, F, KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * F);
}
void conv2d_nchw(const uint8_t *x, const int8_t *w, int32_t *y, int N, int C,
                 int H, int W, int F, int KH, int KW, int stride) {
  ref::conv2d_nchw_u8s8(x, w, y, N, C, H, W, F, KH, KW, stride);
  done(y, (size_t)N * F * ((H - KH) / stride + 1) * ((W - KW) / stride + 1));
}
void depthwise_conv(const uint8_t *x, const int8_t *w, int32_t *y, int N, int H,
                    int W, int C, int KH, int KW, int stride) {
  ref::depthwise_conv_u8s8(x, w, y, N, H, W, C, KH, KW, stride);
  done(y, (size_t)N * ((H - KH) / stride + 1) * ((W - KW) / stride + 1) * C);
}

} // extern "C"

#endif // SHIM_U8S8
