//===- Cleanup.cpp - make raised code look written by hand ----------------===//
//
// Implements `xpl-cleanup`: upstream canonicalization and CSE composed with
// xpiler's dead buffer, dead loop and index-cast patterns.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/CSE.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLCLEANUP
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
/// A buffer that is only stored to (and deallocated) is dead.
template <typename AllocOpTy>
struct EraseDeadBuffer : public OpRewritePattern<AllocOpTy> {
  using OpRewritePattern<AllocOpTy>::OpRewritePattern;
  LogicalResult matchAndRewrite(AllocOpTy alloc,
                                PatternRewriter &rewriter) const override {
    Value buffer = alloc.getResult();
    for (Operation *user : buffer.getUsers()) {
      if (auto store = dyn_cast<memref::StoreOp>(user)) {
        if (store.getMemref() != buffer || store.getValueToStore() == buffer)
          return failure();
        continue;
      }
      if (!isa<memref::DeallocOp>(user))
        return failure();
    }
    for (Operation *user : llvm::make_early_inc_range(buffer.getUsers()))
      rewriter.eraseOp(user);
    rewriter.eraseOp(alloc);
    return success();
  }
};

/// A loop whose results are unused and whose body has no memory effects.
struct EraseDeadLoop : public OpRewritePattern<scf::ForOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(scf::ForOp loop,
                                PatternRewriter &rewriter) const override {
    if (!loop->use_empty())
      return failure();
    bool pure = true;
    loop.getBody()->walk([&](Operation *op) {
      if (!op->hasTrait<OpTrait::HasRecursiveMemoryEffects>() &&
          !isMemoryEffectFree(op))
        pure = false;
    });
    if (!pure)
      return failure();
    rewriter.eraseOp(loop);
    return success();
  }
};

/// `index_cast(extsi x)` -> `index_cast(x)`, `index_cast(extui x)` ->
/// `index_castui(x)` (and `index_castui(extui x)` -> `index_castui(x)`).
struct FoldIndexCastOfExt : public RewritePattern {
  FoldIndexCastOfExt(MLIRContext *ctx)
      : RewritePattern(MatchAnyOpTypeTag(), /*benefit=*/1, ctx) {}
  LogicalResult matchAndRewrite(Operation *op,
                                PatternRewriter &rewriter) const override {
    if (!isa<arith::IndexCastOp, arith::IndexCastUIOp>(op) ||
        !op->getResult(0).getType().isIndex())
      return failure();
    Value src = op->getOperand(0);
    if (auto ext = src.getDefiningOp<arith::ExtSIOp>();
        ext && isa<arith::IndexCastOp>(op)) {
      rewriter.replaceOpWithNewOp<arith::IndexCastOp>(
          op, rewriter.getIndexType(), ext.getIn());
      return success();
    }
    if (auto ext = src.getDefiningOp<arith::ExtUIOp>()) {
      rewriter.replaceOpWithNewOp<arith::IndexCastUIOp>(
          op, rewriter.getIndexType(), ext.getIn());
      return success();
    }
    return failure();
  }
};

/// Whether code hoisted out of `loop` would land between the loops that an
/// enclosing `xpl.omp_parallel_for = {collapse = n}` collapses (they must
/// stay perfectly nested): `loop`'s parent is one of the n collapsed loops
/// but the innermost.
bool landsBetweenCollapsedLoops(Operation *loop) {
  int64_t depth = 0;
  for (Operation *op = loop->getParentOp(); isa_and_nonnull<scf::ForOp>(op);
       op = op->getParentOp()) {
    ++depth;
    if (auto omp = op->getAttrOfType<DictionaryAttr>("xpl.omp_parallel_for")) {
      auto collapse = omp.getAs<IntegerAttr>("collapse");
      return collapse && depth < collapse.getInt();
    }
  }
  return false;
}

struct XplCleanupPass : public xpiler::impl::XplCleanupBase<XplCleanupPass> {
  using XplCleanupBase::XplCleanupBase;

  LogicalResult initialize(MLIRContext *ctx) override {
    RewritePatternSet set(ctx);
    for (Dialect *dialect : ctx->getLoadedDialects())
      dialect->getCanonicalizationPatterns(set);
    for (RegisteredOperationName op : ctx->getRegisteredOperations())
      op.getCanonicalizationPatterns(set, ctx);
    set.add<EraseDeadBuffer<memref::AllocaOp>, EraseDeadBuffer<memref::AllocOp>,
            EraseDeadLoop, FoldIndexCastOfExt>(ctx);
    patterns = FrozenRewritePatternSet(std::move(set));
    return success();
  }

  void runOnOperation() override {
    Operation *op = getOperation();
    if (failed(applyPatternsGreedily(op, patterns)))
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    DominanceInfo dominance(op);
    eliminateCommonSubExpressions(rewriter, dominance, op);
    op->walk([](LoopLikeOpInterface loop) {
      if (!landsBetweenCollapsedLoops(loop))
        moveLoopInvariantCode(loop);
    });
    if (failed(applyPatternsGreedily(op, patterns)))
      return signalPassFailure();
  }

  FrozenRewritePatternSet patterns;
};
} // namespace
