//===- Passes.h - xpiler passes ---------------------------------*- C++ -*-===//
//
// Declarations and registration of every xpiler pass (see passes/Passes.td).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_PASSES_H
#define XPILER_PASSES_PASSES_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace xpiler {
namespace xpl {
class XplDialect;
} // namespace xpl

#define GEN_PASS_DECL
#define GEN_PASS_REGISTRATION
#include "xpiler/Passes/Passes.h.inc"

} // namespace xpiler

#endif // XPILER_PASSES_PASSES_H
