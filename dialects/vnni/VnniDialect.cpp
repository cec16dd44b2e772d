//===- VnniDialect.cpp - vnni dialect registration ---------------------------===//

#include "xpiler/Dialect/Vnni/Vnni.h"

using namespace mlir;
using namespace xpiler::vnni;

#include "xpiler/Dialect/Vnni/VnniDialect.cpp.inc"

void VnniDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Vnni/VnniOps.cpp.inc"
      >();
}
