//===- CoreRuntime.cpp - traps, device memory, number conversions ---------===//
//
// What every lowered program may call: the trap that ends a run with a
// report, the bounds and division checks' slow paths, device memory
// (cudaMalloc/hipMalloc/cnrtMalloc and their copies, all bounds-checked),
// and the half/bfloat16 conversions LLVM's x86 code calls.
//
//===----------------------------------------------------------------------===//

#include "Runtime.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

using namespace xpiler::exec::rt;

static TrapReport *trapReport = nullptr;

void xpiler::exec::rt::setTrapReport(TrapReport *report) {
  trapReport = report;
}

void xpiler::exec::rt::trap(TrapKind kind, int64_t location, int64_t a,
                            int64_t b, int64_t c) {
  if (!trapReport) {
    std::fprintf(stderr, "xpiler runtime: trap %lld at location %lld\n",
                 (long long)kind, (long long)location);
    std::abort();
  }
  trapReport->kind = (int64_t)kind;
  trapReport->location = location;
  trapReport->a = a;
  trapReport->b = b;
  trapReport->c = c;
  std::fflush(nullptr);
  _exit(86);
}

extern "C" {

/// Called by the checks the lowering inserts before loads, stores and
/// divisions (see BoundsChecks.cpp).
void __xpl_rt_trap(int64_t kind, int64_t location, int64_t a, int64_t b,
                   int64_t c) {
  trap((TrapKind)kind, location, a, b, c);
}

/// Index check of dialect ops that access one element (atomics, ...).
void __xpl_rt_check_index(int64_t index, int64_t extent, int64_t location) {
  if (index < 0 || index >= extent)
    trap(TrapKind::OutOfBounds, location, index, extent, 1);
}

/// Device allocation of `bytes` bytes, filled with 0xff bytes (a NaN in
/// every float type) so that reading what was never written shows.
void *__xpl_rt_malloc(int64_t bytes, int64_t location) {
  if (bytes < 0)
    trap(TrapKind::InvalidLaunch, location, bytes);
  size_t n = ((size_t)bytes + 63) / 64 * 64 + 64;
  void *p = std::aligned_alloc(64, n);
  if (!p)
    trap(TrapKind::InvalidLaunch, location, bytes);
  std::memset(p, 0xff, n);
  return p;
}

void __xpl_rt_free(void *p) { std::free(p); }

/// memcpy of `bytes` bytes between buffers of `dstBytes`/`srcBytes` bytes.
void __xpl_rt_memcpy(char *dst, int64_t dstBytes, const char *src,
                     int64_t srcBytes, int64_t bytes, int64_t location) {
  checkRange(location, 0, bytes, dstBytes);
  checkRange(location, 0, bytes, srcBytes);
  std::memmove(dst, src, (size_t)bytes);
}

//===----------------------------------------------------------------------===//
// half and bfloat16 (round to nearest even, like the hardware)
//===----------------------------------------------------------------------===//

static float halfToFloat(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000) << 16;
  uint32_t exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000 | (man << 13);
  } else if (exp == 0) {
    if (man == 0) {
      bits = sign;
    } else {
      int e = -1;
      do {
        ++e;
        man <<= 1;
      } while (!(man & 0x400));
      bits = sign | ((uint32_t)(127 - 15 - e) << 23) | ((man & 0x3ff) << 13);
    }
  } else {
    bits = sign | ((exp + 112) << 23) | (man << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

static uint16_t floatToHalf(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  uint16_t sign = (x >> 16) & 0x8000;
  uint32_t absx = x & 0x7fffffff;
  if (absx >= 0x7f800000) // inf or NaN (keep NaN quiet)
    return sign | 0x7c00 |
           (absx > 0x7f800000 ? 0x200 | ((absx >> 13) & 0x3ff) : 0);
  if (absx >= 0x477ff000) // rounds to >= 65520: infinity
    return sign | 0x7c00;
  if (absx < 0x38800000) { // subnormal half or zero
    if (absx < 0x33000000)
      return sign;
    uint32_t man = (absx & 0x7fffff) | 0x800000;
    int shift = 126 - (int)(absx >> 23);
    uint32_t q = man >> (shift + 1), rem = man & ((1u << (shift + 1)) - 1);
    uint32_t half = 1u << shift;
    if (rem > half || (rem == half && (q & 1)))
      ++q;
    return sign | (uint16_t)q;
  }
  uint32_t r = absx - 0x38000000; // rebias exponent
  uint32_t q = r >> 13, rem = r & 0x1fff;
  if (rem > 0x1000 || (rem == 0x1000 && (q & 1)))
    ++q;
  return sign | (uint16_t)q;
}

// The x86-64 psABI passes half (and LLVM passes bfloat16) in XMM registers:
// the C signatures use _Float16 and move the bits in and out.
static _Float16 fromBits(uint16_t bits) {
  _Float16 h;
  std::memcpy(&h, &bits, 2);
  return h;
}
static uint16_t toBits(_Float16 h) {
  uint16_t bits;
  std::memcpy(&bits, &h, 2);
  return bits;
}

float __xpl_rt_extendhfsf2(_Float16 h) { return halfToFloat(toBits(h)); }
_Float16 __xpl_rt_truncsfhf2(float f) { return fromBits(floatToHalf(f)); }
_Float16 __xpl_rt_truncdfhf2(double d) {
  // Double rounding through float is exact enough only when the float is
  // exact; round from double directly via the float of the nearest value
  // towards zero plus sticky bit.
  float f = (float)d;
  double back = f;
  if (back != d && std::isfinite(d)) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    if ((back > d) == (d > 0))
      bits -= 1; // now truncated towards zero
    bits |= 1;   // sticky
    std::memcpy(&f, &bits, 4);
  }
  return fromBits(floatToHalf(f));
}
static uint16_t floatToBfloat(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  if ((x & 0x7fffffff) > 0x7f800000)
    return (uint16_t)((x >> 16) | 0x40);
  uint32_t rounding = 0x7fff + ((x >> 16) & 1);
  return (uint16_t)((x + rounding) >> 16);
}
_Float16 __xpl_rt_truncsfbf2(float f) { return fromBits(floatToBfloat(f)); }
_Float16 __xpl_rt_truncdfbf2(double d) {
  float f = (float)d;
  double back = f;
  if (back != d && std::isfinite(d)) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    if ((back > d) == (d > 0))
      bits -= 1;
    bits |= 1;
    std::memcpy(&f, &bits, 4);
  }
  return fromBits(floatToBfloat(f));
}

/// CUDA's and HIP's reciprocal square roots (libm has none); the reference
/// is the correctly rounded quotient.
float __xpl_rt_rsqrtf(float x) { return 1.0f / std::sqrt(x); }
double __xpl_rt_rsqrt(double x) { return 1.0 / std::sqrt(x); }

} // extern "C"

void xpiler::exec::rt::appendCoreRuntimeSymbols(
    std::vector<RuntimeSymbol> &symbols) {
  symbols.push_back({"__xpl_rt_trap", (void *)&__xpl_rt_trap});
  symbols.push_back({"__xpl_rt_check_index", (void *)&__xpl_rt_check_index});
  symbols.push_back({"rsqrtf", (void *)&__xpl_rt_rsqrtf});
  symbols.push_back({"rsqrt", (void *)&__xpl_rt_rsqrt});
  symbols.push_back({"__xpl_rt_malloc", (void *)&__xpl_rt_malloc});
  symbols.push_back({"__xpl_rt_free", (void *)&__xpl_rt_free});
  symbols.push_back({"__xpl_rt_memcpy", (void *)&__xpl_rt_memcpy});
  // LLVM's x86 code generator calls these for half and bfloat16.
  symbols.push_back({"__extendhfsf2", (void *)&__xpl_rt_extendhfsf2});
  symbols.push_back({"__gnu_h2f_ieee", (void *)&__xpl_rt_extendhfsf2});
  symbols.push_back({"__truncsfhf2", (void *)&__xpl_rt_truncsfhf2});
  symbols.push_back({"__gnu_f2h_ieee", (void *)&__xpl_rt_truncsfhf2});
  symbols.push_back({"__truncdfhf2", (void *)&__xpl_rt_truncdfhf2});
  symbols.push_back({"__truncsfbf2", (void *)&__xpl_rt_truncsfbf2});
  symbols.push_back({"__truncdfbf2", (void *)&__xpl_rt_truncdfbf2});
}
