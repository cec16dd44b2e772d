//===- StmtSplit.cpp - loop distribution ----------------------------------===//
//
// Implements `xpl-stmt-split`: the statements of a loop body are cut in two
// loops when no backward loop-carried dependence crosses the cut.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Analysis/Dependence.h"
#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLSTMTSPLIT
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
constexpr StringLiteral kPass = "xpl-stmt-split";

/// A statement: a body operation with memory effects other than reads
/// (itself or in its regions). Other operations (pure ones, including
/// conditionals without effects, and loads) go with their users.
bool isStatement(Operation &op) {
  if (isMemoryEffectFree(&op))
    return false;
  if (op.getNumRegions())
    return true;
  auto iface = dyn_cast<MemoryEffectOpInterface>(&op);
  return !iface || !iface.onlyHasEffect<MemoryEffects::Read>();
}

/// Erases the pure operations of `block` that have no uses, to a fixpoint.
void eraseDeadPureOps(Block *block) {
  bool changed = true;
  while (changed) {
    changed = false;
    for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*block)))
      if (!isStatement(op) && !op.hasTrait<OpTrait::IsTerminator>() &&
          op.use_empty()) {
        op.erase();
        changed = true;
      }
  }
}

struct XplStmtSplitPass
    : public xpiler::impl::XplStmtSplitBase<XplStmtSplitPass> {
  using XplStmtSplitBase::XplStmtSplitBase;

  void runOnOperation() override {
    FailureOr<scf::ForOp> found = lookupLoop(getOperation(), loop, kPass);
    if (failed(found))
      return signalPassFailure();
    scf::ForOp forOp = *found;
    Block *body = forOp.getBody();
    SmallVector<Operation *> statements;
    for (Operation &op : body->without_terminator())
      if (isStatement(op))
        statements.push_back(&op);
    if (at == 0 || at >= statements.size()) {
      forOp.emitError() << kPass << ": cut " << static_cast<unsigned>(at)
                        << " is not inside the " << statements.size()
                        << " statements of loop '" << getLoopName(forOp) << "'";
      return signalPassFailure();
    }
    if (forOp.getNumRegionIterArgs()) {
      forOp.emitRemark() << kPass << ": refused: the loop has iteration "
                         << "arguments";
      return;
    }
    Operation *cut = statements[at];
    auto isBefore = [&](Operation *op) { return op->isBeforeInBlock(cut); };

    // A statement's result before the cut must not reach the second part.
    std::function<Operation *(Value)> reachesStatement =
        [&](Value v) -> Operation * {
      Operation *def = v.getDefiningOp();
      if (!def || def->getBlock() != body || !isBefore(def))
        return nullptr;
      if (isStatement(*def))
        return def;
      for (Value operand : def->getOperands())
        if (Operation *s = reachesStatement(operand))
          return s;
      return nullptr;
    };
    for (Operation &op : body->without_terminator()) {
      if (isBefore(&op))
        continue;
      Operation *culprit = nullptr;
      op.walk([&](Operation *nested) {
        for (Value operand : nested->getOperands())
          if (!culprit)
            culprit = reachesStatement(operand);
      });
      if (culprit) {
        forOp.emitRemark() << kPass << ": refused: the value of "
                           << describeOp(culprit) << " is used after the cut";
        return;
      }
    }

    // Legality: no dependence from a statement after the cut to one before
    // it in a later iteration.
    DependenceAnalysis analysis(ArrayRef<Operation *>{forOp.getOperation()});
    if (Operation *unknown = analysis.getUnknownEffectOp()) {
      forOp.emitRemark() << kPass << ": refused: unknown memory effects of "
                         << describeOp(unknown);
      return;
    }
    // Which part uses each non-statement before the cut (loads are copied
    // into the part that uses them, into both when both do).
    DenseMap<Operation *, std::pair<bool, bool>> usedBy;
    SmallVector<Operation *> beforeCut;
    for (Operation &op : body->without_terminator())
      if (isBefore(&op))
        beforeCut.push_back(&op);
    for (Operation *op : llvm::reverse(beforeCut)) {
      if (isStatement(*op))
        continue;
      std::pair<bool, bool> flags{false, false};
      for (Operation *user : op->getUsers()) {
        Operation *top = body->findAncestorOpInBlock(*user);
        if (!top || top->hasTrait<OpTrait::IsTerminator>())
          continue;
        if (!isBefore(top)) {
          flags.second = true;
        } else if (isStatement(*top)) {
          flags.first = true;
        } else {
          flags.first |= usedBy[top].first;
          flags.second |= usedBy[top].second;
        }
      }
      usedBy[op] = flags;
    }
    SmallVector<const MemoryAccess *> firstAccesses, secondAccesses;
    for (const MemoryAccess &access : analysis.getAccesses()) {
      Operation *top = body->findAncestorOpInBlock(*access.op);
      if (!top)
        continue;
      if (!isBefore(top)) {
        secondAccesses.push_back(&access);
      } else if (isStatement(*top)) {
        firstAccesses.push_back(&access);
      } else {
        if (usedBy[top].first)
          firstAccesses.push_back(&access);
        if (usedBy[top].second)
          secondAccesses.push_back(&access);
      }
    }
    for (const MemoryAccess *a : firstAccesses) {
      for (const MemoryAccess *b : secondAccesses) {
        bool exact;
        for (const DirectionVector &v :
             analysis.getDirections(*a, *b, {{forOp, forOp}}, &exact)) {
          if (v[0] != Direction::Gt)
            continue;
          forOp.emitRemark()
              << kPass << ": refused: backward loop-carried dependence "
              << "from " << describeOp(b->op) << " to " << describeOp(a->op)
              << (exact ? "" : " (assumed: subscripts not affine)")
              << " crosses the cut";
          return;
        }
      }
    }

    // The second loop: a copy without the first part's statements.
    OpBuilder builder(forOp);
    builder.setInsertionPointAfter(forOp);
    auto second = cast<scf::ForOp>(builder.clone(*forOp));
    std::string name = getLoopName(forOp).str();
    second->setAttr(kLoopNameAttrName, builder.getStringAttr(name + ".d"));
    // In the copy, erase the first part (latest first: a statement's users
    // before the cut are erased before it); pure operations stay when the
    // second part uses them.
    Block *secondBody = second.getBody();
    unsigned cutIndex = 0;
    for (Operation &op : *body) {
      if (&op == cut)
        break;
      ++cutIndex;
    }
    SmallVector<Operation *> firstPart;
    for (Operation &op : llvm::make_range(
             secondBody->begin(), std::next(secondBody->begin(), cutIndex)))
      firstPart.push_back(&op);
    for (Operation *op : llvm::reverse(firstPart))
      if (isStatement(*op) || op->use_empty())
        op->erase();
    // In the original, erase the second part.
    SmallVector<Operation *> secondPart;
    for (Operation &op : body->without_terminator())
      if (!isBefore(&op))
        secondPart.push_back(&op);
    for (Operation *op : llvm::reverse(secondPart))
      op->erase();
    eraseDeadPureOps(body);
    eraseDeadPureOps(second.getBody());
  }
};
} // namespace
