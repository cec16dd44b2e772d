//===- bang_emu/memcpy.h - __memcpy and __memcpy_async ----------*- C++ -*-===//
//
// bang.memcpy: every form of the copy builtin. `size` and both strides are
// in bytes; the strided forms copy `segnum + 1` segments of `size` bytes from
// `src + i * src_stride` to `dst + i * dst_stride`. The direction names the
// memory spaces of the source and destination; a form a direction does not
// have in Cambricon's headers is an error, as are operands in the wrong
// space (where the emulator can tell: cnrtMalloc memory is GDRAM,
// __mlu_shared__ variables are SRAM) and GDRAM accesses that leave their
// cnrtMalloc block.
//
// __memcpy_async copies happen at the core's next __sync_* (or when the
// kernel returns): a kernel that reads the destination before it syncs sees
// the old contents, as it may on the hardware.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_MEMCPY_H
#define BANG_EMU_MEMCPY_H

#include "core.h"

/// mluMemcpyDirection_t, in the order of Cambricon's headers (LDRAM2LDRAM of
/// newer headers last).
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

namespace bang_emu {

struct DirectionInfo {
  const char *name;
  Space src, dst;
};

inline const DirectionInfo *directionInfo(int dir) {
  using S = Space;
  static const DirectionInfo table[] = {
      {"GDRAM2NRAM", S::gdram, S::nram},   {"NRAM2GDRAM", S::nram, S::gdram},
      {"LDRAM2NRAM", S::ldram, S::nram},   {"NRAM2LDRAM", S::nram, S::ldram},
      {"GDRAM2WRAM", S::gdram, S::wram},   {"WRAM2GDRAM", S::wram, S::gdram},
      {"LDRAM2WRAM", S::ldram, S::wram},   {"WRAM2LDRAM", S::wram, S::ldram},
      {"NRAM2NRAM", S::nram, S::nram},     {"NRAM2WRAM", S::nram, S::wram},
      {"WRAM2NRAM", S::wram, S::nram},     {"GDRAM2SRAM", S::gdram, S::sram},
      {"SRAM2GDRAM", S::sram, S::gdram},   {"LDRAM2SRAM", S::ldram, S::sram},
      {"SRAM2LDRAM", S::sram, S::ldram},   {"SRAM2NRAM", S::sram, S::nram},
      {"NRAM2SRAM", S::nram, S::sram},     {"SRAM2WRAM", S::sram, S::wram},
      {"WRAM2SRAM", S::wram, S::sram},     {"GDRAM2GDRAM", S::gdram, S::gdram},
      {"GDRAM2LDRAM", S::gdram, S::ldram}, {"LDRAM2GDRAM", S::ldram, S::gdram},
      {"SRAM2SRAM", S::sram, S::sram},     {"LDRAM2LDRAM", S::ldram, S::ldram},
  };
  if (dir < 0 || dir >= int(sizeof table / sizeof table[0]))
    return nullptr;
  return &table[dir];
}

/// Whether Cambricon's headers have the plain (4-argument) or strided
/// (7-argument) form of __memcpy / __memcpy_async for `dir` (without a
/// destination cluster). The same table as the bang dialect's verifier.
inline bool hasForm(mluMemcpyDirection_t dir, bool async, bool strided) {
  switch (dir) {
  case GDRAM2NRAM:
  case NRAM2GDRAM:
  case NRAM2NRAM:
  case GDRAM2WRAM:
  case NRAM2WRAM:
  case SRAM2NRAM:
  case NRAM2SRAM:
  case SRAM2WRAM:
  case GDRAM2SRAM:
  case SRAM2GDRAM:
  case GDRAM2LDRAM:
  case GDRAM2GDRAM:
    return true;
  case WRAM2NRAM:
  case WRAM2SRAM:
    return !strided;
  case LDRAM2NRAM:
  case NRAM2LDRAM:
  case LDRAM2SRAM:
  case SRAM2LDRAM:
  case LDRAM2GDRAM:
    return !async;
  case WRAM2GDRAM:
  case LDRAM2WRAM:
  case WRAM2LDRAM:
    return !async && !strided;
  case LDRAM2LDRAM:
    return !async && strided;
  case SRAM2SRAM:
    return false; // only with a destination cluster
  }
  return false;
}

/// Lowest and highest (exclusive) byte offsets a strided copy touches.
inline void stridedExtent(int size, int stride, int segnum, long long &lo,
                          long long &hi) {
  long long last = (long long)segnum * stride;
  lo = std::min(0ll, last);
  hi = std::max(0ll, last) + size;
}

/// Validates and performs (or queues, for async) one copy.
inline void memcpyBuiltin(const char *builtin, void *dst, const void *src,
                          int size, mluMemcpyDirection_t dir, bool strided,
                          int dstStride, int srcStride, int segnum,
                          int dstCluster, bool async) {
  const DirectionInfo *info = directionInfo(dir);
  if (!info)
    fatal("%s: invalid direction %d", builtin, int(dir));
  bool clustered = dstCluster >= 0;
  if (clustered ? dir != SRAM2SRAM : !hasForm(dir, async, strided)) {
    if (clustered)
      fatal("%s: a destination cluster only applies to SRAM2SRAM, got %s",
            builtin, info->name);
    if (dir == SRAM2SRAM)
      fatal("%s: SRAM2SRAM copies need a destination cluster", builtin);
    fatal("%s has no %s form for direction %s", builtin,
          strided ? "strided" : "plain", info->name);
  }
  checkPositive(builtin, "size", size);
  if (segnum < 0)
    fatal("%s: 'segnum' must be non-negative, got %d", builtin, segnum);
  long long lo, hi;
  stridedExtent(size, dstStride, segnum, lo, hi);
  checkAccess(builtin, "dst", info->dst, addressOf(dst), lo, hi);
  stridedExtent(size, srcStride, segnum, lo, hi);
  checkAccess(builtin, "src", info->src, addressOf(src), lo, hi);
  if (clustered) {
    writeClusterSram(dstCluster, dst, src, size, dstStride, srcStride,
                     segnum);
    return;
  }
  if (async && core.launch) {
    pendingCopies.push_back({dst, src, size, dstStride, srcStride, segnum});
    return;
  }
  copySegments(dst, src, size, dstStride, srcStride, segnum);
}

} // namespace bang_emu

inline void __memcpy(void *dst, const void *src, int size,
                     mluMemcpyDirection_t dir) {
  bang_emu::memcpyBuiltin("__memcpy", dst, src, size, dir, false, 0, 0, 0, -1,
                          false);
}

inline void __memcpy(void *dst, const void *src, int size,
                     mluMemcpyDirection_t dir, int dst_stride, int src_stride,
                     int segnum) {
  bang_emu::memcpyBuiltin("__memcpy", dst, src, size, dir, true, dst_stride,
                          src_stride, segnum, -1, false);
}

/// SRAM2SRAM into the SRAM of cluster `id_dst_cluster`.
inline void __memcpy(void *dst, const void *src, int size,
                     mluMemcpyDirection_t dir, int id_dst_cluster) {
  if (id_dst_cluster < 0)
    bang_emu::fatal("__memcpy: destination cluster %d is negative",
                    id_dst_cluster);
  bang_emu::memcpyBuiltin("__memcpy", dst, src, size, dir, false, 0, 0, 0,
                          id_dst_cluster, false);
}

inline void __memcpy(void *dst, const void *src, int size,
                     mluMemcpyDirection_t dir, int dst_stride, int src_stride,
                     int segnum, int id_dst_cluster) {
  if (id_dst_cluster < 0)
    bang_emu::fatal("__memcpy: destination cluster %d is negative",
                    id_dst_cluster);
  bang_emu::memcpyBuiltin("__memcpy", dst, src, size, dir, true, dst_stride,
                          src_stride, segnum, id_dst_cluster, false);
}

inline void __memcpy_async(void *dst, const void *src, int size,
                           mluMemcpyDirection_t dir) {
  bang_emu::memcpyBuiltin("__memcpy_async", dst, src, size, dir, false, 0, 0,
                          0, -1, true);
}

inline void __memcpy_async(void *dst, const void *src, int size,
                           mluMemcpyDirection_t dir, int dst_stride,
                           int src_stride, int segnum) {
  bang_emu::memcpyBuiltin("__memcpy_async", dst, src, size, dir, true,
                          dst_stride, src_stride, segnum, -1, true);
}

#endif // BANG_EMU_MEMCPY_H
