//===- LoopReorder.cpp - interchange a perfect loop nest ------------------===//
//
// Implements `xpl-loop-reorder`: permutes a perfect, rectangular band of
// scf.for loops when no dependence direction vector becomes
// lexicographically negative.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Analysis/Dependence.h"
#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLLOOPREORDER
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
constexpr StringLiteral kPass = "xpl-loop-reorder";

struct XplLoopReorderPass
    : public xpiler::impl::XplLoopReorderBase<XplLoopReorderPass> {
  using XplLoopReorderBase::XplLoopReorderBase;

  void runOnOperation() override {
    FailureOr<scf::ForOp> found = lookupLoop(getOperation(), loop, kPass);
    if (failed(found))
      return signalPassFailure();
    scf::ForOp root = *found;
    unsigned depth = order.size();
    SmallVector<unsigned> sorted(order.begin(), order.end());
    llvm::sort(sorted);
    for (unsigned i = 0; i < depth; ++i)
      if (sorted[i] != i) {
        root.emitError() << kPass << ": order is not a permutation of 0.."
                         << depth - 1;
        return signalPassFailure();
      }
    if (depth < 2)
      return;

    // The band: each loop's body is the next loop plus pure operations.
    SmallVector<scf::ForOp> band{root};
    SmallVector<Operation *> between;
    while (band.size() < depth) {
      scf::ForOp next;
      for (Operation &op : band.back().getBody()->without_terminator()) {
        if (auto forOp = dyn_cast<scf::ForOp>(op); forOp && !next) {
          next = forOp;
          continue;
        }
        if (!isMemoryEffectFree(&op) || next) {
          root.emitRemark()
              << kPass << ": refused: the nest is not perfect "
              << "at depth " << band.size() << " (" << describeOp(&op) << ")";
          return;
        }
        between.push_back(&op);
      }
      if (!next) {
        root.emitRemark() << kPass << ": refused: the nest has only "
                          << band.size() << " loops";
        return;
      }
      band.push_back(next);
    }
    for (scf::ForOp forOp : band) {
      if (forOp.getNumRegionIterArgs()) {
        forOp.emitRemark() << kPass << ": refused: loop '" << getLoopName(forOp)
                           << "' has iteration arguments";
        return;
      }
      for (Value v :
           {forOp.getLowerBound(), forOp.getUpperBound(), forOp.getStep()})
        if (root->isAncestor(v.getParentBlock()->getParentOp())) {
          forOp.emitRemark()
              << kPass << ": refused: the bounds of loop '"
              << getLoopName(forOp) << "' depend on the nest (not rectangular)";
          return;
        }
    }

    // Legality.
    DependenceAnalysis analysis(ArrayRef<Operation *>{root.getOperation()});
    if (Operation *unknown = analysis.getUnknownEffectOp()) {
      root.emitRemark() << kPass << ": refused: unknown memory effects of "
                        << describeOp(unknown);
      return;
    }
    for (const Dependence &dep : analysis.getBandDependences(band)) {
      DirectionVector permuted;
      for (unsigned k = 0; k < depth; ++k)
        permuted.push_back(dep.directions[order[k]]);
      auto first = llvm::find_if(
          permuted, [](Direction d) { return d != Direction::Eq; });
      if (first != permuted.end() && *first == Direction::Gt) {
        root.emitRemark() << kPass << ": refused: dependence from "
                          << describeOp(dep.source->op) << " to "
                          << describeOp(dep.sink->op) << " with direction "
                          << toString(dep.directions)
                          << (dep.exact ? "" : " (assumed)") << " would become "
                          << toString(permuted);
        return;
      }
    }

    // A parallel loop stays parallel only if no dependence is carried at its
    // new position.
    SmallVector<bool> carriedAt(depth, false);
    for (const Dependence &dep : analysis.getBandDependences(band))
      for (unsigned k = 0; k < depth; ++k)
        if (dep.directions[order[k]] != Direction::Eq) {
          carriedAt[k] = true;
          break;
        }

    // Pure operations between the loops move into the innermost loop.
    Block *innermost = band.back().getBody();
    Operation *insertPoint = &innermost->front();
    for (Operation *op : between)
      op->moveBefore(insertPoint);

    // Permute bounds, steps and attributes, then the induction variables.
    struct LoopInfo {
      Value lb, ub, step;
      SmallVector<NamedAttribute> attrs;
      SmallVector<OpOperand *> ivUses;
    };
    SmallVector<LoopInfo> infos;
    for (scf::ForOp forOp : band) {
      LoopInfo info{forOp.getLowerBound(),
                    forOp.getUpperBound(),
                    forOp.getStep(),
                    llvm::to_vector(forOp->getDiscardableAttrs()),
                    {}};
      for (OpOperand &use : forOp.getInductionVar().getUses())
        info.ivUses.push_back(&use);
      infos.push_back(std::move(info));
    }
    for (unsigned k = 0; k < depth; ++k) {
      scf::ForOp forOp = band[k];
      const LoopInfo &info = infos[order[k]];
      forOp.getLowerBoundMutable().assign(info.lb);
      forOp.getUpperBoundMutable().assign(info.ub);
      forOp.getStepMutable().assign(info.step);
      for (NamedAttribute attr : llvm::to_vector(forOp->getDiscardableAttrs()))
        forOp->removeAttr(attr.getName());
      for (NamedAttribute attr : info.attrs)
        forOp->setAttr(attr.getName(), attr.getValue());
      if (carriedAt[k] && hasParallelAttr(forOp)) {
        forOp.emitRemark() << kPass << ": loop '" << getLoopName(forOp)
                           << "' carries a dependence at its new position "
                           << "and is no longer parallel";
        dropParallelAttrs(forOp);
      }
      for (OpOperand *use : info.ivUses)
        use->set(forOp.getInductionVar());
    }
  }
};
} // namespace
