//===- VnniAttributes.cpp - vnni enum attributes --------------------------===//

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::vnni;

#include "xpiler/Dialect/Vnni/VnniEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Vnni/VnniAttributes.cpp.inc"

void VnniDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "xpiler/Dialect/Vnni/VnniAttributes.cpp.inc"
      >();
}
