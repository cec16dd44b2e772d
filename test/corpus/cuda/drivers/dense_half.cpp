//===- dense_half.cpp - check the half-input CUDA dense ---------*- C++ -*-===//
//
// The CUDA dense takes half x and W (tensor cores), an fp32 bias, and writes
// fp32 y. Rounds seeded x and W to half, runs the launcher, and compares
// with ref::dense on the half-rounded inputs under the half-input product
// tolerance (1e-2 + 1e-2|ref|). Shapes cover whole tiles, edge tiles and
// sizes that are not multiples of 16. Returns non-zero on a mismatch.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <cstdio>
#include <cuda_fp16.h>
#include <vector>

#include "check.h"
#include "dense.h"

extern "C" void dense(const __half *x, const __half *W, const float *bias,
                      float *y, int M, int N, int K);

// The half values the kernel reads, and the same values as floats (exact).
static void roundToHalf(const std::vector<float> &v, std::vector<__half> &h,
                        std::vector<float> &rounded) {
  h.resize(v.size());
  rounded.resize(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    h[i] = __float2half(v[i]);
    rounded[i] = __half2float(h[i]);
  }
}

static bool run(int M, int N, int K, uint64_t seed) {
  std::vector<__half> hx, hW;
  std::vector<float> rx, rW;
  roundToHalf(check::randomFloats(size_t(M) * K, seed), hx, rx);
  roundToHalf(check::randomFloats(size_t(N) * K, seed + 1), hW, rW);
  std::vector<float> bias = check::randomFloats(size_t(N), seed + 2);
  std::vector<float> got(size_t(M) * N, NAN), want(size_t(M) * N);
  dense(hx.data(), hW.data(), bias.data(), got.data(), M, N, K);
  ref::dense(rx.data(), rW.data(), bias.data(), want.data(), M, N, K);
  char what[64];
  std::snprintf(what, sizeof what, "dense half M=%d N=%d K=%d", M, N, K);
  return check::allClose(what, got.data(), want.data(), got.size(), 1e-2f,
                         1e-2f);
}

int main() {
  bool ok = true;
  ok &= run(16, 16, 16, 1);
  ok &= run(64, 128, 64, 2);
  ok &= run(100, 72, 50, 3);
  ok &= run(3, 1, 200, 4);
  return ok ? 0 : 1;
}
