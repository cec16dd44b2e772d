//===- GpuMatrixRuntime.cpp - reference semantics (to be written) --------------===//

#include "Runtime.h"

void xpiler::exec::rt::appendGpuMatrixRuntimeSymbols(
    std::vector<RuntimeSymbol> &) {}
