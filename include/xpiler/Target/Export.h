//===- Export.h - MLIR to CUDA, HIP, BANG C and C++/VNNI source -*- C++ -*-===//
//
// The emitters: a module in the source language's dialects (plus func, scf,
// arith, math, memref, vector) becomes formatted source that the language's
// own compiler builds, host launcher included. No Clang types here.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_TARGET_EXPORT_H
#define XPILER_TARGET_EXPORT_H

#include "xpiler/Support/Language.h"

#include "mlir/Support/LLVM.h"

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir {
class DialectRegistry;
class ModuleOp;
} // namespace mlir

namespace xpiler {

/// Options of the emitters.
struct ExportOptions {
  /// Run clang-format (LLVM style) over the output.
  bool format = true;
};

/// Writes `module` as `language` source to `os`. Every op must have an
/// emission: one that has none is an error naming it (nothing is written
/// then).
mlir::LogicalResult exportSource(mlir::ModuleOp module, Language language,
                                 llvm::raw_ostream &os,
                                 const ExportOptions &options = {});

/// Registers `--emit-cuda`, `--emit-hip`, `--emit-bang` and `--emit-vnni`
/// with mlir-translate's registry.
void registerExportTranslations();

/// The dialects an emitter may meet.
void registerExportDialects(mlir::DialectRegistry &registry);

} // namespace xpiler

#endif // XPILER_TARGET_EXPORT_H
