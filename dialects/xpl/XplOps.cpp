//===- XplOps.cpp - xpl operations ----------------------------------------===//

#include "xpiler/Dialect/Xpl/Xpl.h"

#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace xpiler::xpl;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Xpl/XplOps.cpp.inc"

LogicalResult LaunchOp::verify() {
  if (std::optional<int32_t> n = getUnionClusters())
    if (!llvm::is_contained({0, 1, 2, 4, 8, 16}, *n))
      return emitOpError() << "union_clusters must be 0, 1, 2, 4, 8 or 16, got "
                           << *n;
  return success();
}

LogicalResult LaunchOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto kernel = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getKernelAttr());
  if (!kernel)
    return emitOpError() << "'" << getKernel()
                         << "' does not reference a function";
  if (!kernel->hasAttr(XplDialect::kKernelAttrName))
    return emitOpError() << "'" << getKernel() << "' is not an xpl.kernel";
  ArrayRef<Type> params = kernel.getArgumentTypes();
  if (params.size() != getArgs().size())
    return emitOpError() << "passes " << getArgs().size()
                         << " arguments to a kernel that takes "
                         << params.size();
  for (auto [i, arg, param] : llvm::enumerate(getArgs().getTypes(), params))
    if (arg != param)
      return emitOpError() << "argument " << i << " has type " << arg
                           << " but the kernel expects " << param;
  return success();
}
