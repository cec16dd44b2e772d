//===- Lowering.h - lower xpiler programs for execution ---------*- C++ -*-===//
//
// The oracle runs programs of every xpiler dialect on the CPU: a module is
// lowered to the LLVM dialect with the reference semantics of each op
// (thread and task axes run by the runtime's scheduler, intrinsics by their
// reference implementations, every memory access bounds-checked) and
// JIT-compiled by Engine.h.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_EXEC_LOWERING_H
#define XPILER_EXEC_LOWERING_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace xpiler::exec {

/// What a lowered program can report: its checks and runtime calls carry an
/// index into this table, and a trapped run is described with the entry.
class LocationTable {
public:
  /// Interns "`what` at FILE:LINE:COL" and returns its index.
  int64_t add(mlir::Location loc, llvm::StringRef what);
  /// "FILE:LINE:COL" of entry `index` ("" when unknown).
  std::string getWhere(int64_t index) const;
  /// What entry `index` describes ("unknown location" for a bad index).
  std::string getWhat(int64_t index) const;
  size_t size() const { return whats.size(); }

private:
  std::vector<std::string> wheres, whats;
};

/// Lowers `module` in place to the LLVM dialect. Errors are diagnostics on
/// the op that cannot be lowered.
mlir::LogicalResult lowerForExecution(mlir::ModuleOp module,
                                      LocationTable &locations);

/// Adds the dialects and translations the lowering and the JIT need.
void registerExecutionDialects(mlir::DialectRegistry &registry);

} // namespace xpiler::exec

#endif // XPILER_EXEC_LOWERING_H
