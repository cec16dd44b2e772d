//===- Lowering.cpp - lower xpiler programs to the LLVM dialect -----------===//
//
// The oracle's lowering: runtime checks on accesses and divisions, strided
// metadata and affine maps expanded, scf lowered to cf, then one conversion
// to the LLVM dialect with upstream patterns and every xpiler dialect's
// execution patterns (GpuExec.cpp, GpuMatrixExec.cpp, BangExec.cpp,
// VnniExec.cpp). An op nobody lowers is an error naming it.
//
//===----------------------------------------------------------------------===//

#include "BoundsChecks.h"
#include "ExecPatterns.h"
#include "xpiler/InitAll.h"

#include "mlir/Conversion/AffineToStandard/AffineToStandard.h"
#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/LLVMCommon/ConversionTarget.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MathToLibm/MathToLibm.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/ReconcileUnrealizedCasts/ReconcileUnrealizedCasts.h"
#include "mlir/Conversion/SCFToControlFlow/SCFToControlFlow.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Conversion/VectorToLLVM/ConvertVectorToLLVM.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Transforms/DialectConversion.h"

using namespace mlir;
using namespace xpiler::exec;

/// Whether `name` is a discardable attribute of one of xpiler's dialects.
static bool isXpilerAttribute(StringRef name) {
  return name.starts_with("xpl.") || name.starts_with("cuda.") ||
         name.starts_with("hip.") || name.starts_with("bang.") ||
         name.starts_with("vnni.");
}

/// Drops xpiler's discardable attributes (launch descriptions, kernel
/// markers, target features): they describe the source, the JIT has no use
/// for them, and LLVM IR translation would reject them.
static void stripXpilerAttributes(ModuleOp module, bool argumentsOnly) {
  module.walk([&](Operation *op) {
    SmallVector<StringAttr> names;
    for (NamedAttribute attr : op->getDiscardableAttrs())
      if (!argumentsOnly && isXpilerAttribute(attr.getName().getValue()))
        names.push_back(attr.getName());
    for (StringAttr name : names)
      op->removeDiscardableAttr(name);
    if (auto fn = dyn_cast<FunctionOpInterface>(op)) {
      for (unsigned i = 0, e = fn.getNumArguments(); i < e; ++i)
        for (NamedAttribute attr :
             SmallVector<NamedAttribute>(fn.getArgAttrs(i)))
          if (isXpilerAttribute(attr.getName().getValue()))
            fn.removeArgAttr(i, attr.getName());
    }
  });
}

LogicalResult xpiler::exec::lowerForExecution(ModuleOp module,
                                              LocationTable &locations) {
  MLIRContext *ctx = module.getContext();
  // Kernel markers stay until the dialect ops that verify them are gone.
  stripXpilerAttributes(module, /*argumentsOnly=*/true);
  insertRuntimeChecks(module, locations);

  PassManager pm(ctx);
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(arith::createArithExpandOpsPass());
  pm.addPass(createSCFToControlFlowPass());
  // Math functions call libm (erf and tanh have no LLVM intrinsic).
  pm.addPass(createConvertMathToLibmPass());
  if (failed(pm.run(module)))
    return failure();

  LowerToLLVMOptions options(ctx);
  LLVMTypeConverter converter(ctx, options);
  addGpuTypeConversions(converter);
  addBangTypeConversions(converter);
  addVnniTypeConversions(converter);

  RewritePatternSet patterns(ctx);
  populateCudaExecPatterns(converter, patterns, locations);
  populateHipExecPatterns(converter, patterns, locations);
  populateGpuMatrixExecPatterns(converter, patterns, locations);
  populateBangExecPatterns(converter, patterns, locations);
  populateVnniExecPatterns(converter, patterns, locations);
  populateMathToLLVMConversionPatterns(converter, patterns);
  arith::populateArithToLLVMConversionPatterns(converter, patterns);
  index::populateIndexToLLVMConversionPatterns(converter, patterns);
  populateFinalizeMemRefToLLVMConversionPatterns(converter, patterns);
  cf::populateControlFlowToLLVMConversionPatterns(converter, patterns);
  populateFuncToLLVMConversionPatterns(converter, patterns);
  populateVectorToLLVMConversionPatterns(converter, patterns);
  ub::populateUBToLLVMConversionPatterns(converter, patterns);

  LLVMConversionTarget target(*ctx);
  target.addLegalOp<ModuleOp>();
  if (failed(applyPartialConversion(module, target, std::move(patterns))))
    return failure();

  PassManager cleanup(ctx);
  cleanup.addPass(createReconcileUnrealizedCastsPass());
  if (failed(cleanup.run(module)))
    return failure();

  // Anything left has no execution semantics yet.
  WalkResult result = module.walk([](Operation *op) {
    if (isa<ModuleOp>(op) || isa<LLVM::LLVMDialect>(op->getDialect()))
      return WalkResult::advance();
    op->emitError() << "the oracle cannot run '" << op->getName()
                    << "': no execution semantics for it";
    return WalkResult::interrupt();
  });
  if (result.wasInterrupted())
    return failure();
  stripXpilerAttributes(module, /*argumentsOnly=*/false);
  return success();
}

void xpiler::exec::registerExecutionDialects(DialectRegistry &registry) {
  registerAllDialects(registry);
  registerUpstreamDialects(registry);
  registry.insert<LLVM::LLVMDialect>();
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
}
