//===- Import.h - source files into MLIR ------------------------*- C++ -*-===//
//
// The Clang-based importer: a CUDA, HIP, BANG C or C++/VNNI source file in,
// a module of the language's dialect (plus upstream func/arith/scf/memref/
// math) out. Errors are reported through the context's diagnostic engine as
// `file:line:col: error: ...`; no Clang type appears in this header.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_FRONTEND_IMPORT_H
#define XPILER_FRONTEND_IMPORT_H

#include "xpiler/Support/Language.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>

#include <string>
#include <vector>

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace xpiler {

struct ImportOptions {
  Language language = Language::Cuda;
  /// `-I` directories, searched before xpiler's shipped headers.
  std::vector<std::string> includeDirs;
  /// `-D` definitions, `NAME` or `NAME=VALUE`.
  std::vector<std::string> defines;
  /// When set, import only this function and the functions it needs (for a
  /// host launcher: the kernels it launches). An unknown name is an error.
  std::string entry;
  /// Run the clean-up pipeline (promote locals to SSA values, recover
  /// structured control flow, canonicalize). Off only for debugging.
  bool simplify = true;
  /// Launch shape of kernels that no host launcher in the file launches:
  /// grid (BANG: task dimension) and block extents `x[,y[,z]]`, positive.
  /// Empty: not given (the block then defaults to `__launch_bounds__`).
  /// Launchers are described from their code (`xpl-describe-launch`, run
  /// after the clean-up pipeline; not run when `simplify` is off).
  std::vector<int64_t> grid;
  std::vector<int64_t> block;
};

/// Parses a `--grid`/`--block` value: one to three positive integers
/// separated by commas (`256`, `64,2`, `8,8,4`). `option` names the option in
/// the error.
llvm::Expected<std::vector<int64_t>>
parseLaunchExtents(llvm::StringRef text, llvm::StringRef option);

/// Imports the source text `source`, named `fileName` (used for includes
/// relative to it and for locations). Returns null after reporting errors.
mlir::OwningOpRef<mlir::ModuleOp> importSource(llvm::StringRef source,
                                               llvm::StringRef fileName,
                                               const ImportOptions &options,
                                               mlir::MLIRContext *context);

/// Adds the dialects imported modules use to `registry`.
void registerImportDialects(mlir::DialectRegistry &registry);

} // namespace xpiler

#endif // XPILER_FRONTEND_IMPORT_H
