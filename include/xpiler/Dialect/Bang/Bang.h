//===- Bang.h - bang dialect ----------------------------------------*- C++ -*-===//
//
// Public header of the `bang` dialect.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_BANG_BANG_H
#define XPILER_DIALECT_BANG_BANG_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "xpiler/Dialect/Bang/BangDialect.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Bang/BangOps.h.inc"

#endif // XPILER_DIALECT_BANG_BANG_H
