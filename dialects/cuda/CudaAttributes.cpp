//===- CudaAttributes.cpp - cuda attributes and enums ---------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::cuda;

#include "xpiler/Dialect/Cuda/CudaEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Cuda/CudaAttributes.cpp.inc"

LogicalResult
LaunchBoundsAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                         int32_t maxThreads, std::optional<int32_t> minBlocks) {
  if (maxThreads < 1 || maxThreads > 1024)
    return emitError() << "maxThreads must be between 1 and 1024, got "
                       << maxThreads;
  if (minBlocks && *minBlocks < 1)
    return emitError() << "minBlocks must be positive, got " << *minBlocks;
  return success();
}

void CudaDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "xpiler/Dialect/Cuda/CudaAttributes.cpp.inc"
      >();
}
