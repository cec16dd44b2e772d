//===- Simplify.cpp - from the imported CFG to readable structured IR -----===//

#include "Importer.h"

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
  locateUnknownOps(module);
  return success();
}
