//===- ToolContext.h - the MLIR context of xpiler's commands ----*- C++ -*-===//

#ifndef XPILER_TOOLS_XPILER_TOOLCONTEXT_H
#define XPILER_TOOLS_XPILER_TOOLCONTEXT_H

#include "mlir/IR/MLIRContext.h"

#include <memory>

namespace xpiler {

/// A context with every dialect the importers, emitters, passes and the
/// oracle use, loaded, and diagnostics that do not print the whole op.
std::unique_ptr<mlir::MLIRContext> createToolContext();

} // namespace xpiler

#endif // XPILER_TOOLS_XPILER_TOOLCONTEXT_H
