//===- BangRuntime.cpp - reference semantics (to be written) --------------===//

#include "Runtime.h"

void xpiler::exec::rt::appendBangRuntimeSymbols(
    std::vector<RuntimeSymbol> &) {}
