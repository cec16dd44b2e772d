//===- HipOps.cpp - hip operations -----------------------------------------===//

#include "xpiler/Dialect/Hip/Hip.h"

using namespace mlir;
using namespace xpiler::hip;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Hip/HipOps.cpp.inc"
