//===- bang_emu/fp16.h - half and bfloat16_t storage types ------*- C++ -*-===//
//
// `half` (IEEE 754 binary16) and `bfloat16_t` (bfloat16: binary32 with the
// low 16 bits dropped) as 2-byte, trivially copyable storage types:
//
// * conversion from float/double rounds to nearest, ties to even (overflow
//   gives infinity, tiny values give subnormals or signed zero, NaN stays a
//   quiet NaN); conversion to float is exact;
// * arithmetic converts to float, computes, and rounds the result back (one
//   rounding per operation, like native half arithmetic);
// * mixing with a builtin floating type computes in that type (`h * 2.0f` is
//   a float), mixing with an integer stays in half (`h + 1` is a half), as C
//   does for _Float16.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_FP16_H
#define BANG_EMU_FP16_H

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace bang_emu {

/// Rounds `value` to the nearest number of the binary format with `E`
/// exponent and `M` mantissa bits (ties to even) and returns its bits.
template <int E, int M> inline uint16_t roundToBits(double value) {
  uint64_t x;
  std::memcpy(&x, &value, sizeof x);
  const uint16_t sign = uint16_t((x >> 63) << (E + M));
  const uint64_t magnitude = x & 0x7FFFFFFFFFFFFFFFull;
  const uint16_t infinity = uint16_t(((1u << E) - 1) << M);
  if (magnitude >= 0x7FF0000000000000ull) {
    if (magnitude == 0x7FF0000000000000ull)
      return sign | infinity;
    // NaN: quiet, keep the top payload bits.
    uint16_t payload = uint16_t((magnitude >> (52 - M)) & ((1u << M) - 1));
    return sign | infinity | uint16_t(1u << (M - 1)) | payload;
  }
  const int biasedExponent = int(magnitude >> 52);
  if (biasedExponent == 0)
    return sign; // double subnormals are far below any subnormal here
  const int bias = (1 << (E - 1)) - 1;
  const int exponent = biasedExponent - 1023;
  if (exponent > bias)
    return sign | infinity;
  const uint64_t mantissa = (magnitude & ((1ull << 52) - 1)) | (1ull << 52);
  // Normal results keep M mantissa bits; subnormal ones fewer.
  int shift = exponent >= 1 - bias ? 52 - M : 52 - M + (1 - bias - exponent);
  if (shift >= 54)
    return sign; // below half of the smallest subnormal
  uint64_t rounded = mantissa >> shift;
  const uint64_t rest = mantissa & ((1ull << shift) - 1);
  const uint64_t halfway = 1ull << (shift - 1);
  if (rest > halfway || (rest == halfway && (rounded & 1)))
    ++rounded;
  // `rounded` still holds the implicit bit for normals: adding the exponent
  // field minus one lets a mantissa carry bump the exponent (up to infinity).
  uint64_t bits = exponent >= 1 - bias
                      ? (uint64_t(exponent + bias - 1) << M) + rounded
                      : rounded;
  return sign | uint16_t(bits);
}

inline float halfBitsToFloat(uint16_t h) {
  uint32_t sign = uint32_t(h & 0x8000) << 16;
  uint32_t exponent = (h >> 10) & 0x1F;
  uint32_t mantissa = h & 0x3FF;
  uint32_t bits;
  if (exponent == 0x1F) {
    bits = sign | 0x7F800000u | (mantissa << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  } else if (mantissa == 0) {
    bits = sign;
  } else {
    // Subnormal half: normalise.
    int e = 113;
    while (!(mantissa & 0x400)) {
      mantissa <<= 1;
      --e;
    }
    bits = sign | (uint32_t(e) << 23) | ((mantissa & 0x3FF) << 13);
  }
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

inline float bf16BitsToFloat(uint16_t b) {
  uint32_t bits = uint32_t(b) << 16;
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

/// The two 16-bit float types share everything but the encoding.
template <class Tag> class Float16 {
public:
  Float16() = default; // trivial: on-chip arrays stay uninitialised
  Float16(float f) : bits_(Tag::fromDouble(f)) {}
  Float16(double d) : bits_(Tag::fromDouble(d)) {}
  Float16(long double d) : bits_(Tag::fromDouble(double(d))) {}
  template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
  Float16(I i) : bits_(Tag::fromDouble(double(i))) {}

  operator float() const { return Tag::toFloat(bits_); }

  static Float16 fromBits(uint16_t bits) {
    Float16 f;
    f.bits_ = bits;
    return f;
  }
  uint16_t bits() const { return bits_; }

  Float16 operator-() const { return fromBits(uint16_t(bits_ ^ 0x8000)); }
  Float16 operator+() const { return *this; }
  Float16 &operator++() { return *this = Float16(float(*this) + 1.0f); }
  Float16 &operator--() { return *this = Float16(float(*this) - 1.0f); }
  Float16 operator++(int) {
    Float16 old = *this;
    ++*this;
    return old;
  }
  Float16 operator--(int) {
    Float16 old = *this;
    --*this;
    return old;
  }

private:
  uint16_t bits_;
};

struct HalfTag {
  static uint16_t fromDouble(double d) { return roundToBits<5, 10>(d); }
  static float toFloat(uint16_t b) { return halfBitsToFloat(b); }
};
struct BFloat16Tag {
  static uint16_t fromDouble(double d) { return roundToBits<8, 7>(d); }
  static float toFloat(uint16_t b) { return bf16BitsToFloat(b); }
};

template <class T> struct IsFloat16 : std::false_type {};
template <class Tag> struct IsFloat16<Float16<Tag>> : std::true_type {};

/// Result type of `Float16 op U`: the builtin floating type, or the 16-bit
/// type itself for integers.
template <class F, class U>
using MixedResult =
    std::conditional_t<std::is_floating_point_v<U>,
                       std::common_type_t<float, U>, F>;

#define BANG_EMU_FP16_ARITH(OP)                                                \
  template <class Tag>                                                         \
  inline Float16<Tag> operator OP(Float16<Tag> a, Float16<Tag> b) {            \
    return Float16<Tag>(float(a) OP float(b));                                 \
  }                                                                            \
  template <class Tag, class U,                                                \
            std::enable_if_t<std::is_arithmetic_v<U>, int> = 0>                \
  inline MixedResult<Float16<Tag>, U> operator OP(Float16<Tag> a, U b) {       \
    using R = MixedResult<Float16<Tag>, U>;                                    \
    if constexpr (std::is_floating_point_v<U>)                                 \
      return R(a) OP R(b);                                                     \
    else                                                                       \
      return R(float(a) OP float(b));                                          \
  }                                                                            \
  template <class Tag, class U,                                                \
            std::enable_if_t<std::is_arithmetic_v<U>, int> = 0>                \
  inline MixedResult<Float16<Tag>, U> operator OP(U a, Float16<Tag> b) {       \
    using R = MixedResult<Float16<Tag>, U>;                                    \
    if constexpr (std::is_floating_point_v<U>)                                 \
      return R(a) OP R(b);                                                     \
    else                                                                       \
      return R(float(a) OP float(b));                                          \
  }                                                                            \
  template <class Tag, class U>                                                \
  inline Float16<Tag> &operator OP##=(Float16<Tag> &a, U b) {                  \
    return a = Float16<Tag>(a OP b);                                           \
  }
BANG_EMU_FP16_ARITH(+)
BANG_EMU_FP16_ARITH(-)
BANG_EMU_FP16_ARITH(*)
BANG_EMU_FP16_ARITH(/)
#undef BANG_EMU_FP16_ARITH

#define BANG_EMU_FP16_COMPARE(OP)                                              \
  template <class Tag>                                                         \
  inline bool operator OP(Float16<Tag> a, Float16<Tag> b) {                    \
    return float(a) OP float(b);                                               \
  }                                                                            \
  template <class Tag, class U,                                                \
            std::enable_if_t<std::is_arithmetic_v<U>, int> = 0>                \
  inline bool operator OP(Float16<Tag> a, U b) {                               \
    using C = std::common_type_t<float, U>;                                    \
    return C(float(a)) OP C(b);                                                \
  }                                                                            \
  template <class Tag, class U,                                                \
            std::enable_if_t<std::is_arithmetic_v<U>, int> = 0>                \
  inline bool operator OP(U a, Float16<Tag> b) {                               \
    using C = std::common_type_t<float, U>;                                    \
    return C(a) OP C(float(b));                                                \
  }
BANG_EMU_FP16_COMPARE(==)
BANG_EMU_FP16_COMPARE(!=)
BANG_EMU_FP16_COMPARE(<)
BANG_EMU_FP16_COMPARE(<=)
BANG_EMU_FP16_COMPARE(>)
BANG_EMU_FP16_COMPARE(>=)
#undef BANG_EMU_FP16_COMPARE

} // namespace bang_emu

/// IEEE 754 binary16, BANG's `half`.
using half = bang_emu::Float16<bang_emu::HalfTag>;
/// bfloat16, BANG's `bfloat16_t`.
using bfloat16_t = bang_emu::Float16<bang_emu::BFloat16Tag>;

static_assert(sizeof(half) == 2 && alignof(half) == 2, "half is 2 bytes");
static_assert(sizeof(bfloat16_t) == 2, "bfloat16_t is 2 bytes");
static_assert(std::is_trivially_copyable_v<half> &&
                  std::is_trivially_default_constructible_v<half>,
              "half must be plain storage");

#endif // BANG_EMU_FP16_H
