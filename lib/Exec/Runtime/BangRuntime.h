//===- BangRuntime.h - bang runtime functions and their codes ---*- C++ -*-===//
//
// The `__xpl_rt_bang_*` functions of BangRuntime.cpp and the numbers the
// lowering (BangExec.cpp) passes them. Kinds of builtins (binary, unary,
// pool, sync) and function types are the bang dialect's enum values.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_EXEC_RUNTIME_BANGRUNTIME_H
#define XPILER_LIB_EXEC_RUNTIME_BANGRUNTIME_H

#include <cstdint>

namespace xpiler::exec::rt::bang {

/// Compute cores per cluster of a Union launch (MLU200/300 series; the
/// emulator's BANG_EMU_CORES_PER_CLUSTER).
constexpr int64_t kCoresPerCluster = 4;
/// Most tasks of one launch (the emulator's limit for Union launches).
constexpr int64_t kMaxTasks = 4096;

/// Element types of buffer operands.
enum class ElemType : int64_t { f32 = 0, f16 = 1, bf16 = 2, i8 = 3, i16 = 4, i32 = 5 };

/// The task index builtins.
enum class IndexKind : int64_t {
  taskId = 0,
  taskIdX,
  taskIdY,
  taskIdZ,
  taskDim,
  taskDimX,
  taskDimY,
  taskDimZ,
  clusterId,
  clusterDim,
  coreId,
  coreDim,
};

/// Flags of __xpl_rt_bang_memcpy.
enum : int64_t {
  kMemcpyAsync = 1,     ///< __memcpy_async: done at the next __sync_*
  kMemcpyToCluster = 2, ///< SRAM2SRAM into the SRAM of `dstCluster`
};

/// Detail codes of TrapKind::Unsupported traps (the trap's `a`): what the
/// lowering should never pass. Wrong arguments of a builtin (counts and
/// shapes that are not positive, cycle counts that do not divide, kernels
/// larger than their input) are TrapKind::InvalidArgument traps with the
/// value and the position of the C builtin's parameter.
enum : int64_t {
  kBadType = 2, ///< b, c: the element type codes
  kBadKind = 3, ///< b: the kind
  kNotSram = 6, ///< a SRAM2SRAM destination outside every SRAM array
};

} // namespace xpiler::exec::rt::bang

extern "C" {
void __xpl_rt_bang_launch(void (*entry)(void *), void *closure, int64_t x,
                          int64_t y, int64_t z, int64_t funcType,
                          int64_t location);
int32_t __xpl_rt_bang_index(int64_t which);
void __xpl_rt_bang_sync(int64_t kind, int64_t location);
void *__xpl_rt_bang_private(int64_t slot, int64_t bytes, int64_t location);
void *__xpl_rt_bang_shared(int64_t slot, int64_t bytes, int64_t location);
void __xpl_rt_bang_memcpy(char *dst, int64_t dstBytes, const char *src,
                          int64_t srcBytes, int64_t size, int64_t dstStride,
                          int64_t srcStride, int64_t segnum,
                          int64_t dstCluster, int64_t flags, int64_t location);
void __xpl_rt_bang_fill(char *dst, int64_t dstBytes, int64_t count,
                        int64_t bits, int64_t valueBytes, int64_t location);
void __xpl_rt_bang_binary(char *dst, int64_t dstExtent, const char *src0,
                          int64_t src0Extent, const char *src1,
                          int64_t src1Extent, int64_t count, int64_t kind,
                          int64_t type, int64_t location);
void __xpl_rt_bang_binary_scalar(char *dst, int64_t dstExtent,
                                 const char *src, int64_t srcExtent,
                                 double value, int64_t count, int64_t kind,
                                 int64_t type, int64_t location);
void __xpl_rt_bang_cycle(char *dst, int64_t dstExtent, const char *src,
                         int64_t srcExtent, const char *seg, int64_t segExtent,
                         int64_t srcCount, int64_t segCount, int64_t kind,
                         int64_t type, int64_t location);
void __xpl_rt_bang_unary(char *dst, int64_t dstExtent, const char *src,
                         int64_t srcExtent, int64_t count, int64_t kind,
                         int64_t type, int64_t location);
void __xpl_rt_bang_reduce(char *dst, int64_t dstExtent, const char *src,
                          int64_t srcExtent, int64_t count, int64_t isMin,
                          int64_t type, int64_t location);
void __xpl_rt_bang_pool(char *dst, int64_t dstExtent, const char *src,
                        int64_t srcExtent, int64_t channel, int64_t height,
                        int64_t width, int64_t kernelHeight,
                        int64_t kernelWidth, int64_t strideX, int64_t strideY,
                        int64_t kind, int64_t type, int64_t location);
void __xpl_rt_bang_transpose(char *dst, int64_t dstExtent, const char *src,
                             int64_t srcExtent, int64_t height, int64_t width,
                             int64_t elemBytes, int64_t location);
void __xpl_rt_bang_matmul(char *dst, int64_t dstExtent, const char *lhs,
                          int64_t lhsExtent, const char *rhs,
                          int64_t rhsExtent, int64_t m, int64_t k, int64_t n,
                          int64_t hasPosition, int64_t position,
                          int64_t dstType, int64_t lhsType, int64_t rhsType,
                          int64_t location);
void __xpl_rt_bang_mlp(char *dst, int64_t dstExtent, const char *src,
                       int64_t srcExtent, const char *bias, int64_t biasExtent,
                       const char *weight, int64_t weightExtent,
                       int64_t height, int64_t width, int64_t hasPosition,
                       int64_t position, int64_t dstType, int64_t srcType,
                       int64_t weightType, int64_t location);
void __xpl_rt_bang_conv(char *dst, int64_t dstExtent, const char *src,
                        int64_t srcExtent, const char *kernel,
                        int64_t kernelExtent, const char *bias,
                        int64_t biasExtent, int64_t ci, int64_t height,
                        int64_t width, int64_t kh, int64_t kw, int64_t sx,
                        int64_t sy, int64_t co, int64_t hasPosition,
                        int64_t position, int64_t dstType, int64_t srcType,
                        int64_t kernelType, int64_t location);
}

#endif // XPILER_LIB_EXEC_RUNTIME_BANGRUNTIME_H
