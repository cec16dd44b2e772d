//===- bang_emu/vector.h - fills, elementwise, reductions ----*- C++ -*-===//
//
// bang.fill, bang.write_zero, bang.binary, bang.binary_scalar, bang.cycle,
// bang.unary and bang.reduce. Each builtin exists for exactly the element
// types the bang dialect lists for it (another type does not compile).
// Every operand is in NRAM; counts are elements and must be positive.
//
// half and bfloat16_t elements are computed in float and rounded back once
// per element; int16_t/int32_t add/sub/mul wrap around.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_VECTOR_H
#define BANG_EMU_VECTOR_H

#include "core.h"
#include "fp16.h"

#include <cmath>
#include <cstdint>

namespace bang_emu {

/// The type a builtin computes an element of T in.
template <class T> struct Compute {
  using type = float;
};
template <> struct Compute<int16_t> {
  using type = int64_t;
};
template <> struct Compute<int32_t> {
  using type = int64_t;
};
template <class T> using ComputeT = typename Compute<T>::type;

template <class T> inline T fromCompute(ComputeT<T> v) {
  if constexpr (std::is_integral_v<T>)
    return T(uint64_t(v)); // wrap around
  else
    return T(v);
}

//===----------------------------------------------------------------------===//
// Fills
//===----------------------------------------------------------------------===//

template <class T>
inline void fill(const char *builtin, void *dst, int count, T value) {
  checkPositive(builtin, "elem_count", count);
  checkOperand(builtin, "dst", Space::nram, dst,
               (long long)count * sizeof(T));
  T *p = static_cast<T *>(dst);
  for (int i = 0; i < count; ++i)
    p[i] = value;
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

namespace op {
struct Add {
  template <class C> C operator()(C a, C b) const { return a + b; }
};
struct Sub {
  template <class C> C operator()(C a, C b) const { return a - b; }
};
struct Mul {
  template <class C> C operator()(C a, C b) const { return a * b; }
};
struct Div {
  float operator()(float a, float b) const { return a / b; }
};
struct Max {
  float operator()(float a, float b) const { return std::fmax(a, b); }
};
struct Min {
  float operator()(float a, float b) const { return std::fmin(a, b); }
};
#define BANG_EMU_COMPARE_OP(NAME, OP)                                          \
  struct NAME {                                                                \
    template <class C> C operator()(C a, C b) const {                          \
      return a OP b ? C(1) : C(0);                                             \
    }                                                                          \
  };
BANG_EMU_COMPARE_OP(Eq, ==)
BANG_EMU_COMPARE_OP(Ne, !=)
BANG_EMU_COMPARE_OP(Gt, >)
BANG_EMU_COMPARE_OP(Ge, >=)
BANG_EMU_COMPARE_OP(Lt, <)
BANG_EMU_COMPARE_OP(Le, <=)
#undef BANG_EMU_COMPARE_OP
struct And {
  template <class C> C operator()(C a, C b) const {
    return (a != C(0)) && (b != C(0)) ? C(1) : C(0);
  }
};
struct Or {
  template <class C> C operator()(C a, C b) const {
    return (a != C(0)) || (b != C(0)) ? C(1) : C(0);
  }
};
struct Xor {
  template <class C> C operator()(C a, C b) const {
    return (a != C(0)) != (b != C(0)) ? C(1) : C(0);
  }
};
} // namespace op

template <class T, class Op>
inline void binary(const char *builtin, T *dst, const T *src0, const T *src1,
                   int count, Op op) {
  checkPositive(builtin, "elem_count", count);
  long long bytes = (long long)count * sizeof(T);
  checkOperand(builtin, "dst", Space::nram, dst, bytes);
  checkOperand(builtin, "src0", Space::nram, src0, bytes);
  checkOperand(builtin, "src1", Space::nram, src1, bytes);
  using C = ComputeT<T>;
  for (int i = 0; i < count; ++i)
    dst[i] = fromCompute<T>(op(C(src0[i]), C(src1[i])));
}

template <class T, class Op>
inline void binaryScalar(const char *builtin, T *dst, const T *src, T value,
                         int count, Op op) {
  checkPositive(builtin, "elem_count", count);
  long long bytes = (long long)count * sizeof(T);
  checkOperand(builtin, "dst", Space::nram, dst, bytes);
  checkOperand(builtin, "src", Space::nram, src, bytes);
  using C = ComputeT<T>;
  const C v = C(value);
  for (int i = 0; i < count; ++i)
    dst[i] = fromCompute<T>(op(C(src[i]), v));
}

template <class T, class Op>
inline void cycle(const char *builtin, T *dst, const T *src, const T *seg,
                  int srcCount, int segCount, Op op) {
  checkPositive(builtin, "src_elem_count", srcCount);
  checkPositive(builtin, "seg_elem_count", segCount);
  if (srcCount % segCount != 0)
    fatal("%s: src_elem_count %d is not a multiple of seg_elem_count %d",
          builtin, srcCount, segCount);
  long long bytes = (long long)srcCount * sizeof(T);
  checkOperand(builtin, "dst", Space::nram, dst, bytes);
  checkOperand(builtin, "src", Space::nram, src, bytes);
  checkOperand(builtin, "seg", Space::nram, seg,
               (long long)segCount * sizeof(T));
  using C = ComputeT<T>;
  for (int i = 0; i < srcCount; ++i)
    dst[i] = fromCompute<T>(op(C(src[i]), C(seg[i % segCount])));
}

template <class T, class F>
inline void unary(const char *builtin, T *dst, const T *src, int count, F f) {
  checkPositive(builtin, "elem_count", count);
  long long bytes = (long long)count * sizeof(T);
  checkOperand(builtin, "dst", Space::nram, dst, bytes);
  checkOperand(builtin, "src", Space::nram, src, bytes);
  for (int i = 0; i < count; ++i)
    dst[i] = T(f(float(src[i])));
}

namespace fn {
inline float recip(float x) { return 1.0f / x; }
inline float sqrt(float x) { return std::sqrt(x); }
inline float rsqrt(float x) { return 1.0f / std::sqrt(x); }
inline float sin(float x) { return std::sin(x); }
inline float cos(float x) { return std::cos(x); }
inline float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
inline float square(float x) { return x * x; }
inline float log(float x) { return std::log(x); }
inline float abs(float x) { return std::fabs(x); }
inline float exp(float x) { return std::exp(x); }
inline float pow2(float x) { return std::exp2(x); }
inline float relu(float x) { return x > 0.0f ? x : 0.0f; }
inline float gelu(float x) {
  const double k = 0.7978845608028654; // sqrt(2 / pi)
  double d = x;
  return float(0.5 * d * (1.0 + std::tanh(k * (d + 0.044715 * d * d * d))));
}
inline float gelup(float x) {
  double d = x;
  return float(0.5 * d * (1.0 + std::erf(d / 1.4142135623730951)));
}
inline float sign(float x) { return x > 0.0f ? 1.0f : x < 0.0f ? -1.0f : 0.0f; }
inline float tanh(float x) { return std::tanh(x); }
} // namespace fn

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

/// __bang_max / __bang_min: dst[0] = the extreme value, element slot 1 the
/// index of its first occurrence as an unsigned integer of T's width.
template <class T, class Index>
inline void reduce(const char *builtin, T *dst, const T *src, int count,
                   bool max) {
  checkPositive(builtin, "elem_count", count);
  checkOperand(builtin, "dst", Space::nram, dst, 2 * (long long)sizeof(T));
  checkOperand(builtin, "src", Space::nram, src,
               (long long)count * sizeof(T));
  int best = 0;
  float bestValue = float(src[0]);
  for (int i = 1; i < count; ++i) {
    float v = float(src[i]);
    if (max ? v > bestValue : v < bestValue) {
      best = i;
      bestValue = v;
    }
  }
  T value = src[best];
  Index index = Index(best);
  std::memcpy(static_cast<void *>(&dst[0]), &value, sizeof(T));
  std::memcpy(static_cast<void *>(&dst[1]), &index, sizeof(Index));
}

} // namespace bang_emu

//===----------------------------------------------------------------------===//
// Public builtins
//===----------------------------------------------------------------------===//

#define BANG_EMU_FILL(NAME, T)                                                 \
  inline void NAME(void *dst, int elem_count, T value) {                       \
    ::bang_emu::fill(#NAME, dst, elem_count, value);                           \
  }
#define BANG_EMU_FILL_ALL(NAME)                                                \
  BANG_EMU_FILL(NAME, int8_t)                                                  \
  BANG_EMU_FILL(NAME, uint8_t)                                                 \
  BANG_EMU_FILL(NAME, char)                                                    \
  BANG_EMU_FILL(NAME, int16_t)                                                 \
  BANG_EMU_FILL(NAME, uint16_t)                                                \
  BANG_EMU_FILL(NAME, int32_t)                                                 \
  BANG_EMU_FILL(NAME, uint32_t)                                                \
  BANG_EMU_FILL(NAME, half)                                                    \
  BANG_EMU_FILL(NAME, bfloat16_t)                                              \
  BANG_EMU_FILL(NAME, float)
BANG_EMU_FILL_ALL(__memset_nram)
BANG_EMU_FILL_ALL(__bang_write_value)
#undef BANG_EMU_FILL_ALL
#undef BANG_EMU_FILL

#define BANG_EMU_WRITE_ZERO(T)                                                 \
  inline void __bang_write_zero(T *dst, int elem_count) {                      \
    ::bang_emu::fill("__bang_write_zero", dst, elem_count, T(0.0f));           \
  }
BANG_EMU_WRITE_ZERO(half)
BANG_EMU_WRITE_ZERO(bfloat16_t)
BANG_EMU_WRITE_ZERO(float)
#undef BANG_EMU_WRITE_ZERO

// __bang_<kind>(dst, src0, src1, elem_count)
#define BANG_EMU_BINARY(NAME, OP, T)                                           \
  inline void NAME(T *dst, const T *src0, const T *src1, int elem_count) {     \
    ::bang_emu::binary(#NAME, dst, src0, src1, elem_count,                     \
                       ::bang_emu::op::OP{});                                  \
  }
#define BANG_EMU_BINARY_FLOATS(NAME, OP)                                       \
  BANG_EMU_BINARY(NAME, OP, half)                                              \
  BANG_EMU_BINARY(NAME, OP, bfloat16_t)                                        \
  BANG_EMU_BINARY(NAME, OP, float)
#define BANG_EMU_BINARY_ARITH(NAME, OP)                                        \
  BANG_EMU_BINARY_FLOATS(NAME, OP)                                             \
  BANG_EMU_BINARY(NAME, OP, int16_t)                                           \
  BANG_EMU_BINARY(NAME, OP, int32_t)
#define BANG_EMU_BINARY_HALF_FLOAT(NAME, OP)                                   \
  BANG_EMU_BINARY(NAME, OP, half)                                              \
  BANG_EMU_BINARY(NAME, OP, float)

BANG_EMU_BINARY_ARITH(__bang_add, Add)
BANG_EMU_BINARY_ARITH(__bang_sub, Sub)
BANG_EMU_BINARY_ARITH(__bang_mul, Mul)
BANG_EMU_BINARY_FLOATS(__bang_div, Div)
BANG_EMU_BINARY_FLOATS(__bang_maximum, Max)
BANG_EMU_BINARY_FLOATS(__bang_minimum, Min)
BANG_EMU_BINARY_HALF_FLOAT(__bang_maxequal, Max)
BANG_EMU_BINARY_HALF_FLOAT(__bang_minequal, Min)
BANG_EMU_BINARY_FLOATS(__bang_eq, Eq)
BANG_EMU_BINARY_FLOATS(__bang_ne, Ne)
BANG_EMU_BINARY_FLOATS(__bang_gt, Gt)
BANG_EMU_BINARY_FLOATS(__bang_ge, Ge)
BANG_EMU_BINARY_FLOATS(__bang_lt, Lt)
BANG_EMU_BINARY_FLOATS(__bang_le, Le)
BANG_EMU_BINARY_HALF_FLOAT(__bang_and, And)
BANG_EMU_BINARY_HALF_FLOAT(__bang_or, Or)
BANG_EMU_BINARY_HALF_FLOAT(__bang_xor, Xor)
#undef BANG_EMU_BINARY_HALF_FLOAT
#undef BANG_EMU_BINARY_ARITH
#undef BANG_EMU_BINARY_FLOATS
#undef BANG_EMU_BINARY

// __bang_<kind>_scalar / __bang_<kind>_const(dst, src, value, elem_count)
#define BANG_EMU_SCALAR(NAME, OP, T)                                           \
  inline void NAME(T *dst, const T *src, T value, int elem_count) {            \
    ::bang_emu::binaryScalar(#NAME, dst, src, value, elem_count,               \
                             ::bang_emu::op::OP{});                            \
  }
#define BANG_EMU_SCALAR_FLOATS(NAME, OP)                                       \
  BANG_EMU_SCALAR(NAME, OP, half)                                              \
  BANG_EMU_SCALAR(NAME, OP, bfloat16_t)                                        \
  BANG_EMU_SCALAR(NAME, OP, float)
#define BANG_EMU_SCALAR_ARITH(NAME, OP)                                        \
  BANG_EMU_SCALAR_FLOATS(NAME, OP)                                             \
  BANG_EMU_SCALAR(NAME, OP, int16_t)                                           \
  BANG_EMU_SCALAR(NAME, OP, int32_t)
#define BANG_EMU_CONST(NAME, OP)                                               \
  BANG_EMU_SCALAR(NAME, OP, half)                                              \
  BANG_EMU_SCALAR(NAME, OP, float)

BANG_EMU_SCALAR_ARITH(__bang_add_scalar, Add)
BANG_EMU_SCALAR_ARITH(__bang_sub_scalar, Sub)
BANG_EMU_SCALAR_ARITH(__bang_mul_scalar, Mul)
BANG_EMU_SCALAR_FLOATS(__bang_eq_scalar, Eq)
BANG_EMU_SCALAR_FLOATS(__bang_ne_scalar, Ne)
BANG_EMU_SCALAR_FLOATS(__bang_gt_scalar, Gt)
BANG_EMU_SCALAR_FLOATS(__bang_ge_scalar, Ge)
BANG_EMU_SCALAR_FLOATS(__bang_lt_scalar, Lt)
BANG_EMU_SCALAR_FLOATS(__bang_le_scalar, Le)
BANG_EMU_CONST(__bang_add_const, Add)
BANG_EMU_CONST(__bang_sub_const, Sub)
BANG_EMU_CONST(__bang_mul_const, Mul)
#undef BANG_EMU_CONST
#undef BANG_EMU_SCALAR_ARITH
#undef BANG_EMU_SCALAR_FLOATS
#undef BANG_EMU_SCALAR

// __bang_cycle_<kind>(dst, src, seg, src_elem_count, seg_elem_count)
#define BANG_EMU_CYCLE_T(NAME, OP, T)                                          \
  inline void NAME(T *dst, const T *src, const T *seg, int src_elem_count,     \
                   int seg_elem_count) {                                       \
    ::bang_emu::cycle(#NAME, dst, src, seg, src_elem_count, seg_elem_count,    \
                      ::bang_emu::op::OP{});                                   \
  }
#define BANG_EMU_CYCLE(NAME, OP)                                               \
  BANG_EMU_CYCLE_T(NAME, OP, half)                                             \
  BANG_EMU_CYCLE_T(NAME, OP, float)
BANG_EMU_CYCLE(__bang_cycle_add, Add)
BANG_EMU_CYCLE(__bang_cycle_sub, Sub)
BANG_EMU_CYCLE(__bang_cycle_mul, Mul)
BANG_EMU_CYCLE(__bang_cycle_maxequal, Max)
BANG_EMU_CYCLE(__bang_cycle_minequal, Min)
BANG_EMU_CYCLE(__bang_cycle_eq, Eq)
BANG_EMU_CYCLE(__bang_cycle_ne, Ne)
BANG_EMU_CYCLE(__bang_cycle_gt, Gt)
BANG_EMU_CYCLE(__bang_cycle_ge, Ge)
BANG_EMU_CYCLE(__bang_cycle_lt, Lt)
BANG_EMU_CYCLE(__bang_cycle_le, Le)
BANG_EMU_CYCLE(__bang_cycle_and, And)
BANG_EMU_CYCLE(__bang_cycle_or, Or)
BANG_EMU_CYCLE(__bang_cycle_xor, Xor)
#undef BANG_EMU_CYCLE
#undef BANG_EMU_CYCLE_T

// __bang_<kind>(dst, src, elem_count)
#define BANG_EMU_UNARY(NAME, FN, T)                                            \
  inline void NAME(T *dst, const T *src, int elem_count) {                     \
    ::bang_emu::unary(#NAME, dst, src, elem_count, ::bang_emu::fn::FN);        \
  }
#define BANG_EMU_UNARY_FLOATS(NAME, FN)                                        \
  BANG_EMU_UNARY(NAME, FN, half)                                               \
  BANG_EMU_UNARY(NAME, FN, bfloat16_t)                                         \
  BANG_EMU_UNARY(NAME, FN, float)
#define BANG_EMU_ACTIVE(NAME, FN)                                              \
  BANG_EMU_UNARY(NAME, FN, half)                                               \
  BANG_EMU_UNARY(NAME, FN, float)

BANG_EMU_UNARY_FLOATS(__bang_recip, recip)
BANG_EMU_UNARY_FLOATS(__bang_sqrt, sqrt)
BANG_EMU_UNARY_FLOATS(__bang_rsqrt, rsqrt)
BANG_EMU_UNARY_FLOATS(__bang_sin, sin)
BANG_EMU_UNARY_FLOATS(__bang_cos, cos)
BANG_EMU_UNARY_FLOATS(__bang_sigmoid, sigmoid)
BANG_EMU_UNARY_FLOATS(__bang_square, square)
BANG_EMU_UNARY_FLOATS(__bang_log, log)
BANG_EMU_UNARY_FLOATS(__bang_abs, abs)
BANG_EMU_ACTIVE(__bang_active_abs, abs)
BANG_EMU_ACTIVE(__bang_active_cos, cos)
BANG_EMU_ACTIVE(__bang_active_exp, exp)
BANG_EMU_ACTIVE(__bang_active_exphp, exp)
BANG_EMU_ACTIVE(__bang_active_exp_less_0, exp)
BANG_EMU_ACTIVE(__bang_active_gelu, gelu)
BANG_EMU_ACTIVE(__bang_active_gelup, gelup)
BANG_EMU_ACTIVE(__bang_active_log, log)
BANG_EMU_ACTIVE(__bang_active_loghp, log)
BANG_EMU_ACTIVE(__bang_active_pow2, pow2)
BANG_EMU_ACTIVE(__bang_active_recip, recip)
BANG_EMU_ACTIVE(__bang_active_recip_greater_1, recip)
BANG_EMU_ACTIVE(__bang_active_reciphp, recip)
BANG_EMU_ACTIVE(__bang_active_relu, relu)
BANG_EMU_ACTIVE(__bang_active_rsqrt, rsqrt)
BANG_EMU_ACTIVE(__bang_active_rsqrthp, rsqrt)
BANG_EMU_ACTIVE(__bang_active_sigmoid, sigmoid)
BANG_EMU_ACTIVE(__bang_active_sign, sign)
BANG_EMU_ACTIVE(__bang_active_sin, sin)
BANG_EMU_ACTIVE(__bang_active_sqrt, sqrt)
BANG_EMU_ACTIVE(__bang_active_tanh, tanh)
#undef BANG_EMU_ACTIVE
#undef BANG_EMU_UNARY_FLOATS
#undef BANG_EMU_UNARY

// __bang_max / __bang_min(dst, src, elem_count)
inline void __bang_max(half *dst, const half *src, int elem_count) {
  bang_emu::reduce<half, uint16_t>("__bang_max", dst, src, elem_count, true);
}
inline void __bang_max(float *dst, const float *src, int elem_count) {
  bang_emu::reduce<float, uint32_t>("__bang_max", dst, src, elem_count, true);
}
inline void __bang_min(half *dst, const half *src, int elem_count) {
  bang_emu::reduce<half, uint16_t>("__bang_min", dst, src, elem_count, false);
}
inline void __bang_min(float *dst, const float *src, int elem_count) {
  bang_emu::reduce<float, uint32_t>("__bang_min", dst, src, elem_count,
                                    false);
}

#endif // BANG_EMU_VECTOR_H
