//===- BuiltinsBang.cpp - BANG built-ins, CNRT and launches ---------------===//
//
// Maps BANG C's task indices, barriers, __memcpy, the __bang_* vector
// built-ins, the CNRT host API and `<<<dim, type, queue>>>` launches to the
// bang dialect, one call to one op.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "xpiler/Dialect/Bang/Bang.h"

using namespace mlir;
using namespace xpiler;

Attribute xpiler::getBangArraySpace(const clang::VarDecl *v,
                                    MLIRContext *context) {
  return {};
}

std::optional<FailureOr<ExprValue>>
xpiler::emitBangBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                        StringRef callee) {
  return std::nullopt;
}

FailureOr<ExprValue>
xpiler::emitBangKernelLaunch(FunctionImporter &f,
                             const clang::CUDAKernelCallExpr *e) {
  return f.error(e) << "BANG launches are not supported yet", failure();
}
