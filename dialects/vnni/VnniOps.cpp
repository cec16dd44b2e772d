//===- VnniOps.cpp - vnni operations -----------------------------------------===//

#include "xpiler/Dialect/Vnni/Vnni.h"

using namespace mlir;
using namespace xpiler::vnni;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Vnni/VnniOps.cpp.inc"
