//===- driver.h - shared scaffolding of the corpus test drivers -*- C++ -*-===//
//
// Included by every drivers/<op>.cpp. Host-only C++17 (g++, nvcc on a .cpp
// file, clang++), no dependencies beyond ../reference/check.h.
//
// Macros a test may set on the compile line (see README.md):
//   CORPUS_SHAPE_MULTIPLE=m  every extent the driver marks as a "size" (matrix
//                            dims, channels, lengths, rows/cols, seq, dim...)
//                            is rounded up to a multiple of m; batch, heads,
//                            points, kernel windows and strides are not.
//   CORPUS_INPUT_T=T         matrix-product drivers pass their matrix operands
//                            as T (e.g. __half, _Float16) instead of float;
//                            outputs (and bias) stay float. The reference sees
//                            the same values rounded to T, and the tolerance
//                            becomes the half-input one (1e-2 + 1e-2|ref|).
//   CORPUS_LAUNCHER=name     the extern "C" function the driver calls
//                            (default: the operator's launcher name).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_CORPUS_DRIVER_H
#define XPILER_CORPUS_DRIVER_H

#include "../reference/check.h"

#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <vector>

#ifndef CORPUS_SHAPE_MULTIPLE
#define CORPUS_SHAPE_MULTIPLE 1
#endif

namespace drv {

/// A "size" extent of a test shape, rounded up to CORPUS_SHAPE_MULTIPLE.
inline int dim(int v) {
  const int m = CORPUS_SHAPE_MULTIPLE;
  return m > 1 ? (v + m - 1) / m * m : v;
}

/// Tolerances of ../README.md.
constexpr float kElementwiseTol = 1e-4f; // |d| <= 1e-4 + 1e-4|ref|
constexpr float kReductionTol = 1e-3f;   // reductions and products
constexpr float kHalfInputTol = 1e-2f;   // half-input products

/// The matrix-operand type of product drivers and its tolerance.
#ifdef CORPUS_INPUT_T
using In = CORPUS_INPUT_T;
constexpr float kProductTol = kHalfInputTol;
#else
using In = float;
constexpr float kProductTol = kReductionTol;
#endif

/// Converts `v` to the operand type and rounds `v` in place to the values
/// the launcher actually receives, so the reference computes on the same
/// inputs.
inline std::vector<In> toInput(std::vector<float> &v) {
  std::vector<In> out(v.size());
  for (size_t i = 0; i < v.size(); ++i) {
    out[i] = In(v[i]);
    v[i] = float(out[i]);
  }
  return out;
}

/// An output buffer the launcher must overwrite: NaN-filled, so any element
/// it leaves unwritten is reported as a mismatch.
inline std::vector<float> poisoned(size_t n) {
  return std::vector<float>(n, std::numeric_limits<float>::quiet_NaN());
}

/// Integer outputs: filled with a sentinel no test result takes.
inline std::vector<int32_t> poisonedInts(size_t n) {
  return std::vector<int32_t>(n, INT32_MIN);
}

/// uint8 activations in [0, 255] and int8 weights in [-128, 127].
inline std::vector<uint8_t> randomU8(size_t n, uint64_t seed) {
  std::vector<int> v = check::randomInts(n, seed, 0, 256);
  return std::vector<uint8_t>(v.begin(), v.end());
}
inline std::vector<int8_t> randomS8(size_t n, uint64_t seed) {
  std::vector<int> v = check::randomInts(n, seed, -128, 128);
  return std::vector<int8_t>(v.begin(), v.end());
}

/// A printf-formatted label for the comparison messages.
struct Label {
  char text[160];
  Label(const char *fmt, ...) {
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
  }
  operator const char *() const { return text; }
};

/// Prints the verdict; the driver's exit status (0 only when all agreed).
inline int finish(bool ok, const char *op) {
  std::printf("%s %s\n", ok ? "PASS" : "FAIL", op);
  return ok ? 0 : 1;
}

} // namespace drv

#endif // XPILER_CORPUS_DRIVER_H
