//===- HipTypes.cpp - hip types -------------------------------------------===//

#include "xpiler/Dialect/Hip/Hip.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::hip;

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Hip/HipTypes.cpp.inc"

void HipDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "xpiler/Dialect/Hip/HipTypes.cpp.inc"
      >();
}
