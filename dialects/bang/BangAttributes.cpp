//===- BangAttributes.cpp - bang attributes and types ---------------------===//
//
// Defines and registers the attributes and types of the bang dialect.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::bang;

#include "xpiler/Dialect/Bang/BangEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Bang/BangAttributes.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Bang/BangTypes.cpp.inc"

void BangDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "xpiler/Dialect/Bang/BangAttributes.cpp.inc"
      >();
}

void BangDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "xpiler/Dialect/Bang/BangTypes.cpp.inc"
      >();
}

std::optional<MemorySpace> xpiler::bang::getMemorySpace(Type type) {
  auto memref = dyn_cast<BaseMemRefType>(type);
  if (!memref)
    return std::nullopt;
  if (auto space = dyn_cast_or_null<MemorySpaceAttr>(memref.getMemorySpace()))
    return space.getValue();
  return std::nullopt;
}

std::pair<MemorySpace, MemorySpace> xpiler::bang::getMemcpySpaces(MemcpyDir dir) {
  // The enum's spelling is <SRC>2<DST>.
  StringRef name = stringifyMemcpyDir(dir);
  auto [src, dst] = name.split('2');
  auto parse = [](StringRef s) {
    return *symbolizeMemorySpace(s.lower());
  };
  return {parse(src), parse(dst)};
}
