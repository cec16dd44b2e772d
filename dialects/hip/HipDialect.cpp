//===- HipDialect.cpp - hip dialect registration and attr checks ----------===//
//
// Registers the hip dialect and verifies the discardable attributes it owns:
// the function qualifiers `hip.kernel` (__global__), `hip.device`
// (__device__), `hip.host` (__host__) and `hip.launch_bounds`
// (__launch_bounds__).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Hip/Hip.h"

#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace xpiler::hip;

#include "xpiler/Dialect/Hip/HipDialect.cpp.inc"

void HipDialect::initialize() {
  registerAttributes();
  registerTypes();
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Hip/HipOps.cpp.inc"
      >();
}

/// Largest number of threads of a HIP block.
static constexpr int32_t kMaxThreadsPerBlock = 1024;

LogicalResult HipDialect::verifyOperationAttribute(Operation *op,
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
      return op->emitOpError()
             << "a hip.kernel (__global__) function must return void";
    if (op->hasAttr(kDeviceAttrName) || op->hasAttr(kHostAttrName))
      return op->emitOpError() << "a hip.kernel (__global__) function cannot "
                                  "also be hip.device or hip.host";
    return success();
  }
  if (name == kLaunchBoundsAttrName) {
    auto bounds = dyn_cast<DenseI32ArrayAttr>(attr.getValue());
    if (!bounds || bounds.empty() || bounds.size() > 2)
      return op->emitOpError()
             << "'" << name << "' must be an array<i32> of 1 or 2 values";
    if (!isa<FunctionOpInterface>(op) || !op->hasAttr(kKernelAttrName))
      return op->emitOpError()
             << "'" << name << "' only applies to hip.kernel functions";
    ArrayRef<int32_t> values = bounds.asArrayRef();
    if (values[0] < 1 || values[0] > kMaxThreadsPerBlock)
      return op->emitOpError() << "max threads per block must be in [1, "
                               << kMaxThreadsPerBlock << "], got " << values[0];
    if (values.size() == 2 && values[1] < 1)
      return op->emitOpError()
             << "min waves per execution unit must be positive, got "
             << values[1];
    return success();
  }
  return op->emitOpError() << "unknown hip attribute '" << name << "'";
}
