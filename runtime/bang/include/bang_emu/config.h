//===- bang_emu/config.h - capacities of the emulated MLU -------*- C++ -*-===//
//
// Sizes of the emulated on-chip memories and of a cluster. Every value can be
// overridden on the command line (-DBANG_EMU_NRAM_SIZE=...), before the first
// #include of bang.h. Defaults are those of the MLU200/300 series
// documented for the bang dialect: 4 compute cores per cluster.
//
//===----------------------------------------------------------------------===//

#ifndef BANG_EMU_CONFIG_H
#define BANG_EMU_CONFIG_H

/// NRAM bytes of one core: no single builtin operand may extend past this.
#ifndef BANG_EMU_NRAM_SIZE
#define BANG_EMU_NRAM_SIZE (512 * 1024)
#endif

/// WRAM bytes of one core.
#ifndef BANG_EMU_WRAM_SIZE
#define BANG_EMU_WRAM_SIZE (1024 * 1024)
#endif

/// SRAM bytes of one cluster: all `__mlu_shared__` variables of a program
/// together must fit (checked at every launch).
#ifndef BANG_EMU_SRAM_SIZE
#define BANG_EMU_SRAM_SIZE (2 * 1024 * 1024)
#endif

/// LDRAM bytes of one core (only used to bound single copies).
#ifndef BANG_EMU_LDRAM_SIZE
#define BANG_EMU_LDRAM_SIZE (64 * 1024 * 1024)
#endif

/// Compute cores per cluster (coreDim of a Union launch).
#ifndef BANG_EMU_CORES_PER_CLUSTER
#define BANG_EMU_CORES_PER_CLUSTER 4
#endif

/// Stack size of each emulated core's thread, on top of the program's static
/// thread-local storage (where __nram__/__wram__/__ldram__ arrays live).
#ifndef BANG_EMU_CORE_STACK_SIZE
#define BANG_EMU_CORE_STACK_SIZE (16 * 1024 * 1024)
#endif

/// Byte that fills fresh cnrtMalloc memory (device memory starts undefined;
/// 0xFF makes floats NaN and integers -1 so reads of unwritten memory show).
#ifndef BANG_EMU_MALLOC_FILL
#define BANG_EMU_MALLOC_FILL 0xFF
#endif

#endif // BANG_EMU_CONFIG_H
