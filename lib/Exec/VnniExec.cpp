//===- VnniExec.cpp - Vnni ops for the oracle (to be written) ----------------===//

#include "ExecPatterns.h"

using namespace mlir;

void xpiler::exec::addVnniTypeConversions(LLVMTypeConverter &) {}
void xpiler::exec::populateVnniExecPatterns(LLVMTypeConverter &,
                                           RewritePatternSet &,
                                           LocationTable &) {}
