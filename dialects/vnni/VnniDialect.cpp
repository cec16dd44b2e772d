//===- VnniDialect.cpp - vnni dialect registration and attr checks --------===//
//
// Registers the vnni dialect and verifies the discardable attribute it owns
// (`vnni.target_features`).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace xpiler::vnni;

#include "xpiler/Dialect/Vnni/VnniDialect.cpp.inc"

void VnniDialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "xpiler/Dialect/Vnni/VnniOps.cpp.inc"
      >();
}

/// The AVX-512 feature names GCC and Clang accept in `-m<name>` and
/// `__attribute__((target("<name>")))` (the Xeon Phi-only ones, removed from
/// current compilers, are left out).
static constexpr llvm::StringLiteral kAvx512Features[] = {
    "avx512f",    "avx512cd",          "avx512dq",        "avx512bw",
    "avx512vl",   "avx512ifma",        "avx512vbmi",      "avx512vbmi2",
    "avx512vnni", "avx512bitalg",      "avx512vpopcntdq", "avx512bf16",
    "avx512fp16", "avx512vp2intersect"};

bool xpiler::vnni::isKnownAvx512Feature(StringRef name) {
  return llvm::is_contained(kAvx512Features, name);
}

LogicalResult VnniDialect::verifyOperationAttribute(Operation *op,
                                                    NamedAttribute attr) {
  StringRef name = attr.getName().getValue();
  if (name != kTargetFeaturesAttrName)
    return op->emitOpError() << "unknown vnni attribute '" << name << "'";
  auto features = dyn_cast<StringAttr>(attr.getValue());
  if (!features)
    return op->emitOpError() << "'" << name << "' must be a string";
  if (!isa<FunctionOpInterface>(op))
    return op->emitOpError() << "'" << name << "' only applies to functions";
  SmallVector<StringRef> list;
  features.getValue().split(list, ',');
  llvm::StringSet<> seen;
  for (StringRef feature : list) {
    if (!isKnownAvx512Feature(feature))
      return op->emitOpError() << "unknown AVX-512 feature '" << feature
                               << "' in '" << name << "'";
    if (!seen.insert(feature).second)
      return op->emitOpError()
             << "duplicate feature '" << feature << "' in '" << name << "'";
  }
  return success();
}
