//===- check.h - shared helpers of the corpus tests --------------*- C++ -*-===//
//
// Seeded inputs that exercise signs, zeros and magnitudes, and comparisons
// with the corpus tolerances (see ../README.md). Header-only, C++17, no
// dependencies, usable from host code compiled by g++, nvcc or clang.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_CHECK_H
#define XPILER_CORPUS_CHECK_H

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace check {

/// A small deterministic generator (xorshift64*), identical everywhere.
struct Rng {
  uint64_t state;
  explicit Rng(uint64_t seed) : state(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Dull;
  }
  /// Uniform in [lo, hi).
  float uniform(float lo, float hi) {
    return lo + (hi - lo) * float(next() >> 40) / float(1ull << 24);
  }
  int integer(int lo, int hi) { return lo + int(next() % uint64_t(hi - lo)); }
};

/// Values in [lo, hi) with some exact zeros mixed in (every 7th).
inline std::vector<float> randomFloats(size_t n, uint64_t seed,
                                       float lo = -4.0f, float hi = 4.0f) {
  Rng rng(seed);
  std::vector<float> v(n);
  for (size_t i = 0; i < n; ++i)
    v[i] = (i % 7 == 3) ? 0.0f : rng.uniform(lo, hi);
  return v;
}

inline std::vector<int> randomInts(size_t n, uint64_t seed, int lo, int hi) {
  Rng rng(seed);
  std::vector<int> v(n);
  for (auto &x : v)
    x = rng.integer(lo, hi);
  return v;
}

/// Appends the bytes of every checked output to the file named by
/// $CORPUS_DUMP, so two builds of one kernel (a source and its
/// translation) can be compared bit for bit with `cmp`.
inline void dump(const void *data, size_t bytes) {
  const char *path = std::getenv("CORPUS_DUMP");
  if (!path || !*path)
    return;
  if (std::FILE *file = std::fopen(path, "ab")) {
    std::fwrite(data, 1, bytes, file);
    std::fclose(file);
  }
}

/// Compares `got` with `want`: |got − want| <= atol + rtol·|want|, NaN only
/// where the reference has NaN. Prints the first mismatch and the worst
/// error; returns true when they agree.
inline bool allClose(const char *what, const float *got, const float *want,
                     size_t n, float atol, float rtol) {
  dump(got, n * sizeof(float));
  size_t bad = 0, first = n;
  double worst = 0;
  for (size_t i = 0; i < n; ++i) {
    double d = std::fabs(double(got[i]) - double(want[i]));
    bool ok = std::isnan(want[i]) ? std::isnan(got[i])
                                  : !std::isnan(got[i]) &&
                                        d <= atol + rtol * std::fabs(want[i]);
    if (!ok) {
      if (first == n)
        first = i;
      ++bad;
    }
    if (!std::isnan(d) && d > worst)
      worst = d;
  }
  if (bad) {
    std::printf("FAIL %s: %zu of %zu differ; first at %zu: got %.9g, want "
                "%.9g; max abs error %.3g\n",
                what, bad, n, first, double(got[first]), double(want[first]),
                worst);
    return false;
  }
  std::printf("ok %s: %zu values, max abs error %.3g\n", what, n, worst);
  return true;
}

/// Exact comparison for integer outputs.
template <typename T>
inline bool allEqual(const char *what, const T *got, const T *want, size_t n) {
  dump(got, n * sizeof(T));
  for (size_t i = 0; i < n; ++i)
    if (got[i] != want[i]) {
      std::printf("FAIL %s: first difference at %zu: got %lld, want %lld\n",
                  what, i, (long long)got[i], (long long)want[i]);
      return false;
    }
  std::printf("ok %s: %zu values equal\n", what, n);
  return true;
}

} // namespace check

#endif // XPILER_CORPUS_CHECK_H
