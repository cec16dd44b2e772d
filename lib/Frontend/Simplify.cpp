//===- Simplify.cpp - from the imported CFG to readable structured IR -----===//

#include "Importer.h"
#include "xpiler/Dialect/Xpl/Xpl.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include "mlir/Conversion/ControlFlowToSCF/ControlFlowToSCF.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;

/// Folding and CSE give merged constants an unknown location; they take the
/// location of their first user instead, so that every op points into the
/// source.
static void locateUnknownOps(ModuleOp module) {
  module.walk([](Operation *op) {
    if (!isa<UnknownLoc>(op->getLoc()))
      return;
    for (Value result : op->getResults())
      for (Operation *user : result.getUsers())
        if (!isa<UnknownLoc>(user->getLoc())) {
          op->setLoc(user->getLoc());
          return;
        }
    if (Operation *parent = op->getParentOp())
      op->setLoc(parent->getLoc());
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
      if (isa<scf::ForOp, scf::WhileOp>(op) && op->getLoc() == call.getLoc()) {
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
                op->getLoc() == call.getLoc();
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

LogicalResult xpiler::simplifyImportedModule(ModuleOp module) {
  if (failed(verify(module)))
    return failure();
  PassManager pm(module.getContext());
  OpPassManager &func = pm.nest<func::FuncOp>();
  // Drop blocks made unreachable by break/continue/return first, so that
  // mem2reg sees every load dominated by a store.
  func.addPass(createCanonicalizerPass());
  func.addPass(createMem2Reg());
  func.addPass(createCanonicalizerPass());
  pm.addPass(createLiftControlFlowToSCFPass());
  OpPassManager &cleanup = pm.nest<func::FuncOp>();
  cleanup.addPass(createCanonicalizerPass());
  cleanup.addPass(createCSEPass());
  if (failed(pm.run(module)))
    return failure();
  if (failed(attachOmpClauses(module)))
    return failure();
  locateUnknownOps(module);
  return success();
}
