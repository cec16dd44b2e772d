//===- Cuda.h - cuda dialect ------------------------------------*- C++ -*-===//
//
// Public header of the `cuda` dialect: the dialect, its enums, attributes,
// types and operations.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_CUDA_CUDA_H
#define XPILER_DIALECT_CUDA_CUDA_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "xpiler/Dialect/Cuda/CudaDialect.h.inc"
#include "xpiler/Dialect/Cuda/CudaEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Cuda/CudaAttributes.h.inc"

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Cuda/CudaTypes.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Cuda/CudaOps.h.inc"

#endif // XPILER_DIALECT_CUDA_CUDA_H
