//===- XpilerPlugin.cpp - xpiler as an mlir-opt plugin ---------------------===//
//
// Entry points that `mlir-opt --load-dialect-plugin` and `--load-pass-plugin`
// look up, registering xpiler's dialects and passes into a stock mlir-opt.
//
//===----------------------------------------------------------------------===//

#include "xpiler/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Xpiler", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            xpiler::registerAllDialects(*registry);
          }};
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "Xpiler", LLVM_VERSION_STRING,
          [] { xpiler::registerAllPasses(); }};
}
