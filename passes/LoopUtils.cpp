//===- LoopUtils.cpp - naming and fusing scf.for loops --------------------===//
//
// Implements xpiler/Passes/LoopUtils.h.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/LoopUtils.h"

#include "xpiler/Analysis/Dependence.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace xpiler;

bool xpiler::isParallelAttrName(StringRef name) {
  return name == "xpl.axis" || name == "xpl.mapping" ||
         name == "xpl.omp_parallel_for";
}

bool xpiler::hasParallelAttr(Operation *loop) {
  return llvm::any_of(loop->getDiscardableAttrs(), [](NamedAttribute attr) {
    return isParallelAttrName(attr.getName());
  });
}

void xpiler::dropParallelAttrs(Operation *loop) {
  for (NamedAttribute attr : llvm::to_vector(loop->getDiscardableAttrs()))
    if (isParallelAttrName(attr.getName()))
      loop->removeAttr(attr.getName());
}

StringRef xpiler::getLoopName(Operation *loop) {
  if (auto name = loop->getAttrOfType<StringAttr>(kLoopNameAttrName))
    return name.getValue();
  return "";
}

void xpiler::nameLoops(Operation *root) {
  unsigned top = 0;
  DenseMap<Operation *, unsigned> children;
  root->walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
    auto parent = loop->getParentOfType<scf::ForOp>();
    if (parent && !root->isProperAncestor(parent))
      parent = nullptr;
    std::string name;
    if (!parent)
      name = "L" + std::to_string(top++);
    else
      name = (getLoopName(parent) + "." +
              std::to_string(children[parent.getOperation()]++))
                 .str();
    loop->setAttr(kLoopNameAttrName, StringAttr::get(loop->getContext(), name));
  });
}

FailureOr<scf::ForOp> xpiler::lookupLoop(Operation *root, StringRef name,
                                         StringRef passName) {
  bool anyNamed = false;
  root->walk([&](scf::ForOp loop) {
    if (loop->hasAttr(kLoopNameAttrName))
      anyNamed = true;
  });
  if (!anyNamed)
    nameLoops(root);
  if (name.empty()) {
    root->emitError() << passName << ": no loop given (option 'loop')";
    return failure();
  }
  SmallVector<scf::ForOp> found;
  root->walk([&](scf::ForOp loop) {
    if (getLoopName(loop) == name)
      found.push_back(loop);
  });
  if (found.empty()) {
    root->emitError() << passName << ": no loop named '" << name << "'";
    return failure();
  }
  if (found.size() > 1) {
    root->emitError() << passName << ": " << found.size()
                      << " loops are named '" << name << "'";
    return failure();
  }
  return found.front();
}

void xpiler::renameNestedLoops(Operation *loop, StringRef oldPrefix,
                               StringRef newPrefix) {
  std::string prefix = (oldPrefix + ".").str();
  loop->walk([&](scf::ForOp nested) {
    if (nested.getOperation() == loop)
      return;
    StringRef name = getLoopName(nested);
    if (!name.starts_with(prefix))
      return;
    std::string renamed =
        (newPrefix + "." + name.drop_front(prefix.size())).str();
    nested->setAttr(kLoopNameAttrName,
                    StringAttr::get(loop->getContext(), renamed));
  });
}

/// Whether `a` and `b` are the same value or equal integer constants.
static bool isSameValue(Value a, Value b) {
  if (a == b)
    return true;
  APInt ca, cb;
  return matchPattern(a, m_ConstantInt(&ca)) &&
         matchPattern(b, m_ConstantInt(&cb)) &&
         ca.getBitWidth() == cb.getBitWidth() && ca == cb;
}

bool xpiler::haveSameBounds(scf::ForOp a, scf::ForOp b) {
  return isSameValue(a.getLowerBound(), b.getLowerBound()) &&
         isSameValue(a.getUpperBound(), b.getUpperBound()) &&
         isSameValue(a.getStep(), b.getStep());
}

/// An operation that can move freely: no memory effects (in its regions
/// either), not a loop.
static bool isPureOp(Operation *op) {
  return isMemoryEffectFree(op) && !isa<scf::ForOp>(op) &&
         !op->hasTrait<OpTrait::IsTerminator>();
}

scf::ForOp xpiler::getNextLoop(scf::ForOp loop) {
  for (Operation *op = loop->getNextNode(); op; op = op->getNextNode()) {
    if (auto next = dyn_cast<scf::ForOp>(op))
      return next;
    if (!isPureOp(op))
      return nullptr;
  }
  return nullptr;
}

std::string xpiler::describeOp(Operation *op) {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << "'" << op->getName() << "' at " << op->getLoc();
  return result;
}

LogicalResult xpiler::checkFusion(scf::ForOp first, scf::ForOp second,
                                  StringRef passName, bool &carried) {
  carried = false;
  if (first.getNumRegionIterArgs() || second.getNumRegionIterArgs())
    return first.emitRemark()
           << passName << ": refused: loops with iteration arguments";
  if (!haveSameBounds(first, second))
    return first.emitRemark()
           << passName << ": refused: loop '" << getLoopName(second)
           << "' has other bounds or another step";
  // Pure operations between the loops must not use the first loop.
  for (Operation *op = first->getNextNode(); op != second;
       op = op->getNextNode())
    for (Value operand : op->getOperands())
      if (operand.getDefiningOp() == first.getOperation())
        return first.emitRemark() << passName << ": refused: " << describeOp(op)
                                  << " between the loops uses the first one";
  DependenceAnalysis analysis(
      ArrayRef<Operation *>{first.getOperation(), second.getOperation()});
  if (Operation *unknown = analysis.getUnknownEffectOp())
    return first.emitRemark() << passName << ": refused: unknown memory "
                              << "effects of " << describeOp(unknown);
  for (const MemoryAccess *a : analysis.getAccessesIn(first)) {
    for (const MemoryAccess *b : analysis.getAccessesIn(second)) {
      bool exact;
      for (const DirectionVector &v :
           analysis.getDirections(*a, *b, {{first, second}}, &exact)) {
        if (v[0] == Direction::Gt)
          return first.emitRemark()
                 << passName << ": refused: fusion-preventing dependence "
                 << "from " << describeOp(a->op) << " to " << describeOp(b->op)
                 << (exact ? "" : " (assumed: subscripts not affine)")
                 << ": the second loop would access the element in an "
                    "earlier iteration";
        if (v[0] == Direction::Lt)
          carried = true;
      }
    }
  }
  return success();
}

void xpiler::fuseLoops(scf::ForOp first, scf::ForOp second, bool carried,
                       StringRef passName) {
  bool sameParallel = true;
  for (NamedAttribute attr : first->getDiscardableAttrs())
    if (isParallelAttrName(attr.getName()) &&
        second->getAttr(attr.getName()) != attr.getValue())
      sameParallel = false;
  for (NamedAttribute attr : second->getDiscardableAttrs())
    if (isParallelAttrName(attr.getName()) &&
        first->getAttr(attr.getName()) != attr.getValue())
      sameParallel = false;
  if ((carried || !sameParallel) &&
      (hasParallelAttr(first) || hasParallelAttr(second))) {
    first.emitRemark() << passName << ": the fused loop is sequential ("
                       << (carried ? "a dependence crosses iterations"
                                   : "the loops ran in parallel differently")
                       << ")";
    dropParallelAttrs(first);
  }
  // Pure operations in between go before the first loop.
  while (first->getNextNode() != second.getOperation())
    first->getNextNode()->moveBefore(first);
  second.getInductionVar().replaceAllUsesWith(first.getInductionVar());
  Block *dest = first.getBody();
  Block *src = second.getBody();
  Operation *destYield = dest->getTerminator();
  while (&src->front() != src->getTerminator())
    src->front().moveBefore(destYield);
  second.erase();
}
