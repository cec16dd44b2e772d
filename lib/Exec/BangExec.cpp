//===- BangExec.cpp - Bang ops for the oracle (to be written) ----------------===//

#include "ExecPatterns.h"

using namespace mlir;

void xpiler::exec::addBangTypeConversions(LLVMTypeConverter &) {}
void xpiler::exec::populateBangExecPatterns(LLVMTypeConverter &,
                                           RewritePatternSet &,
                                           LocationTable &) {}
