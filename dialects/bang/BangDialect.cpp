//===- BangDialect.cpp - bang dialect registration ---------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"

using namespace mlir;
using namespace xpiler::bang;

#include "xpiler/Dialect/Bang/BangDialect.cpp.inc"

void BangDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Bang/BangOps.cpp.inc"
      >();
}
