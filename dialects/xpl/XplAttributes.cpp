//===- XplAttributes.cpp - xpl attribute verifiers ------------------------===//

#include "xpiler/Dialect/Xpl/Xpl.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/AffineMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::xpl;

#include "xpiler/Dialect/Xpl/XplEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "xpiler/Dialect/Xpl/XplAttributes.cpp.inc"

/// Whether `arch` is `prefix` followed by at least one character of
/// [0-9a-z] (so `sm_90`, `sm_90a`, `gfx90a`).
static bool hasArchPrefix(StringRef arch, StringRef prefix) {
  if (!arch.consume_front(prefix) || arch.empty())
    return false;
  return llvm::all_of(arch, [](char c) { return llvm::isAlnum(c); }) &&
         llvm::isDigit(arch.front());
}

LogicalResult
TargetAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                   Language language, StringRef arch) {
  bool known = false;
  StringRef expected;
  switch (language) {
  case Language::cuda:
    known = hasArchPrefix(arch, "sm_");
    expected = "sm_<N>";
    break;
  case Language::hip:
    known = hasArchPrefix(arch, "gfx");
    expected = "gfx<N>";
    break;
  case Language::bang:
    known = hasArchPrefix(arch, "mtp_") || hasArchPrefix(arch, "compute_");
    expected = "mtp_<N> or compute_<N>";
    break;
  case Language::vnni:
    known = arch == "avx512vnni" || arch == "avxvnni";
    expected = "avx512vnni or avxvnni";
    break;
  }
  if (!known)
    return emitError() << "unknown " << stringifyLanguage(language)
                       << " architecture '" << arch << "' (expected "
                       << expected << ")";
  return success();
}

LogicalResult
BufferAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                   BufferDirection direction, AffineMap size) {
  if (size.getNumDims() != 0 || size.getNumResults() != 1)
    return emitError() << "buffer size must be a map with no dimensions and "
                          "one result, got "
                       << AffineMapAttr::get(size);
  return success();
}

void XplDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "xpiler/Dialect/Xpl/XplAttributes.cpp.inc"
      >();
}
