//===- CudaDialect.cpp - cuda dialect registration and attr checks --------===//
//
// Registers the cuda dialect and verifies the discardable function
// attributes it owns (`cuda.kernel`, `cuda.device`, `cuda.host`,
// `cuda.launch_bounds`).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace xpiler::cuda;

#include "xpiler/Dialect/Cuda/CudaDialect.cpp.inc"

void CudaDialect::initialize() {
  registerAttributes();
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Cuda/CudaOps.cpp.inc"
      >();
}

LogicalResult CudaDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name == kKernelAttrName || name == kDeviceAttrName ||
      name == kHostAttrName) {
    if (!isa<UnitAttr>(attr.getValue()))
      return op->emitOpError() << "'" << name << "' must be a unit attribute";
    auto func = dyn_cast<FunctionOpInterface>(op);
    if (!func)
      return op->emitOpError() << "'" << name << "' only applies to functions";
    if (name != kKernelAttrName)
      return success();
    if (func.getNumResults() != 0)
      return op->emitOpError() << "kernel must not return values";
    for (StringRef other : {kDeviceAttrName, kHostAttrName})
      if (op->hasAttr(other))
        return op->emitOpError()
               << "'" << name << "' cannot be combined with '" << other << "'";
    return success();
  }
  if (name == kLaunchBoundsAttrName) {
    if (!isa<LaunchBoundsAttr>(attr.getValue()))
      return op->emitOpError()
             << "'" << name << "' must be a #cuda.launch_bounds";
    if (!isa<FunctionOpInterface>(op) || !op->hasAttr(kKernelAttrName))
      return op->emitOpError()
             << "'" << name << "' only applies to cuda.kernel functions";
    return success();
  }
  return op->emitOpError() << "unknown cuda attribute '" << name << "'";
}
