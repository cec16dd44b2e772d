//===- GpuMatrixExec.cpp - wmma and mfma for the oracle (to be written) ---===//

#include "ExecPatterns.h"

using namespace mlir;

void xpiler::exec::populateGpuMatrixExecPatterns(LLVMTypeConverter &,
                                                 RewritePatternSet &,
                                                 LocationTable &) {}
