//===- VnniRuntime.cpp - reference semantics (to be written) --------------===//

#include "Runtime.h"

void xpiler::exec::rt::appendVnniRuntimeSymbols(
    std::vector<RuntimeSymbol> &) {}
