//===- NormalizeLoops.cpp - counted scf.while loops to scf.for ------------===//
//
// Implements `xpl-normalize-loops`: the importers' `scf.while` form of a C
// `for` statement becomes an `scf.for` over `index` when the loop provably
// counts (see Passes.td for the exact pattern).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLNORMALIZELOOPS
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
/// What a counted while loop was recognised as.
struct CountedLoop {
  unsigned ivIndex; // position of the counter among the carried values
  Value bound;      // loop-invariant bound
  bool inclusive;   // `<=` instead of `<`
  bool isUnsigned;  // unsigned comparison
  int64_t step;     // positive constant increment
};

/// Whether `value` is defined outside `loop`.
bool isDefinedOutside(Value value, Operation *loop) {
  return !loop->isAncestor(value.getParentBlock()->getParentOp());
}

std::optional<CountedLoop> matchCountedLoop(scf::WhileOp loop) {
  Block &before = loop.getBefore().front();
  Block &after = loop.getAfter().front();
  auto condition = cast<scf::ConditionOp>(before.getTerminator());
  // The before region: one comparison and the condition, forwarding every
  // carried value unchanged.
  if (before.getOperations().size() != 2)
    return std::nullopt;
  if (condition.getArgs().size() != before.getNumArguments())
    return std::nullopt;
  for (auto [arg, fwd] : llvm::zip(before.getArguments(), condition.getArgs()))
    if (arg != fwd)
      return std::nullopt;
  auto cmp = condition.getCondition().getDefiningOp<arith::CmpIOp>();
  if (!cmp || cmp->getBlock() != &before)
    return std::nullopt;
  Value lhs = cmp.getLhs(), rhs = cmp.getRhs();
  arith::CmpIPredicate pred = cmp.getPredicate();
  // Put the counter on the left.
  if (!isa<BlockArgument>(lhs) ||
      cast<BlockArgument>(lhs).getOwner() != &before) {
    std::swap(lhs, rhs);
    switch (cmp.getPredicate()) {
    case arith::CmpIPredicate::sgt:
      pred = arith::CmpIPredicate::slt;
      break;
    case arith::CmpIPredicate::sge:
      pred = arith::CmpIPredicate::sle;
      break;
    case arith::CmpIPredicate::ugt:
      pred = arith::CmpIPredicate::ult;
      break;
    case arith::CmpIPredicate::uge:
      pred = arith::CmpIPredicate::ule;
      break;
    default:
      return std::nullopt;
    }
  }
  auto ivArg = dyn_cast<BlockArgument>(lhs);
  if (!ivArg || ivArg.getOwner() != &before || !isDefinedOutside(rhs, loop))
    return std::nullopt;
  CountedLoop result;
  result.ivIndex = ivArg.getArgNumber();
  result.bound = rhs;
  switch (pred) {
  case arith::CmpIPredicate::slt:
    result.inclusive = false;
    result.isUnsigned = false;
    break;
  case arith::CmpIPredicate::sle:
    result.inclusive = true;
    result.isUnsigned = false;
    break;
  case arith::CmpIPredicate::ult:
    result.inclusive = false;
    result.isUnsigned = true;
    break;
  case arith::CmpIPredicate::ule:
    result.inclusive = true;
    result.isUnsigned = true;
    break;
  default:
    return std::nullopt;
  }
  if (!ivArg.getType().isSignlessIntOrIndex())
    return std::nullopt;
  // The after region yields counter + positive constant.
  auto yield = cast<scf::YieldOp>(after.getTerminator());
  if (yield.getNumOperands() != after.getNumArguments())
    return std::nullopt;
  auto add = yield.getOperand(result.ivIndex).getDefiningOp<arith::AddIOp>();
  if (!add)
    return std::nullopt;
  Value counter = after.getArgument(result.ivIndex);
  APInt step;
  if (add.getLhs() == counter &&
      matchPattern(add.getRhs(), m_ConstantInt(&step))) {
  } else if (add.getRhs() == counter &&
             matchPattern(add.getLhs(), m_ConstantInt(&step))) {
  } else {
    return std::nullopt;
  }
  if (step.getBitWidth() > 64 || step.getSExtValue() <= 0)
    return std::nullopt;
  result.step = step.getSExtValue();
  // The counter's value after the loop is only computed for step 1.
  if (!loop.getResult(result.ivIndex).use_empty() && result.step != 1)
    return std::nullopt;
  return result;
}

void normalize(scf::WhileOp loop, const CountedLoop &counted) {
  IRRewriter rewriter(loop);
  Location loc = loop.getLoc();
  Value init = loop.getInits()[counted.ivIndex];
  Type ivType = init.getType();
  Type indexType = rewriter.getIndexType();
  auto toIndex = [&](Value v) -> Value {
    if (v.getType().isIndex())
      return v;
    if (counted.isUnsigned)
      return arith::IndexCastUIOp::create(rewriter, loc, indexType, v);
    return arith::IndexCastOp::create(rewriter, loc, indexType, v);
  };
  Value lb = toIndex(init);
  Value ub = toIndex(counted.bound);
  if (counted.inclusive)
    ub = arith::AddIOp::create(
        rewriter, loc, ub, arith::ConstantIndexOp::create(rewriter, loc, 1));
  Value step = arith::ConstantIndexOp::create(rewriter, loc, counted.step);
  SmallVector<Value> iterInits;
  for (auto [i, v] : llvm::enumerate(loop.getInits()))
    if (i != counted.ivIndex)
      iterInits.push_back(v);
  auto forOp = scf::ForOp::create(rewriter, loc, lb, ub, step, iterInits);
  for (NamedAttribute attr : loop->getDiscardableAttrs())
    forOp->setAttr(attr.getName(), attr.getValue());
  Block *body = forOp.getBody();
  if (!body->empty() && body->back().hasTrait<OpTrait::IsTerminator>())
    rewriter.eraseOp(&body->back());
  rewriter.setInsertionPointToStart(body);
  Value iv = forOp.getInductionVar();
  if (!ivType.isIndex())
    iv = counted.isUnsigned
             ? Value(arith::IndexCastUIOp::create(rewriter, loc, ivType, iv))
             : Value(arith::IndexCastOp::create(rewriter, loc, ivType, iv));
  SmallVector<Value> argValues;
  unsigned iter = 0;
  for (unsigned i = 0; i < loop.getAfter().getNumArguments(); ++i)
    argValues.push_back(
        i == counted.ivIndex ? iv : forOp.getRegionIterArgs()[iter++]);
  Block &after = loop.getAfter().front();
  rewriter.inlineBlockBefore(&after, body, body->end(), argValues);
  auto oldYield = cast<scf::YieldOp>(body->getTerminator());
  SmallVector<Value> yielded;
  for (auto [i, v] : llvm::enumerate(oldYield.getOperands()))
    if (i != counted.ivIndex)
      yielded.push_back(v);
  rewriter.setInsertionPoint(oldYield);
  scf::YieldOp::create(rewriter, oldYield.getLoc(), yielded);
  rewriter.eraseOp(oldYield);
  // Results.
  rewriter.setInsertionPointAfter(forOp);
  SmallVector<Value> results;
  iter = 0;
  for (unsigned i = 0; i < loop.getNumResults(); ++i) {
    if (i != counted.ivIndex) {
      results.push_back(forOp.getResult(iter++));
      continue;
    }
    if (loop.getResult(i).use_empty()) {
      results.push_back(Value());
      continue;
    }
    Value bound = counted.bound;
    if (counted.inclusive)
      bound = arith::AddIOp::create(
          rewriter, loc, bound,
          arith::ConstantOp::create(rewriter, loc, ivType,
                                    rewriter.getIntegerAttr(ivType, 1)));
    results.push_back(
        counted.isUnsigned
            ? Value(arith::MaxUIOp::create(rewriter, loc, init, bound))
            : Value(arith::MaxSIOp::create(rewriter, loc, init, bound)));
  }
  for (auto [oldResult, newResult] : llvm::zip(loop.getResults(), results))
    if (newResult)
      oldResult.replaceAllUsesWith(newResult);
  rewriter.eraseOp(loop);
}

struct XplNormalizeLoopsPass
    : public xpiler::impl::XplNormalizeLoopsBase<XplNormalizeLoopsPass> {
  using XplNormalizeLoopsBase::XplNormalizeLoopsBase;

  void runOnOperation() override {
    SmallVector<scf::WhileOp> loops;
    getOperation()->walk([&](scf::WhileOp loop) { loops.push_back(loop); });
    for (scf::WhileOp loop : loops)
      if (std::optional<CountedLoop> counted = matchCountedLoop(loop))
        normalize(loop, *counted);
  }
};
} // namespace
