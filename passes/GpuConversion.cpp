//===- GpuConversion.cpp - shared pieces of CUDA <-> HIP conversion -------===//

#include "GpuConversion.h"

#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/Diagnostics.h"

using namespace mlir;

void xpiler::replaceAttrsAndTypes(ModuleOp module,
                                  function_ref<Attribute(Attribute)> mapAttr,
                                  function_ref<Type(Type)> mapType) {
  AttrTypeReplacer replacer;
  replacer.addReplacement([&](Attribute attr) -> std::optional<Attribute> {
    if (Attribute mapped = mapAttr(attr))
      return mapped;
    return std::nullopt;
  });
  replacer.addReplacement([&](Type type) -> std::optional<Type> {
    if (Type mapped = mapType(type))
      return mapped;
    return std::nullopt;
  });
  replacer.recursivelyReplaceElementsIn(module, /*replaceAttrs=*/true,
                                        /*replaceLocs=*/false,
                                        /*replaceTypes=*/true);
}

InFlightDiagnostic xpiler::emitUntranslatable(Operation *op, StringRef target) {
  return op->emitError() << "'" << op->getName() << "' has no " << target
                         << " equivalent";
}
