//===- ToolContext.cpp - the MLIR context of xpiler's commands ------------===//

#include "ToolContext.h"

#include "xpiler/Exec/Lowering.h"
#include "xpiler/Frontend/Import.h"
#include "xpiler/InitAll.h"
#include "xpiler/Target/Export.h"

#include "mlir/IR/DialectRegistry.h"

std::unique_ptr<mlir::MLIRContext> xpiler::createToolContext() {
  mlir::DialectRegistry registry;
  registerImportDialects(registry);
  registerExportDialects(registry);
  exec::registerExecutionDialects(registry);
  registerAllDialects(registry);
  registerUpstreamDialects(registry);
  auto context = std::make_unique<mlir::MLIRContext>(registry);
  context->loadAllAvailableDialects();
  context->printOpOnDiagnostic(false);
  return context;
}
