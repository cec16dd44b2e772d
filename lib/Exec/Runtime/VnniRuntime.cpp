//===- VnniRuntime.cpp - reference semantics of the vnni intrinsics -------===//
//
// Scalar C++ versions of the AVX-512 / AVX512-VNNI intrinsics the vnni
// dialect represents, written from the operation pseudo-code of the Intel
// Intrinsics Guide and the Intel SDM (volume 2) with the default MXCSR
// (round to nearest even, no FTZ/DAZ). No x86 intrinsics: the oracle runs on
// any CPU. Vectors are byte arrays, lane 0 at the lowest address; every lane
// is read and written with memcpy (no alignment or aliasing assumptions).
//
//===----------------------------------------------------------------------===//

#include "VnniRuntime.h"

#include "Runtime.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

using namespace xpiler::exec::rt;

namespace {

// The numeric values of the vnni enums (VnniAttributes.td).
enum Lane : int32_t { Epi8 = 0, Epi16 = 1, Epi32 = 2, Epi64 = 3, Ps = 4 };
enum DotKind : int32_t { Dpbusd = 0, Dpbusds = 1, Dpwssd = 2, Dpwssds = 3 };
enum BinaryKind : int32_t {
  Add = 0,
  Sub = 1,
  Mullo = 2,
  Mul = 3,
  Max = 4,
  Min = 5,
  Div = 6,
  Scalef = 7
};
enum ReduceKind : int32_t { RAdd = 0, RMul = 1, RMax = 2, RMin = 3 };
enum CvtKind : int32_t {
  Cvtepi32Ps = 0,
  CvtpsEpi32 = 1,
  CvttpsEpi32 = 2,
  Cvtepi8Epi32 = 3,
  Cvtepu8Epi32 = 4,
  Cvtepi16Epi32 = 5,
  Cvtepu16Epi32 = 6
};

/// Detail codes of TrapKind::Unsupported (an op the verifier should have
/// rejected reached the runtime).
enum UnsupportedDetail : int64_t {
  BadLane = 0x7601,
  BadKind = 0x7602,
  BadWidth = 0x7603,
};

constexpr int64_t kNoLocation = -1;

template <typename T> T get(const void *vector, int64_t lane) {
  T value;
  std::memcpy(&value, static_cast<const char *>(vector) + lane * sizeof(T),
              sizeof(T));
  return value;
}

template <typename T> void put(void *vector, int64_t lane, T value) {
  std::memcpy(static_cast<char *>(vector) + lane * sizeof(T), &value,
              sizeof(T));
}

int64_t laneBytes(int32_t lane) {
  switch (lane) {
  case Epi8:
    return 1;
  case Epi16:
    return 2;
  case Epi32:
  case Ps:
    return 4;
  case Epi64:
    return 8;
  }
  trap(TrapKind::Unsupported, kNoLocation, BadLane, lane);
}

void checkWidth(int64_t bytes) {
  if (bytes != 16 && bytes != 32 && bytes != 64)
    trap(TrapKind::Unsupported, kNoLocation, BadWidth, bytes);
}

bool maskBit(uint64_t mask, int64_t lane) { return (mask >> lane) & 1; }

int32_t saturateI32(int64_t value) {
  if (value > std::numeric_limits<int32_t>::max())
    return std::numeric_limits<int32_t>::max();
  if (value < std::numeric_limits<int32_t>::min())
    return std::numeric_limits<int32_t>::min();
  return (int32_t)value;
}

/// Wrapping integer arithmetic on a lane of `T` (computed unsigned).
template <typename T> T wrapAdd(T l, T r) {
  using U = std::make_unsigned_t<T>;
  return (T)(U)((U)l + (U)r);
}
template <typename T> T wrapSub(T l, T r) {
  using U = std::make_unsigned_t<T>;
  return (T)(U)((U)l - (U)r);
}
template <typename T> T wrapMul(T l, T r) {
  // The low half of the exact product; unsigned multiplication of the
  // two's-complement bit patterns gives the same low bits. Promote to a
  // type at least as wide as unsigned int so that u16 * u16 does not
  // overflow a signed int.
  using U = std::make_unsigned_t<T>;
  using W = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, U>;
  return (T)(U)((W)(U)l * (W)(U)r);
}

bool isNaN(float x) { return x != x; }

/// MAX/MIN of the SDM's MAXPS/MINPS: the second operand when either is NaN
/// or both are zero (of any sign).
float maxps(float l, float r) {
  if (l == 0.0f && r == 0.0f)
    return r;
  if (isNaN(l) || isNaN(r))
    return r;
  return l > r ? l : r;
}
float minps(float l, float r) {
  if (l == 0.0f && r == 0.0f)
    return r;
  if (isNaN(l) || isNaN(r))
    return r;
  return l < r ? l : r;
}

uint32_t bitsOf(float x) {
  uint32_t u;
  std::memcpy(&u, &x, 4);
  return u;
}
float fromBits(uint32_t u) {
  float x;
  std::memcpy(&x, &u, 4);
  return x;
}
float quiet(float nan) { return fromBits(bitsOf(nan) | 0x00400000u); }
/// The "QNaN floating-point indefinite" of the SDM.
float indefinite() { return fromBits(0xffc00000u); }

/// VSCALEFPS (SDM vol. 2, "VSCALEFPS", table "VSCALEFPS/SD/SS Special
/// Cases", MXCSR.DAZ = 0): DEST = SRC1 * 2^floor(SRC2) rounded once.
/// The first row of that table is not "QNaN(Src1)" throughout: a quiet NaN
/// scaled by 2^+inf is +inf and by 2^-inf is +0 (checked on hardware).
float scalef(float src1, float src2) {
  if (isNaN(src1)) {
    bool signalling = !(bitsOf(src1) & 0x00400000u);
    if (!signalling && std::isinf(src2))
      return src2 > 0 ? std::numeric_limits<float>::infinity() : 0.0f;
    return quiet(src1);
  }
  if (isNaN(src2))
    return quiet(src2);
  if (std::isinf(src2)) {
    bool up = src2 > 0;
    if (std::isinf(src1))
      return up ? src1 : indefinite();
    if (src1 == 0.0f)
      return up ? indefinite() : src1;
    // Finite non-zero SRC1: overflows to ±inf or underflows to ±0.
    return up ? std::copysign(std::numeric_limits<float>::infinity(), src1)
              : std::copysign(0.0f, src1);
  }
  if (std::isinf(src1) || src1 == 0.0f)
    return src1;
  // |src1| in [2^-149, 2^128): clamping the exponent to [-400, 400] keeps
  // overflow/underflow, and the double product is exact (its exponent stays
  // within double's normal range), so the conversion rounds once.
  double e = std::floor((double)src2);
  if (e > 400)
    e = 400;
  if (e < -400)
    e = -400;
  return (float)std::ldexp((double)src1, (int)e);
}

/// One lane of vnni.binary on lane type `T`.
template <typename T> T integerBinary(int32_t kind, T l, T r) {
  switch (kind) {
  case Add:
    return wrapAdd(l, r);
  case Sub:
    return wrapSub(l, r);
  case Mullo:
    return wrapMul(l, r);
  case Max:
    return l > r ? l : r;
  case Min:
    return l < r ? l : r;
  }
  trap(TrapKind::Unsupported, kNoLocation, BadKind, kind);
}

float floatBinary(int32_t kind, float l, float r) {
  switch (kind) {
  case Add:
    return l + r;
  case Sub:
    return l - r;
  case Mul:
    return l * r;
  case Div:
    return l / r;
  case Max:
    return maxps(l, r);
  case Min:
    return minps(l, r);
  case Scalef:
    return scalef(l, r);
  }
  trap(TrapKind::Unsupported, kNoLocation, BadKind, kind);
}

template <typename T>
void binaryLanes(int32_t kind, int64_t lanes, void *result, const void *lhs,
                 const void *rhs, int32_t masked, uint64_t mask,
                 const void *passthru) {
  for (int64_t j = 0; j < lanes; ++j) {
    T value;
    if (!masked || maskBit(mask, j)) {
      if constexpr (std::is_same_v<T, float>)
        value = floatBinary(kind, get<T>(lhs, j), get<T>(rhs, j));
      else
        value = integerBinary<T>(kind, get<T>(lhs, j), get<T>(rhs, j));
    } else {
      value = passthru ? get<T>(passthru, j) : T(0);
    }
    put<T>(result, j, value);
  }
}

/// The relation of a _CMP_* predicate; predicates p and p + 16 differ only
/// in whether a quiet NaN signals, not in the result.
bool comparePs(int32_t predicate, float a, float b) {
  bool unordered = isNaN(a) || isNaN(b);
  switch (predicate & 15) {
  case 0: // EQ_OQ / EQ_OS
    return !unordered && a == b;
  case 1: // LT_OS / LT_OQ
    return !unordered && a < b;
  case 2: // LE_OS / LE_OQ
    return !unordered && a <= b;
  case 3: // UNORD_Q / UNORD_S
    return unordered;
  case 4: // NEQ_UQ / NEQ_US
    return unordered || a != b;
  case 5: // NLT_US / NLT_UQ
    return unordered || !(a < b);
  case 6: // NLE_US / NLE_UQ
    return unordered || !(a <= b);
  case 7: // ORD_Q / ORD_S
    return !unordered;
  case 8: // EQ_UQ / EQ_US
    return unordered || a == b;
  case 9: // NGE_US / NGE_UQ
    return unordered || !(a >= b);
  case 10: // NGT_US / NGT_UQ
    return unordered || !(a > b);
  case 11: // FALSE_OQ / FALSE_OS
    return false;
  case 12: // NEQ_OQ / NEQ_OS
    return !unordered && a != b;
  case 13: // GE_OS / GE_OQ
    return !unordered && a >= b;
  case 14: // GT_OS / GT_OQ
    return !unordered && a > b;
  default: // TRUE_UQ / TRUE_US
    return true;
  }
}

/// f32 -> i32 of CVTPS2DQ/CVTTPS2DQ: NaN and out-of-range values give the
/// integer indefinite 0x80000000.
int32_t floatToI32(float x, bool truncate) {
  if (isNaN(x))
    return std::numeric_limits<int32_t>::min();
  // Every f32 is exact in double, so is its floor and the distance to it;
  // round half to even explicitly (independent of the host's fenv).
  double d = (double)x;
  if (truncate) {
    d = std::trunc(d);
  } else {
    double low = std::floor(d), fraction = d - low;
    if (fraction > 0.5 || (fraction == 0.5 && std::fmod(low, 2.0) != 0.0))
      low += 1.0;
    d = low;
  }
  if (d >= 2147483648.0 || d < -2147483648.0)
    return std::numeric_limits<int32_t>::min();
  return (int32_t)d;
}

/// Byte range [index * elementBytes + offset, + count) of a buffer of
/// `extent` elements: checks the elements it overlaps and returns a pointer
/// to its first byte.
const char *checkedBytes(int64_t location, const void *data, int64_t extent,
                         int64_t elementBytes, int64_t index, int64_t offset,
                         int64_t count) {
  int64_t begin;
  if (elementBytes <= 0 ||
      __builtin_mul_overflow(index, elementBytes, &begin) ||
      __builtin_add_overflow(begin, offset, &begin))
    trap(TrapKind::OutOfBounds, location, index, extent, count);
  int64_t end = begin + count;
  // Elements overlapping [begin, end): floor(begin / eb) to ceil(end / eb).
  int64_t first = begin >= 0 ? begin / elementBytes
                             : -((-begin + elementBytes - 1) / elementBytes);
  int64_t last = end >= 0 ? (end + elementBytes - 1) / elementBytes
                          : -((-end) / elementBytes);
  checkRange(location, first, last - first, extent);
  return static_cast<const char *>(data) + begin;
}

void checkAlignment(int64_t location, const void *address, int64_t bytes) {
  if ((uintptr_t)address % (uintptr_t)bytes != 0)
    trap(TrapKind::Misaligned, location, (int64_t)(uintptr_t)address, bytes);
}

template <typename T>
T reduceTree(const void *vector, int64_t lanes, T (*op)(T, T)) {
  // Intel's REDUCE_<OP>(src, len): fold the upper half onto the lower half
  // (lower lane as the left operand) until one lane is left.
  T work[16];
  for (int64_t j = 0; j < lanes; ++j)
    work[j] = get<T>(vector, j);
  for (int64_t len = lanes / 2; len >= 1; len /= 2)
    for (int64_t j = 0; j < len; ++j)
      work[j] = op(work[j], work[j + len]);
  return work[0];
}

} // namespace

extern "C" {

void __xpl_rt_vnni_dp(int32_t kind, int64_t bytes, void *result,
                      const void *acc, const void *a, const void *b) {
  // Intrinsics Guide, _mm512_dpbusd_epi32 / _dpbusds / _dpwssd / _dpwssds:
  // u8 x s8 products in groups of four (s16 x s16 in pairs) summed into the
  // 32-bit lane of `acc`, wrapping, or exactly and then saturated to i32.
  checkWidth(bytes);
  for (int64_t j = 0; j < bytes / 4; ++j) {
    int64_t sum = get<int32_t>(acc, j);
    if (kind == Dpbusd || kind == Dpbusds) {
      for (int64_t k = 0; k < 4; ++k)
        sum += (int64_t)get<uint8_t>(a, 4 * j + k) *
               (int64_t)get<int8_t>(b, 4 * j + k);
    } else if (kind == Dpwssd || kind == Dpwssds) {
      for (int64_t k = 0; k < 2; ++k)
        sum += (int64_t)get<int16_t>(a, 2 * j + k) *
               (int64_t)get<int16_t>(b, 2 * j + k);
    } else {
      trap(TrapKind::Unsupported, kNoLocation, BadKind, kind);
    }
    int32_t value = (kind == Dpbusds || kind == Dpwssds)
                        ? saturateI32(sum)
                        : (int32_t)(uint32_t)(uint64_t)sum;
    put<int32_t>(result, j, value);
  }
}

void __xpl_rt_vnni_binary(int32_t kind, int32_t lane, int64_t bytes,
                          void *result, const void *lhs, const void *rhs,
                          int32_t masked, uint64_t mask,
                          const void *passthru) {
  checkWidth(bytes);
  int64_t lanes = bytes / laneBytes(lane);
  switch (lane) {
  case Epi8:
    return binaryLanes<int8_t>(kind, lanes, result, lhs, rhs, masked, mask,
                               passthru);
  case Epi16:
    return binaryLanes<int16_t>(kind, lanes, result, lhs, rhs, masked, mask,
                                passthru);
  case Epi32:
    return binaryLanes<int32_t>(kind, lanes, result, lhs, rhs, masked, mask,
                                passthru);
  case Epi64:
    return binaryLanes<int64_t>(kind, lanes, result, lhs, rhs, masked, mask,
                                passthru);
  default:
    return binaryLanes<float>(kind, lanes, result, lhs, rhs, masked, mask,
                              passthru);
  }
}

void __xpl_rt_vnni_fmadd(int64_t bytes, void *result, const void *a,
                         const void *b, const void *c) {
  // VFMADD132/213/231PS: a * b + c with one rounding (std::fma is exact to
  // the final rounding on every platform).
  checkWidth(bytes);
  for (int64_t j = 0; j < bytes / 4; ++j)
    put<float>(result, j,
               std::fmaf(get<float>(a, j), get<float>(b, j), get<float>(c, j)));
}

uint64_t __xpl_rt_vnni_cmp(int32_t predicate, int64_t bytes, const void *lhs,
                           const void *rhs) {
  checkWidth(bytes);
  uint64_t mask = 0;
  for (int64_t j = 0; j < bytes / 4; ++j)
    if (comparePs(predicate, get<float>(lhs, j), get<float>(rhs, j)))
      mask |= uint64_t(1) << j;
  return mask;
}

void __xpl_rt_vnni_blend(int32_t lane, int64_t bytes, void *result,
                         uint64_t mask, const void *a, const void *b) {
  checkWidth(bytes);
  int64_t width = laneBytes(lane);
  char *out = static_cast<char *>(result);
  for (int64_t j = 0; j < bytes / width; ++j) {
    const char *from = static_cast<const char *>(maskBit(mask, j) ? b : a);
    std::memmove(out + j * width, from + j * width, width);
  }
}

int64_t __xpl_rt_vnni_reduce_int(int32_t kind, int32_t lane,
                                 const void *vector) {
  auto reduce = [&](auto zero) -> int64_t {
    using T = decltype(zero);
    T (*op)(T, T);
    switch (kind) {
    case RAdd:
      op = [](T l, T r) { return wrapAdd(l, r); };
      break;
    case RMul:
      op = [](T l, T r) { return wrapMul(l, r); };
      break;
    case RMax:
      op = [](T l, T r) { return l > r ? l : r; };
      break;
    case RMin:
      op = [](T l, T r) { return l < r ? l : r; };
      break;
    default:
      trap(TrapKind::Unsupported, kNoLocation, BadKind, kind);
    }
    return (int64_t)reduceTree<T>(vector, 64 / sizeof(T), op);
  };
  if (lane == Epi32)
    return reduce(int32_t(0));
  if (lane == Epi64)
    return reduce(int64_t(0));
  trap(TrapKind::Unsupported, kNoLocation, BadLane, lane);
}

float __xpl_rt_vnni_reduce_ps(int32_t kind, const void *vector) {
  // Intrinsics Guide, _mm512_reduce_{add,mul,max,min}_ps: the halving tree
  // with `src[i] := src[i] OP src[i + len]` (max: `a > b ? a : b`).
  float (*op)(float, float);
  switch (kind) {
  case RAdd:
    op = [](float l, float r) { return l + r; };
    break;
  case RMul:
    op = [](float l, float r) { return l * r; };
    break;
  case RMax:
    op = [](float l, float r) { return l > r ? l : r; };
    break;
  case RMin:
    op = [](float l, float r) { return l < r ? l : r; };
    break;
  default:
    trap(TrapKind::Unsupported, kNoLocation, BadKind, kind);
  }
  return reduceTree<float>(vector, 16, op);
}

void __xpl_rt_vnni_cvt(int32_t kind, int64_t resultBytes, void *result,
                       const void *source) {
  checkWidth(resultBytes);
  int64_t lanes = resultBytes / 4;
  // Compute into a temporary: `result` may alias `source`.
  int32_t out[16];
  for (int64_t j = 0; j < lanes; ++j) {
    switch (kind) {
    case Cvtepi32Ps: {
      float f = (float)get<int32_t>(source, j); // rounds to nearest even
      std::memcpy(&out[j], &f, 4);
      break;
    }
    case CvtpsEpi32:
      out[j] = floatToI32(get<float>(source, j), /*truncate=*/false);
      break;
    case CvttpsEpi32:
      out[j] = floatToI32(get<float>(source, j), /*truncate=*/true);
      break;
    case Cvtepi8Epi32:
      out[j] = get<int8_t>(source, j);
      break;
    case Cvtepu8Epi32:
      out[j] = get<uint8_t>(source, j);
      break;
    case Cvtepi16Epi32:
      out[j] = get<int16_t>(source, j);
      break;
    case Cvtepu16Epi32:
      out[j] = get<uint16_t>(source, j);
      break;
    default:
      trap(TrapKind::Unsupported, kNoLocation, BadKind, kind);
    }
  }
  std::memcpy(result, out, lanes * 4);
}

void __xpl_rt_vnni_load(int64_t location, const void *data, int64_t extent,
                        int64_t elementBytes, int64_t index, int64_t bytes,
                        int32_t aligned, void *result) {
  const char *p =
      checkedBytes(location, data, extent, elementBytes, index, 0, bytes);
  if (aligned)
    checkAlignment(location, p, bytes);
  std::memmove(result, p, bytes);
}

void __xpl_rt_vnni_store(int64_t location, void *data, int64_t extent,
                         int64_t elementBytes, int64_t index, int64_t bytes,
                         int32_t aligned, const void *value) {
  char *p = const_cast<char *>(
      checkedBytes(location, data, extent, elementBytes, index, 0, bytes));
  if (aligned)
    checkAlignment(location, p, bytes);
  std::memmove(p, value, bytes);
}

void __xpl_rt_vnni_masked_load(int64_t location, const void *data,
                               int64_t extent, int64_t elementBytes,
                               int64_t index, int32_t lane, int64_t bytes,
                               uint64_t mask, int32_t aligned,
                               const void *passthru, void *result) {
  // _mm*_mask[z]_load[u]_*: only the lanes whose mask bit is set are read
  // (and checked); the others keep `passthru` or become zero.
  checkWidth(bytes);
  int64_t width = laneBytes(lane);
  if (aligned) {
    int64_t begin;
    if (__builtin_mul_overflow(index, elementBytes, &begin))
      trap(TrapKind::OutOfBounds, location, index, extent, bytes);
    checkAlignment(location, static_cast<const char *>(data) + begin, bytes);
  }
  char buffer[64];
  for (int64_t j = 0; j < bytes / width; ++j) {
    if (maskBit(mask, j)) {
      const char *p = checkedBytes(location, data, extent, elementBytes, index,
                                   j * width, width);
      std::memcpy(buffer + j * width, p, width);
    } else if (passthru) {
      std::memcpy(buffer + j * width,
                  static_cast<const char *>(passthru) + j * width, width);
    } else {
      std::memset(buffer + j * width, 0, width);
    }
  }
  std::memcpy(result, buffer, bytes);
}

void __xpl_rt_vnni_masked_store(int64_t location, void *data, int64_t extent,
                                int64_t elementBytes, int64_t index,
                                int32_t lane, int64_t bytes, uint64_t mask,
                                int32_t aligned, const void *value) {
  checkWidth(bytes);
  int64_t width = laneBytes(lane);
  if (aligned) {
    int64_t begin;
    if (__builtin_mul_overflow(index, elementBytes, &begin))
      trap(TrapKind::OutOfBounds, location, index, extent, bytes);
    checkAlignment(location, static_cast<const char *>(data) + begin, bytes);
  }
  for (int64_t j = 0; j < bytes / width; ++j) {
    if (!maskBit(mask, j))
      continue;
    char *p = const_cast<char *>(checkedBytes(location, data, extent,
                                              elementBytes, index, j * width,
                                              width));
    std::memcpy(p, static_cast<const char *>(value) + j * width, width);
  }
}

void __xpl_rt_vnni_gather(int64_t location, const void *data, int64_t extent,
                          int64_t elementBytes, int64_t index,
                          const void *offsets, int32_t scale, void *result) {
  // _mm512_i32gather_ps/epi32: lane j is the 4 bytes at
  // p + SignExtend64(vindex.i32[j]) * scale.
  if (scale != 1 && scale != 2 && scale != 4 && scale != 8)
    trap(TrapKind::Unsupported, location, BadKind, scale);
  char buffer[64];
  for (int64_t j = 0; j < 16; ++j) {
    int64_t offset = (int64_t)get<int32_t>(offsets, j) * scale;
    const char *p =
        checkedBytes(location, data, extent, elementBytes, index, offset, 4);
    std::memcpy(buffer + 4 * j, p, 4);
  }
  std::memcpy(result, buffer, 64);
}

} // extern "C"

void xpiler::exec::rt::appendVnniRuntimeSymbols(
    std::vector<RuntimeSymbol> &symbols) {
#define XPL_VNNI_SYMBOL(name) symbols.push_back({#name, (void *)&name})
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_dp);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_binary);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_fmadd);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_cmp);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_blend);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_reduce_int);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_reduce_ps);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_cvt);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_load);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_store);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_masked_load);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_masked_store);
  XPL_VNNI_SYMBOL(__xpl_rt_vnni_gather);
#undef XPL_VNNI_SYMBOL
}
