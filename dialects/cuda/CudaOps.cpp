//===- CudaOps.cpp - cuda operations -----------------------------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"

using namespace mlir;
using namespace xpiler::cuda;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Cuda/CudaOps.cpp.inc"
