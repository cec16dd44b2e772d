//===- Bang.h - bang dialect ------------------------------------*- C++ -*-===//
//
// Public header of the `bang` dialect (Cambricon BANG C): the dialect, its
// enums, attributes, types and operations.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_BANG_BANG_H
#define XPILER_DIALECT_BANG_BANG_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "xpiler/Dialect/Bang/BangDialect.h.inc"
#include "xpiler/Dialect/Bang/BangEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Bang/BangAttributes.h.inc"

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Bang/BangTypes.h.inc"

#define GET_OP_CLASSES
#include "xpiler/Dialect/Bang/BangOps.h.inc"

namespace xpiler::bang {

/// The BANG memory space of a memref type: std::nullopt for a memref without
/// memory space (host memory) or with a memory space of another dialect.
std::optional<MemorySpace> getMemorySpace(mlir::Type type);

/// The memory spaces a `__memcpy` direction copies from and to.
std::pair<MemorySpace, MemorySpace> getMemcpySpaces(MemcpyDir dir);

} // namespace xpiler::bang

#endif // XPILER_DIALECT_BANG_BANG_H
