//===- bmm_half.cpp - check the half-input CUDA bmm -------------*- C++ -*-===//
//
// The CUDA bmm takes half A and B (tensor cores) and writes fp32 C. Rounds
// seeded inputs to half, runs the launcher, and compares with ref::bmm on
// the half-rounded inputs under the half-input product tolerance
// (1e-2 + 1e-2|ref|). Shapes cover whole tiles, edge tiles and sizes that
// are not multiples of 16. Returns non-zero on a mismatch.
//
//===----------------------------------------------------------------------===//

#include <cmath>
#include <cstdio>
#include <cuda_fp16.h>
#include <vector>

#include "bmm.h"
#include "check.h"

extern "C" void bmm(const __half *A, const __half *B, float *C, int batch,
                    int M, int N, int K);

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

static bool run(int batch, int M, int N, int K, uint64_t seed) {
  std::vector<__half> hA, hB;
  std::vector<float> rA, rB;
  roundToHalf(check::randomFloats(size_t(batch) * M * K, seed), hA, rA);
  roundToHalf(check::randomFloats(size_t(batch) * K * N, seed + 1), hB, rB);
  std::vector<float> got(size_t(batch) * M * N, NAN),
      want(size_t(batch) * M * N);
  bmm(hA.data(), hB.data(), got.data(), batch, M, N, K);
  ref::bmm(rA.data(), rB.data(), want.data(), batch, M, N, K);
  char what[80];
  std::snprintf(what, sizeof what, "bmm half batch=%d M=%d N=%d K=%d", batch,
                M, N, K);
  return check::allClose(what, got.data(), want.data(), got.size(), 1e-2f,
                         1e-2f);
}

int main() {
  bool ok = true;
  ok &= run(1, 16, 16, 16, 1);
  ok &= run(4, 64, 128, 32, 2);
  ok &= run(3, 70, 45, 37, 3);
  ok &= run(5, 1, 17, 3, 4);
  return ok ? 0 : 1;
}
