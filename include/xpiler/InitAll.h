//===- InitAll.h - register every xpiler dialect and pass -------*- C++ -*-===//
//
// The one place that knows every xpiler dialect and pass. Tools, plugins and
// downstream compilers call these instead of listing dialects themselves.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_INITALL_H
#define XPILER_INITALL_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace xpiler {

/// Adds xpiler's own dialects (xpl, cuda, hip, bang, vnni) to `registry`.
void registerAllDialects(mlir::DialectRegistry &registry);

/// Adds the upstream dialects xpiler's IR is written with (func, arith, scf,
/// memref, math, vector, affine, ...) and their interface implementations.
void registerUpstreamDialects(mlir::DialectRegistry &registry);

/// Registers xpiler's passes and pipelines with the global pass registry, so
/// that they can be named on a command line or in a pipeline string.
void registerAllPasses();

} // namespace xpiler

#endif // XPILER_INITALL_H
