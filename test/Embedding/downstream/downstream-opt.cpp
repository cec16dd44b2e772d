//===- downstream-opt.cpp - a compiler that embeds xpiler -----------------===//
//
// Registers only the upstream func dialect itself and takes everything else
// from xpiler's public API, then runs passes like mlir-opt.
//
//===----------------------------------------------------------------------===//

#include "xpiler/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  xpiler::registerAllPasses();
  mlir::DialectRegistry registry;
  xpiler::registerUpstreamDialects(registry);
  xpiler::registerAllDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "downstream compiler\n", registry));
}
