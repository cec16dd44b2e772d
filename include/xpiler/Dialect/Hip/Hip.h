//===- Hip.h - hip dialect ----------------------------------------*- C++ -*-===//
//
// Public header of the `hip` dialect.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_HIP_HIP_H
#define XPILER_DIALECT_HIP_HIP_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "xpiler/Dialect/Hip/HipDialect.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Hip/HipOps.h.inc"

#endif // XPILER_DIALECT_HIP_HIP_H
