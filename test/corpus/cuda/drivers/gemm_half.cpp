//===- gemm_half.cpp - check the half-input CUDA gemm -----------*- C++ -*-===//
//
// The CUDA gemm takes half A and B (tensor cores) and writes fp32 C. Rounds
// seeded inputs to half, runs the launcher, and compares with ref::gemm on
// the half-rounded inputs under the half-input product tolerance
// (1e-2 + 1e-2|ref|). Shapes cover whole tiles, edge tiles and sizes that
// are not multiples of 16. Returns non-zero on a mismatch.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <cstdio>
#include <cuda_fp16.h>
#include <vector>

#include "check.h"
#include "gemm.h"

extern "C" void gemm(const __half *A, const __half *B, float *C, int M, int N,
                     int K);

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
  std::vector<__half> hA, hB;
  std::vector<float> rA, rB;
  roundToHalf(check::randomFloats(size_t(M) * K, seed), hA, rA);
  roundToHalf(check::randomFloats(size_t(K) * N, seed + 1), hB, rB);
  std::vector<float> got(size_t(M) * N, NAN), want(size_t(M) * N);
  gemm(hA.data(), hB.data(), got.data(), M, N, K);
  ref::gemm(rA.data(), rB.data(), want.data(), M, N, K);
  char what[64];
  std::snprintf(what, sizeof what, "gemm half M=%d N=%d K=%d", M, N, K);
  return check::allClose(what, got.data(), want.data(), got.size(), 1e-2f,
                         1e-2f);
}

int main() {
  bool ok = true;
  ok &= run(16, 16, 16, 1);
  ok &= run(128, 64, 96, 2);
  ok &= run(100, 72, 50, 3);
  ok &= run(1, 33, 7, 4);
  ok &= run(67, 1, 129, 5);
  return ok ? 0 : 1;
}
