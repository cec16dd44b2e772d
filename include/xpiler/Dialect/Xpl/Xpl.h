//===- Xpl.h - xpiler core dialect ------------------------------*- C++ -*-===//
//
// Public header of the `xpl` dialect: the dialect, its enums, attributes and
// operations.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_XPL_XPL_H
#define XPILER_DIALECT_XPL_XPL_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "xpiler/Dialect/Xpl/XplDialect.h.inc"
#include "xpiler/Dialect/Xpl/XplEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Xpl/XplAttributes.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Xpl/XplOps.h.inc"

#endif // XPILER_DIALECT_XPL_XPL_H
