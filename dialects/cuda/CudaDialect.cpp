//===- CudaDialect.cpp - cuda dialect registration ---------------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"

using namespace mlir;
using namespace xpiler::cuda;

#include "xpiler/Dialect/Cuda/CudaDialect.cpp.inc"

void CudaDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Cuda/CudaOps.cpp.inc"
      >();
}
