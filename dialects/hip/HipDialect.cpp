//===- HipDialect.cpp - hip dialect registration ---------------------------===//

#include "xpiler/Dialect/Hip/Hip.h"

using namespace mlir;
using namespace xpiler::hip;

#include "xpiler/Dialect/Hip/HipDialect.cpp.inc"

void HipDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Hip/HipOps.cpp.inc"
      >();
}
