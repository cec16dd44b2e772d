//===- BangRuntime.cpp - reference semantics of the bang dialect ----------===//
//
// Launches, task indices, barriers, on-chip arrays, __memcpy and the
// __bang_* vector builtins as the lowered bang dialect calls them.
//
// The semantics are those of the bang dialect (dialects/bang/BangOps.td,
// written from Cambricon's BANG C and CNRT documentation) as the header-only
// BANG emulation implements them (runtime/bang/include/bang_emu, checked by
// runtime/bang/unittests): the same task/cluster/core mapping
// (runtime/bang/README.md, "The emulation model"), the same functors for
// every elementwise kind (bang_emu::op, bang_emu::fn), the same half and
// bfloat16 types (bang_emu/fp16.h) and accumulation rules (bang_emu/tensor.h).
// The difference is error handling: instead of the emulator's
// `bang_emu::fatal`, every operand range is checked with checkRange before
// memory is touched, and a wrong program traps with a report.
//
// Launch model (as the emulator's): a launch of taskDim = x * y * z tasks
// runs every task as a unit of runUnits. UnionN launches group 4 cores per
// cluster (level-1 groups, taskDim a multiple of 4N), clusterId = taskId / 4,
// coreId = taskId % 4; Block launches have independent tasks (clusterDim 0,
// coreDim 1, no peers for barriers). NRAM/WRAM arrays are per unit, SRAM
// arrays per cluster (per task for Block).
//
//===----------------------------------------------------------------------===//

#include "BangRuntime.h"

#include "Runtime.h"

// The emulation's element types, functors and accumulators. Only inline
// code is used: nothing of the emulator's launch machinery runs here.
#include "bang_emu/tensor.h"
#include "bang_emu/vector.h"

#include <cmath>
#include <cstring>
#include <map>
#include <vector>

using namespace xpiler::exec::rt;
using namespace xpiler::exec::rt::bang;

//===----------------------------------------------------------------------===//
// Launch state
//===----------------------------------------------------------------------===//

namespace {

/// A __memcpy_async not performed yet (done at the unit's next __sync_* or
/// when its kernel returns, as in bang_emu/memcpy.h).
struct PendingCopy {
  char *dst;
  const char *src;
  int64_t size, dstStride, srcStride, segnum;
};

/// A SRAM2SRAM write into a cluster whose SRAM array does not exist yet: it
/// is applied when that cluster first declares the array.
struct PendingSramWrite {
  int64_t offset;
  std::vector<char> bytes;
};

struct SramArray {
  char *data;
  int64_t bytes;
};

struct BangState {
  bool active = false;
  int64_t dim[3] = {1, 1, 1};
  int64_t taskDim = 1;
  int64_t funcType = 0; ///< the dialect's FuncType: 0 Block, N UnionN
  std::map<int64_t, std::vector<PendingCopy>> pending; ///< by unit
  std::map<std::pair<int64_t, int64_t>, SramArray> sram; ///< (cluster, slot)
  std::map<std::pair<int64_t, int64_t>, std::vector<PendingSramWrite>>
      sramWrites;
};
BangState state;

bool isBlock() { return state.funcType == 0; }

int64_t currentTask() { return state.active ? currentUnit() : 0; }

int64_t currentCluster() {
  if (!state.active || isBlock())
    return currentTask(); // Block: every task is its own cluster (SRAM)
  return currentTask() / kCoresPerCluster;
}

void copySegments(char *dst, const char *src, int64_t size, int64_t dstStride,
                  int64_t srcStride, int64_t segnum) {
  for (int64_t i = 0; i <= segnum; ++i)
    std::memmove(dst + i * dstStride, src + i * srcStride, (size_t)size);
}

void flushPendingCopies() {
  auto it = state.pending.find(currentTask());
  if (it == state.pending.end())
    return;
  for (const PendingCopy &c : it->second)
    copySegments(c.dst, c.src, c.size, c.dstStride, c.srcStride, c.segnum);
  state.pending.erase(it);
}

/// Traps unless `value` > 0 (the emulator's checkPositive); `parameter`:
/// its position in the C builtin's parameter list.
void checkPositive(int64_t location, int64_t value, int64_t parameter) {
  if (value <= 0)
    trap(TrapKind::InvalidArgument, location, value, parameter);
}

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

/// Calls f(T{}) with the C type of `type`.
template <typename F> void withType(int64_t type, int64_t location, F &&f) {
  switch ((ElemType)type) {
  case ElemType::f32:
    return f(float{});
  case ElemType::f16:
    return f(half{});
  case ElemType::bf16:
    return f(bfloat16_t{});
  case ElemType::i8:
    return f(int8_t{});
  case ElemType::i16:
    return f(int16_t{});
  case ElemType::i32:
    return f(int32_t{});
  }
  trap(TrapKind::Unsupported, location, kBadType, type);
}

template <typename T> T load(const void *base, int64_t i) {
  T v;
  std::memcpy(&v, static_cast<const char *>(base) + i * (int64_t)sizeof(T),
              sizeof(T));
  return v;
}
template <typename T> void store(void *base, int64_t i, T v) {
  std::memcpy(static_cast<char *>(base) + i * (int64_t)sizeof(T), &v,
              sizeof(T));
}

/// Applies the binary `kind` (the dialect's BinaryKind) to computed values,
/// with the emulator's functors.
template <typename C> C applyBinary(int64_t kind, C a, C b, int64_t location) {
  namespace op = bang_emu::op;
  switch (kind) {
  case 0:
    return op::Add{}(a, b);
  case 1:
    return op::Sub{}(a, b);
  case 2:
    return op::Mul{}(a, b);
  case 3:
    return C(op::Div{}(float(a), float(b)));
  case 4:
  case 6:
    return C(op::Max{}(float(a), float(b)));
  case 5:
  case 7:
    return C(op::Min{}(float(a), float(b)));
  case 8:
    return op::Eq{}(a, b);
  case 9:
    return op::Ne{}(a, b);
  case 10:
    return op::Gt{}(a, b);
  case 11:
    return op::Ge{}(a, b);
  case 12:
    return op::Lt{}(a, b);
  case 13:
    return op::Le{}(a, b);
  case 14:
    return op::And{}(a, b);
  case 15:
    return op::Or{}(a, b);
  case 16:
    return op::Xor{}(a, b);
  }
  trap(TrapKind::Unsupported, location, kBadKind, kind);
}

float applyUnary(int64_t kind, float x, int64_t location) {
  namespace fn = bang_emu::fn;
  switch (kind) {
  case 0: // recip
  case 30: // active_recip
  case 31: // active_recip_greater_1
  case 32: // active_reciphp
    return fn::recip(x);
  case 1:
  case 39:
    return fn::sqrt(x);
  case 2:
  case 34:
  case 35:
    return fn::rsqrt(x);
  case 3:
  case 38:
    return fn::sin(x);
  case 4:
  case 21:
    return fn::cos(x);
  case 5:
  case 36:
    return fn::sigmoid(x);
  case 6:
    return fn::square(x);
  case 7:
  case 27:
  case 28:
    return fn::log(x);
  case 8:
  case 20:
    return fn::abs(x);
  case 22:
  case 23:
  case 24:
    return fn::exp(x);
  case 25:
    return fn::gelu(x);
  case 26:
    return fn::gelup(x);
  case 29:
    return fn::pow2(x);
  case 33:
    return fn::relu(x);
  case 37:
    return fn::sign(x);
  case 40:
    return fn::tanh(x);
  }
  trap(TrapKind::Unsupported, location, kBadKind, kind);
}

/// The emulator's `Compute<T>`: int64 for 16/32-bit integers, float
/// otherwise; results wrap around for integers.
template <typename T> using ComputeT = bang_emu::ComputeT<T>;

} // namespace

//===----------------------------------------------------------------------===//
// Runtime functions
//===----------------------------------------------------------------------===//

extern "C" {

void __xpl_rt_bang_launch(void (*entry)(void *), void *closure, int64_t x,
                          int64_t y, int64_t z, int64_t funcType,
                          int64_t location) {
  // cnrtDim3_t fields are unsigned: a zero (or what was negative in C)
  // dimension is an invalid launch, as in bang_emu::runLaunch.
  const int64_t dims[3] = {x, y, z};
  for (int i = 0; i < 3; ++i)
    if (dims[i] <= 0 || dims[i] > 0xffffffffll)
      trap(TrapKind::InvalidLaunch, location, dims[i], i);
  if (funcType != 0 && funcType != 1 && funcType != 2 && funcType != 4 &&
      funcType != 8 && funcType != 16)
    trap(TrapKind::InvalidLaunch, location, funcType, 3);
  int64_t tasks = x * y * z;
  // The emulator runs at most 4096 Union tasks (one thread per core); the
  // oracle keeps the same limit for every launch (a fiber per task).
  if (tasks > kMaxTasks)
    trap(TrapKind::InvalidLaunch, location, tasks, 4);
  if (funcType != 0 && tasks % (funcType * kCoresPerCluster) != 0)
    trap(TrapKind::InvalidLaunch, location, tasks, 5);
  if (state.active)
    trap(TrapKind::InvalidLaunch, location, 0, 6); // a kernel launching
  BangState saved;
  std::swap(saved, state);
  state.active = true;
  state.dim[0] = x;
  state.dim[1] = y;
  state.dim[2] = z;
  state.taskDim = tasks;
  state.funcType = funcType;
  resetOnChipMemory();
  int64_t groupSize = funcType == 0 ? 1 : kCoresPerCluster;
  std::function<void(int64_t)> body = [&](int64_t) {
    entry(closure);
    flushPendingCopies();
  };
  runUnits(tasks, &groupSize, 1, body, location);
  resetOnChipMemory();
  std::swap(saved, state);
}

/// A task index builtin (IndexKind); outside a launch, the indices of one
/// Block task.
int32_t __xpl_rt_bang_index(int64_t which) {
  int64_t t = currentTask();
  bool block = !state.active || isBlock();
  switch ((IndexKind)which) {
  case IndexKind::taskId:
    return (int32_t)t;
  case IndexKind::taskIdX:
    return (int32_t)(t % state.dim[0]);
  case IndexKind::taskIdY:
    return (int32_t)(t / state.dim[0] % state.dim[1]);
  case IndexKind::taskIdZ:
    return (int32_t)(t / (state.dim[0] * state.dim[1]));
  case IndexKind::taskDim:
    return (int32_t)state.taskDim;
  case IndexKind::taskDimX:
    return (int32_t)state.dim[0];
  case IndexKind::taskDimY:
    return (int32_t)state.dim[1];
  case IndexKind::taskDimZ:
    return (int32_t)state.dim[2];
  case IndexKind::clusterId:
    return block ? 0 : (int32_t)(t / kCoresPerCluster);
  case IndexKind::clusterDim:
    return block ? 0 : (int32_t)(state.taskDim / kCoresPerCluster);
  case IndexKind::coreId:
    return block ? 0 : (int32_t)(t % kCoresPerCluster);
  case IndexKind::coreDim:
    return block ? 1 : (int32_t)kCoresPerCluster;
  }
  return 0;
}

/// bang.sync: `kind` is the dialect's SyncKind. Every sync completes the
/// unit's pending async copies; `all`/`all_ipu` wait for every core of the
/// launch, `cluster` for the cores of the cluster; Block tasks have no
/// peers (README of runtime/bang, "Choices").
void __xpl_rt_bang_sync(int64_t kind, int64_t location) {
  flushPendingCopies();
  if (!state.active || isBlock())
    return;
  switch (kind) {
  case 0: // all
  case 3: // all_ipu
    barrier(0, location);
    return;
  case 1: // cluster
    barrier(1, location);
    return;
  default: // compute, all_mpu: this core's work only (no memory core)
    return;
  }
}

/// An NRAM/WRAM array: private to the calling core for the whole launch.
void *__xpl_rt_bang_private(int64_t slot, int64_t bytes, int64_t location) {
  return unitPrivateMemory(slot, bytes, location);
}

/// An SRAM (__mlu_shared__) array: one per cluster (per task for Block).
void *__xpl_rt_bang_shared(int64_t slot, int64_t bytes, int64_t location) {
  char *p = static_cast<char *>(groupSharedMemory(slot, bytes, location));
  auto key = std::make_pair(currentCluster(), slot);
  if (!state.sram.count(key)) {
    state.sram[key] = SramArray{p, bytes};
    auto it = state.sramWrites.find(key);
    if (it != state.sramWrites.end()) {
      for (const PendingSramWrite &w : it->second)
        std::memcpy(p + w.offset, w.bytes.data(), w.bytes.size());
      state.sramWrites.erase(it);
    }
  }
  return p;
}

/// __memcpy / __memcpy_async (bang_emu/memcpy.h): `segnum + 1` segments of
/// `size` bytes from `src + i * srcStride` to `dst + i * dstStride`, byte
/// offsets from the views' first elements. `dstBytes`/`srcBytes` are the
/// views' extents in bytes; every byte touched must lie inside them.
/// `flags`: kMemcpyAsync, kMemcpyToCluster (then `dstCluster` names the
/// cluster whose SRAM receives the data).
void __xpl_rt_bang_memcpy(char *dst, int64_t dstBytes, const char *src,
                          int64_t srcBytes, int64_t size, int64_t dstStride,
                          int64_t srcStride, int64_t segnum,
                          int64_t dstCluster, int64_t flags,
                          int64_t location) {
  const bool async = flags & kMemcpyAsync;
  const bool clustered = flags & kMemcpyToCluster;
  checkPositive(location, size, 2);
  if (segnum < 0)
    trap(TrapKind::InvalidArgument, location, segnum, 6);
  auto check = [&](int64_t stride, int64_t extent) {
    int64_t last = segnum * stride;
    int64_t lo = std::min<int64_t>(0, last);
    int64_t hi = std::max<int64_t>(0, last) + size;
    checkRange(location, lo, hi - lo, extent);
  };
  check(dstStride, dstBytes);
  check(srcStride, srcBytes);
  if (clustered) {
    // SRAM2SRAM into the SRAM of cluster `dstCluster`, at the address `dst`
    // has in the running cluster's SRAM.
    int64_t clusters = state.active && !isBlock()
                           ? state.taskDim / kCoresPerCluster
                           : 1;
    if (dstCluster < 0 || dstCluster >= clusters)
      trap(TrapKind::OutOfBounds, location, dstCluster, clusters, 0);
    int64_t self = currentCluster();
    int64_t target = state.active && !isBlock() ? dstCluster : self;
    if (target == self) {
      copySegments(dst, src, size, dstStride, srcStride, segnum);
      return;
    }
    for (auto &[key, array] : state.sram) {
      if (key.first != self || dst < array.data ||
          dst >= array.data + array.bytes)
        continue;
      int64_t offset = dst - array.data;
      auto other = state.sram.find({target, key.second});
      for (int64_t i = 0; i <= segnum; ++i) {
        int64_t at = offset + i * dstStride;
        const char *from = src + i * srcStride;
        // The destination lies in the same array of the other cluster.
        checkRange(location, at, size, array.bytes);
        if (other != state.sram.end())
          std::memmove(other->second.data + at, from, (size_t)size);
        else
          state.sramWrites[{target, key.second}].push_back(
              PendingSramWrite{at, std::vector<char>(from, from + size)});
      }
      return;
    }
    trap(TrapKind::Unsupported, location, kNotSram);
  }
  if (async && state.active) {
    state.pending[currentTask()].push_back(
        PendingCopy{dst, src, size, dstStride, srcStride, segnum});
    return;
  }
  copySegments(dst, src, size, dstStride, srcStride, segnum);
}

/// __memset_nram / __bang_write_value / __bang_write_zero: `count` values
/// of `valueBytes` bytes (the low bytes of `bits`) from `dst`.
void __xpl_rt_bang_fill(char *dst, int64_t dstBytes, int64_t count,
                        int64_t bits, int64_t valueBytes, int64_t location) {
  checkPositive(location, count, 1);
  checkRange(location, 0, count * valueBytes, dstBytes);
  for (int64_t i = 0; i < count; ++i)
    std::memcpy(dst + i * valueBytes, &bits, (size_t)valueBytes);
}

/// __bang_<kind>(dst, src0, src1, count) (bang_emu::binary).
void __xpl_rt_bang_binary(char *dst, int64_t dstExtent, const char *src0,
                          int64_t src0Extent, const char *src1,
                          int64_t src1Extent, int64_t count, int64_t kind,
                          int64_t type, int64_t location) {
  checkPositive(location, count, 3);
  checkRange(location, 0, count, dstExtent);
  checkRange(location, 0, count, src0Extent);
  checkRange(location, 0, count, src1Extent);
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    using C = ComputeT<T>;
    for (int64_t i = 0; i < count; ++i)
      store<T>(dst, i,
               bang_emu::fromCompute<T>(applyBinary<C>(
                   kind, C(load<T>(src0, i)), C(load<T>(src1, i)),
                   location)));
  });
}

/// __bang_<kind>_scalar / _const(dst, src, value, count): `value` is the
/// scalar converted exactly to double.
void __xpl_rt_bang_binary_scalar(char *dst, int64_t dstExtent,
                                 const char *src, int64_t srcExtent,
                                 double value, int64_t count, int64_t kind,
                                 int64_t type, int64_t location) {
  checkPositive(location, count, 3);
  checkRange(location, 0, count, dstExtent);
  checkRange(location, 0, count, srcExtent);
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    using C = ComputeT<T>;
    const C v = C(T(value));
    for (int64_t i = 0; i < count; ++i)
      store<T>(dst, i,
               bang_emu::fromCompute<T>(
                   applyBinary<C>(kind, C(load<T>(src, i)), v, location)));
  });
}

/// __bang_cycle_<kind>(dst, src, seg, srcCount, segCount).
void __xpl_rt_bang_cycle(char *dst, int64_t dstExtent, const char *src,
                         int64_t srcExtent, const char *seg,
                         int64_t segExtent, int64_t srcCount,
                         int64_t segCount, int64_t kind, int64_t type,
                         int64_t location) {
  checkPositive(location, srcCount, 3);
  checkPositive(location, segCount, 4);
  if (srcCount % segCount != 0)
    trap(TrapKind::InvalidArgument, location, srcCount, 3);
  checkRange(location, 0, srcCount, dstExtent);
  checkRange(location, 0, srcCount, srcExtent);
  checkRange(location, 0, segCount, segExtent);
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    using C = ComputeT<T>;
    for (int64_t i = 0; i < srcCount; ++i)
      store<T>(dst, i,
               bang_emu::fromCompute<T>(applyBinary<C>(
                   kind, C(load<T>(src, i)), C(load<T>(seg, i % segCount)),
                   location)));
  });
}

/// __bang_<kind>(dst, src, count) for unary and active functions: computed
/// in float, rounded once (bang_emu::unary).
void __xpl_rt_bang_unary(char *dst, int64_t dstExtent, const char *src,
                         int64_t srcExtent, int64_t count, int64_t kind,
                         int64_t type, int64_t location) {
  checkPositive(location, count, 2);
  checkRange(location, 0, count, dstExtent);
  checkRange(location, 0, count, srcExtent);
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    for (int64_t i = 0; i < count; ++i)
      store<T>(dst, i, T(applyUnary(kind, float(load<T>(src, i)), location)));
  });
}

/// __bang_max / __bang_min (bang_emu::reduce): dst[0] the extreme value,
/// element slot 1 the index of its first occurrence as an unsigned integer
/// of T's width.
void __xpl_rt_bang_reduce(char *dst, int64_t dstExtent, const char *src,
                          int64_t srcExtent, int64_t count, int64_t isMin,
                          int64_t type, int64_t location) {
  checkPositive(location, count, 2);
  checkRange(location, 0, 2, dstExtent);
  checkRange(location, 0, count, srcExtent);
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    int64_t best = 0;
    float bestValue = float(load<T>(src, 0));
    for (int64_t i = 1; i < count; ++i) {
      float v = float(load<T>(src, i));
      if (isMin ? v < bestValue : v > bestValue) {
        best = i;
        bestValue = v;
      }
    }
    store<T>(dst, 0, load<T>(src, best));
    if constexpr (sizeof(T) == 2) {
      uint16_t index = (uint16_t)best;
      std::memcpy(dst + 2, &index, 2);
    } else if constexpr (sizeof(T) == 4) {
      uint32_t index = (uint32_t)best;
      std::memcpy(dst + 4, &index, 4);
    } else {
      uint8_t index = (uint8_t)best;
      std::memcpy(dst + 1, &index, 1);
    }
  });
}

/// __bang_<kind>pool (bang_emu::pool): HWC layout, channel fastest; `kind`
/// the dialect's PoolKind.
void __xpl_rt_bang_pool(char *dst, int64_t dstExtent, const char *src,
                        int64_t srcExtent, int64_t channel, int64_t height,
                        int64_t width, int64_t kernelHeight,
                        int64_t kernelWidth, int64_t strideX, int64_t strideY,
                        int64_t kind, int64_t type, int64_t location) {
  const int64_t params[] = {channel,     height,  width,  kernelHeight,
                            kernelWidth, strideX, strideY};
  for (int i = 0; i < 7; ++i)
    checkPositive(location, params[i], 2 + i);
  if (kernelHeight > height)
    trap(TrapKind::InvalidArgument, location, kernelHeight, 5);
  if (kernelWidth > width)
    trap(TrapKind::InvalidArgument, location, kernelWidth, 6);
  const int64_t outH = (height - kernelHeight) / strideY + 1;
  const int64_t outW = (width - kernelWidth) / strideX + 1;
  checkRange(location, 0, height * width * channel, srcExtent);
  checkRange(location, 0, outH * outW * channel, dstExtent);
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    std::vector<T> out((size_t)(outH * outW * channel));
    for (int64_t oh = 0; oh < outH; ++oh)
      for (int64_t ow = 0; ow < outW; ++ow)
        for (int64_t c = 0; c < channel; ++c) {
          double acc = kind == 2 ? -INFINITY : kind == 3 ? INFINITY : 0.0;
          for (int64_t kh = 0; kh < kernelHeight; ++kh)
            for (int64_t kw = 0; kw < kernelWidth; ++kw) {
              int64_t h = oh * strideY + kh, w = ow * strideX + kw;
              double v = double(float(load<T>(src, (h * width + w) * channel + c)));
              if (kind == 2)
                acc = std::fmax(acc, v);
              else if (kind == 3)
                acc = std::fmin(acc, v);
              else
                acc += v;
            }
          if (kind == 1)
            acc /= double(kernelHeight) * kernelWidth;
          out[size_t((oh * outW + ow) * channel + c)] = T(acc);
        }
    std::memcpy(dst, out.data(), out.size() * sizeof(T));
  });
}

/// __bang_transpose: dst[j * height + i] = src[i * width + j] (any 8-, 16-
/// or 32-bit element: moved as bytes).
void __xpl_rt_bang_transpose(char *dst, int64_t dstExtent, const char *src,
                             int64_t srcExtent, int64_t height, int64_t width,
                             int64_t elemBytes, int64_t location) {
  checkPositive(location, height, 2);
  checkPositive(location, width, 3);
  checkRange(location, 0, height * width, dstExtent);
  checkRange(location, 0, height * width, srcExtent);
  std::vector<char> out((size_t)(height * width * elemBytes));
  for (int64_t i = 0; i < height; ++i)
    for (int64_t j = 0; j < width; ++j)
      std::memcpy(&out[size_t((j * height + i) * elemBytes)],
                  src + (i * width + j) * elemBytes, (size_t)elemBytes);
  std::memcpy(dst, out.data(), out.size());
}

} // extern "C"

namespace {

/// Converts an accumulated result to the destination element type
/// (bang_emu::toDestination: floats round to nearest even, int16 rounds and
/// saturates).
void storeResult(void *dst, int64_t i, int64_t type, double v,
                 int64_t location) {
  withType(type, location, [&](auto tag) {
    using T = decltype(tag);
    store<T>(dst, i, bang_emu::toDestination<T>(v));
  });
}

/// Calls f(Ts{}, Tw{}) for the input types of a product builtin: both f16 or
/// both f32 without fix_position, i8/i16 each with it (bang_emu/tensor.h).
template <typename F>
void withInputTypes(int64_t ts, int64_t tw, bool fixed, int64_t location,
                    F &&f) {
  bool ok = fixed ? (ts == (int64_t)ElemType::i8 ||
                     ts == (int64_t)ElemType::i16) &&
                        (tw == (int64_t)ElemType::i8 ||
                         tw == (int64_t)ElemType::i16)
                  : ts == tw && (ts == (int64_t)ElemType::f16 ||
                                 ts == (int64_t)ElemType::f32);
  if (!ok)
    trap(TrapKind::Unsupported, location, kBadType, ts, tw);
  withType(ts, location, [&](auto s) {
    withType(tw, location, [&](auto w) { f(s, w); });
  });
}

} // namespace

extern "C" {

/// __bang_matmul: dst[i * n + j] = sum_p lhs[i * k + p] * rhs[j * k + p]
/// (times 2^position for integer inputs), accumulated in double (exactly in
/// int64 for integers) and rounded once (bang_emu::matmul).
void __xpl_rt_bang_matmul(char *dst, int64_t dstExtent, const char *lhs,
                          int64_t lhsExtent, const char *rhs,
                          int64_t rhsExtent, int64_t m, int64_t k, int64_t n,
                          int64_t hasPosition, int64_t position,
                          int64_t dstType, int64_t lhsType, int64_t rhsType,
                          int64_t location) {
  checkPositive(location, m, 3);
  checkPositive(location, k, 4);
  checkPositive(location, n, 5);
  checkRange(location, 0, m * n, dstExtent);
  checkRange(location, 0, m * k, lhsExtent);
  checkRange(location, 0, n * k, rhsExtent);
  std::vector<double> out((size_t)(m * n));
  auto run = [&](auto fixedTag, auto s, auto w) {
    constexpr bool fixed = decltype(fixedTag)::value;
    using Ts = decltype(s);
    using Tw = decltype(w);
    using A = bang_emu::Accumulator<fixed>;
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        typename A::type sum = 0;
        for (int64_t p = 0; p < k; ++p)
          sum += A::product(load<Ts>(lhs, i * k + p), load<Tw>(rhs, j * k + p));
        out[size_t(i * n + j)] = A::finish(sum, (int)position);
      }
  };
  withInputTypes(lhsType, rhsType, hasPosition, location,
                 [&](auto s, auto w) {
                   if (hasPosition) {
                     if constexpr (std::is_integral_v<decltype(s)> &&
                                   std::is_integral_v<decltype(w)>)
                       run(std::true_type{}, s, w);
                   } else {
                     if constexpr (!std::is_integral_v<decltype(s)>)
                       run(std::false_type{}, s, w);
                   }
                 });
  for (int64_t i = 0; i < m * n; ++i)
    storeResult(dst, i, dstType, out[size_t(i)], location);
}

/// __bang_mlp: dst[h] = sum_w weight[h * width + w] * src[w] (+ bias[h])
/// (bang_emu::mlp). `bias` is null without a bias.
void __xpl_rt_bang_mlp(char *dst, int64_t dstExtent, const char *src,
                       int64_t srcExtent, const char *bias,
                       int64_t biasExtent, const char *weight,
                       int64_t weightExtent, int64_t height, int64_t width,
                       int64_t hasPosition, int64_t position, int64_t dstType,
                       int64_t srcType, int64_t weightType,
                       int64_t location) {
  // __bang_mlp(dst, src, [bias,] weight, height, width[, fix_position])
  checkPositive(location, height, bias ? 4 : 3);
  checkPositive(location, width, bias ? 5 : 4);
  checkRange(location, 0, height, dstExtent);
  checkRange(location, 0, width, srcExtent);
  if (bias)
    checkRange(location, 0, height, biasExtent);
  checkRange(location, 0, height * width, weightExtent);
  std::vector<double> out((size_t)(height));
  auto run = [&](auto fixedTag, auto s, auto w) {
    constexpr bool fixed = decltype(fixedTag)::value;
    using Ts = decltype(s);
    using Tw = decltype(w);
    using A = bang_emu::Accumulator<fixed>;
    for (int64_t h = 0; h < height; ++h) {
      typename A::type sum = 0;
      for (int64_t x = 0; x < width; ++x)
        sum += A::product(load<Tw>(weight, h * width + x), load<Ts>(src, x));
      out[size_t(h)] = A::finish(sum, (int)position);
    }
  };
  withInputTypes(srcType, weightType, hasPosition, location,
                 [&](auto s, auto w) {
                   if (hasPosition) {
                     if constexpr (std::is_integral_v<decltype(s)> &&
                                   std::is_integral_v<decltype(w)>)
                       run(std::true_type{}, s, w);
                   } else {
                     if constexpr (!std::is_integral_v<decltype(s)>)
                       run(std::false_type{}, s, w);
                   }
                 });
  withType(dstType, location, [&](auto tag) {
    using Td = decltype(tag);
    for (int64_t h = 0; h < height; ++h) {
      double v = out[size_t(h)];
      if (bias)
        v += double(load<Td>(bias, h));
      store<Td>(dst, h, bang_emu::toDestination<Td>(v));
    }
  });
}

/// __bang_conv (bang_emu::conv): src HWC, kernel NHWC (N the output
/// channel), dst HWC, no padding; `bias` is null without a bias.
void __xpl_rt_bang_conv(char *dst, int64_t dstExtent, const char *src,
                        int64_t srcExtent, const char *kernel,
                        int64_t kernelExtent, const char *bias,
                        int64_t biasExtent, int64_t ci, int64_t height,
                        int64_t width, int64_t kh, int64_t kw, int64_t sx,
                        int64_t sy, int64_t co, int64_t hasPosition, int64_t position,
                        int64_t dstType, int64_t srcType, int64_t kernelType,
                        int64_t location) {
  const int64_t params[] = {ci, height, width, kh, kw, sx, sy, co};
  // __bang_conv(dst, src, kernel, [bias,] channel_input, ...)
  const int64_t first = bias ? 4 : 3;
  for (int i = 0; i < 8; ++i)
    checkPositive(location, params[i], first + i);
  if (kh > height)
    trap(TrapKind::InvalidArgument, location, kh, first + 3);
  if (kw > width)
    trap(TrapKind::InvalidArgument, location, kw, first + 4);
  const int64_t outH = (height - kh) / sy + 1, outW = (width - kw) / sx + 1;
  checkRange(location, 0, outH * outW * co, dstExtent);
  checkRange(location, 0, height * width * ci, srcExtent);
  checkRange(location, 0, co * kh * kw * ci, kernelExtent);
  if (bias)
    checkRange(location, 0, co, biasExtent);
  std::vector<double> out((size_t)(outH * outW * co));
  auto run = [&](auto fixedTag, auto s, auto w) {
    constexpr bool fixed = decltype(fixedTag)::value;
    using Ts = decltype(s);
    using Tk = decltype(w);
    using A = bang_emu::Accumulator<fixed>;
    for (int64_t oh = 0; oh < outH; ++oh)
      for (int64_t ow = 0; ow < outW; ++ow)
        for (int64_t o = 0; o < co; ++o) {
          typename A::type sum = 0;
          for (int64_t y = 0; y < kh; ++y)
            for (int64_t x = 0; x < kw; ++x) {
              int64_t in = ((oh * sy + y) * width + (ow * sx + x)) * ci;
              int64_t f = ((o * kh + y) * kw + x) * ci;
              for (int64_t c = 0; c < ci; ++c)
                sum += A::product(load<Ts>(src, in + c),
                                  load<Tk>(kernel, f + c));
            }
          out[size_t((oh * outW + ow) * co + o)] =
              A::finish(sum, (int)position);
        }
  };
  withInputTypes(srcType, kernelType, hasPosition, location,
                 [&](auto s, auto w) {
                   if (hasPosition) {
                     if constexpr (std::is_integral_v<decltype(s)> &&
                                   std::is_integral_v<decltype(w)>)
                       run(std::true_type{}, s, w);
                   } else {
                     if constexpr (!std::is_integral_v<decltype(s)>)
                       run(std::false_type{}, s, w);
                   }
                 });
  withType(dstType, location, [&](auto tag) {
    using Td = decltype(tag);
    for (int64_t i = 0; i < outH * outW * co; ++i) {
      double v = out[size_t(i)];
      if (bias)
        v += double(load<Td>(bias, i % co));
      store<Td>(dst, i, bang_emu::toDestination<Td>(v));
    }
  });
}

} // extern "C"

void xpiler::exec::rt::appendBangRuntimeSymbols(
    std::vector<RuntimeSymbol> &symbols) {
#define XPL_BANG_SYMBOL(NAME) symbols.push_back({#NAME, (void *)&NAME})
  XPL_BANG_SYMBOL(__xpl_rt_bang_launch);
  XPL_BANG_SYMBOL(__xpl_rt_bang_index);
  XPL_BANG_SYMBOL(__xpl_rt_bang_sync);
  XPL_BANG_SYMBOL(__xpl_rt_bang_private);
  XPL_BANG_SYMBOL(__xpl_rt_bang_shared);
  XPL_BANG_SYMBOL(__xpl_rt_bang_memcpy);
  XPL_BANG_SYMBOL(__xpl_rt_bang_fill);
  XPL_BANG_SYMBOL(__xpl_rt_bang_binary);
  XPL_BANG_SYMBOL(__xpl_rt_bang_binary_scalar);
  XPL_BANG_SYMBOL(__xpl_rt_bang_cycle);
  XPL_BANG_SYMBOL(__xpl_rt_bang_unary);
  XPL_BANG_SYMBOL(__xpl_rt_bang_reduce);
  XPL_BANG_SYMBOL(__xpl_rt_bang_pool);
  XPL_BANG_SYMBOL(__xpl_rt_bang_transpose);
  XPL_BANG_SYMBOL(__xpl_rt_bang_matmul);
  XPL_BANG_SYMBOL(__xpl_rt_bang_mlp);
  XPL_BANG_SYMBOL(__xpl_rt_bang_conv);
#undef XPL_BANG_SYMBOL
}
