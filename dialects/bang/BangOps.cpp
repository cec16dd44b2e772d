//===- BangOps.cpp - bang operations -----------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"

using namespace mlir;
using namespace xpiler::bang;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Bang/BangOps.cpp.inc"
