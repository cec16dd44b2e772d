//===- WmmaToMfma.h - CUDA wmma fragments as HIP mfma code -----*- C++ -*-===//
//
// The part of `cuda-convert-to-hip` that maps tensor-core code: CUDA's
// warp-wide wmma fragments and operations become per-lane vectors, memory
// accesses, wavefront shuffles and `__builtin_amdgcn_mfma_*` calls on
// 64-lane wavefronts (see WmmaToMfma.cpp for the lane layout).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_WMMATOMFMA_H
#define XPILER_PASSES_WMMATOMFMA_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace xpiler {

/// Whether `op` is one of the `cuda.wmma.*` ops.
bool isWmmaOp(mlir::Operation *op);

/// The per-lane registers that hold a `!cuda.fragment` after the mapping to
/// mfma (a `vector<8xT>` of the fragment's storage type), or a null type if
/// `type` is not a fragment the mapping supports.
mlir::Type getMfmaFragmentType(mlir::Type type);

/// Checks that every op of `wmmaOps` (the `cuda.wmma.*` ops of `module`,
/// still CUDA-level IR) can be lowered to mfma on `arch`: supported shapes
/// and element types, a CDNA target with 64-lane wavefronts, tiles that can
/// be addressed element by element, and for mma_sync: in a kernel whose
/// every launch has a block of a multiple of 64 threads, under control flow
/// that is the same for every thread of a block. Reports an error at the
/// op for each violation.
mlir::LogicalResult checkWmmaToMfma(mlir::ModuleOp module,
                                    llvm::ArrayRef<mlir::Operation *> wmmaOps,
                                    llvm::StringRef arch);

/// Replaces every op of `wmmaOps` (checked by checkWmmaToMfma) by hip, arith,
/// memref and vector ops on the per-lane registers. Fragment-typed values
/// that other ops (memref.load/store of fragment arrays, scf.yield ...)
/// still carry are bridged with `builtin.unrealized_conversion_cast`s;
/// once every `!cuda.fragment` type in the module has been replaced by
/// getMfmaFragmentType's, removeFragmentCasts drops them.
void lowerWmmaToMfma(llvm::ArrayRef<mlir::Operation *> wmmaOps);

/// Removes the casts lowerWmmaToMfma left, which the type replacement made
/// identities.
void removeFragmentCasts(mlir::ModuleOp module);

} // namespace xpiler

#endif // XPILER_PASSES_WMMATOMFMA_H
