//===- handcases.cpp - reference selftests ----------------------*- C++ -*-===//
//
// The references in .. are the ground truth of every corpus test, so they are
// checked here on their own: small cases worked out by hand (layouts, windows,
// strides, bilinear sampling, head mapping, scatter semantics), and identities
// between references (NHWC vs NCHW convolution, conv1d as a 1-row conv2d,
// gemv/bmm/dense vs gemm, the u8s8 variants vs the float ones). Prints each
// failed check and exits non-zero if any failed.
//
//===----------------------------------------------------------------------===//

#include "../add.h"
#include "../avgpool.h"
#include "../batchnorm.h"
#include "../bmm.h"
#include "../check.h"
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
#include <cstdio>
#include <vector>

static int failures = 0;

// Compares got[0..n) with the hand-computed want[0..n) (relative 1e-6).
static void expect(const char *what, const float *got,
                   std::initializer_list<double> want) {
  size_t i = 0;
  for (double w : want) {
    if (!(std::fabs(got[i] - w) <= 1e-6 * (1 + std::fabs(w)))) {
      std::printf("FAIL %s[%zu]: got %.9g, want %.9g\n", what, i, got[i], w);
      ++failures;
      return;
    }
    ++i;
  }
  std::printf("ok %s\n", what);
}

static void expectInts(const char *what, const int32_t *got,
                       std::initializer_list<long long> want) {
  size_t i = 0;
  for (long long w : want) {
    if (got[i] != w) {
      std::printf("FAIL %s[%zu]: got %d, want %lld\n", what, i, got[i], w);
      ++failures;
      return;
    }
    ++i;
  }
  std::printf("ok %s\n", what);
}

static void same(const char *what, const std::vector<float> &got,
                 const std::vector<float> &want) {
  if (got.size() != want.size() ||
      !check::allClose(what, got.data(), want.data(), got.size(), 1e-5f, 1e-5f))
    ++failures;
}

static std::vector<float> iota(int n, float start = 1) {
  std::vector<float> v(n);
  for (int i = 0; i < n; ++i)
    v[i] = start + i;
  return v;
}

static void elementwise() {
  const float x[] = {-2.0f, -0.0f, 0.0f, 1.0f, 3.0f};
  float y[5];
  ref::sign(x, y, 5);
  expect("sign", y, {-1, 0, 0, 1, 1});
  ref::relu(x, y, 5);
  expect("relu", y, {0, 0, 0, 1, 3});
  ref::add(x, x, y, 5);
  expect("add", y, {-4, 0, 0, 2, 6});
  ref::sub(x + 1, x, y, 4);
  expect("sub", y, {2, 0, 1, 2});
  const float s[] = {0.0f, float(M_PI / 2), float(-M_PI / 6)};
  ref::sin_op(s, y, 3);
  expect("sin", y, {0, 1, -0.5});
  const float g[] = {0.0f, 1.0f, -1.0f, 2.0f};
  ref::sigmoid(g, y, 4);
  expect("sigmoid", y,
         {0.5, 1 / (1 + std::exp(-1.0)), 1 / (1 + std::exp(1.0)),
          1 / (1 + std::exp(-2.0))});
  // gelu tanh form: 0.5·x·(1 + tanh(0.7978845608·(x + 0.044715·x³))).
  ref::gelu(g, y, 4);
  expect("gelu", y, {0, 0.841191990607, -0.158808009393, 1.954597694087});
}

static void rows() {
  // softmax of [0, ln 3] is [1/4, 3/4]; of a constant row, uniform.
  const float x[] = {0.0f, float(std::log(3.0)), 5.0f, 5.0f, 5.0f, 5.0f};
  float y[6];
  ref::softmax(x, y, 1, 2);
  expect("softmax [0, ln3]", y, {0.25, 0.75});
  ref::softmax(x + 2, y, 1, 4);
  expect("softmax constant", y, {0.25, 0.25, 0.25, 0.25});
  const float m[] = {1, -2, 3, 4, 5, -6}; // 2 x 3
  ref::sum(m, y, 2, 3);
  expect("sum", y, {2, 3});
  ref::mean(m, y, 2, 3);
  expect("mean", y, {2.0 / 3, 1});
  ref::max_op(m, y, 2, 3);
  expect("max", y, {3, 5});
  ref::min_op(m, y, 2, 3);
  expect("min", y, {-2, -6});
}

static void products() {
  // [1 2 3; 4 5 6] . [7 8; 9 10; 11 12] = [58 64; 139 154]
  const float A[] = {1, 2, 3, 4, 5, 6}, B[] = {7, 8, 9, 10, 11, 12};
  float C[4];
  ref::gemm(A, B, C, 2, 2, 3);
  expect("gemm", C, {58, 64, 139, 154});
  ref::gemv(A, B, C, 2, 3); // [1 2 3].[7 8 9], [4 5 6].[7 8 9]
  expect("gemv", C, {50, 122});
  // dense: W[N, K] = B read as 2 x 3 rows [7 8 9], [10 11 12]; bias [1, -1].
  const float bias[] = {1, -1};
  ref::dense(A, B, bias, C, 2, 2, 3);
  expect("dense", C, {51, 67, 123, 166});
  // gatemlp: silu(g)·u with g = x.Wg^T, u = x.Wu^T; x = [1 1], Wg = [1 -1;
  // 2 0], Wu = [3 0; 0 0.5] -> g = [0, 2], u = [3, 0.5].
  const float gx[] = {1, 1}, wg[] = {1, -1, 2, 0}, wu[] = {3, 0, 0, 0.5f};
  ref::gatemlp(gx, wg, wu, C, 1, 2, 2);
  expect("gatemlp", C, {0, 2 / (1 + std::exp(-2.0)) * 0.5});

  // Identities on random data.
  const int M = 5, N = 7, K = 6, batch = 3;
  auto a = check::randomFloats(batch * M * K, 1);
  auto b = check::randomFloats(batch * K * N, 2);
  std::vector<float> got(batch * M * N), want(batch * M * N);
  ref::bmm(a.data(), b.data(), got.data(), batch, M, N, K);
  for (int i = 0; i < batch; ++i)
    ref::gemm(a.data() + i * M * K, b.data() + i * K * N,
              want.data() + i * M * N, M, N, K);
  same("bmm == gemm per batch", got, want);
  std::vector<float> bt(N * K), zeros(N, 0.0f), d(M * N), g1(M * N);
  for (int k = 0; k < K; ++k)
    for (int n = 0; n < N; ++n)
      bt[n * K + k] = b[k * N + n];
  ref::dense(a.data(), bt.data(), zeros.data(), d.data(), M, N, K);
  ref::gemm(a.data(), b.data(), g1.data(), M, N, K);
  same("dense(W = B^T, bias 0) == gemm", d, g1);
  std::vector<float> gv(M), gm(M);
  ref::gemv(a.data(), b.data(), gv.data(), M, K); // x = first K of b
  std::vector<float> col(b.begin(), b.begin() + K);
  ref::gemm(a.data(), col.data(), gm.data(), M, 1, K);
  same("gemv == gemm with N = 1", gv, gm);

  // u8s8: extremes, and agreement with the float references.
  std::vector<uint8_t> ua(4, 255);
  std::vector<int8_t> sb(4, -128);
  int32_t ic[1];
  ref::gemm_u8s8(ua.data(), sb.data(), ic, 1, 1, 4);
  expectInts("gemm_u8s8 255 x -128 x 4", ic, {-130560});
  const int32_t ibias[] = {1000000};
  ref::dense_u8s8(ua.data(), sb.data(), ibias, ic, 1, 1, 4);
  expectInts("dense_u8s8 with bias", ic, {1000000 - 130560});
  auto ia = check::randomInts(batch * M * K, 3, 0, 256);
  auto ib = check::randomInts(batch * K * N, 4, -128, 128);
  std::vector<uint8_t> u(ia.begin(), ia.end());
  std::vector<int8_t> s(ib.begin(), ib.end());
  std::vector<float> fu(ia.begin(), ia.end()), fs(ib.begin(), ib.end());
  std::vector<int32_t> iout(batch * M * N);
  std::vector<float> fout(batch * M * N), fwant(batch * M * N);
  ref::bmm_u8s8(u.data(), s.data(), iout.data(), batch, M, N, K);
  ref::bmm(fu.data(), fs.data(), fwant.data(), batch, M, N, K);
  fout.assign(iout.begin(), iout.end());
  same("bmm_u8s8 == bmm", fout, fwant);
  ref::gemv_u8s8(u.data(), s.data(), iout.data(), M, K);
  ref::gemv(fu.data(), fs.data(), fwant.data(), M, K);
  fout.assign(iout.begin(), iout.begin() + M);
  same("gemv_u8s8 == gemv", fout,
       std::vector<float>(fwant.begin(), fwant.begin() + M));
}

static void convolutions() {
  // x = 1..9 as a 3x3 image (one channel), w = [1 2; 3 4]:
  // y[0,0] = 1·1 + 2·2 + 3·4 + 4·5 = 37, then 47, 67, 77.
  auto x = iota(9);
  const float w[] = {1, 2, 3, 4};
  float y[4];
  ref::conv2d_nhwc(x.data(), w, y, 1, 3, 3, 1, 1, 2, 2, 1);
  expect("conv2d_nhwc 3x3 * 2x2", y, {37, 47, 67, 77});
  ref::conv2d_nchw(x.data(), w, y, 1, 1, 3, 3, 1, 2, 2, 1);
  expect("conv2d_nchw 3x3 * 2x2", y, {37, 47, 67, 77});
  ref::depthwise_conv(x.data(), w, y, 1, 3, 3, 1, 2, 2, 1);
  expect("depthwise_conv 3x3 * 2x2", y, {37, 47, 67, 77});
  // Stride 2, 3x3 ones over 0..24 (5x5): window sums = 9 · centre value,
  // centres 6, 8, 16, 18.
  auto x5 = iota(25, 0);
  std::vector<float> ones(9, 1.0f);
  ref::conv2d_nhwc(x5.data(), ones.data(), y, 1, 5, 5, 1, 1, 3, 3, 2);
  expect("conv2d_nhwc stride 2", y, {54, 72, 144, 162});
  // conv1d: x = [1 2 3 4 5 6 7], w = [1 0 -1], stride 2 -> x[o*2] - x[o*2+2]
  // at o = 0..2: -2 -2 -2; second filter [0 1 0] picks x[1], x[3], x[5].
  auto x7 = iota(7);
  const float w1[] = {1, 0, -1, 0, 1, 0};
  float y1[6];
  ref::conv1d(x7.data(), w1, y1, 1, 1, 7, 2, 3, 2);
  expect("conv1d stride 2, F = 2 (y[N,F,OL])", y1, {-2, -2, -2, 2, 4, 6});
  // Channels: NHWC x[0,0,0,:] = [1, 10], w[f=0][0][0][:] = [1, 1] (1x1
  // kernel), w[f=1] = [0, 1]; 1x2 image [[1,10],[2,20]].
  const float xc[] = {1, 10, 2, 20}, wc[] = {1, 1, 0, 1};
  ref::conv2d_nhwc(xc, wc, y, 1, 1, 2, 2, 2, 1, 1, 1);
  expect("conv2d_nhwc channels (y[..,F] innermost)", y, {11, 10, 22, 20});
  // The same image in NCHW: x[c][h][w] = [[1, 2], [10, 20]]; w[F][C].
  const float xn[] = {1, 2, 10, 20};
  ref::conv2d_nchw(xn, wc, y, 1, 2, 1, 2, 2, 1, 1, 1);
  expect("conv2d_nchw channels (y[N,F,..])", y, {11, 22, 10, 20});
  // depthwise: per-channel weights w[i][j][c]; 1x1 kernel [2, 3].
  const float wd[] = {2, 3};
  ref::depthwise_conv(xc, wd, y, 1, 1, 2, 2, 1, 1, 1);
  expect("depthwise_conv channels", y, {2, 30, 4, 60});

  // Identities on random data: NCHW == NHWC after permuting, conv1d == a
  // 1-row conv2d_nchw, depthwise == per-channel conv2d_nhwc, u8s8 == float.
  const int N = 2, C = 3, H = 7, W = 6, F = 4, KH = 3, KW = 2, s = 2;
  const int OH = (H - KH) / s + 1, OW = (W - KW) / s + 1;
  auto xh = check::randomFloats(N * H * W * C, 5);
  auto wh = check::randomFloats(F * KH * KW * C, 6);
  std::vector<float> xnchw(xh.size()), wnchw(wh.size());
  for (int n = 0; n < N; ++n)
    for (int h = 0; h < H; ++h)
      for (int ww = 0; ww < W; ++ww)
        for (int c = 0; c < C; ++c)
          xnchw[((n * C + c) * H + h) * W + ww] =
              xh[((n * H + h) * W + ww) * C + c];
  for (int f = 0; f < F; ++f)
    for (int i = 0; i < KH; ++i)
      for (int j = 0; j < KW; ++j)
        for (int c = 0; c < C; ++c)
          wnchw[((f * C + c) * KH + i) * KW + j] =
              wh[((f * KH + i) * KW + j) * C + c];
  std::vector<float> yh(N * OH * OW * F), yn(yh.size()), yp(yh.size());
  ref::conv2d_nhwc(xh.data(), wh.data(), yh.data(), N, H, W, C, F, KH, KW, s);
  ref::conv2d_nchw(xnchw.data(), wnchw.data(), yn.data(), N, C, H, W, F, KH, KW,
                   s);
  for (int n = 0; n < N; ++n)
    for (int f = 0; f < F; ++f)
      for (int i = 0; i < OH * OW; ++i)
        yp[(n * F + f) * OH * OW + i] = yh[(n * OH * OW + i) * F + f];
  same("conv2d_nchw == permuted conv2d_nhwc", yn, yp);

  const int L = 11;
  auto x1 = check::randomFloats(N * C * L, 7);
  auto w1r = check::randomFloats(F * C * 3, 8);
  const int OL = (L - 3) / s + 1;
  std::vector<float> c1(N * F * OL), c2(N * F * OL);
  ref::conv1d(x1.data(), w1r.data(), c1.data(), N, C, L, F, 3, s);
  ref::conv2d_nchw(x1.data(), w1r.data(), c2.data(), N, C, 1, L, F, 1, 3, s);
  same("conv1d == conv2d_nchw with H = 1", c1, c2);

  auto wdw = check::randomFloats(KH * KW * C, 9);
  std::vector<float> dw(N * OH * OW * C), ref1(N * OH * OW * C);
  ref::depthwise_conv(xh.data(), wdw.data(), dw.data(), N, H, W, C, KH, KW, s);
  for (int c = 0; c < C; ++c) {
    std::vector<float> xc1(N * H * W), wc1(KH * KW), yc1(N * OH * OW);
    for (int p = 0; p < N * H * W; ++p)
      xc1[p] = xh[p * C + c];
    for (int p = 0; p < KH * KW; ++p)
      wc1[p] = wdw[p * C + c];
    ref::conv2d_nhwc(xc1.data(), wc1.data(), yc1.data(), N, H, W, 1, 1, KH, KW,
                     s);
    for (int p = 0; p < N * OH * OW; ++p)
      ref1[p * C + c] = yc1[p];
  }
  same("depthwise_conv == conv2d_nhwc per channel", dw, ref1);

  auto ix = check::randomInts(N * H * W * C, 10, 0, 256);
  auto iw = check::randomInts(F * KH * KW * C, 11, -128, 128);
  std::vector<uint8_t> ux(ix.begin(), ix.end());
  std::vector<int8_t> sw(iw.begin(), iw.end());
  std::vector<float> fx(ix.begin(), ix.end()), fw(iw.begin(), iw.end());
  std::vector<int32_t> iy(N * OH * OW * F);
  std::vector<float> fy(iy.size()), fwant(iy.size());
  ref::conv2d_nhwc_u8s8(ux.data(), sw.data(), iy.data(), N, H, W, C, F, KH, KW,
                        s);
  ref::conv2d_nhwc(fx.data(), fw.data(), fwant.data(), N, H, W, C, F, KH, KW,
                   s);
  fy.assign(iy.begin(), iy.end());
  same("conv2d_nhwc_u8s8 == conv2d_nhwc", fy, fwant);
  ref::conv2d_nchw_u8s8(ux.data(), sw.data(), iy.data(), N, C, H, W, F, KH, KW,
                        s);
  ref::conv2d_nchw(fx.data(), fw.data(), fwant.data(), N, C, H, W, F, KH, KW,
                   s);
  fy.assign(iy.begin(), iy.end());
  same("conv2d_nchw_u8s8 == conv2d_nchw", fy, fwant);
  ref::conv1d_u8s8(ux.data(), sw.data(), iy.data(), N, C, L, F, 3, s);
  ref::conv1d(fx.data(), fw.data(), fwant.data(), N, C, L, F, 3, s);
  fy.assign(iy.begin(), iy.begin() + N * F * OL);
  same("conv1d_u8s8 == conv1d", fy,
       std::vector<float>(fwant.begin(), fwant.begin() + N * F * OL));
  ref::depthwise_conv_u8s8(ux.data(), sw.data(), iy.data(), N, H, W, C, KH, KW,
                           s);
  ref::depthwise_conv(fx.data(), fw.data(), fwant.data(), N, H, W, C, KH, KW,
                      s);
  fy.assign(iy.begin(), iy.begin() + N * OH * OW * C);
  same("depthwise_conv_u8s8 == depthwise_conv", fy,
       std::vector<float>(fwant.begin(), fwant.begin() + N * OH * OW * C));
}

static void pooling() {
  // A 4x5 image, two channels: c0 = v, c1 = -v with v = 0..19 row-major;
  // 2x2 windows, stride 2 -> 2x2 outputs (the last column is unused).
  std::vector<float> x(40);
  for (int i = 0; i < 20; ++i) {
    x[2 * i] = float(i);
    x[2 * i + 1] = -float(i);
  }
  // Windows' top-left v: 0, 2, 10, 12; window = {t, t+1, t+5, t+6}.
  float y[8];
  ref::maxpool(x.data(), y, 1, 4, 5, 2, 2, 2, 2);
  expect("maxpool", y, {6, -0, 8, -2, 16, -10, 18, -12});
  ref::minpool(x.data(), y, 1, 4, 5, 2, 2, 2, 2);
  expect("minpool", y, {0, -6, 2, -8, 10, -16, 12, -18});
  ref::sumpool(x.data(), y, 1, 4, 5, 2, 2, 2, 2);
  expect("sumpool", y, {12, -12, 20, -20, 52, -52, 60, -60});
  ref::avgpool(x.data(), y, 1, 4, 5, 2, 2, 2, 2);
  expect("avgpool", y, {3, -3, 5, -5, 13, -13, 15, -15});
  // Overlapping 3x2 window, stride 1 on channel 0 only (C = 1 view of c0).
  std::vector<float> x1(20);
  for (int i = 0; i < 20; ++i)
    x1[i] = float(i);
  float y1[8]; // OH = 2, OW = 4
  ref::maxpool(x1.data(), y1, 1, 4, 5, 1, 3, 2, 1);
  expect("maxpool 3x2 stride 1", y1, {11, 12, 13, 14, 16, 17, 18, 19});
}

static void norms() {
  // layernorm [1 2 3 4]: mu 2.5, var 1.25.
  const float x[] = {1, 2, 3, 4}, gamma[] = {1, 1, 2, 1}, beta[] = {0, 1, 0, 0};
  float y[4];
  const double r = 1 / std::sqrt(1.25);
  ref::layernorm(x, gamma, beta, y, 1, 4, 0.0f);
  expect("layernorm", y, {-1.5 * r, -0.5 * r + 1, 1.0 * r, 1.5 * r});
  // rmsnorm [3 4]: sqrt(mean(9, 16)) = sqrt(12.5).
  ref::rmsnorm(x + 2, gamma + 2, y, 1, 2, 0.0f); // x = [3 4], gamma = [2 1]
  expect("rmsnorm", y, {6 / std::sqrt(12.5), 4 / std::sqrt(12.5)});
  // batchnorm x[N=1, C=2, HW=2]: channel 0 mean 1 var 4, channel 1 mean 0
  // var 0.25, gamma [1, 2], beta [0, 1].
  const float bx[] = {3, 5, 1, -1}, mean[] = {1, 0}, var[] = {4, 0.25f},
              bg[] = {1, 2}, bb[] = {0, 1};
  ref::batchnorm(bx, mean, var, bg, bb, y, 1, 2, 2, 0.0f);
  expect("batchnorm", y, {1, 2, 5, -3});
  // instancenorm: each (n, c) plane of 2 values normalizes to [-1, 1]
  // (biased variance), then gamma/beta per channel.
  ref::instancenorm(bx, bg, bb, y, 1, 2, 2, 0.0f);
  expect("instancenorm", y, {-1, 1, 3, -1});
}

static void movement() {
  auto table = iota(12); // 4 rows x 3
  const int idx[] = {3, 0, 3};
  float out[9];
  ref::gather(table.data(), idx, out, 4, 3, 3);
  expect("gather", out, {10, 11, 12, 1, 2, 3, 10, 11, 12});
  // scatter src rows [1 2 3], [4 5 6] to rows 2 and 0 of a 4 x 3 out of -1s.
  std::vector<float> o(12, -1.0f);
  auto src = iota(6);
  const int sidx[] = {2, 0};
  ref::scatter(src.data(), sidx, o.data(), 2, 3, 4);
  expect("scatter", o.data(), {4, 5, 6, -1, -1, -1, 1, 2, 3, -1, -1, -1});
  const float a[] = {1, 2, 3, 4}, b[] = {5, 6};
  float c[6];
  ref::concat(a, b, c, 2, 2, 1); // [1 2 | 5], [3 4 | 6]
  expect("concat", c, {1, 2, 5, 3, 4, 6});
  ref::transpose(table.data(), out, 3, 4); // [3, 4] -> [4, 3]
  expect("transpose", out, {1, 5, 9, 2, 6, 10, 3, 7, 11});
}

static void attention() {
  // seq 2, dim 1: q = 1, k = [0, ln 3] -> weights [1/4, 3/4], v = [4, 8]
  // -> 7; the second query q = 0 gives uniform weights -> 6.
  const float q[] = {1, 0}, k[] = {0, float(std::log(3.0))}, v[] = {4, 8};
  float out[2];
  ref::mha(q, k, v, out, 1, 1, 2, 1);
  expect("mha", out, {7, 6});
  // dim 4 scales by 1/sqrt(4): q = [2 0 0 0], k1 = [ln 3, 0, 0, 0] ->
  // score ln 3 again; v rows [4 0 0 0], [8 0 0 0].
  const float q4[] = {2, 0, 0, 0, 0, 0, 0, 0};
  const float k4[] = {0, 0, 0, 0, float(std::log(3.0)), 0, 0, 0};
  const float v4[] = {4, 1, 0, 0, 8, 1, 0, 0};
  float o4[8];
  ref::mha(q4, k4, v4, o4, 1, 1, 2, 4);
  expect("mha 1/sqrt(D) scaling", o4, {7, 1, 0, 0, 6, 1, 0, 0});
  // gqa head mapping: seq 1 makes every softmax 1, so out[b, h] =
  // v[b, h / (Hq/Hkv)]: Hq = 4, Hkv = 2 -> heads 0,1 read kv 0; 2,3 kv 1.
  const float gq[] = {1, 2, 3, 4}, gk[] = {5, 6}, gv[] = {10, 20};
  float go[4];
  ref::gqa(gq, gk, gv, go, 1, 4, 2, 1, 1);
  expect("gqa head mapping", go, {10, 10, 20, 20});
  // batch 2: kv heads of batch 1 are 30, 40.
  const float gq2[] = {1, 2, 3, 4, 1, 2, 3, 4}, gk2[] = {5, 6, 7, 8},
              gv2[] = {10, 20, 30, 40};
  float go2[8];
  ref::gqa(gq2, gk2, gv2, go2, 2, 4, 2, 1, 1);
  expect("gqa batch stride", go2, {10, 10, 20, 20, 30, 30, 40, 40});
  // gqa with Hkv == Hq equals mha.
  auto rq = check::randomFloats(2 * 3 * 5 * 4, 1),
       rk = check::randomFloats(2 * 3 * 5 * 4, 2),
       rv = check::randomFloats(2 * 3 * 5 * 4, 3);
  std::vector<float> m1(rq.size()), m2(rq.size());
  ref::mha(rq.data(), rk.data(), rv.data(), m1.data(), 2, 3, 5, 4);
  ref::gqa(rq.data(), rk.data(), rv.data(), m2.data(), 2, 3, 3, 5, 4);
  same("gqa with Hkv == Hq == mha", m2, m1);
}

static void deformable() {
  // value on a 2 x 3 grid (H = 2, W = 3), one head, dim 1: v[y][x] =
  // 10y + x + 1. Sampling position: px = lx·3 - 0.5, py = ly·2 - 0.5.
  const float value[] = {1, 2, 3, 11, 12, 13};
  const float loc[] = {
      0.5f,     0.5f,  // px 1.0, py 0.5: between v[0][1]=2, v[1][1]=12 -> 7
      2.5f / 3, 0.75f, // pixel centre (x 2, y 1) -> 13
      0.0f,     0.0f,  // px -0.5, py -0.5: only v[0][0] in, weight 1/4
      1.0f,     1.0f,  // px 2.5, py 1.5: only v[1][2] in, weight 1/4
      0.25f,    0.25f, // px 0.25, py 0: 0.75·v[0][0] + 0.25·v[0][1]
  };
  const float attn[] = {1, 1, 1, 1, 1};
  float out[5];
  for (int p = 0; p < 5; ++p)
    ref::deformable_attention(value, loc + 2 * p, attn, out + p, 1, 2, 3, 1, 1,
                              1, 1);
  expect("deformable_attention bilinear points", out,
         {7, 13, 0.25, 3.25, 1.25});
  // All five points of one query with weights: sum attn_p · sample_p.
  const float w5[] = {0.5f, 0.25f, 2, -1, 1};
  ref::deformable_attention(value, loc, w5, out, 1, 2, 3, 1, 1, 1, 5);
  expect("deformable_attention weighted sum", out,
         {0.5 * 7 + 0.25 * 13 + 2 * 0.25 - 3.25 + 1.25});
  // Layout: 2 heads x dim 2, value[B, HW, heads, dim]; head 1 samples the
  // pixel centre (x 0, y 1) = spatial index 3, dims 2 and 3 of that pixel.
  std::vector<float> v2(6 * 2 * 2);
  for (int i = 0; i < 24; ++i)
    v2[i] = float(i);
  const float l2[] = {0.5f / 3, 0.25f, 0.5f / 3, 0.75f}; // heads 0, 1 (P = 1)
  const float a2[] = {1, 2};
  float o2[4];
  ref::deformable_attention(v2.data(), l2, a2, o2, 1, 2, 3, 2, 2, 1, 1);
  // head 0 at pixel 0: value[(0·2 + 0)·2 + d] = 0, 1; head 1 at pixel 3:
  // value[(3·2 + 1)·2 + d] = 14, 15, times attn 2.
  expect("deformable_attention heads/dim layout", o2, {0, 1, 28, 30});
}

int main() {
  elementwise();
  rows();
  products();
  convolutions();
  pooling();
  norms();
  movement();
  attention();
  deformable();
  std::printf("%s: %d failed\n", failures ? "FAIL" : "PASS", failures);
  return failures ? 1 : 0;
}
