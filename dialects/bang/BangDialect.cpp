//===- BangDialect.cpp - bang dialect registration and attr checks -------===//
//
// Registers the bang dialect and verifies the discardable attributes it owns
// (`bang.kernel`, `bang.func`, `bang.device`).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace xpiler::bang;

#include "xpiler/Dialect/Bang/BangDialect.cpp.inc"

void BangDialect::initialize() {
  registerAttributes();
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Bang/BangOps.cpp.inc"
      >();
}

LogicalResult BangDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name != kKernelAttrName && name != kFuncAttrName &&
      name != kDeviceAttrName)
    return op->emitOpError() << "unknown bang attribute '" << name << "'";
  if (!isa<UnitAttr>(attr.getValue()))
    return op->emitOpError() << "'" << name << "' must be a unit attribute";
  auto func = dyn_cast<FunctionOpInterface>(op);
  if (!func)
    return op->emitOpError() << "'" << name << "' only applies to functions";
  unsigned markers = op->hasAttr(kKernelAttrName) + op->hasAttr(kFuncAttrName) +
                     op->hasAttr(kDeviceAttrName);
  if (markers > 1)
    return op->emitOpError()
           << "has more than one of bang.kernel, bang.func and bang.device";
  if (name == kKernelAttrName && func.getNumResults() != 0)
    return op->emitOpError() << "__mlu_global__ kernel must not return values";
  return success();
}
