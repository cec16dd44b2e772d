//===- Vnni.h - vnni dialect ------------------------------------*- C++ -*-===//
//
// Public header of the `vnni` dialect (C++ with Intel AVX-512 / DL Boost VNNI
// intrinsics): the dialect, its vector types, enums, attributes and
// operations.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_DIALECT_VNNI_VNNI_H
#define XPILER_DIALECT_VNNI_VNNI_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "xpiler/Dialect/Vnni/VnniDialect.h.inc"
#include "xpiler/Dialect/Vnni/VnniEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Vnni/VnniAttributes.h.inc"

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Vnni/VnniTypes.h.inc"

namespace xpiler::vnni {

/// Bit width (128, 256 or 512) of a vnni vector type; 0 for any other type.
unsigned getVectorBitWidth(mlir::Type type);

/// Whether `type` is `!vnni.m512i`, `!vnni.m256i` or `!vnni.m128i`.
bool isIntegerVector(mlir::Type type);

/// Whether `type` is `!vnni.m512`, `!vnni.m256` or `!vnni.m128`.
bool isFloatVector(mlir::Type type);

/// Whether a memory access may start in `type`: the identity (row-major,
/// contiguous) layout, or a 1-D view with unit stride and any offset (a
/// pointer `p + k` passed to a helper).
bool isAccessibleBuffer(mlir::MemRefType type);

/// Whether `name` is a known AVX-512 target feature (GCC/Clang spelling,
/// e.g. `avx512f`, `avx512vnni`).
bool isKnownAvx512Feature(llvm::StringRef name);

} // namespace xpiler::vnni

#define GET_OP_CLASSES
#include "xpiler/Dialect/Vnni/VnniOps.h.inc"

#endif // XPILER_DIALECT_VNNI_VNNI_H
