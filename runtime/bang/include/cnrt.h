//===- cnrt.h - CNRT host API of the BANG emulation runtime -----*- C++ -*-===//
//
// The host side of BANG programs, emulated on the CPU: queues, device
// memory (GDRAM, ordinary host memory registered for bounds checks) and
// kernel launches. `kernel<<<dim, type, queue>>>(args)` is written
// `bang_launch(dim, type, queue, kernel, args)` (bin/bang-cc rewrites the
// former into the latter).
//
// A launch runs to completion before bang_launch returns (queues are
// trivially in order; cnrtQueueSync has nothing left to wait for).
//
// Extras beyond the bang dialect (cnrtMemset, cnrtSyncDevice, device
// selection, the CNRT 4 queue spellings) exist so that ordinary host code
// compiles; they do the obvious thing.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_CNRT_H
#define BANG_EMU_CNRT_H

#include "bang_emu/core.h"

#include <cstddef>
#include <set>
#include <tuple>
#include <type_traits>
#include <utility>

typedef enum {
  CNRT_RET_SUCCESS = 0,
  cnrtSuccess = 0,
  CNRT_RET_ERR_INVALID = 632007,
  CNRT_RET_ERR_NOMEM = 632008,
  CNRT_RET_ERR_UNKNOWN = 999991,
} cnrtRet_t;

/// cnrtMemcpy directions (CNRT_MEM_TRANS_DIR_* and the newer spellings).
typedef enum {
  CNRT_MEM_TRANS_DIR_HOST2DEV = 0,
  CNRT_MEM_TRANS_DIR_DEV2DEV = 1,
  CNRT_MEM_TRANS_DIR_DEV2HOST = 2,
  CNRT_MEM_TRANS_DIR_HOST2HOST = 3,
  cnrtMemcpyHostToDev = 0,
  cnrtMemcpyDevToDev = 1,
  cnrtMemcpyDevToHost = 2,
  cnrtMemcpyHostToHost = 3,
} cnrtMemTransDir_t;

/// Function types; the value is the number of cores of one task group
/// (Block: 1, UnionN: 4N), as in Cambricon's headers.
typedef enum {
  CNRT_FUNC_TYPE_BLOCK = 1,
  CNRT_FUNC_TYPE_BLOCK0 = 1,
  CNRT_FUNC_TYPE_UNION1 = 4,
  CNRT_FUNC_TYPE_UNION2 = 8,
  CNRT_FUNC_TYPE_UNION4 = 16,
  CNRT_FUNC_TYPE_UNION8 = 32,
  CNRT_FUNC_TYPE_UNION16 = 64,
  cnrtFuncTypeBlock = 1,
  cnrtFuncTypeBlock0 = 1,
  cnrtFuncTypeUnion1 = 4,
  cnrtFuncTypeUnion2 = 8,
  cnrtFuncTypeUnion4 = 16,
  cnrtFuncTypeUnion8 = 32,
  cnrtFuncTypeUnion16 = 64,
} cnrtFunctionType_t;

/// Task dimension of a launch: taskDim = x * y * z.
typedef struct {
  unsigned int x;
  unsigned int y;
  unsigned int z;
} cnrtDim3_t;

struct cnrtQueue_st {
  int id;
};
typedef cnrtQueue_st *cnrtQueue_t;

namespace bang_emu {

inline std::mutex &queueMutex() {
  static std::mutex mutex;
  return mutex;
}
inline std::set<cnrtQueue_t> &liveQueues() {
  static std::set<cnrtQueue_t> queues;
  return queues;
}
/// Null is the default queue; anything else must come from cnrtQueueCreate.
inline bool isValidQueue(cnrtQueue_t queue) {
  if (!queue)
    return true;
  std::lock_guard<std::mutex> lock(queueMutex());
  return liveQueues().count(queue) != 0;
}

inline cnrtRet_t apiError(const char *api, cnrtRet_t code, const char *format,
                          ...) __attribute__((format(printf, 3, 4)));
inline cnrtRet_t apiError(const char *api, cnrtRet_t code, const char *format,
                          ...) {
  std::fprintf(stderr, "bang-emu: %s failed: ", api);
  va_list args;
  va_start(args, format);
  std::vfprintf(stderr, format, args);
  va_end(args);
  std::fputc('\n', stderr);
  return code;
}

inline cnrtDim3_t toDim3(cnrtDim3_t dim) { return dim; }
template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
inline cnrtDim3_t toDim3(I x) {
  return cnrtDim3_t{unsigned(x), 1u, 1u};
}

/// Converts a launch argument to its kernel parameter type as a call would.
template <class To, class From> inline To convertArgument(From &&from) {
  return std::forward<From>(from);
}

} // namespace bang_emu

inline cnrtRet_t cnrtQueueCreate(cnrtQueue_t *queue) {
  if (!queue)
    return bang_emu::apiError("cnrtQueueCreate", CNRT_RET_ERR_INVALID,
                              "null queue pointer");
  static int next = 1;
  std::lock_guard<std::mutex> lock(bang_emu::queueMutex());
  *queue = new cnrtQueue_st{next++};
  bang_emu::liveQueues().insert(*queue);
  return CNRT_RET_SUCCESS;
}

inline cnrtRet_t cnrtQueueSync(cnrtQueue_t queue) {
  if (!bang_emu::isValidQueue(queue))
    return bang_emu::apiError("cnrtQueueSync", CNRT_RET_ERR_INVALID,
                              "%p is not a live queue",
                              static_cast<void *>(queue));
  return CNRT_RET_SUCCESS;
}

inline cnrtRet_t cnrtQueueDestroy(cnrtQueue_t queue) {
  std::lock_guard<std::mutex> lock(bang_emu::queueMutex());
  if (!queue || !bang_emu::liveQueues().erase(queue))
    return bang_emu::apiError("cnrtQueueDestroy", CNRT_RET_ERR_INVALID,
                              "%p is not a live queue",
                              static_cast<void *>(queue));
  delete queue;
  return CNRT_RET_SUCCESS;
}

// CNRT 4 spellings.
inline cnrtRet_t cnrtCreateQueue(cnrtQueue_t *queue) {
  return cnrtQueueCreate(queue);
}
inline cnrtRet_t cnrtSyncQueue(cnrtQueue_t queue) {
  return cnrtQueueSync(queue);
}
inline cnrtRet_t cnrtDestroyQueue(cnrtQueue_t queue) {
  return cnrtQueueDestroy(queue);
}

/// Allocates `bytes` of device memory (64-byte aligned, filled with
/// BANG_EMU_MALLOC_FILL bytes: device memory starts undefined).
inline cnrtRet_t cnrtMalloc(void **ptr, size_t bytes) {
  if (!ptr)
    return bang_emu::apiError("cnrtMalloc", CNRT_RET_ERR_INVALID,
                              "null result pointer");
  size_t rounded = (std::max<size_t>(bytes, 1) + 63) / 64 * 64;
  void *p = std::aligned_alloc(64, rounded);
  if (!p)
    return bang_emu::apiError("cnrtMalloc", CNRT_RET_ERR_NOMEM,
                              "cannot allocate %zu bytes", bytes);
  std::memset(p, BANG_EMU_MALLOC_FILL, rounded);
  bang_emu::DeviceMemory &memory = bang_emu::deviceMemory();
  std::unique_lock<std::shared_mutex> lock(memory.mutex);
  memory.blocks[reinterpret_cast<uintptr_t>(p)] = bytes;
  *ptr = p;
  return CNRT_RET_SUCCESS;
}

inline cnrtRet_t cnrtFree(void *ptr) {
  bang_emu::DeviceMemory &memory = bang_emu::deviceMemory();
  {
    std::unique_lock<std::shared_mutex> lock(memory.mutex);
    if (!memory.blocks.erase(reinterpret_cast<uintptr_t>(ptr)))
      return bang_emu::apiError("cnrtFree", CNRT_RET_ERR_INVALID,
                                "%p was not returned by cnrtMalloc", ptr);
  }
  std::free(ptr);
  return CNRT_RET_SUCCESS;
}

namespace bang_emu {
/// Checks one side of a cnrtMemcpy/cnrtMemset: device memory must be a
/// whole range of one cnrtMalloc block, host memory must not be device
/// memory.
inline bool checkHostApiRange(const char *api, const char *operand,
                              const void *p, size_t bytes, bool device) {
  uintptr_t start;
  size_t size;
  bool found = p && deviceMemory().find(p, start, size);
  if (device && !found) {
    apiError(api, CNRT_RET_ERR_INVALID,
             "'%s' (%p) is not device memory from cnrtMalloc", operand, p);
    return false;
  }
  if (!device && found) {
    apiError(api, CNRT_RET_ERR_INVALID,
             "'%s' (%p) is device memory, but the direction says host",
             operand, p);
    return false;
  }
  if (!device && !p && bytes) {
    apiError(api, CNRT_RET_ERR_INVALID, "'%s' is a null pointer", operand);
    return false;
  }
  if (device &&
      reinterpret_cast<uintptr_t>(p) + bytes > start + size) {
    apiError(api, CNRT_RET_ERR_INVALID,
             "'%s' range of %zu bytes from %p leaves its cnrtMalloc block of "
             "%zu bytes at %p",
             operand, bytes, p, size, reinterpret_cast<void *>(start));
    return false;
  }
  return true;
}
} // namespace bang_emu

inline cnrtRet_t cnrtMemcpy(void *dst, void *src, size_t bytes,
                            cnrtMemTransDir_t dir) {
  bool dstDevice, srcDevice;
  switch (dir) {
  case CNRT_MEM_TRANS_DIR_HOST2DEV:
    dstDevice = true, srcDevice = false;
    break;
  case CNRT_MEM_TRANS_DIR_DEV2DEV:
    dstDevice = true, srcDevice = true;
    break;
  case CNRT_MEM_TRANS_DIR_DEV2HOST:
    dstDevice = false, srcDevice = true;
    break;
  case CNRT_MEM_TRANS_DIR_HOST2HOST:
    dstDevice = false, srcDevice = false;
    break;
  default:
    return bang_emu::apiError("cnrtMemcpy", CNRT_RET_ERR_INVALID,
                              "invalid direction %d", int(dir));
  }
  if (!bang_emu::checkHostApiRange("cnrtMemcpy", "dst", dst, bytes,
                                   dstDevice) ||
      !bang_emu::checkHostApiRange("cnrtMemcpy", "src", src, bytes,
                                   srcDevice))
    return CNRT_RET_ERR_INVALID;
  if (bytes)
    std::memmove(dst, src, bytes);
  return CNRT_RET_SUCCESS;
}

inline cnrtRet_t cnrtMemset(void *ptr, int value, size_t bytes) {
  if (!bang_emu::checkHostApiRange("cnrtMemset", "ptr", ptr, bytes, true))
    return CNRT_RET_ERR_INVALID;
  std::memset(ptr, value, bytes);
  return CNRT_RET_SUCCESS;
}

inline cnrtRet_t cnrtInit(unsigned int) { return CNRT_RET_SUCCESS; }
inline void cnrtDestroy() {}
inline cnrtRet_t cnrtSyncDevice() { return CNRT_RET_SUCCESS; }
inline cnrtRet_t cnrtGetDeviceCount(unsigned int *count) {
  if (count)
    *count = 1;
  return CNRT_RET_SUCCESS;
}
inline cnrtRet_t cnrtSetDevice(int device) {
  return device == 0 ? CNRT_RET_SUCCESS
                     : bang_emu::apiError("cnrtSetDevice",
                                          CNRT_RET_ERR_INVALID,
                                          "only device 0 is emulated");
}
inline cnrtRet_t cnrtGetDevice(int *device) {
  if (device)
    *device = 0;
  return CNRT_RET_SUCCESS;
}
inline const char *cnrtGetErrorStr(cnrtRet_t ret) {
  switch (ret) {
  case CNRT_RET_SUCCESS:
    return "success";
  case CNRT_RET_ERR_INVALID:
    return "invalid argument";
  case CNRT_RET_ERR_NOMEM:
    return "out of memory";
  default:
    return "unknown error";
  }
}

/// `kernel<<<dim, type, queue>>>(args...)`: runs `kernel` on taskDim =
/// dim.x * dim.y * dim.z emulated cores with function type `type` and
/// returns when every core has returned. `dim` is a cnrtDim3_t (or an
/// integer x), `type` a cnrtFunctionType_t; the arguments are converted to
/// the kernel's parameter types as in a call, once, and each core gets its
/// own copy.
template <class Dim, class Type, class... Params, class... Args>
inline void bang_launch(Dim dim, Type type, cnrtQueue_t queue,
                        void (*kernel)(Params...), Args &&...args) {
  static_assert(sizeof...(Params) == sizeof...(Args),
                "the launch passes a different number of arguments than the "
                "kernel has parameters");
  static_assert(std::is_enum_v<Type> || std::is_integral_v<Type>,
                "the function type must be a cnrtFunctionType_t");
  if (!bang_emu::isValidQueue(queue))
    bang_emu::fatal("kernel launch on %p, which is not a live queue",
                    static_cast<void *>(queue));
  cnrtDim3_t d = bang_emu::toDim3(dim);
  std::tuple<std::decay_t<Params>...> params(
      bang_emu::convertArgument<std::decay_t<Params>>(
          std::forward<Args>(args))...);
  bang_emu::runLaunch(d.x, d.y, d.z, int(type), [&] {
    std::tuple<std::decay_t<Params>...> copy = params;
    std::apply(kernel, copy);
  });
}

#endif // BANG_EMU_CNRT_H
