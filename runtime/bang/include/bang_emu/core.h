//===- bang_emu/core.h - cores, memories and launches -----------*- C++ -*-===//
//
// The machinery behind the emulated builtins:
//
// * error reporting (a BANG program error prints "bang-emu: error: ..." and
//   aborts: the emulator is a checker, a wrong program must not look right);
// * the device-memory registry (cnrtMalloc blocks, for bounds checks);
// * SRAM: every `__mlu_shared__` variable lives in the linker section
//   `bang_sram`, whose bounds the linker provides;
// * the per-core state (task indices, pending __memcpy_async copies), one
//   copy per thread;
// * launches: each core of a launch is a thread; __sync_cluster/__sync_all
//   are real barriers with deadlock detection; clusters of a Union launch
//   take turns on the SRAM section when the program has SRAM variables.
//
// See ../../README.md for the model and its limits.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_CORE_H
#define BANG_EMU_CORE_H

#include "config.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <link.h>
#include <map>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <string>
#include <vector>

// Bounds of the `bang_sram` section (all __mlu_shared__ variables of this
// module); weak, so they are null when the program has none.
extern "C" char __start_bang_sram[] __attribute__((weak, visibility("hidden")));
extern "C" char __stop_bang_sram[] __attribute__((weak, visibility("hidden")));

namespace bang_emu {

//===----------------------------------------------------------------------===//
// Errors
//===----------------------------------------------------------------------===//

[[noreturn]] __attribute__((format(printf, 1, 2))) inline void
fatal(const char *format, ...) {
  std::fflush(stdout);
  std::fputs("bang-emu: error: ", stderr);
  va_list args;
  va_start(args, format);
  std::vfprintf(stderr, format, args);
  va_end(args);
  std::fputc('\n', stderr);
  std::fflush(stderr);
  std::abort();
}

__attribute__((format(printf, 1, 2))) inline void warn(const char *format,
                                                       ...) {
  std::fputs("bang-emu: warning: ", stderr);
  va_list args;
  va_start(args, format);
  std::vfprintf(stderr, format, args);
  va_end(args);
  std::fputc('\n', stderr);
}

//===----------------------------------------------------------------------===//
// Memory spaces
//===----------------------------------------------------------------------===//

enum class Space { gdram, nram, wram, sram, ldram };

inline const char *spaceName(Space space) {
  switch (space) {
  case Space::gdram:
    return "GDRAM";
  case Space::nram:
    return "NRAM";
  case Space::wram:
    return "WRAM";
  case Space::sram:
    return "SRAM";
  case Space::ldram:
    return "LDRAM";
  }
  return "?";
}

inline size_t spaceCapacity(Space space) {
  switch (space) {
  case Space::nram:
    return BANG_EMU_NRAM_SIZE;
  case Space::wram:
    return BANG_EMU_WRAM_SIZE;
  case Space::sram:
    return BANG_EMU_SRAM_SIZE;
  case Space::ldram:
    return BANG_EMU_LDRAM_SIZE;
  case Space::gdram:
    break;
  }
  return SIZE_MAX;
}

/// cnrtMalloc blocks: start address -> size.
struct DeviceMemory {
  std::shared_mutex mutex;
  std::map<uintptr_t, size_t> blocks;

  /// The block holding `p`, if any.
  bool find(const void *p, uintptr_t &start, size_t &size) {
    uintptr_t address = reinterpret_cast<uintptr_t>(p);
    std::shared_lock<std::shared_mutex> lock(mutex);
    auto it = blocks.upper_bound(address);
    if (it == blocks.begin())
      return false;
    --it;
    if (address >= it->first + std::max<size_t>(it->second, 1))
      return false;
    start = it->first;
    size = it->second;
    return true;
  }
};

inline DeviceMemory &deviceMemory() {
  static DeviceMemory memory;
  return memory;
}

inline char *sramBegin() { return __start_bang_sram; }
inline size_t sramSize() {
  return __start_bang_sram ? size_t(__stop_bang_sram - __start_bang_sram) : 0;
}
inline bool inSram(const void *p) {
  const char *c = static_cast<const char *>(p);
  return sramSize() && c >= __start_bang_sram && c < __stop_bang_sram;
}

/// Checks that `builtin` may touch bytes [address + lo, address + hi) as
/// memory of `space`: on-chip operands must not be device (cnrtMalloc) or
/// SRAM memory and must fit the space's capacity; SRAM operands must lie in
/// the SRAM section; GDRAM operands inside a cnrtMalloc block must stay in
/// it. (The address is an integer: a buffer about to be written is not
/// "used uninitialised" by being checked.)
inline void checkAccess(const char *builtin, const char *operand, Space space,
                        uintptr_t address, long long lo, long long hi) {
  void *p = reinterpret_cast<void *>(address);
  if (!address)
    fatal("%s: '%s' is a null pointer", builtin, operand);
  if (hi <= lo)
    return;
  const char *base = static_cast<const char *>(p);
  uintptr_t blockStart;
  size_t blockSize;
  bool inDevice = deviceMemory().find(p, blockStart, blockSize);
  switch (space) {
  case Space::gdram:
    if (inSram(p))
      fatal("%s: '%s' (%p) is an SRAM (__mlu_shared__) address, expected "
            "GDRAM",
            builtin, operand, p);
    if (inDevice) {
      uintptr_t first = reinterpret_cast<uintptr_t>(base + lo);
      uintptr_t last = reinterpret_cast<uintptr_t>(base + hi);
      if (first < blockStart || last > blockStart + blockSize)
        fatal("%s: '%s' accesses bytes [%lld, %lld) from %p, outside its "
              "cnrtMalloc block of %zu bytes at %p",
              builtin, operand, lo, hi, p, blockSize,
              reinterpret_cast<void *>(blockStart));
    }
    return;
  case Space::sram:
    if (!sramSize())
      fatal("%s: '%s' (%p) should be in SRAM, but the program declares no "
            "__mlu_shared__ variable",
            builtin, operand, p);
    if (base + lo < __start_bang_sram || base + hi > __stop_bang_sram)
      fatal("%s: '%s' accesses bytes [%lld, %lld) from %p, outside the "
            "__mlu_shared__ variables (SRAM; those declared inside a "
            "template or inline function are not placed there, see "
            "runtime/bang/README.md)",
            builtin, operand, lo, hi, p);
    return;
  case Space::nram:
  case Space::wram:
  case Space::ldram:
    if (inDevice)
      fatal("%s: '%s' (%p) is device memory from cnrtMalloc (GDRAM), "
            "expected %s",
            builtin, operand, p, spaceName(space));
    if (inSram(p))
      fatal("%s: '%s' (%p) is an SRAM (__mlu_shared__) address, expected %s",
            builtin, operand, p, spaceName(space));
    if (size_t(hi - lo) > spaceCapacity(space))
      fatal("%s: '%s' spans %lld bytes, more than the %zu bytes of %s",
            builtin, operand, hi - lo, spaceCapacity(space),
            spaceName(space));
    return;
  }
}

inline uintptr_t addressOf(const volatile void *p) {
  return reinterpret_cast<uintptr_t>(p);
}

/// Checks a contiguous operand of `bytes` bytes.
template <class T>
__attribute__((always_inline)) inline void
checkOperand(const char *builtin, const char *operand, Space space, T *p,
             long long bytes) {
  checkAccess(builtin, operand, space, addressOf(p), 0, bytes);
}

inline void checkPositive(const char *builtin, const char *what, long long v) {
  if (v <= 0)
    fatal("%s: '%s' must be positive, got %lld", builtin, what, v);
}

//===----------------------------------------------------------------------===//
// Per-core state
//===----------------------------------------------------------------------===//

struct Launch;

/// The builtin variables of the running core. Outside a launch (host code)
/// they describe a single Block task.
struct CoreIndices {
  int taskId = 0, taskIdX = 0, taskIdY = 0, taskIdZ = 0;
  int taskDim = 1, taskDimX = 1, taskDimY = 1, taskDimZ = 1;
  int clusterId = 0, clusterDim = 0, coreId = 0, coreDim = 1;
  Launch *launch = nullptr;
};
inline thread_local CoreIndices core;

/// A __memcpy_async not yet performed: it happens at the core's next
/// __sync_* (or when its kernel returns), which is when the program may
/// first rely on it.
struct PendingCopy {
  void *dst;
  const void *src;
  int size, dstStride, srcStride, segnum;
};
inline thread_local std::vector<PendingCopy> pendingCopies;

/// Copies `segnum + 1` segments of `size` bytes (memmove per segment).
inline void copySegments(void *dst, const void *src, int size, int dstStride,
                         int srcStride, int segnum) {
  for (int i = 0; i <= segnum; ++i)
    std::memmove(static_cast<char *>(dst) + (long long)i * dstStride,
                 static_cast<const char *>(src) + (long long)i * srcStride,
                 size_t(size));
}

inline void flushPendingCopies() {
  for (const PendingCopy &c : pendingCopies)
    copySegments(c.dst, c.src, c.size, c.dstStride, c.srcStride, c.segnum);
  pendingCopies.clear();
}

//===----------------------------------------------------------------------===//
// Launches
//===----------------------------------------------------------------------===//

/// How the clusters of a multi-cluster Union launch run.
enum class ClusterMode {
  /// `serial` when the program has __mlu_shared__ variables, else
  /// `concurrent` (the default; environment BANG_EMU_CLUSTERS=auto).
  automatic,
  /// All cores of all clusters run at once; SRAM is one memory for all
  /// clusters (BANG_EMU_CLUSTERS=concurrent).
  concurrent,
  /// Clusters take turns: one cluster's cores run (concurrently) until each
  /// has reached __sync_all or returned, then the next cluster runs; each
  /// cluster's SRAM contents are swapped in and out of the SRAM section
  /// (BANG_EMU_CLUSTERS=serial).
  serial,
};

inline ClusterMode &clusterModeSetting() {
  static ClusterMode mode = [] {
    const char *env = std::getenv("BANG_EMU_CLUSTERS");
    if (!env || !*env || !std::strcmp(env, "auto"))
      return ClusterMode::automatic;
    if (!std::strcmp(env, "concurrent"))
      return ClusterMode::concurrent;
    if (!std::strcmp(env, "serial"))
      return ClusterMode::serial;
    fatal("BANG_EMU_CLUSTERS must be auto, concurrent or serial, got '%s'",
          env);
  }();
  return mode;
}

/// Chooses how later launches run their clusters (overrides the environment).
inline void setClusterMode(ClusterMode mode) { clusterModeSetting() = mode; }

/// One running launch: its cores, grouped in clusters, and their barriers.
struct Launch {
  bool block = false; // a Block launch: every task alone
  int groups = 1;     // clusters (Block: tasks)
  int groupSize = 1;  // cores per cluster
  int total = 1;      // cores
  bool serial = false;

  std::mutex mutex;
  std::condition_variable wake;

  struct Group {
    int atCluster = 0; // cores waiting in __sync_cluster
    unsigned clusterGeneration = 0;
    int atAll = 0; // cores waiting in __sync_all
    int exited = 0;
    std::vector<char> sram; // saved SRAM image (serial mode)
  };
  std::vector<Group> group;
  int atAll = 0;
  int atCluster = 0;
  int exited = 0;
  unsigned allGeneration = 0;
  int resident = 0; // the cluster owning the SRAM section (serial mode)

  int runnable(const Group &g) const {
    return groupSize - g.atCluster - g.atAll - g.exited;
  }

  /// Called with the lock held after a core of cluster `g` blocked or
  /// exited: reports barriers that can no longer complete.
  void checkDeadlock(int g) {
    const Group &grp = group[g];
    if (grp.atCluster > 0 && runnable(grp) == 0)
      fatal("deadlock: __sync_cluster in cluster %d is waited for by %d of "
            "its %d cores, but the others have %s",
            g, grp.atCluster, groupSize,
            grp.exited ? "returned from the kernel"
                       : "stopped in __sync_all");
    int running = total - exited - atAll - atCluster;
    if (running == 0 && exited < total)
      fatal("deadlock: __sync_all is waited for by %d of the launch's %d "
            "cores, but %d have returned from the kernel%s",
            atAll, total, exited,
            atCluster ? " and others wait in __sync_cluster" : "");
  }

  /// Serial mode: when the resident cluster cannot run any more, saves its
  /// SRAM and hands the section to the next cluster that can.
  void maybeSwitchCluster() {
    if (!serial || runnable(group[resident]) > 0 || exited == total)
      return;
    size_t bytes = sramSize();
    std::memcpy(group[resident].sram.data(), sramBegin(), bytes);
    for (int step = 1; step <= groups; ++step) {
      int next = (resident + step) % groups;
      if (runnable(group[next]) > 0) {
        std::memcpy(sramBegin(), group[next].sram.data(), bytes);
        resident = next;
        wake.notify_all();
        return;
      }
    }
    fatal("internal: no cluster can run");
  }

  void start(int g) {
    if (!serial)
      return;
    std::unique_lock<std::mutex> lock(mutex);
    wake.wait(lock, [&] { return resident == g; });
  }

  void syncCluster(int g) {
    if (block)
      return;
    std::unique_lock<std::mutex> lock(mutex);
    Group &grp = group[g];
    if (++grp.atCluster == groupSize) {
      atCluster -= groupSize - 1;
      grp.atCluster = 0;
      ++grp.clusterGeneration;
      wake.notify_all();
      return;
    }
    ++atCluster;
    checkDeadlock(g);
    unsigned generation = grp.clusterGeneration;
    wake.wait(lock, [&] { return grp.clusterGeneration != generation; });
  }

  void syncAll(int g) {
    if (block)
      return;
    std::unique_lock<std::mutex> lock(mutex);
    Group &grp = group[g];
    ++grp.atAll;
    if (++atAll == total) {
      atAll = 0;
      for (Group &other : group)
        other.atAll = 0;
      ++allGeneration;
      wake.notify_all();
      return;
    }
    checkDeadlock(g);
    maybeSwitchCluster();
    unsigned generation = allGeneration;
    wake.wait(lock, [&] {
      return allGeneration != generation && (!serial || resident == g);
    });
  }

  void exit(int g) {
    if (block)
      return;
    std::unique_lock<std::mutex> lock(mutex);
    ++group[g].exited;
    ++exited;
    if (exited == total)
      return;
    checkDeadlock(g);
    maybeSwitchCluster();
  }
};

/// Bytes of static thread-local storage of the program: glibc carves it out
/// of every thread's stack, and __nram__ arrays live there.
inline size_t staticTlsSize() {
  size_t total = 0;
  dl_iterate_phdr(
      [](dl_phdr_info *info, size_t, void *data) {
        for (int i = 0; i < info->dlpi_phnum; ++i)
          if (info->dlpi_phdr[i].p_type == PT_TLS)
            *static_cast<size_t *>(data) +=
                info->dlpi_phdr[i].p_memsz + info->dlpi_phdr[i].p_align;
        return 0;
      },
      &total);
  return total;
}

/// Runs fn(0) ... fn(n - 1) on n threads at once and joins them.
inline void runThreads(int n, const std::function<void(int)> &fn) {
  struct Arg {
    const std::function<void(int)> *fn;
    int index;
  };
  std::vector<Arg> args(static_cast<size_t>(n));
  std::vector<pthread_t> threads(static_cast<size_t>(n));
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, BANG_EMU_CORE_STACK_SIZE + staticTlsSize());
  for (int i = 0; i < n; ++i) {
    args[size_t(i)] = {&fn, i};
    int rc = pthread_create(
        &threads[size_t(i)], &attr,
        [](void *p) -> void * {
          Arg *arg = static_cast<Arg *>(p);
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
          try {
            (*arg->fn)(arg->index);
          } catch (const std::exception &e) {
            fatal("core %d: kernel threw an exception: %s", arg->index,
                  e.what());
          } catch (...) {
            fatal("core %d: kernel threw an exception", arg->index);
          }
#else
          (*arg->fn)(arg->index);
#endif
          return nullptr;
        },
        &args[size_t(i)]);
    if (rc != 0)
      fatal("cannot start thread %d of %d for the launch (error %d)", i, n,
            rc);
  }
  pthread_attr_destroy(&attr);
  for (pthread_t &t : threads)
    pthread_join(t, nullptr);
}

/// Serialises launches: the SRAM section and the cluster schedule are
/// global.
inline std::mutex &launchMutex() {
  static std::mutex mutex;
  return mutex;
}

/// Function type values of cnrtFunctionType_t (the number of cores a task
/// group uses: 1 for Block, 4N for UnionN).
inline bool isValidFunctionType(int type) {
  return type == 1 || type == 4 || type == 8 || type == 16 || type == 32 ||
         type == 64;
}

/// Runs `body` as the kernel of a launch of `dimX * dimY * dimZ` tasks with
/// function type `type` (cnrtFunctionType_t value).
inline void runLaunch(unsigned dimX, unsigned dimY, unsigned dimZ, int type,
                      const std::function<void()> &body) {
  if (core.launch)
    fatal("a kernel cannot launch a kernel");
  if (dimX == 0 || dimY == 0 || dimZ == 0)
    fatal("launch dimension {%u, %u, %u} has a zero", dimX, dimY, dimZ);
  unsigned long long tasks =
      (unsigned long long)dimX * dimY * (unsigned long long)dimZ;
  if (!isValidFunctionType(type))
    fatal("invalid cnrtFunctionType_t %d (expected cnrtFuncTypeBlock or "
          "cnrtFuncTypeUnion1/2/4/8/16)",
          type);
  const bool block = type == 1;
  // A Union launch runs one thread per core at once.
  if (tasks > (block ? 0x7FFFFFFFull : 4096ull))
    fatal("launch of %llu tasks: the emulator runs at most %s", tasks,
          block ? "2^31 - 1 Block tasks" : "4096 Union tasks");
  const int taskDim = int(tasks);
  const int coresPerCluster = BANG_EMU_CORES_PER_CLUSTER;
  if (!block && taskDim % (type / 4 * coresPerCluster) != 0)
    fatal("a Union%d launch needs a multiple of %d tasks, got {%u, %u, %u} "
          "= %d",
          type / 4, type / 4 * coresPerCluster, dimX, dimY, dimZ, taskDim);
  if (sramSize() > BANG_EMU_SRAM_SIZE)
    fatal("the __mlu_shared__ variables take %zu bytes, more than the %d "
          "bytes of SRAM",
          sramSize(), BANG_EMU_SRAM_SIZE);

  std::lock_guard<std::mutex> launchLock(launchMutex());
  ClusterMode mode = clusterModeSetting();
  Launch launch;
  launch.block = block;
  launch.groupSize = block ? 1 : coresPerCluster;
  launch.groups = taskDim / launch.groupSize;
  launch.total = taskDim;

  auto indices = [&](int t) {
    CoreIndices c;
    c.taskId = t;
    c.taskIdX = t % int(dimX);
    c.taskIdY = t / int(dimX) % int(dimY);
    c.taskIdZ = t / int(dimX * dimY);
    c.taskDim = taskDim;
    c.taskDimX = int(dimX);
    c.taskDimY = int(dimY);
    c.taskDimZ = int(dimZ);
    if (block) {
      c.clusterId = 0;
      c.clusterDim = 0;
      c.coreId = 0;
      c.coreDim = 1;
    } else {
      c.clusterId = t / coresPerCluster;
      c.clusterDim = taskDim / coresPerCluster;
      c.coreId = t % coresPerCluster;
      c.coreDim = coresPerCluster;
    }
    c.launch = &launch;
    return c;
  };
  auto runTask = [&](int t) {
    core = indices(t);
    body();
    flushPendingCopies();
    core = CoreIndices();
  };

  if (block) {
    // Independent tasks: a few workers take them in turn; with SRAM
    // variables (one SRAM per task) one worker runs them in order.
    bool sequential = sramSize() > 0 && mode != ClusterMode::concurrent;
    int workers = sequential ? 1 : std::min(taskDim, 8);
    std::atomic<int> next{0};
    runThreads(workers, [&](int) {
      for (int t; (t = next.fetch_add(1)) < taskDim;)
        runTask(t);
    });
    return;
  }

  launch.serial = launch.groups > 1 &&
                  (mode == ClusterMode::serial ||
                   (mode == ClusterMode::automatic && sramSize() > 0));
  launch.group.resize(size_t(launch.groups));
  if (launch.serial)
    for (Launch::Group &g : launch.group)
      g.sram.assign(sramBegin(), sramBegin() + sramSize());
  runThreads(taskDim, [&](int t) {
    int g = t / launch.groupSize;
    launch.start(g);
    runTask(t);
    launch.exit(g);
  });
}

/// Writes `size` bytes to the SRAM of cluster `cluster` at the address `dst`
/// has in the running cluster's SRAM (SRAM2SRAM with a destination cluster).
inline void writeClusterSram(int cluster, void *dst, const void *src,
                             int size, int dstStride, int srcStride,
                             int segnum) {
  Launch *launch = core.launch;
  int clusters = launch && !launch->block ? launch->groups : 1;
  if (cluster < 0 || cluster >= clusters)
    fatal("__memcpy SRAM2SRAM: destination cluster %d is not in [0, %d)",
          cluster, clusters);
  if (!launch || !launch->serial ||
      cluster == launch->resident) {
    copySegments(dst, src, size, dstStride, srcStride, segnum);
    return;
  }
  // The destination cluster is not resident: write its saved image.
  std::lock_guard<std::mutex> lock(launch->mutex);
  char *image = launch->group[size_t(cluster)].sram.data();
  copySegments(image + (static_cast<char *>(dst) - sramBegin()), src, size,
               dstStride, srcStride, segnum);
}

inline void syncCluster() {
  flushPendingCopies();
  if (core.launch)
    core.launch->syncCluster(core.clusterId);
}

inline void syncAll() {
  flushPendingCopies();
  if (core.launch)
    core.launch->syncAll(core.launch->block ? 0 : core.clusterId);
}

} // namespace bang_emu

#endif // BANG_EMU_CORE_H
