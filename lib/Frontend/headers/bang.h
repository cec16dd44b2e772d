/*===- bang.h - the BANG C surface xpiler's importer parses --------------===*
 *
 * Shipped with xpiler so that no Cambricon SDK is needed to import .mlu
 * sources: qualifiers, memory spaces, task indices, barriers, __memcpy and
 * the __bang_* builtins the bang dialect models. BANG is parsed as CUDA
 * (host side only), so kernels are __global__ and helpers __device__; the
 * on-chip memory spaces are annotations the importer reads. Only
 * declarations: the importer maps each call by name to its bang op.
 * Made implicit by the importer (`-include bang.h`), like cncc does.
 *===----------------------------------------------------------------------===*/
#ifndef XPILER_BANG_H
#define XPILER_BANG_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#ifndef __BANG__
#define __BANG__ 1
#endif

//===----------------------------------------------------------------------===//
// Function and memory qualifiers
//===----------------------------------------------------------------------===//

#define __mlu_global__ __attribute__((global))
#define __mlu_entry__ __attribute__((global))
#define __mlu_func__ __attribute__((device)) inline
#define __mlu_device__ __attribute__((device))
#define __mlu_host__ __attribute__((host))

#define __nram__ __attribute__((annotate("xpiler.nram")))
#define __wram__ __attribute__((annotate("xpiler.wram")))
#define __mlu_shared__ __attribute__((annotate("xpiler.sram")))
#define __ldram__ __attribute__((annotate("xpiler.ldram")))

/// Builtins are device declarations without bodies.
#define __xpiler_bang_builtin__ __attribute__((device))

typedef _Float16 half;
typedef __bf16 bfloat16_t;

//===----------------------------------------------------------------------===//
// Task indices
//===----------------------------------------------------------------------===//

extern const __attribute__((device)) int taskId;
extern const __attribute__((device)) int taskIdX;
extern const __attribute__((device)) int taskIdY;
extern const __attribute__((device)) int taskIdZ;
extern const __attribute__((device)) int taskDim;
extern const __attribute__((device)) int taskDimX;
extern const __attribute__((device)) int taskDimY;
extern const __attribute__((device)) int taskDimZ;
extern const __attribute__((device)) int clusterId;
extern const __attribute__((device)) int clusterDim;
extern const __attribute__((device)) int coreId;
extern const __attribute__((device)) int coreDim;

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

__xpiler_bang_builtin__ void __sync_all();
__xpiler_bang_builtin__ void __sync_cluster();
__xpiler_bang_builtin__ void __sync_compute();
__xpiler_bang_builtin__ void __sync_all_ipu();
__xpiler_bang_builtin__ void __sync_all_mpu();
// Declared so that code using them parses; the bang dialect has no op.
__xpiler_bang_builtin__ void __sync_io();
__xpiler_bang_builtin__ void __sync_move();

//===----------------------------------------------------------------------===//
// Copies and fills
//===----------------------------------------------------------------------===//

typedef enum {
  GDRAM2NRAM = 0,
  NRAM2GDRAM = 1,
  LDRAM2NRAM = 2,
  NRAM2LDRAM = 3,
  GDRAM2WRAM = 4,
  WRAM2GDRAM = 5,
  LDRAM2WRAM = 6,
  WRAM2LDRAM = 7,
  NRAM2NRAM = 8,
  NRAM2WRAM = 9,
  WRAM2NRAM = 10,
  GDRAM2SRAM = 11,
  SRAM2GDRAM = 12,
  LDRAM2SRAM = 13,
  SRAM2LDRAM = 14,
  SRAM2NRAM = 15,
  NRAM2SRAM = 16,
  SRAM2WRAM = 17,
  WRAM2SRAM = 18,
  GDRAM2GDRAM = 19,
  GDRAM2LDRAM = 20,
  LDRAM2GDRAM = 21,
  SRAM2SRAM = 22,
  LDRAM2LDRAM = 23,
} mluMemcpyDirection_t;

__xpiler_bang_builtin__ void __memcpy(void *dst, const void *src, int size,
                           mluMemcpyDirection_t dir);
__xpiler_bang_builtin__ void __memcpy(void *dst, const void *src, int size,
                           mluMemcpyDirection_t dir, int dst_stride,
                           int src_stride, int segnum);
__xpiler_bang_builtin__ void __memcpy(void *dst, const void *src, int size,
                           mluMemcpyDirection_t dir, int id_dst_cluster);
__xpiler_bang_builtin__ void __memcpy(void *dst, const void *src, int size,
                           mluMemcpyDirection_t dir, int dst_stride,
                           int src_stride, int segnum, int id_dst_cluster);
__xpiler_bang_builtin__ void __memcpy_async(void *dst, const void *src, int size,
                                 mluMemcpyDirection_t dir);
__xpiler_bang_builtin__ void __memcpy_async(void *dst, const void *src, int size,
                                 mluMemcpyDirection_t dir, int dst_stride,
                                 int src_stride, int segnum);

#define XPILER_BANG_FILL(NAME, T)                                              \
  __xpiler_bang_builtin__ void NAME(void *dst, int elem_count, T value);
#define XPILER_BANG_FILL_ALL(NAME)                                             \
  XPILER_BANG_FILL(NAME, int8_t)                                               \
  XPILER_BANG_FILL(NAME, uint8_t)                                              \
  XPILER_BANG_FILL(NAME, char)                                                 \
  XPILER_BANG_FILL(NAME, int16_t)                                              \
  XPILER_BANG_FILL(NAME, uint16_t)                                             \
  XPILER_BANG_FILL(NAME, int32_t)                                              \
  XPILER_BANG_FILL(NAME, uint32_t)                                             \
  XPILER_BANG_FILL(NAME, half)                                                 \
  XPILER_BANG_FILL(NAME, bfloat16_t)                                           \
  XPILER_BANG_FILL(NAME, float)
XPILER_BANG_FILL_ALL(__memset_nram)
XPILER_BANG_FILL_ALL(__bang_write_value)
#undef XPILER_BANG_FILL_ALL
#undef XPILER_BANG_FILL

__xpiler_bang_builtin__ void __bang_write_zero(half *dst, int elem_count);
__xpiler_bang_builtin__ void __bang_write_zero(bfloat16_t *dst, int elem_count);
__xpiler_bang_builtin__ void __bang_write_zero(float *dst, int elem_count);

//===----------------------------------------------------------------------===//
// Elementwise vector builtins
//===----------------------------------------------------------------------===//

// __bang_<kind>(dst, src0, src1, elem_count)
#define XPILER_BANG_BINARY(NAME, T)                                            \
  __xpiler_bang_builtin__ void NAME(T *dst, const T *src0, const T *src1, int elem_count);
#define XPILER_BANG_BINARY_HALF_FLOAT(NAME)                                    \
  XPILER_BANG_BINARY(NAME, half)                                               \
  XPILER_BANG_BINARY(NAME, float)
#define XPILER_BANG_BINARY_FLOATS(NAME)                                        \
  XPILER_BANG_BINARY_HALF_FLOAT(NAME)                                          \
  XPILER_BANG_BINARY(NAME, bfloat16_t)
#define XPILER_BANG_BINARY_ARITH(NAME)                                         \
  XPILER_BANG_BINARY_FLOATS(NAME)                                              \
  XPILER_BANG_BINARY(NAME, int16_t)                                            \
  XPILER_BANG_BINARY(NAME, int32_t)
XPILER_BANG_BINARY_ARITH(__bang_add)
XPILER_BANG_BINARY_ARITH(__bang_sub)
XPILER_BANG_BINARY_ARITH(__bang_mul)
XPILER_BANG_BINARY_FLOATS(__bang_div)
XPILER_BANG_BINARY_FLOATS(__bang_maximum)
XPILER_BANG_BINARY_FLOATS(__bang_minimum)
XPILER_BANG_BINARY_HALF_FLOAT(__bang_maxequal)
XPILER_BANG_BINARY_HALF_FLOAT(__bang_minequal)
XPILER_BANG_BINARY_FLOATS(__bang_eq)
XPILER_BANG_BINARY_FLOATS(__bang_ne)
XPILER_BANG_BINARY_FLOATS(__bang_gt)
XPILER_BANG_BINARY_FLOATS(__bang_ge)
XPILER_BANG_BINARY_FLOATS(__bang_lt)
XPILER_BANG_BINARY_FLOATS(__bang_le)
XPILER_BANG_BINARY_HALF_FLOAT(__bang_and)
XPILER_BANG_BINARY_HALF_FLOAT(__bang_or)
XPILER_BANG_BINARY_HALF_FLOAT(__bang_xor)
#undef XPILER_BANG_BINARY_ARITH
#undef XPILER_BANG_BINARY_FLOATS
#undef XPILER_BANG_BINARY_HALF_FLOAT
#undef XPILER_BANG_BINARY

// __bang_<kind>_scalar / __bang_<kind>_const(dst, src, value, elem_count)
#define XPILER_BANG_SCALAR(NAME, T)                                            \
  __xpiler_bang_builtin__ void NAME(T *dst, const T *src, T value, int elem_count);
#define XPILER_BANG_SCALAR_HALF_FLOAT(NAME)                                    \
  XPILER_BANG_SCALAR(NAME, half)                                               \
  XPILER_BANG_SCALAR(NAME, float)
#define XPILER_BANG_SCALAR_FLOATS(NAME)                                        \
  XPILER_BANG_SCALAR_HALF_FLOAT(NAME)                                          \
  XPILER_BANG_SCALAR(NAME, bfloat16_t)
#define XPILER_BANG_SCALAR_ARITH(NAME)                                         \
  XPILER_BANG_SCALAR_FLOATS(NAME)                                              \
  XPILER_BANG_SCALAR(NAME, int16_t)                                            \
  XPILER_BANG_SCALAR(NAME, int32_t)
XPILER_BANG_SCALAR_ARITH(__bang_add_scalar)
XPILER_BANG_SCALAR_ARITH(__bang_sub_scalar)
XPILER_BANG_SCALAR_ARITH(__bang_mul_scalar)
XPILER_BANG_SCALAR_FLOATS(__bang_eq_scalar)
XPILER_BANG_SCALAR_FLOATS(__bang_ne_scalar)
XPILER_BANG_SCALAR_FLOATS(__bang_gt_scalar)
XPILER_BANG_SCALAR_FLOATS(__bang_ge_scalar)
XPILER_BANG_SCALAR_FLOATS(__bang_lt_scalar)
XPILER_BANG_SCALAR_FLOATS(__bang_le_scalar)
XPILER_BANG_SCALAR_HALF_FLOAT(__bang_add_const)
XPILER_BANG_SCALAR_HALF_FLOAT(__bang_sub_const)
XPILER_BANG_SCALAR_HALF_FLOAT(__bang_mul_const)
#undef XPILER_BANG_SCALAR_ARITH
#undef XPILER_BANG_SCALAR_FLOATS
#undef XPILER_BANG_SCALAR_HALF_FLOAT
#undef XPILER_BANG_SCALAR

// __bang_cycle_<kind>(dst, src, seg, src_elem_count, seg_elem_count)
#define XPILER_BANG_CYCLE_T(NAME, T)                                           \
  __xpiler_bang_builtin__ void NAME(T *dst, const T *src, const T *seg,                   \
                         int src_elem_count, int seg_elem_count);
#define XPILER_BANG_CYCLE(NAME)                                                \
  XPILER_BANG_CYCLE_T(NAME, half)                                              \
  XPILER_BANG_CYCLE_T(NAME, float)
XPILER_BANG_CYCLE(__bang_cycle_add)
XPILER_BANG_CYCLE(__bang_cycle_sub)
XPILER_BANG_CYCLE(__bang_cycle_mul)
XPILER_BANG_CYCLE(__bang_cycle_maxequal)
XPILER_BANG_CYCLE(__bang_cycle_minequal)
XPILER_BANG_CYCLE(__bang_cycle_eq)
XPILER_BANG_CYCLE(__bang_cycle_ne)
XPILER_BANG_CYCLE(__bang_cycle_gt)
XPILER_BANG_CYCLE(__bang_cycle_ge)
XPILER_BANG_CYCLE(__bang_cycle_lt)
XPILER_BANG_CYCLE(__bang_cycle_le)
XPILER_BANG_CYCLE(__bang_cycle_and)
XPILER_BANG_CYCLE(__bang_cycle_or)
XPILER_BANG_CYCLE(__bang_cycle_xor)
#undef XPILER_BANG_CYCLE
#undef XPILER_BANG_CYCLE_T

// __bang_<kind>(dst, src, elem_count)
#define XPILER_BANG_UNARY(NAME, T)                                             \
  __xpiler_bang_builtin__ void NAME(T *dst, const T *src, int elem_count);
#define XPILER_BANG_ACTIVE(NAME)                                               \
  XPILER_BANG_UNARY(NAME, half)                                                \
  XPILER_BANG_UNARY(NAME, float)
#define XPILER_BANG_UNARY_FLOATS(NAME)                                         \
  XPILER_BANG_ACTIVE(NAME)                                                     \
  XPILER_BANG_UNARY(NAME, bfloat16_t)
XPILER_BANG_UNARY_FLOATS(__bang_recip)
XPILER_BANG_UNARY_FLOATS(__bang_sqrt)
XPILER_BANG_UNARY_FLOATS(__bang_rsqrt)
XPILER_BANG_UNARY_FLOATS(__bang_sin)
XPILER_BANG_UNARY_FLOATS(__bang_cos)
XPILER_BANG_UNARY_FLOATS(__bang_sigmoid)
XPILER_BANG_UNARY_FLOATS(__bang_square)
XPILER_BANG_UNARY_FLOATS(__bang_log)
XPILER_BANG_UNARY_FLOATS(__bang_abs)
XPILER_BANG_ACTIVE(__bang_active_abs)
XPILER_BANG_ACTIVE(__bang_active_cos)
XPILER_BANG_ACTIVE(__bang_active_exp)
XPILER_BANG_ACTIVE(__bang_active_exphp)
XPILER_BANG_ACTIVE(__bang_active_exp_less_0)
XPILER_BANG_ACTIVE(__bang_active_gelu)
XPILER_BANG_ACTIVE(__bang_active_gelup)
XPILER_BANG_ACTIVE(__bang_active_log)
XPILER_BANG_ACTIVE(__bang_active_loghp)
XPILER_BANG_ACTIVE(__bang_active_pow2)
XPILER_BANG_ACTIVE(__bang_active_recip)
XPILER_BANG_ACTIVE(__bang_active_recip_greater_1)
XPILER_BANG_ACTIVE(__bang_active_reciphp)
XPILER_BANG_ACTIVE(__bang_active_relu)
XPILER_BANG_ACTIVE(__bang_active_rsqrt)
XPILER_BANG_ACTIVE(__bang_active_rsqrthp)
XPILER_BANG_ACTIVE(__bang_active_sigmoid)
XPILER_BANG_ACTIVE(__bang_active_sign)
XPILER_BANG_ACTIVE(__bang_active_sin)
XPILER_BANG_ACTIVE(__bang_active_sqrt)
XPILER_BANG_ACTIVE(__bang_active_tanh)
#undef XPILER_BANG_UNARY_FLOATS
#undef XPILER_BANG_ACTIVE
#undef XPILER_BANG_UNARY

// __bang_max / __bang_min(dst, src, elem_count): value and index in dst.
__xpiler_bang_builtin__ void __bang_max(half *dst, const half *src, int elem_count);
__xpiler_bang_builtin__ void __bang_max(float *dst, const float *src, int elem_count);
__xpiler_bang_builtin__ void __bang_min(half *dst, const half *src, int elem_count);
__xpiler_bang_builtin__ void __bang_min(float *dst, const float *src, int elem_count);

//===----------------------------------------------------------------------===//
// Pooling, transpose, matrix and convolution builtins
//===----------------------------------------------------------------------===//

#define XPILER_BANG_POOL_T(NAME, T)                                            \
  __xpiler_bang_builtin__ void NAME(T *dst, const T *src, int channel, int height,        \
                         int width, int kernel_height, int kernel_width);      \
  __xpiler_bang_builtin__ void NAME(T *dst, const T *src, int channel, int height,        \
                         int width, int kernel_height, int kernel_width,       \
                         int stride_x, int stride_y);
#define XPILER_BANG_POOL(NAME)                                                 \
  XPILER_BANG_POOL_T(NAME, half)                                               \
  XPILER_BANG_POOL_T(NAME, float)
XPILER_BANG_POOL(__bang_sumpool)
XPILER_BANG_POOL(__bang_avgpool)
XPILER_BANG_POOL(__bang_maxpool)
XPILER_BANG_POOL(__bang_minpool)
#undef XPILER_BANG_POOL
#undef XPILER_BANG_POOL_T

template <class T>
__xpiler_bang_builtin__ void __bang_transpose(T *dst, const T *src, int height,
                                   int width);

template <class Td, class Ts, class Tw>
__xpiler_bang_builtin__ void __bang_matmul(Td *dst, const Ts *lhs, const Tw *rhs, int m,
                                int k, int n);
template <class Td, class Ts, class Tw>
__xpiler_bang_builtin__ void __bang_matmul(Td *dst, const Ts *lhs, const Tw *rhs, int m,
                                int k, int n, int fix_position);

template <class Td, class Ts, class Tw>
__xpiler_bang_builtin__ void __bang_mlp(Td *dst, const Ts *src, const Tw *weight,
                             int height, int width);
template <class Td, class Ts, class Tw>
__xpiler_bang_builtin__ void __bang_mlp(Td *dst, const Ts *src, const Td *bias,
                             const Tw *weight, int height, int width);
template <class Td, class Ts, class Tw>
__xpiler_bang_builtin__ void __bang_mlp(Td *dst, const Ts *src, const Tw *weight,
                             int height, int width, int fix_position);
template <class Td, class Ts, class Tw>
__xpiler_bang_builtin__ void __bang_mlp(Td *dst, const Ts *src, const Td *bias,
                             const Tw *weight, int height, int width,
                             int fix_position);

template <class Td, class Ts, class Tk>
__xpiler_bang_builtin__ void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                              int channel_input, int height, int width,
                              int kernel_height, int kernel_width,
                              int stride_x, int stride_y, int channel_output);
template <class Td, class Ts, class Tk>
__xpiler_bang_builtin__ void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                              const Td *bias, int channel_input, int height,
                              int width, int kernel_height, int kernel_width,
                              int stride_x, int stride_y, int channel_output);
template <class Td, class Ts, class Tk>
__xpiler_bang_builtin__ void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                              int channel_input, int height, int width,
                              int kernel_height, int kernel_width,
                              int stride_x, int stride_y, int channel_output,
                              int fix_position);
template <class Td, class Ts, class Tk>
__xpiler_bang_builtin__ void __bang_conv(Td *dst, const Ts *src, const Tk *kernel,
                              const Td *bias, int channel_input, int height,
                              int width, int kernel_height, int kernel_width,
                              int stride_x, int stride_y, int channel_output,
                              int fix_position);

//===----------------------------------------------------------------------===//
// Scalar math in device code
//===----------------------------------------------------------------------===//

// The float forms (clang's forward declarations below give the double,
// overloaded and std:: forms); the importer maps them to math/arith ops.
#define XPILER_BANG_MATH1(name) __xpiler_bang_builtin__ float name(float);
XPILER_BANG_MATH1(expf) XPILER_BANG_MATH1(exp2f) XPILER_BANG_MATH1(logf)
XPILER_BANG_MATH1(log2f) XPILER_BANG_MATH1(sqrtf) XPILER_BANG_MATH1(tanhf)
XPILER_BANG_MATH1(erff) XPILER_BANG_MATH1(sinf) XPILER_BANG_MATH1(cosf)
XPILER_BANG_MATH1(tanf) XPILER_BANG_MATH1(floorf) XPILER_BANG_MATH1(ceilf)
XPILER_BANG_MATH1(roundf) XPILER_BANG_MATH1(truncf) XPILER_BANG_MATH1(fabsf)
#undef XPILER_BANG_MATH1
__xpiler_bang_builtin__ float powf(float, float);
__xpiler_bang_builtin__ float fmaxf(float, float);
__xpiler_bang_builtin__ float fminf(float, float);
__xpiler_bang_builtin__ float fmodf(float, float);
__xpiler_bang_builtin__ float fmaf(float, float, float);
__xpiler_bang_builtin__ int max(int, int);
__xpiler_bang_builtin__ int min(int, int);
__xpiler_bang_builtin__ unsigned int max(unsigned int, unsigned int);
__xpiler_bang_builtin__ unsigned int min(unsigned int, unsigned int);
__xpiler_bang_builtin__ float max(float, float);
__xpiler_bang_builtin__ float min(float, float);

#include <__clang_cuda_math_forward_declares.h>

#endif // XPILER_BANG_H
