//===- GpuConversion.h - shared pieces of CUDA <-> HIP conversion -*- C++
//-*-===//
//
// What `cuda-convert-to-hip` and `hip-convert-to-cuda` both need: the final
// sweep that renames memory spaces and stream types everywhere, and the
// error for what has no counterpart.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_GPUCONVERSION_H
#define XPILER_PASSES_GPUCONVERSION_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace xpiler {

/// Replaces, in every type and attribute of `module` (value types, function
/// types, nested memref types, attribute dictionaries), each attribute for
/// which `mapAttr` returns one and each type for which `mapType` does.
void replaceAttrsAndTypes(
    mlir::ModuleOp module,
    llvm::function_ref<mlir::Attribute(mlir::Attribute)> mapAttr,
    llvm::function_ref<mlir::Type(mlir::Type)> mapType);

/// Names an op the conversion cannot translate: an error at `op` saying
/// what has no equivalent in `target` and, if given, what to do instead.
mlir::InFlightDiagnostic emitUntranslatable(mlir::Operation *op,
                                            llvm::StringRef target);

} // namespace xpiler

#endif // XPILER_PASSES_GPUCONVERSION_H
