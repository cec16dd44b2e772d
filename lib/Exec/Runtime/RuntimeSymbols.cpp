//===- RuntimeSymbols.cpp - every runtime function the JIT resolves -------===//

#include "Runtime.h"

std::vector<xpiler::exec::rt::RuntimeSymbol>
xpiler::exec::rt::getRuntimeSymbols() {
  std::vector<RuntimeSymbol> symbols;
  appendCoreRuntimeSymbols(symbols);
  appendGpuRuntimeSymbols(symbols);
  appendGpuMatrixRuntimeSymbols(symbols);
  appendBangRuntimeSymbols(symbols);
  appendVnniRuntimeSymbols(symbols);
  return symbols;
}
