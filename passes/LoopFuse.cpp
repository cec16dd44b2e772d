//===- LoopFuse.cpp - fuse two adjacent loops -----------------------------===//
//
// Implements `xpl-loop-fuse`: a loop and the next loop of equal bounds
// become one loop when no dependence prevents it.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLLOOPFUSE
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
constexpr StringLiteral kPass = "xpl-loop-fuse";

struct XplLoopFusePass : public xpiler::impl::XplLoopFuseBase<XplLoopFusePass> {
  using XplLoopFuseBase::XplLoopFuseBase;

  void runOnOperation() override {
    FailureOr<scf::ForOp> found = lookupLoop(getOperation(), loop, kPass);
    if (failed(found))
      return signalPassFailure();
    scf::ForOp first = *found;
    scf::ForOp second = getNextLoop(first);
    if (!second) {
      first.emitRemark() << kPass << ": refused: no loop follows '"
                         << getLoopName(first)
                         << "' with only pure operations in between";
      return;
    }
    bool carried;
    if (failed(checkFusion(first, second, kPass, carried)))
      return;
    fuseLoops(first, second, carried, kPass);
  }
};
} // namespace
