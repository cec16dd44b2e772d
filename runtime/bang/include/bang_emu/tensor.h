//===- bang_emu/tensor.h - pooling, transpose, matmul, mlp, conv *- C++ -*-===//
//
// bang.pool, bang.transpose, bang.matmul, bang.mlp and bang.conv with the
// layouts of the bang dialect (channel fastest, see each builtin). Sums are
// accumulated in double (integers: exactly, in int64) and rounded once to
// the destination type; integer inputs are scaled by 2^fix_position.
// Results go through a temporary, so `dst` may overlap an input.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_TENSOR_H
#define BANG_EMU_TENSOR_H

#include "core.h"
#include "fp16.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace bang_emu {

template <class T, class... U>
inline constexpr bool isOneOf = (std::is_same_v<T, U> || ...);

/// Converts an accumulated result to the destination type: floats round to
/// nearest even, int16_t rounds to nearest even and saturates.
template <class T> inline T toDestination(double v) {
  if constexpr (std::is_integral_v<T>) {
    if (std::isnan(v))
      return T(0);
    double r = std::nearbyint(v);
    if (r < double(std::numeric_limits<T>::min()))
      return std::numeric_limits<T>::min();
    if (r > double(std::numeric_limits<T>::max()))
      return std::numeric_limits<T>::max();
    return T(r);
  } else {
    return T(v);
  }
}

template <class T> inline void storeAll(T *dst, const std::vector<T> &values) {
  std::memcpy(dst, values.data(), values.size() * sizeof(T));
}

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

enum class PoolKind { sum, avg, max, min };

/// HWC pooling: dst[(oh * out_w + ow) * channel + c] combines
/// src[((oh * stride_y + kh) * width + ow * stride_x + kw) * channel + c].
template <class T>
inline void pool(const char *builtin, PoolKind kind, T *dst, const T *src,
                 int channel, int height, int width, int kernelHeight,
                 int kernelWidth, int strideX, int strideY) {
  checkPositive(builtin, "channel", channel);
  checkPositive(builtin, "height", height);
  checkPositive(builtin, "width", width);
  checkPositive(builtin, "kernel_height", kernelHeight);
  checkPositive(builtin, "kernel_width", kernelWidth);
  checkPositive(builtin, "stride_x", strideX);
  checkPositive(builtin, "stride_y", strideY);
  if (kernelHeight > height || kernelWidth > width)
    fatal("%s: kernel %dx%d is larger than the input %dx%d", builtin,
          kernelHeight, kernelWidth, height, width);
  const int outH = (height - kernelHeight) / strideY + 1;
  const int outW = (width - kernelWidth) / strideX + 1;
  checkOperand(builtin, "src", Space::nram, src,
               (long long)height * width * channel * sizeof(T));
  checkOperand(builtin, "dst", Space::nram, dst,
               (long long)outH * outW * channel * sizeof(T));
  std::vector<T> out(size_t(outH) * outW * channel);
  for (int oh = 0; oh < outH; ++oh)
    for (int ow = 0; ow < outW; ++ow)
      for (int c = 0; c < channel; ++c) {
        double acc = kind == PoolKind::max   ? -INFINITY
                     : kind == PoolKind::min ? INFINITY
                                             : 0.0;
        for (int kh = 0; kh < kernelHeight; ++kh)
          for (int kw = 0; kw < kernelWidth; ++kw) {
            int h = oh * strideY + kh, w = ow * strideX + kw;
            double v =
                double(float(src[(size_t(h) * width + w) * channel + c]));
            if (kind == PoolKind::max)
              acc = std::fmax(acc, v);
            else if (kind == PoolKind::min)
              acc = std::fmin(acc, v);
            else
              acc += v;
          }
        if (kind == PoolKind::avg)
          acc /= double(kernelHeight) * kernelWidth;
        out[(size_t(oh) * outW + ow) * channel + c] = T(acc);
      }
  storeAll(dst, out);
}

//===----------------------------------------------------------------------===//
// Transpose
//===----------------------------------------------------------------------===//

template <class T>
inline void transpose(T *dst, const T *src, int height, int width) {
  const char *builtin = "__bang_transpose";
  checkPositive(builtin, "height", height);
  checkPositive(builtin, "width", width);
  long long bytes = (long long)height * width * sizeof(T);
  checkOperand(builtin, "dst", Space::nram, dst, bytes);
  checkOperand(builtin, "src", Space::nram, src, bytes);
  std::vector<T> out(size_t(height) * width);
  for (int i = 0; i < height; ++i)
    for (int j = 0; j < width; ++j)
      out[size_t(j) * height + i] = src[size_t(i) * width + j];
  storeAll(dst, out);
}

//===----------------------------------------------------------------------===//
// Matrix products and convolution
//===----------------------------------------------------------------------===//

template <class T> inline constexpr bool isFloatInput = isOneOf<T, half, float>;
template <class T>
inline constexpr bool isFixedInput = isOneOf<T, int8_t, int16_t>;

/// Checks the input types of a product builtin at compile time: both half
/// or both float without fix_position, int8_t/int16_t with it.
template <class Ts, class Tw, bool fixed> constexpr void checkInputTypes() {
  if constexpr (fixed)
    static_assert(isFixedInput<Ts> && isFixedInput<Tw>,
                  "with fix_position, the inputs must be int8_t or int16_t");
  else
    static_assert(isFloatInput<Ts> && std::is_same_v<Ts, Tw>,
                  "without fix_position, the inputs must be both half or "
                  "both float");
}

/// An accumulator: exact int64 for fixed-point inputs, double for floats.
template <bool fixed> struct Accumulator {
  using type = std::conditional_t<fixed, int64_t, double>;
  template <class A, class B> static type product(A a, B b) {
    if constexpr (fixed)
      return int64_t(a) * int64_t(b);
    else
      return double(float(a)) * double(float(b));
  }
  static double finish(type sum, int position) {
    if constexpr (fixed)
      return std::ldexp(double(sum), position);
    else
      return sum;
  }
};

/// dst[i * n + j] = sum_p lhs[i * k + p] * rhs[j * k + p].
template <bool fixed, class Td, class Ts, class Tw>
inline void matmul(Td *dst, const Ts *lhs, const Tw *rhs, int m, int k, int n,
                   int position) {
  checkInputTypes<Ts, Tw, fixed>();
  static_assert(isOneOf<Td, half, float>,
                "__bang_matmul: dst must be half or float");
  const char *builtin = "__bang_matmul";
  checkPositive(builtin, "m", m);
  checkPositive(builtin, "k", k);
  checkPositive(builtin, "n", n);
  checkOperand(builtin, "dst", Space::nram, dst,
               (long long)m * n * sizeof(Td));
  checkOperand(builtin, "lhs", Space::nram, lhs,
               (long long)m * k * sizeof(Ts));
  checkOperand(builtin, "rhs", Space::wram, rhs,
               (long long)n * k * sizeof(Tw));
  using A = Accumulator<fixed>;
  std::vector<Td> out(size_t(m) * n);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) {
      typename A::type sum = 0;
      for (int p = 0; p < k; ++p)
        sum += A::product(lhs[size_t(i) * k + p], rhs[size_t(j) * k + p]);
      out[size_t(i) * n + j] = toDestination<Td>(A::finish(sum, position));
    }
  storeAll(dst, out);
}

/// dst[h] = sum_w weight[h * width + w] * src[w] (+ bias[h]).
template <bool fixed, class Td, class Ts, class Tw>
inline void mlp(Td *dst, const Ts *src, const Td *bias, const Tw *weight,
                int height, int width, int position) {
  checkInputTypes<Ts, Tw, fixed>();
  static_assert(isOneOf<Td, half, float, int16_t>,
                "__bang_mlp: dst must be half, float or int16_t");
  const char *builtin = "__bang_mlp";
  checkPositive(builtin, "height", height);
  checkPositive(builtin, "width", width);
  checkOperand(builtin, "dst", Space::nram, dst,
               (long long)height * sizeof(Td));
  checkOperand(builtin, "src", Space::nram, src,
               (long long)width * sizeof(Ts));
  if (bias)
    checkOperand(builtin, "bias", Space::nram, bias,
                 (long long)height * sizeof(Td));
  checkOperand(builtin, "weight", Space::wram, weight,
               (long long)height * width * sizeof(Tw));
  using A = Accumulator<fixed>;
  std::vector<Td> out(static_cast<size_t>(height));
  for (int h = 0; h < height; ++h) {
    typename A::type sum = 0;
    for (int w = 0; w < width; ++w)
      sum += A::product(weight[size_t(h) * width + w], src[w]);
    double value = A::finish(sum, position);
    if (bias)
      value += double(bias[h]);
    out[size_t(h)] = toDestination<Td>(value);
  }
  storeAll(dst, out);
}

/// dst[oh, ow, co] = sum_{kh, kw, ci} src[oh * sy + kh, ow * sx + kw, ci] *
///                   kernel[co, kh, kw, ci] (+ bias[co]), all HWC / NHWC.
template <bool fixed, class Td, class Ts, class Tk>
inline void conv(Td *dst, const Ts *src, const Tk *kernel, const Td *bias,
                 int channelInput, int height, int width, int kernelHeight,
                 int kernelWidth, int strideX, int strideY, int channelOutput,
                 int position) {
  checkInputTypes<Ts, Tk, fixed>();
  static_assert(isOneOf<Td, half, float, int16_t>,
                "__bang_conv: dst must be half, float or int16_t");
  const char *builtin = "__bang_conv";
  checkPositive(builtin, "channel_input", channelInput);
  checkPositive(builtin, "height", height);
  checkPositive(builtin, "width", width);
  checkPositive(builtin, "kernel_height", kernelHeight);
  checkPositive(builtin, "kernel_width", kernelWidth);
  checkPositive(builtin, "stride_x", strideX);
  checkPositive(builtin, "stride_y", strideY);
  checkPositive(builtin, "channel_output", channelOutput);
  if (kernelHeight > height || kernelWidth > width)
    fatal("%s: kernel %dx%d is larger than the input %dx%d", builtin,
          kernelHeight, kernelWidth, height, width);
  const int outH = (height - kernelHeight) / strideY + 1;
  const int outW = (width - kernelWidth) / strideX + 1;
  checkOperand(builtin, "dst", Space::nram, dst,
               (long long)outH * outW * channelOutput * sizeof(Td));
  checkOperand(builtin, "src", Space::nram, src,
               (long long)height * width * channelInput * sizeof(Ts));
  checkOperand(builtin, "kernel", Space::wram, kernel,
               (long long)channelOutput * kernelHeight * kernelWidth *
                   channelInput * sizeof(Tk));
  if (bias)
    checkOperand(builtin, "bias", Space::nram, bias,
                 (long long)channelOutput * sizeof(Td));
  using A = Accumulator<fixed>;
  std::vector<Td> out(size_t(outH) * outW * channelOutput);
  for (int oh = 0; oh < outH; ++oh)
    for (int ow = 0; ow < outW; ++ow)
      for (int co = 0; co < channelOutput; ++co) {
        typename A::type sum = 0;
        for (int kh = 0; kh < kernelHeight; ++kh)
          for (int kw = 0; kw < kernelWidth; ++kw) {
            const Ts *in = src + (size_t(oh * strideY + kh) * width +
                                  size_t(ow * strideX + kw)) *
                                     channelInput;
            const Tk *f = kernel + ((size_t(co) * kernelHeight + kh) *
                                        kernelWidth +
                                    kw) *
                                       channelInput;
            for (int ci = 0; ci < channelInput; ++ci)
              sum += A::product(in[ci], f[ci]);
          }
        double value = A::finish(sum, position);
        if (bias)
          value += double(bias[co]);
        out[(size_t(oh) * outW + ow) * channelOutput + co] =
            toDestination<Td>(value);
      }
  storeAll(dst, out);
}

} // namespace bang_emu

//===----------------------------------------------------------------------===//
// Public builtins
//===----------------------------------------------------------------------===//

// __bang_<kind>pool(dst, src, channel, height, width, kernel_height,
//                   kernel_width[, stride_x, stride_y])
#define BANG_EMU_POOL_T(NAME, KIND, T)                                         \
  inline void NAME(T *dst, const T *src, int channel, int height, int width,   \
                   int kernel_height, int kernel_width) {                      \
    ::bang_emu::pool(#NAME, ::bang_emu::PoolKind::KIND, dst, src, channel,     \
                     height, width, kernel_height, kernel_width,               \
                     kernel_width, kernel_height);                             \
  }                                                                            \
  inline void NAME(T *dst, const T *src, int channel, int height, int width,   \
                   int kernel_height, int kernel_width, int stride_x,          \
                   int stride_y) {                                             \
    ::bang_emu::pool(#NAME, ::bang_emu::PoolKind::KIND, dst, src, channel,     \
                     height, width, kernel_height, kernel_width, stride_x,     \
                     stride_y);                                                \
  }
#define BANG_EMU_POOL(NAME, KIND)                                              \
  BANG_EMU_POOL_T(NAME, KIND, half)                                            \
  BANG_EMU_POOL_T(NAME, KIND, float)
BANG_EMU_POOL(__bang_sumpool, sum)
BANG_EMU_POOL(__bang_avgpool, avg)
BANG_EMU_POOL(__bang_maxpool, max)
BANG_EMU_POOL(__bang_minpool, min)
#undef BANG_EMU_POOL
#undef BANG_EMU_POOL_T

/// __bang_transpose(dst, src, height, width), any 8-, 16- or 32-bit T.
template <class T>
inline void __bang_transpose(T *dst, const T *src, int height, int width) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4,
                "__bang_transpose takes 8-, 16- or 32-bit elements");
  bang_emu::transpose(dst, src, height, width);
}

/// __bang_matmul(dst, lhs, rhs, m, k, n): half or float inputs.
template <class Td, class Ts, class Tw>
inline void __bang_matmul(Td *dst, const Ts *lhs, const Tw *rhs, int m, int k,
                          int n) {
  bang_emu::matmul<false>(dst, lhs, rhs, m, k, n, 0);
}
/// __bang_matmul(dst, lhs, rhs, m, k, n, fix_position): int8_t/int16_t
/// inputs.
template <class Td, class Ts, class Tw>
inline void __bang_matmul(Td *dst, const Ts *lhs, const Tw *rhs, int m, int k,
                          int n, int fix_position) {
  bang_emu::matmul<true>(dst, lhs, rhs, m, k, n, fix_position);
}

/// __bang_mlp(dst, src, weight, height, width)
template <class Td, class Ts, class Tw>
inline void __bang_mlp(Td *dst, const Ts *src, const Tw *weight, int height,
                       int width) {
  bang_emu::mlp<false>(dst, src, static_cast<const Td *>(nullptr), weight,
                       height, width, 0);
}
/// __bang_mlp(dst, src, bias, weight, height, width)
template <class Td, class Ts, class Tw>
inline void __bang_mlp(Td *dst, const Ts *src, const Td *bias,
                       const Tw *weight, int height, int width) {
  if (!bias)
    bang_emu::fatal("__bang_mlp: 'bias' is a null pointer");
  bang_emu::mlp<false>(dst, src, bias, weight, height, width, 0);
}
/// __bang_mlp(dst, src, weight, height, width, fix_position)
template <class Td, class Ts, class Tw>
inline void __bang_mlp(Td *dst, const Ts *src, const Tw *weight, int height,
                       int width, int fix_position) {
  bang_emu::mlp<true>(dst, src, static_cast<const Td *>(nullptr), weight,
                      height, width, fix_position);
}
/// __bang_mlp(dst, src, bias, weight, height, width, fix_position)
template <class Td, class Ts, class Tw>
inline void __bang_mlp(Td *dst, const Ts *src, const Td *bias,
                       const Tw *weight, int height, int width,
                       int fix_position) {
  if (!bias)
    bang_emu::fatal("__bang_mlp: 'bias' is a null pointer");
  bang_emu::mlp<true>(dst, src, bias, weight, height, width, fix_position);
}

/// __bang_conv(dst, src, kernel, channel_input, height, width, kernel_height,
///             kernel_width, stride_x, stride_y, channel_output)
template <class Td, class Ts, class Tk>
inline void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                        int channel_input, int height, int width,
                        int kernel_height, int kernel_width, int stride_x,
                        int stride_y, int channel_output) {
  bang_emu::conv<false>(dst, src, kernel, static_cast<const Td *>(nullptr),
                        channel_input, height, width, kernel_height,
                        kernel_width, stride_x, stride_y, channel_output, 0);
}
/// __bang_conv(dst, src, kernel, bias, ...)
template <class Td, class Ts, class Tk>
inline void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                        const Td *bias, int channel_input, int height,
                        int width, int kernel_height, int kernel_width,
                        int stride_x, int stride_y, int channel_output) {
  if (!bias)
    bang_emu::fatal("__bang_conv: 'bias' is a null pointer");
  bang_emu::conv<false>(dst, src, kernel, bias, channel_input, height, width,
                        kernel_height, kernel_width, stride_x, stride_y,
                        channel_output, 0);
}
/// __bang_conv(dst, src, kernel, ..., channel_output, fix_position)
template <class Td, class Ts, class Tk>
inline void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                        int channel_input, int height, int width,
                        int kernel_height, int kernel_width, int stride_x,
                        int stride_y, int channel_output, int fix_position) {
  bang_emu::conv<true>(dst, src, kernel, static_cast<const Td *>(nullptr),
                       channel_input, height, width, kernel_height,
                       kernel_width, stride_x, stride_y, channel_output,
                       fix_position);
}
/// __bang_conv(dst, src, kernel, bias, ..., channel_output, fix_position)
template <class Td, class Ts, class Tk>
inline void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                        const Td *bias, int channel_input, int height,
                        int width, int kernel_height, int kernel_width,
                        int stride_x, int stride_y, int channel_output,
                        int fix_position) {
  if (!bias)
    bang_emu::fatal("__bang_conv: 'bias' is a null pointer");
  bang_emu::conv<true>(dst, src, kernel, bias, channel_input, height, width,
                       kernel_height, kernel_width, stride_x, stride_y,
                       channel_output, fix_position);
}

#endif // BANG_EMU_TENSOR_H
