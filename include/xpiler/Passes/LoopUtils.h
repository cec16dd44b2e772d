//===- LoopUtils.h - naming and fusing scf.for loops ------------*- C++ -*-===//
//
// Helpers shared by the loop transformations (xpl-loop-split, -reorder,
// -fuse, xpl-stmt-split, xpl-loop-contract): how a pass finds the loop it
// is told to transform, and the pieces of transformation they share.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_PASSES_LOOPUTILS_H
#define XPILER_PASSES_LOOPUTILS_H

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace xpiler {
class DependenceAnalysis;

/// The discardable attribute that names a loop (a `StringAttr`).
constexpr llvm::StringLiteral kLoopNameAttrName = "xpl.loop_name";

/// Whether `name` is an attribute that says a loop's iterations may run in
/// parallel: `xpl.axis`, `xpl.mapping`, `xpl.omp_parallel_for`.
bool isParallelAttrName(llvm::StringRef name);

/// Whether `loop` carries a parallel attribute.
bool hasParallelAttr(mlir::Operation *loop);

/// Removes the parallel attributes of `loop`.
void dropParallelAttrs(mlir::Operation *loop);

/// The name of `loop`, or "" when it has none.
llvm::StringRef getLoopName(mlir::Operation *loop);

/// Names every `scf.for` nested in `root` in preorder: loops not nested in
/// another `scf.for` are `L0`, `L1`, ... (one counter for the whole of
/// `root`), the loops nested in loop `X` are `X.0`, `X.1`, ... Existing names
/// are replaced.
void nameLoops(mlir::Operation *root);

/// The unique `scf.for` of `root` named `name`. When no loop of `root` has a
/// name yet, names them first (nameLoops). Emits an error at `root`
/// (prefixed by `passName`) when no loop or several loops have the name.
mlir::FailureOr<mlir::scf::ForOp> lookupLoop(mlir::Operation *root,
                                             llvm::StringRef name,
                                             llvm::StringRef passName);

/// Renames the loops nested in `loop` whose names start with `oldPrefix.`
/// so that they start with `newPrefix.` instead (for cloned loops).
void renameNestedLoops(mlir::Operation *loop, llvm::StringRef oldPrefix,
                       llvm::StringRef newPrefix);

/// Whether the two loops have the same lower bound, upper bound and step
/// (the same values, or equal constants).
bool haveSameBounds(mlir::scf::ForOp a, mlir::scf::ForOp b);

/// The loop that follows `loop` in its block with only pure operations (no
/// memory effects, no regions) in between, or null.
mlir::scf::ForOp getNextLoop(mlir::scf::ForOp loop);

/// `'op-name' at LOC` for remarks.
std::string describeOp(mlir::Operation *op);

/// Checks that `first` and `second` (the loop right after `first`) can be
/// fused: no iteration arguments, the same bounds, known memory effects and
/// no fusion-preventing dependence (an access of `second` in an earlier
/// iteration than a conflicting access of `first`). Emits a remark prefixed
/// by `passName` and fails otherwise. Sets `carried` when some dependence
/// between the two bodies crosses iterations (the fused loop is then not
/// parallel).
mlir::LogicalResult checkFusion(mlir::scf::ForOp first, mlir::scf::ForOp second,
                                llvm::StringRef passName, bool &carried);

/// Fuses `second` into `first` (whose bounds are equal): pure operations
/// between them move before `first`, the body of `second` is appended to the
/// body of `first` with its induction variable replaced, and `second` is
/// erased. The fused loop keeps its parallel attributes only when both loops
/// had the same ones and no dependence crosses iterations (`carried`);
/// otherwise they are dropped with a remark prefixed by `passName`.
void fuseLoops(mlir::scf::ForOp first, mlir::scf::ForOp second, bool carried,
               llvm::StringRef passName);

} // namespace xpiler

#endif // XPILER_PASSES_LOOPUTILS_H
