//===- Vnni.h - vnni dialect ----------------------------------------*- C++ -*-===//
//
// Public header of the `vnni` dialect.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_VNNI_VNNI_H
#define XPILER_DIALECT_VNNI_VNNI_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"

#include "xpiler/Dialect/Vnni/VnniDialect.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Vnni/VnniOps.h.inc"

#endif // XPILER_DIALECT_VNNI_VNNI_H
