//===- bang.h - Cambricon BANG C emulated on the CPU ------------*- C++ -*-===//
//
// Lets a BANG C source (.mlu) compile with g++ and run on the host:
//
//   g++ -std=c++17 -x c++ -include runtime/bang/include/bang.h kernel.mlu
//   g++ -std=c++17 -I runtime/bang/include ... (with #include <bang.h>)
//
// or, for sources that launch with `kernel<<<dim, type, queue>>>(args)`,
// through runtime/bang/bin/bang-cc, which rewrites the launches into
// bang_launch(dim, type, queue, kernel, args) and calls g++.
//
// Every builtin the xpiler bang dialect models is here, with the semantics
// its documentation gives (dialects/bang/BangOps.td). Each core of a launch
// is a thread; see runtime/bang/README.md for the emulation model and its
// limits.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_BANG_H
#define BANG_EMU_BANG_H

#include "bang_emu/config.h"
#include "bang_emu/core.h"
#include "bang_emu/fp16.h"
#include "bang_emu/memcpy.h"
#include "bang_emu/tensor.h"
#include "bang_emu/vector.h"
#include "cnrt.h"

/// Set while compiling BANG C (as the real compiler does), and by this
/// emulation.
#ifndef __BANG__
#define __BANG__ 1
#endif
#define __BANG_EMU__ 1

//===----------------------------------------------------------------------===//
// Function and memory qualifiers
//===----------------------------------------------------------------------===//

// Kernels and device functions are ordinary C++ functions.
#define __mlu_global__
#define __mlu_entry__
#define __mlu_func__
/// A device function, or a GDRAM variable (one object shared by all cores).
#define __mlu_device__

/// NRAM, WRAM and LDRAM are private to a core: each thread (emulated core)
/// has its own copy, whether the array is declared at file scope or inside a
/// kernel. Like on-chip arrays, they are allocated once per core (not per
/// call) and start uninitialised (here: zero, per thread).
#define __nram__ static thread_local
#define __wram__ static thread_local
#define __ldram__ static thread_local

/// SRAM is shared by the cores of a cluster: the variable is one object,
/// placed in the `bang_sram` section; a Union launch with several clusters
/// gives each cluster its own contents (clusters take turns and the
/// section is swapped, see README.md).
#define __mlu_shared__ static __attribute__((section("bang_sram"), aligned(64)))

//===----------------------------------------------------------------------===//
// Task indices (per core, i.e. per thread)
//===----------------------------------------------------------------------===//

#define taskId (::bang_emu::core.taskId + 0)
#define taskIdX (::bang_emu::core.taskIdX + 0)
#define taskIdY (::bang_emu::core.taskIdY + 0)
#define taskIdZ (::bang_emu::core.taskIdZ + 0)
#define taskDim (::bang_emu::core.taskDim + 0)
#define taskDimX (::bang_emu::core.taskDimX + 0)
#define taskDimY (::bang_emu::core.taskDimY + 0)
#define taskDimZ (::bang_emu::core.taskDimZ + 0)
#define clusterId (::bang_emu::core.clusterId + 0)
#define clusterDim (::bang_emu::core.clusterDim + 0)
#define coreId (::bang_emu::core.coreId + 0)
#define coreDim (::bang_emu::core.coreDim + 0)

//===----------------------------------------------------------------------===//
// Synchronisation
//===----------------------------------------------------------------------===//

/// Barrier of every core of the launch (a no-op in a Block launch, whose
/// tasks are independent). Performs this core's pending async copies first.
inline void __sync_all() { bang_emu::syncAll(); }
/// Barrier of the cores of this core's cluster (no-op in a Block launch).
inline void __sync_cluster() { bang_emu::syncCluster(); }
/// Waits for this core's pending work: performs its async copies.
inline void __sync_compute() { bang_emu::flushPendingCopies(); }
/// Barrier of all compute cores: every emulated core is a compute core.
inline void __sync_all_ipu() { bang_emu::syncAll(); }
/// Barrier of the memory cores: none is emulated, so only this core's
/// async copies are performed.
inline void __sync_all_mpu() { bang_emu::flushPendingCopies(); }

// Extras outside the bang dialect, common in BANG code.
/// Waits for this core's copies.
inline void __sync_io() { bang_emu::flushPendingCopies(); }
inline void __sync_move() { bang_emu::flushPendingCopies(); }
/// Emulated cores are all compute cores (IPU); no memory core (MPU) runs.
inline bool __is_ipu() { return true; }
inline bool __is_mpu() { return false; }

#endif // BANG_EMU_BANG_H
