//===- LoopSplit.cpp - tile one loop by a factor --------------------------===//
//
// Implements `xpl-loop-split`: strip-mining with a min bound or with full
// tiles and a remainder loop. The iteration order does not change, so the
// transformation is always legal.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLLOOPSPLIT
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
struct XplLoopSplitPass
    : public xpiler::impl::XplLoopSplitBase<XplLoopSplitPass> {
  using XplLoopSplitBase::XplLoopSplitBase;

  void runOnOperation() override {
    FailureOr<scf::ForOp> found =
        lookupLoop(getOperation(), loop, "xpl-loop-split");
    if (failed(found))
      return signalPassFailure();
    scf::ForOp forOp = *found;
    if (factor < 1) {
      forOp.emitError() << "xpl-loop-split: factor "
                        << static_cast<int64_t>(factor) << " is not positive";
      return signalPassFailure();
    }
    if (factor == 1)
      return;
    std::string name = getLoopName(forOp).str();
    MLIRContext *ctx = &getContext();
    Location loc = forOp.getLoc();
    OpBuilder builder(forOp);
    Type type = forOp.getLowerBound().getType();
    auto constant = [&](int64_t v) -> Value {
      return arith::ConstantOp::create(builder, loc, type,
                                       builder.getIntegerAttr(type, v));
    };
    Value lb = forOp.getLowerBound(), ub = forOp.getUpperBound();
    Value bigStep =
        arith::MulIOp::create(builder, loc, forOp.getStep(), constant(factor));
    Value mainUb = ub;
    scf::ForOp remLoop;
    if (remainder) {
      // mainUb = lb + max(ub - lb, 0) / bigStep * bigStep.
      Value span = arith::MaxSIOp::create(
          builder, loc, arith::SubIOp::create(builder, loc, ub, lb),
          constant(0));
      Value tiles = arith::DivSIOp::create(builder, loc, span, bigStep);
      mainUb = arith::AddIOp::create(
          builder, loc, lb,
          arith::MulIOp::create(builder, loc, tiles, bigStep));
      builder.setInsertionPointAfter(forOp);
      remLoop = cast<scf::ForOp>(builder.clone(*forOp));
      remLoop.getLowerBoundMutable().assign(mainUb);
      remLoop->setAttr(kLoopNameAttrName, StringAttr::get(ctx, name + ".rem"));
      renameNestedLoops(remLoop, name, name + ".rem");
      builder.setInsertionPoint(forOp);
    }
    // The outer loop over tiles, carrying the loop's iteration arguments.
    auto outer = scf::ForOp::create(builder, loc, lb, mainUb, bigStep,
                                    forOp.getInitArgs());
    for (NamedAttribute attr : forOp->getDiscardableAttrs())
      outer->setAttr(attr.getName(), attr.getValue());
    Block *body = outer.getBody();
    if (!body->empty() && body->back().hasTrait<OpTrait::IsTerminator>())
      body->back().erase();
    builder.setInsertionPointToEnd(body);
    Value io = outer.getInductionVar();
    Value tileEnd = arith::AddIOp::create(builder, loc, io, bigStep);
    if (!remainder)
      tileEnd = arith::MinSIOp::create(builder, loc, tileEnd, ub);
    scf::YieldOp::create(builder, loc, forOp.getResults());
    // Results of the original loop now come from the outer (or remainder)
    // loop; replace before moving so the new yield keeps using forOp.
    SmallVector<Value> finalResults(remainder ? remLoop.getResults()
                                              : outer.getResults());
    for (auto [oldResult, newResult] :
         llvm::zip(forOp.getResults(), finalResults))
      oldResult.replaceUsesWithIf(newResult, [&](OpOperand &use) {
        return use.getOwner() != body->getTerminator();
      });
    if (remainder)
      remLoop.getInitArgsMutable().assign(outer.getResults());
    forOp->moveBefore(body->getTerminator());
    forOp.getLowerBoundMutable().assign(io);
    forOp.getUpperBoundMutable().assign(tileEnd);
    forOp.getInitArgsMutable().assign(outer.getRegionIterArgs());
    forOp->setAttr(kLoopNameAttrName, StringAttr::get(ctx, name + ".in"));
  }
};
} // namespace
