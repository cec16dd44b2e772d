//===- AccessModel.cpp - statements as Z3 formulas ------------------------===//

#include "AccessModel.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using llvm::Expected;

namespace xpiler::synth {

static bool isInteger(Type type) {
  return type.isIndex() || (type.isInteger() && !type.isInteger(1));
}

static llvm::Error unsupported(Operation *op, const llvm::Twine &what) {
  std::string loc;
  llvm::raw_string_ostream os(loc);
  op->getLoc().print(os);
  return llvm::createStringError(what + " (" + op->getName().getStringRef() +
                                 " at " + loc + ")");
}

std::string describeUse(OpOperand &use) {
  return "operand " + std::to_string(use.getOperandNumber()) + " of " +
         use.getOwner()->getName().getStringRef().str();
}

std::map<unsigned, std::vector<memref::StoreOp>>
collectStatements(func::FuncOp func) {
  std::map<unsigned, std::vector<memref::StoreOp>> statements;
  func.walk([&](memref::StoreOp store) {
    if (auto arg = dyn_cast<BlockArgument>(store.getMemRef()))
      if (arg.getOwner() == &func.getBody().front())
        statements[arg.getArgNumber()].push_back(store);
  });
  return statements;
}

AccessEncoder::AccessEncoder(z3::context &ctx, func::FuncOp func,
                             std::vector<std::optional<z3::expr>> params,
                             std::string prefix, HoleTable *holes,
                             bool discoverHoles,
                             std::vector<z3::expr> *holeVars,
                             const std::vector<int64_t> *holeValues)
    : ctx(ctx), func(func), params(std::move(params)),
      prefix(std::move(prefix)), holes(holes), discoverHoles(discoverHoles),
      holeVars(holeVars), holeValues(holeValues) {}

/// The loops enclosing `op`, innermost first.
static SmallVector<scf::ForOp> enclosingLoops(Operation *op) {
  SmallVector<scf::ForOp> loops;
  for (Operation *p = op->getParentOp(); p && !isa<func::FuncOp>(p);
       p = p->getParentOp())
    if (auto loop = dyn_cast<scf::ForOp>(p))
      loops.push_back(loop);
  return loops;
}

std::optional<unsigned> AccessEncoder::findOrCreateHole(OpOperand &use,
                                                        bool access) {
  if (!holes)
    return std::nullopt;
  auto it = holes->byUse.find(&use);
  if (it != holes->byUse.end())
    return it->second;
  if (!discoverHoles)
    return std::nullopt;
  Value v = use.get();
  if (!isInteger(v.getType()))
    return std::nullopt;
  Hole hole{&use, false, 0, {}};
  if (auto constant = v.getDefiningOp<arith::ConstantOp>()) {
    auto attr = dyn_cast<IntegerAttr>(constant.getValue());
    if (!attr)
      return std::nullopt;
    hole.original = attr.getValue().getSExtValue();
  } else if (auto arg = dyn_cast<BlockArgument>(v); arg && access) {
    // Index terms: the loop variables in scope and the parameters of the
    // same type.
    for (scf::ForOp loop : llvm::reverse(enclosingLoops(use.getOwner())))
      if (loop.getInductionVar().getType() == v.getType())
        hole.candidates.push_back(loop.getInductionVar());
    for (BlockArgument param : func.getArguments())
      if (param.getType() == v.getType())
        hole.candidates.push_back(param);
    auto at = llvm::find(hole.candidates, v);
    if (hole.candidates.size() < 2 || at == hole.candidates.end())
      return std::nullopt;
    hole.selector = true;
    hole.original = at - hole.candidates.begin();
  } else {
    return std::nullopt;
  }
  holes->holes.push_back(std::move(hole));
  holes->byUse[&use] = holes->holes.size() - 1;
  return holes->holes.size() - 1;
}

Expected<z3::expr> AccessEncoder::holeExpr(unsigned index) {
  const Hole &hole = holes->holes[index];
  if (!holeValues)
    while (holeVars->size() <= index)
      holeVars->push_back(
          ctx.int_const(("h" + std::to_string(holeVars->size())).c_str()));
  z3::expr choice = holeValues ? ctx.int_val((int64_t)(*holeValues)[index])
                               : (*holeVars)[index];
  if (!hole.selector)
    return choice;
  // ite(choice == 0, c0, ite(choice == 1, c1, ...)).
  Expected<z3::expr> last = value(hole.candidates.back());
  if (!last)
    return last.takeError();
  z3::expr result = *last;
  for (int i = (int)hole.candidates.size() - 2; i >= 0; --i) {
    Expected<z3::expr> candidate = value(hole.candidates[i]);
    if (!candidate)
      return candidate.takeError();
    result = z3::ite(choice == i, *candidate, result);
  }
  return result;
}

Expected<z3::expr> AccessEncoder::operand(OpOperand &use, bool access) {
  if (std::optional<unsigned> hole = findOrCreateHole(use, access))
    return holeExpr(*hole);
  bool outer = inAccess;
  inAccess = access;
  Expected<z3::expr> result = value(use.get());
  inAccess = outer;
  return result;
}

Expected<z3::expr> AccessEncoder::value(Value v) {
  auto it = memo.find(v);
  if (it != memo.end())
    return exprs[it->second];
  std::optional<z3::expr> result;
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    Operation *owner = arg.getOwner()->getParentOp();
    if (arg.getOwner() == &func.getBody().front()) {
      if (arg.getArgNumber() >= params.size() ||
          !params[arg.getArgNumber()])
        return llvm::createStringError(
            "parameter " + std::to_string(arg.getArgNumber()) +
            " is not an integer");
      result = *params[arg.getArgNumber()];
    } else if (auto loop = dyn_cast<scf::ForOp>(owner);
               loop && arg == loop.getInductionVar()) {
      result = ctx.int_const((prefix + "_iv" + std::to_string(nextIv++)).c_str());
      ivs.push_back(*result);
    } else {
      return unsupported(owner, "a value carried around a loop cannot be "
                                "modelled");
    }
  } else {
    Expected<z3::expr> encoded = opResult(cast<OpResult>(v));
    if (!encoded)
      return encoded.takeError();
    result = *encoded;
  }
  memo[v] = exprs.size();
  exprs.push_back(*result);
  return *result;
}

/// C's truncating division and remainder, for a positive divisor.
static z3::expr truncDiv(const z3::expr &a, const z3::expr &b) {
  return z3::ite(a >= 0, a / b, -((-a) / b));
}
static z3::expr truncRem(const z3::expr &a, const z3::expr &b) {
  return a - b * truncDiv(a, b);
}

Expected<z3::expr> AccessEncoder::opResult(OpResult result) {
  Operation *op = result.getOwner();
  // Operands of index arithmetic inherit whether it computes an access.
  auto arg = [&](unsigned i) {
    return operand(op->getOpOperand(i), inAccess);
  };
  auto binary = [&](auto combine) -> Expected<z3::expr> {
    Expected<z3::expr> a = arg(0);
    if (!a)
      return a.takeError();
    Expected<z3::expr> b = arg(1);
    if (!b)
      return b.takeError();
    return combine(*a, *b);
  };
  if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
    auto attr = dyn_cast<IntegerAttr>(constant.getValue());
    if (!attr)
      return unsupported(op, "a non-integer constant in index arithmetic");
    if (attr.getType().isInteger(1))
      return ctx.bool_val(attr.getValue().getBoolValue());
    return ctx.int_val((int64_t)attr.getValue().getSExtValue());
  }
  if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
          arith::ExtUIOp, arith::TruncIOp>(op))
    return arg(0);
  if (isa<arith::AddIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return a + b; });
  if (isa<arith::SubIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return a - b; });
  if (isa<arith::MulIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return a * b; });
  if (isa<arith::DivSIOp>(op))
    return binary(truncDiv);
  if (isa<arith::RemSIOp>(op))
    return binary(truncRem);
  if (isa<arith::DivUIOp, arith::FloorDivSIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return a / b; });
  if (isa<arith::RemUIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return z3::mod(a, b); });
  if (isa<arith::CeilDivSIOp, arith::CeilDivUIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return -((-a) / b); });
  if (isa<arith::MinSIOp, arith::MinUIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return z3::ite(a < b, a, b); });
  if (isa<arith::MaxSIOp, arith::MaxUIOp>(op))
    return binary([](z3::expr a, z3::expr b) { return z3::ite(a > b, a, b); });
  if (op->getNumOperands() == 2 && op->getResult(0).getType().isInteger(1) &&
      isa<arith::AndIOp, arith::OrIOp, arith::XOrIOp>(op)) {
    if (isa<arith::AndIOp>(op))
      return binary([](z3::expr a, z3::expr b) { return a && b; });
    if (isa<arith::OrIOp>(op))
      return binary([](z3::expr a, z3::expr b) { return a || b; });
    return binary([](z3::expr a, z3::expr b) { return a != b; });
  }
  if (auto cmp = dyn_cast<arith::CmpIOp>(op)) {
    using P = arith::CmpIPredicate;
    P pred = cmp.getPredicate();
    return binary([pred](z3::expr a, z3::expr b) {
      switch (pred) {
      case P::eq:
        return a == b;
      case P::ne:
        return a != b;
      case P::slt:
      case P::ult:
        return a < b;
      case P::sle:
      case P::ule:
        return a <= b;
      case P::sgt:
      case P::ugt:
        return a > b;
      case P::sge:
      case P::uge:
        return a >= b;
      }
      return a == b;
    });
  }
  if (isa<arith::SelectOp>(op)) {
    Expected<z3::expr> c = arg(0);
    if (!c)
      return c.takeError();
    Expected<z3::expr> t = arg(1);
    if (!t)
      return t.takeError();
    Expected<z3::expr> f = arg(2);
    if (!f)
      return f.takeError();
    return z3::ite(*c, *t, *f);
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    if (ifOp.getElseRegion().empty())
      return unsupported(op, "an scf.if result without else");
    Expected<z3::expr> c = operand(ifOp->getOpOperand(0), false);
    if (!c)
      return c.takeError();
    unsigned n = result.getResultNumber();
    Expected<z3::expr> t =
        operand(ifOp.thenYield()->getOpOperand(n), false);
    if (!t)
      return t.takeError();
    Expected<z3::expr> f =
        operand(ifOp.elseYield()->getOpOperand(n), false);
    if (!f)
      return f.takeError();
    return z3::ite(*c, *t, *f);
  }
  return unsupported(op, "cannot model this operation in index arithmetic");
}

llvm::Error AccessEncoder::collectLoads(Value v,
                                        std::vector<memref::LoadOp> &loads,
                                        llvm::DenseSet<Operation *> &seen) {
  Operation *def = v.getDefiningOp();
  if (!def || !seen.insert(def).second)
    return llvm::Error::success();
  // Values computed by a loop or a branch are summarised by their own
  // statements; only the straight-line slice is part of this tuple.
  if (def->getNumRegions())
    return llvm::Error::success();
  for (Value operand : def->getOperands())
    if (llvm::Error error = collectLoads(operand, loads, seen))
      return error;
  if (auto load = dyn_cast<memref::LoadOp>(def))
    loads.push_back(load);
  return llvm::Error::success();
}

Expected<StatementFormula> AccessEncoder::encode(memref::StoreOp store) {
  ivs.clear();
  z3::expr domain = ctx.bool_val(true);
  // Enclosing loops and branches, outermost last.
  Operation *child = store;
  for (Operation *p = store->getParentOp(); p && !isa<func::FuncOp>(p);
       child = p, p = p->getParentOp()) {
    if (auto loop = dyn_cast<scf::ForOp>(p)) {
      Expected<z3::expr> iv = value(loop.getInductionVar());
      if (!iv)
        return iv.takeError();
      Expected<z3::expr> lb = operand(loop->getOpOperand(0), false);
      if (!lb)
        return lb.takeError();
      Expected<z3::expr> ub = operand(loop->getOpOperand(1), false);
      if (!ub)
        return ub.takeError();
      Expected<z3::expr> step = operand(loop->getOpOperand(2), false);
      if (!step)
        return step.takeError();
      domain = domain && *lb <= *iv && *iv < *ub && *step >= 1;
      if (step->is_numeral()) {
        domain = domain && z3::mod(*iv - *lb, *step) == 0;
      } else {
        // A step Z3 chooses: iv = lb + step * trip, without a modulus by a
        // variable (which Z3 decides poorly); the trip count is one more
        // variable of the iteration vector.
        z3::expr trip = ctx.int_const(
            (prefix + "_trip" + std::to_string(nextIv++)).c_str());
        ivs.push_back(trip);
        domain = domain && trip >= 0 && *iv == *lb + *step * trip;
      }
      continue;
    }
    if (auto ifOp = dyn_cast<scf::IfOp>(p)) {
      Expected<z3::expr> c = operand(ifOp->getOpOperand(0), false);
      if (!c)
        return c.takeError();
      bool inThen = child->getParentRegion() == &ifOp.getThenRegion();
      domain = domain && (inThen ? *c : !*c);
      continue;
    }
    return unsupported(p, "only scf.for and scf.if can enclose a statement");
  }
  std::vector<z3::expr> tuple;
  for (OpOperand &index : store.getIndicesMutable()) {
    Expected<z3::expr> e = operand(index, true);
    if (!e)
      return e.takeError();
    tuple.push_back(*e);
  }
  std::vector<memref::LoadOp> loads;
  llvm::DenseSet<Operation *> seen;
  if (llvm::Error error = collectLoads(store.getValue(), loads, seen))
    return std::move(error);
  for (memref::LoadOp load : loads) {
    // Which buffer is part of the tuple: loads of different buffers differ.
    int64_t buffer = -1;
    if (auto arg = dyn_cast<BlockArgument>(load.getMemRef()))
      if (arg.getOwner() == &func.getBody().front())
        buffer = arg.getArgNumber();
    tuple.push_back(ctx.int_val(buffer));
    for (OpOperand &index : load.getIndicesMutable()) {
      Expected<z3::expr> e = operand(index, true);
      if (!e)
        return e.takeError();
      tuple.push_back(*e);
    }
  }
  return StatementFormula{domain, std::move(tuple), ivs};
}

} // namespace xpiler::synth
