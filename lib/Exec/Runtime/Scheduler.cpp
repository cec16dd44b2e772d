//===- Scheduler.cpp - parallel units as fibers, barriers, on-chip memory -===//
//
// GPU threads of one block and BANG cores of one launch run as Boost.Context
// fibers on the calling thread. A fiber runs until it reaches a barrier or
// returns; when every live unit of a barrier's group waits at it, the group
// is released. The schedule is deterministic (round robin by unit number),
// so two runs of one program see the same interleaving, and a program that
// misses a barrier reads data its producers have not written yet.
//
//===----------------------------------------------------------------------===//

#include "Runtime.h"

#include <boost/context/fiber.hpp>
#include <boost/context/stack_context.hpp>

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

namespace bc = boost::context;
using namespace xpiler::exec::rt;

namespace {

/// Fiber stacks: mmap'd with a guard page below (an overflow faults in the
/// child process instead of corrupting memory), kept for reuse.
class StackPool {
public:
  static constexpr size_t kStackBytes = size_t(1) << 20;
  static constexpr size_t kGuardBytes = 4096;

  bc::stack_context allocate() {
    bc::stack_context sc;
    void *base;
    if (!free.empty()) {
      base = free.back();
      free.pop_back();
    } else {
      base = mmap(nullptr, kStackBytes + kGuardBytes, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (base == MAP_FAILED)
        std::abort();
      mprotect(base, kGuardBytes, PROT_NONE);
    }
    sc.size = kStackBytes;
    sc.sp = static_cast<char *>(base) + kGuardBytes + kStackBytes;
    return sc;
  }
  void deallocate(bc::stack_context &sc) {
    free.push_back(static_cast<char *>(sc.sp) - kStackBytes - kGuardBytes);
  }

private:
  std::vector<void *> free;
};

StackPool &stackPool() {
  static StackPool pool;
  return pool;
}

/// Boost.Context StackAllocator over the pool.
struct PooledStack {
  bc::stack_context allocate() { return stackPool().allocate(); }
  void deallocate(bc::stack_context &sc) { stackPool().deallocate(sc); }
};

enum class UnitState { Ready, Waiting, Done };

struct Unit {
  bc::fiber fiber;  ///< the unit's own continuation while it is suspended
  bc::fiber caller; ///< the scheduler's continuation while the unit runs
  UnitState state = UnitState::Ready;
  int waitLevel = -1;
};

struct Group {
  std::vector<Unit> units;
  std::vector<void *> slots;
  std::vector<int64_t> groupSizes; ///< per level; level 0: all units
  int64_t current = 0;
  int64_t live = 0;
};

Group *activeGroup = nullptr;

/// Releases every group whose live units all wait at its level. Returns
/// whether a unit became ready.
bool releaseBarriers(Group &g) {
  bool released = false;
  int64_t count = g.units.size();
  for (int level = (int)g.groupSizes.size() - 1; level >= 0; --level) {
    int64_t size = g.groupSizes[level];
    for (int64_t begin = 0; begin < count; begin += size) {
      int64_t end = std::min(count, begin + size);
      bool any = false, all = true;
      for (int64_t i = begin; i < end && all; ++i) {
        const Unit &u = g.units[i];
        if (u.state == UnitState::Done)
          continue;
        any = true;
        all = u.state == UnitState::Waiting && u.waitLevel == level;
      }
      if (!any || !all)
        continue;
      for (int64_t i = begin; i < end; ++i)
        if (g.units[i].state == UnitState::Waiting) {
          g.units[i].state = UnitState::Ready;
          g.units[i].waitLevel = -1;
          released = true;
        }
    }
  }
  return released;
}

/// When no group can be released and lanes follow an EXEC mask: a warp
/// (level >= 1) whose live units all wait, some at its level and the others
/// at a coarser barrier, releases the former. Lanes held at __syncthreads
/// are inactive for a warp operation the rest of the wavefront executes (a
/// 64-lane wavefront running two 32-lane CUDA warps whose loops differ in
/// trip count). The warp operation checks that it reads only lanes that
/// take part.
bool releaseDivergentWarps(Group &g) {
  bool released = false;
  int64_t count = g.units.size();
  for (int level = (int)g.groupSizes.size() - 1; level >= 1; --level) {
    int64_t size = g.groupSizes[level];
    for (int64_t begin = 0; begin < count; begin += size) {
      int64_t end = std::min(count, begin + size);
      bool allWaiting = true, anyHere = false;
      for (int64_t i = begin; i < end && allWaiting; ++i) {
        const Unit &u = g.units[i];
        if (u.state == UnitState::Done)
          continue;
        allWaiting = u.state == UnitState::Waiting;
        anyHere |= allWaiting && u.waitLevel == level;
      }
      if (!allWaiting || !anyHere)
        continue;
      for (int64_t i = begin; i < end; ++i)
        if (g.units[i].state == UnitState::Waiting &&
            g.units[i].waitLevel == level) {
          g.units[i].state = UnitState::Ready;
          g.units[i].waitLevel = -1;
          released = true;
        }
    }
    if (released)
      return true;
  }
  return false;
}

} // namespace

void xpiler::exec::rt::runUnits(int64_t count, const int64_t *groupSizes,
                                int numLevels,
                                const std::function<void(int64_t)> &body,
                                int64_t location, bool execMaskWarps) {
  if (count <= 0)
    return;
  Group g;
  g.units.resize(count);
  g.slots.assign(count, nullptr);
  g.groupSizes.push_back(count);
  for (int i = 0; i < numLevels; ++i)
    g.groupSizes.push_back(std::max<int64_t>(1, groupSizes[i]));
  g.live = count;
  Group *outer = activeGroup;
  activeGroup = &g;
  for (int64_t i = 0; i < count; ++i) {
    g.units[i].fiber = bc::fiber(std::allocator_arg, PooledStack(),
                                 [&g, &body, i](bc::fiber &&c) {
                                   g.units[i].caller = std::move(c);
                                   body(i);
                                   g.units[i].state = UnitState::Done;
                                   --g.live;
                                   return std::move(g.units[i].caller);
                                 });
  }
  while (g.live > 0) {
    bool ran = false;
    for (int64_t i = 0; i < count; ++i) {
      Unit &u = g.units[i];
      if (u.state != UnitState::Ready)
        continue;
      g.current = i;
      u.fiber = std::move(u.fiber).resume();
      ran = true;
    }
    if (g.live == 0)
      break;
    if (!releaseBarriers(g) && !ran &&
        !(execMaskWarps && releaseDivergentWarps(g))) {
      int64_t waiting = 0;
      for (const Unit &u : g.units)
        waiting += u.state == UnitState::Waiting;
      trap(TrapKind::Deadlock, location, waiting, g.live);
    }
  }
  activeGroup = outer;
}

int64_t xpiler::exec::rt::currentUnit() {
  return activeGroup ? activeGroup->current : 0;
}

int64_t xpiler::exec::rt::unitCount() {
  return activeGroup ? (int64_t)activeGroup->units.size() : 1;
}

bool xpiler::exec::rt::unitIsLive(int64_t unit) {
  if (!activeGroup)
    return unit == 0;
  return unit >= 0 && unit < (int64_t)activeGroup->units.size() &&
         activeGroup->units[unit].state != UnitState::Done;
}

void xpiler::exec::rt::barrier(int level, int64_t location) {
  Group *g = activeGroup;
  if (!g)
    return;
  if (level < 0 || level >= (int)g->groupSizes.size())
    trap(TrapKind::Unsupported, location, level);
  Unit &u = g->units[g->current];
  u.state = UnitState::Waiting;
  u.waitLevel = level;
  int64_t self = g->current;
  u.caller = std::move(u.caller).resume();
  // Resumed by the scheduler: `current` is ours again.
  g->current = self;
}

void **xpiler::exec::rt::unitSlots() {
  static void *single = nullptr;
  return activeGroup ? activeGroup->slots.data() : &single;
}

//===----------------------------------------------------------------------===//
// On-chip memory
//===----------------------------------------------------------------------===//

namespace {

/// Arenas keyed by (owner, slot). Owners: 0 for the block's shared memory,
/// 1 + unit for private memory, and -1 - group for group memory.
struct FreeDeleter {
  void operator()(char *p) const { std::free(p); }
};

struct OnChipMemory {
  std::map<std::pair<int64_t, int64_t>, std::unique_ptr<char, FreeDeleter>>
      blocks;
  std::map<std::pair<int64_t, int64_t>, int64_t> sizes;

  void *get(int64_t owner, int64_t slot, int64_t bytes, int64_t location) {
    if (bytes < 0)
      trap(TrapKind::InvalidLaunch, location, bytes);
    auto key = std::make_pair(owner, slot);
    auto it = blocks.find(key);
    if (it != blocks.end()) {
      if (sizes[key] < bytes)
        trap(TrapKind::Unsupported, location, bytes, sizes[key]);
      return it->second.get();
    }
    // Zero-byte arrays still get a distinct address; 64-byte alignment
    // covers every vector type.
    size_t n = ((size_t)std::max<int64_t>(bytes, 1) + 63) / 64 * 64;
    char *mem = static_cast<char *>(std::aligned_alloc(64, n));
    if (!mem)
      trap(TrapKind::InvalidLaunch, location, bytes);
    std::memset(mem, 0xff, n);
    blocks[key].reset(mem);
    sizes[key] = bytes;
    return mem;
  }

  void dropOwner(int64_t owner) {
    for (auto it = blocks.begin(); it != blocks.end();) {
      if (it->first.first == owner) {
        sizes.erase(it->first);
        it = blocks.erase(it);
      } else {
        ++it;
      }
    }
  }
};

OnChipMemory &onChip() {
  static OnChipMemory memory;
  return memory;
}

} // namespace

void *xpiler::exec::rt::blockSharedMemory(int64_t slot, int64_t bytes,
                                          int64_t location) {
  return onChip().get(0, slot, bytes, location);
}

void *xpiler::exec::rt::unitPrivateMemory(int64_t slot, int64_t bytes,
                                          int64_t location) {
  return onChip().get(1 + currentUnit(), slot, bytes, location);
}

void *xpiler::exec::rt::groupSharedMemory(int64_t slot, int64_t bytes,
                                          int64_t location) {
  int64_t size = 1;
  if (activeGroup && activeGroup->groupSizes.size() > 1)
    size = activeGroup->groupSizes[1];
  return onChip().get(-1 - currentUnit() / size, slot, bytes, location);
}

void xpiler::exec::rt::resetOnChipMemory() {
  onChip().blocks.clear();
  onChip().sizes.clear();
}

void xpiler::exec::rt::beginBlockSharedMemory() { onChip().dropOwner(0); }
