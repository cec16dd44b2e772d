//===- BuiltinsVnni.cpp - AVX-512 / VNNI intrinsics -----------------------===//
//
// Maps the intrinsic vector types (__m512i, __m512, ...) and the AVX-512 /
// VNNI intrinsics of <immintrin.h> to the vnni dialect, one call to one op.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "xpiler/Dialect/Vnni/Vnni.h"

using namespace mlir;
using namespace xpiler;

std::optional<Type> xpiler::convertVnniType(clang::QualType t,
                                            MLIRContext *context) {
  return std::nullopt;
}

std::optional<FailureOr<ExprValue>>
xpiler::emitVnniBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                        StringRef callee) {
  return std::nullopt;
}
