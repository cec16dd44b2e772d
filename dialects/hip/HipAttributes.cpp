//===- HipAttributes.cpp - hip enums and attributes -----------------------===//

#include "xpiler/Dialect/Hip/Hip.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::hip;

#include "xpiler/Dialect/Hip/HipEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Hip/HipAttributes.cpp.inc"

void HipDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "xpiler/Dialect/Hip/HipAttributes.cpp.inc"
      >();
}
