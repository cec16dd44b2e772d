//===- Runtime.h - what the oracle's runtime functions share ----*- C++ -*-===//
//
// The C++ side of the oracle. Lowered programs call `extern "C"` functions
// named `__xpl_rt_*` (registered into the JIT by RuntimeSymbols.cpp); those
// functions use this header for:
//   - errors: `trap` ends the current run with a report naming the op (its
//     location id, interned by the lowering in a LocationTable);
//   - bounds: `checkRange` checks that an access stays inside its buffer;
//   - parallel units: GPU threads and BANG cores run as fibers on one OS
//     thread, switched only at barriers, so that values live across a
//     barrier stay on each unit's own stack (the same semantics as splitting
//     the unit loop at every barrier, also for barriers inside loops);
//   - on-chip memory: per-block shared memory, per-unit private arenas
//     (NRAM/WRAM), per-cluster arenas (SRAM).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LIB_EXEC_RUNTIME_RUNTIME_H
#define XPILER_LIB_EXEC_RUNTIME_RUNTIME_H

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace xpiler::exec::rt {

/// Why a run was stopped. Stable numbers: they cross the process boundary.
enum class TrapKind : int64_t {
  OutOfBounds = 1,     ///< a: index (elements), b: extent, c: access width
  DivisionByZero = 2,  ///< a: dividend
  Deadlock = 3,        ///< a: units waiting, b: units live
  InvalidLaunch = 4,   ///< a, b: the offending values
  Unsupported = 5,     ///< a: detail code of the runtime function
  SignedOverflow = 6,  ///< a: dividend, b: divisor
  AssertFailed = 7,    ///< a `cf.assert` (e.g. `exit(1)` on bad input) failed
  Misaligned = 8,      ///< a: address, b: required alignment (bytes)
  InvalidArgument = 9, ///< a: the value, b: which parameter of the builtin
};

/// The report a trapped run leaves for the parent process.
struct TrapReport {
  int64_t kind = 0; ///< 0: no trap
  int64_t location = -1;
  int64_t a = 0, b = 0, c = 0;
};

/// Where `trap` writes (shared with the parent); null: print and abort.
void setTrapReport(TrapReport *report);

/// Ends the current run: fills the report and exits the (child) process.
[[noreturn]] void trap(TrapKind kind, int64_t location, int64_t a = 0,
                       int64_t b = 0, int64_t c = 0);

/// Traps unless elements [begin, begin + count) lie in [0, extent).
inline void checkRange(int64_t location, int64_t begin, int64_t count,
                       int64_t extent) {
  if (count < 0 || begin < 0 || begin > extent || count > extent - begin)
    trap(TrapKind::OutOfBounds, location, begin + count - 1, extent, count);
}

//===----------------------------------------------------------------------===//
// Parallel units
//===----------------------------------------------------------------------===//

/// Runs `count` units of `body` as fibers on the calling thread. Units are
/// synchronised in nested groups: level 0 is all units, level k > 0 groups
/// `groupSizes[k - 1]` consecutive units (a warp, a cluster). Returns when
/// every unit has returned; traps on a deadlock (a barrier some live unit of
/// its group never reaches). With `execMaskWarps`, a group (level > 0) whose
/// live units all wait, some at its level and the others at a coarser
/// barrier, releases the former: AMD wavefronts run a warp operation with
/// the lanes that reach it (the EXEC mask), while CUDA's warp operations
/// name their lanes and a missing one is a deadlock.
void runUnits(int64_t count, const int64_t *groupSizes, int numLevels,
              const std::function<void(int64_t unit)> &body, int64_t location,
              bool execMaskWarps = false);

/// The unit the calling fiber runs (0 outside runUnits).
int64_t currentUnit();
/// Number of units of the current runUnits (1 outside).
int64_t unitCount();
/// Whether `unit` of the current runUnits has not returned yet.
bool unitIsLive(int64_t unit);

/// Waits until every live unit of the caller's group at `level` has called
/// `barrier` with the same level. Units that returned do not take part.
void barrier(int level, int64_t location);

/// One pointer-sized slot per unit of the current runUnits, for cooperative
/// operations (a lane publishes a pointer to its operand, barrier, every
/// lane reads the others', barrier).
void **unitSlots();

//===----------------------------------------------------------------------===//
// GPU launches (CUDA and HIP)
//===----------------------------------------------------------------------===//

struct GpuLaunch {
  int64_t grid[3];
  int64_t block[3];
  int64_t warpSize;
  int64_t dynamicSharedBytes;
};

/// The launch being run; valid inside a GPU launch only.
const GpuLaunch &gpuLaunch();
/// threadIdx/blockIdx of the calling fiber.
const int64_t *gpuThreadIdx();
const int64_t *gpuBlockIdx();
/// Lane within its warp and the first unit of its warp.
int64_t gpuLaneId();
int64_t gpuWarpBase();
/// Live lanes of the caller's warp (bit i: lane i has not returned).
uint64_t gpuLiveLanes();

//===----------------------------------------------------------------------===//
// On-chip memory
//===----------------------------------------------------------------------===//

/// Memory of `bytes` bytes for the on-chip buffer `slot` (a number the
/// lowering gives each declaration), shared by the units of one block
/// (GPU `__shared__`), fresh for every block and filled with 0xff bytes so
/// that reading what no unit wrote is visible.
void *blockSharedMemory(int64_t slot, int64_t bytes, int64_t location);
/// Memory private to the calling unit (BANG NRAM/WRAM): every unit sees
/// its own copy of `slot`, kept for the whole launch.
void *unitPrivateMemory(int64_t slot, int64_t bytes, int64_t location);
/// Memory shared by the units of one level-1 group (BANG SRAM per cluster).
void *groupSharedMemory(int64_t slot, int64_t bytes, int64_t location);

/// Starts/ends the on-chip memory of a launch (frees every arena).
void resetOnChipMemory();
/// Marks the start of a new block for blockSharedMemory.
void beginBlockSharedMemory();

//===----------------------------------------------------------------------===//
// Symbols
//===----------------------------------------------------------------------===//

/// A runtime function the JIT resolves by name.
struct RuntimeSymbol {
  const char *name;
  void *address;
};

/// Each runtime file lists its `extern "C"` functions.
void appendCoreRuntimeSymbols(std::vector<RuntimeSymbol> &symbols);
void appendGpuRuntimeSymbols(std::vector<RuntimeSymbol> &symbols);
void appendGpuMatrixRuntimeSymbols(std::vector<RuntimeSymbol> &symbols);
void appendBangRuntimeSymbols(std::vector<RuntimeSymbol> &symbols);
void appendVnniRuntimeSymbols(std::vector<RuntimeSymbol> &symbols);

/// Every runtime symbol.
std::vector<RuntimeSymbol> getRuntimeSymbols();

} // namespace xpiler::exec::rt

#endif // XPILER_LIB_EXEC_RUNTIME_RUNTIME_H
