//===- Hip.h - hip dialect --------------------------------------*- C++ -*-===//
//
// Public header of the `hip` dialect: the dialect, its enums, attributes,
// types and operations.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_HIP_HIP_H
#define XPILER_DIALECT_HIP_HIP_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "xpiler/Dialect/Hip/HipDialect.h.inc"
#include "xpiler/Dialect/Hip/HipEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Hip/HipAttributes.h.inc"

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Hip/HipTypes.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Hip/HipOps.h.inc"

#endif // XPILER_DIALECT_HIP_HIP_H
