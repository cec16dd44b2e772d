//===- xpiler-opt.cpp - xpiler's mlir-opt ---------------------------------===//
//
// Runs xpiler and upstream passes on MLIR files, like mlir-opt.
//
//===----------------------------------------------------------------------===//

#include "xpiler/InitAll.h"
#include "xpiler/Synth/TestPasses.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  xpiler::registerAllPasses();
  xpiler::synth::registerTestSynthPasses();

  mlir::DialectRegistry registry;
  xpiler::registerUpstreamDialects(registry);
  xpiler::registerAllDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "xpiler optimizer driver\n", registry));
}
