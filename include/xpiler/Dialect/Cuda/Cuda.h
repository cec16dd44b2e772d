//===- Cuda.h - cuda dialect ----------------------------------------*- C++ -*-===//
//
// Public header of the `cuda` dialect.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_CUDA_CUDA_H
#define XPILER_DIALECT_CUDA_CUDA_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "xpiler/Dialect/Cuda/CudaDialect.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Cuda/CudaOps.h.inc"

#endif // XPILER_DIALECT_CUDA_CUDA_H
