//===- Simplify.cpp - from the imported CFG to readable structured IR -----===//
//
// mem2reg promotes the slots of locals to SSA values, lift-cf-to-scf turns
// the CFG into scf.while / scf.if, canonicalization and CSE clean up.
//
// Variable names survive for the emitters: the importer gives each slot
// and parameter a NameLoc, which mem2reg hands on to the block arguments it
// creates; loop headers become scf.while regions and keep their arguments,
// but the arguments of the other join blocks become results of the scf.if
// (or similar) that replaces them. Those are marked before lifting (an
// `unrealized_conversion_cast %arg, %arg` carrying the name, which nothing
// folds) and the names are put back afterwards:
//   - a block argument gets NameLoc(name, its location);
//   - a single-result op gets NameLoc(name, its location);
//   - an op with several results gets a FusedLoc with metadata "results"
//     whose locations are, in result order, NameLoc(name, location) or the
//     plain location of an unnamed result (the op keeps its FileLineColLoc
//     in every case).
// scf.while after-region arguments and results take the names of the
// values `scf.condition` forwards. Ops left without a location by
// canonicalization (merged constants) take their first user's.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"
#include "xpiler/Dialect/Xpl/Xpl.h"

#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

/// The attribute of the name markers.
static constexpr llvm::StringLiteral kNameAttr = "xpiler.name";

/// Marks the named arguments of the blocks that are not loop headers.
static void markJoinArguments(func::FuncOp func) {
  if (func.isExternal())
    return;
  DominanceInfo dominance(func);
  for (Block &block : func.getBody()) {
    if (block.isEntryBlock() || block.getNumArguments() == 0)
      continue;
    if (llvm::any_of(block.getPredecessors(), [&](Block *pred) {
          return dominance.dominates(&block, pred);
        }))
      continue; // a loop header: becomes an scf.while region with its args
    for (BlockArgument arg : block.getArguments()) {
      auto name = dyn_cast<NameLoc>(arg.getLoc());
      if (!name)
        continue;
      OpBuilder b = OpBuilder::atBlockBegin(&block);
      auto marker = b.create<UnrealizedConversionCastOp>(
          arg.getLoc(), arg.getType(), ValueRange{arg, arg});
      marker->setAttr(kNameAttr, name.getName());
      arg.replaceAllUsesExcept(marker.getResult(0), marker);
    }
  }
}

/// Names the value of each variable that is assigned once (its slot has one
/// store): mem2reg then leaves the named op in the slot's place, and the
/// emitters print `int lane = …` instead of a numbered temporary.
static void nameSingleAssignments(func::FuncOp func) {
  func.walk([](memref::AllocaOp slot) {
    auto name = dyn_cast<NameLoc>(slot.getLoc());
    if (!name || slot.getType().getRank() != 0)
      return;
    memref::StoreOp store;
    for (Operation *user : slot->getUsers()) {
      auto s = dyn_cast<memref::StoreOp>(user);
      if (!s)
        continue;
      if (store)
        return; // assigned more than once: a join names it, if anything
      store = s;
    }
    if (!store || store.getMemRef() != slot.getResult())
      return;
    Operation *def = store.getValueToStore().getDefiningOp();
    if (!def || def->getNumResults() != 1 ||
        def->hasTrait<OpTrait::ConstantLike>() || isa<NameLoc>(def->getLoc()) ||
        (isa<FusedLoc>(def->getLoc()) &&
         cast<FusedLoc>(def->getLoc()).getMetadata()) ||
        isa<memref::LoadOp>(def))
      return;
    def->setLoc(NameLoc::get(name.getName(), def->getLoc()));
  });
}

static StringAttr getName(Value v) {
  if (auto name = dyn_cast<NameLoc>(v.getLoc()))
    return name.getName();
  return {};
}

static void setName(BlockArgument arg, StringAttr name) {
  if (name && !isa<NameLoc>(arg.getLoc()))
    arg.setLoc(NameLoc::get(name, arg.getLoc()));
}

/// Puts the marked names back, and names scf.while arguments and results
/// after the values scf.condition forwards.
static void restoreNames(ModuleOp module) {
  SmallVector<UnrealizedConversionCastOp> markers;
  module.walk([&](UnrealizedConversionCastOp op) {
    if (op->hasAttr(kNameAttr))
      markers.push_back(op);
  });
  // Names of op results, in the order the ops are first met.
  llvm::MapVector<Operation *, SmallVector<StringAttr>> resultNames;
  auto nameResult = [&](OpResult result, StringAttr name) {
    Operation *op = result.getOwner();
    if (!name || op->hasTrait<OpTrait::ConstantLike>())
      return;
    SmallVector<StringAttr> &names = resultNames[op];
    names.resize(op->getNumResults());
    if (!names[result.getResultNumber()])
      names[result.getResultNumber()] = name;
  };
  for (UnrealizedConversionCastOp marker : markers) {
    Value v = marker.getOperand(0);
    auto name = marker->getAttrOfType<StringAttr>(kNameAttr);
    if (auto arg = dyn_cast<BlockArgument>(v))
      setName(arg, name);
    else
      nameResult(cast<OpResult>(v), name);
    marker.getResult(0).replaceAllUsesWith(v);
    marker.erase();
  }
  module.walk([&](scf::WhileOp loop) {
    scf::ConditionOp cond = loop.getConditionOp();
    for (auto [i, forwarded] : llvm::enumerate(cond.getArgs())) {
      StringAttr name = getName(forwarded);
      if (!name)
        continue;
      setName(loop.getAfterArguments()[i], name);
      nameResult(loop->getResult(i), name);
    }
  });
  for (auto &[op, names] : resultNames) {
    Location l = op->getLoc();
    if (isa<NameLoc>(l) ||
        (isa<FusedLoc>(l) && cast<FusedLoc>(l).getMetadata()))
      continue;
    if (op->getNumResults() == 1) {
      op->setLoc(NameLoc::get(names[0], l));
      continue;
    }
    SmallVector<Location> locs;
    for (StringAttr name : names)
      locs.push_back(name ? Location(NameLoc::get(name, l)) : l);
    op->setLoc(FusedLoc::get(op->getContext(), locs,
                             StringAttr::get(op->getContext(), "results")));
  }
}

/// The source position in `l`, without names.
static Location getSourceLoc(Location l) {
  if (auto name = dyn_cast<NameLoc>(l))
    return getSourceLoc(name.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(l);
      fused && fused.getMetadata() && !fused.getLocations().empty())
    return getSourceLoc(fused.getLocations().front());
  return l;
}

/// Canonicalization gives the constants it merges (and mem2reg its poison
/// values) an unknown location: they take that of their first user, so that
/// every op keeps a source position.
static void locateUnknownOps(ModuleOp module) {
  module.walk([](Operation *op) {
    for (Value operand : op->getOperands())
      if (Operation *def = operand.getDefiningOp();
          def && isa<UnknownLoc>(def->getLoc()))
        def->setLoc(getSourceLoc(op->getLoc()));
  });
  module.walk([](func::FuncOp func) {
    func.walk([&](Operation *op) {
      if (isa<UnknownLoc>(op->getLoc()))
        op->setLoc(func.getLoc());
    });
  });
}

/// Moves the clauses of every `#pragma omp parallel for` marker onto the
/// structured loop it stands before (the first scf.for/scf.while after it in
/// its block with the source loop's location) as `xpl.omp_parallel_for`,
/// then erases the markers. A marker whose loop the cleanups removed (it
/// never runs) marks nothing.
static LogicalResult attachOmpClauses(ModuleOp module) {
  auto marker = module.lookupSymbol<func::FuncOp>(xpiler::kOmpMarkerName);
  if (!marker)
    return success();
  SmallVector<func::CallOp> calls;
  module.walk([&](func::CallOp call) {
    if (call.getCallee() == xpiler::kOmpMarkerName)
      calls.push_back(call);
  });
  for (func::CallOp call : calls) {
    Operation *loop = nullptr;
    for (Operation *op = call->getNextNode(); op; op = op->getNextNode())
      if (isa<scf::ForOp, scf::WhileOp>(op) &&
          getSourceLoc(op->getLoc()) == getSourceLoc(call.getLoc())) {
        loop = op;
        break;
      }
    if (loop) {
      loop->setAttr(xpiler::xpl::XplDialect::kOmpParallelForAttrName,
                    call->getAttr(xpiler::kOmpMarkerAttrName));
    } else {
      bool kept = false;
      call->getParentOfType<func::FuncOp>().walk([&](Operation *op) {
        kept |= isa<scf::ForOp, scf::WhileOp>(op) &&
                getSourceLoc(op->getLoc()) == getSourceLoc(call.getLoc());
      });
      if (kept)
        return emitError(call.getLoc())
               << "the loop under '#pragma omp parallel for' did not become "
                  "a structured loop";
    }
    call.erase();
  }
  marker.erase();
  return success();
}

/// Whether `v` is 0 on every path: a constant, or a result of scf.if whose
/// branches both yield 0 (depth-limited).
static bool isZeroOnEveryPath(Value v, unsigned depth = 0) {
  if (std::optional<int64_t> c = getConstantIntValue(v))
    return *c == 0;
  auto result = dyn_cast<OpResult>(v);
  auto ifOp = result ? dyn_cast<scf::IfOp>(result.getOwner()) : scf::IfOp();
  if (!ifOp || !ifOp.elseBlock() || depth > 16)
    return false;
  unsigned i = result.getResultNumber();
  return isZeroOnEveryPath(ifOp.thenYield().getOperand(i), depth + 1) &&
         isZeroOnEveryPath(ifOp.elseYield().getOperand(i), depth + 1);
}

/// Erases the importer's checks that a reassigned pointer passed as a buffer
/// is at offset 0 (`cf.assert (offset == 0)`) where every path gives 0.
void xpiler::removeTrivialAsserts(ModuleOp module) {
  SmallVector<cf::AssertOp> trivial;
  module.walk([&](cf::AssertOp op) {
    auto cmp = op.getArg().getDefiningOp<arith::CmpIOp>();
    if (cmp && cmp.getPredicate() == arith::CmpIPredicate::eq &&
        isZeroOnEveryPath(cmp.getLhs()) && isZeroOnEveryPath(cmp.getRhs()))
      trivial.push_back(op);
  });
  for (cf::AssertOp op : trivial) {
    Operation *cmp = op.getArg().getDefiningOp();
    op.erase();
    if (cmp->use_empty())
      cmp->erase();
  }
}

LogicalResult xpiler::simplifyImportedModule(ModuleOp module) {
  if (failed(verify(module)))
    return failure();
  for (auto f : module.getOps<func::FuncOp>())
    nameSingleAssignments(f);
  PassManager promote(module.getContext());
  OpPassManager &func = promote.nest<func::FuncOp>();
  // Drop blocks made unreachable by break/continue/return first, so that
  // mem2reg sees every load dominated by a store.
  func.addPass(createCanonicalizerPass());
  func.addPass(createMem2Reg());
  if (failed(promote.run(module)))
    return failure();
  // Before canonicalization, which already turns some join arguments into
  // selects.
  for (auto f : module.getOps<func::FuncOp>())
    markJoinArguments(f);
  PassManager structure(module.getContext());
  structure.nest<func::FuncOp>().addPass(createCanonicalizerPass());
  structure.addPass(createLiftControlFlowToSCFPass());
  OpPassManager &cleanup = structure.nest<func::FuncOp>();
  cleanup.addPass(createCanonicalizerPass());
  cleanup.addPass(createCSEPass());
  if (failed(structure.run(module)))
    return failure();
  restoreNames(module);
  if (failed(attachOmpClauses(module)))
    return failure();
  locateUnknownOps(module);
  return success();
}
