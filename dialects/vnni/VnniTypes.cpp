//===- VnniTypes.cpp - vnni vector types ----------------------------------===//

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::vnni;

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Vnni/VnniTypes.cpp.inc"

unsigned xpiler::vnni::getVectorBitWidth(Type type) {
  return llvm::TypeSwitch<Type, unsigned>(type)
      .Case<M512iType, M512Type>([](auto) { return 512; })
      .Case<M256iType, M256Type>([](auto) { return 256; })
      .Case<M128iType, M128Type>([](auto) { return 128; })
      .Default([](Type) { return 0; });
}

bool xpiler::vnni::isIntegerVector(Type type) {
  return isa<M512iType, M256iType, M128iType>(type);
}

bool xpiler::vnni::isFloatVector(Type type) {
  return isa<M512Type, M256Type, M128Type>(type);
}

void VnniDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "xpiler/Dialect/Vnni/VnniTypes.cpp.inc"
      >();
}

bool xpiler::vnni::isAccessibleBuffer(MemRefType type) {
  if (type.getLayout().isIdentity())
    return true;
  SmallVector<int64_t> strides;
  int64_t offset;
  return type.getRank() == 1 &&
         succeeded(type.getStridesAndOffset(strides, offset)) &&
         strides[0] == 1;
}
