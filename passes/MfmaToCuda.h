//===- MfmaToCuda.h - hip.mfma rewritten for CUDA warps ---------*- C++ -*-===//
//
// Part of `hip-convert-to-cuda`: an AMD matrix instruction (`hip.mfma`) is
// wavefront-wide (64 lanes, each holding its slice of A, B and C in AMD's
// register layouts), CUDA's tensor-core ops are warp-wide (32 lanes, layouts
// unspecified). The rewrite exchanges the operands through per-wavefront
// shared-memory scratch between two `__syncthreads()`: f16 kinds multiply on
// the tensor cores (nvcuda::wmma on 16x16x16 tiles), fp32/fp64 kinds with
// scalar FMAs (no exact tensor-core instruction).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_MFMATOCUDA_H
#define XPILER_PASSES_MFMATOCUDA_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LogicalResult.h"

namespace xpiler {

/// Checks that every `hip.mfma` of `module` can be rewritten by
/// lowerMfmaToCuda: a supported single-block kind without modifiers, in a
/// kernel (not a device function) whose block size is known (from
/// `__launch_bounds__` or constant launches) and a multiple of 64, reached
/// in block-uniform control flow (the rewrite adds `__syncthreads()`).
/// Emits an error at each op that cannot be rewritten; `waveSize` is the
/// source's wavefront size.
mlir::LogicalResult checkMfmaToCuda(mlir::ModuleOp module, int64_t waveSize);

/// Rewrites every `hip.mfma` of `module` (which checkMfmaToCuda accepted)
/// into shared-memory exchange, `cuda.syncthreads` and `cuda.wmma.*` ops or
/// scalar FMA loops; the surrounding `hip` ops are left for the one-to-one
/// conversion. Emits a remark at each mfma computed with scalar FMAs.
void lowerMfmaToCuda(mlir::ModuleOp module);

} // namespace xpiler

#endif // XPILER_PASSES_MFMATOCUDA_H
