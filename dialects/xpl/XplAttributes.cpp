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

/// Checks the extents of a launch shape: one to three maps with no
/// dimensions, at least one result each, constant results positive, the same
/// number of symbols.
static LogicalResult verifyExtents(function_ref<InFlightDiagnostic()> emitError,
                                   StringRef name, ArrayRef<AffineMap> maps,
                                   unsigned numSymbols) {
  if (maps.size() > 3)
    return emitError() << "launch shape " << name
                       << " has more than 3 extents (" << maps.size() << ")";
  for (auto [i, map] : llvm::enumerate(maps)) {
    if (!map || map.getNumDims() != 0 || map.getNumResults() == 0)
      return emitError() << "launch shape " << name << " extent " << i
                         << " must be a map with no dimensions and at least "
                            "one result";
    if (map.getNumSymbols() != numSymbols)
      return emitError() << "launch shape extents have different numbers of "
                            "symbols ("
                         << map.getNumSymbols() << " and " << numSymbols
                         << ")";
    for (AffineExpr result : map.getResults())
      if (auto constant = dyn_cast<AffineConstantExpr>(result))
        if (constant.getValue() <= 0)
          return emitError() << "launch shape " << name << " extent " << i
                             << " must be positive, got "
                             << constant.getValue();
  }
  return success();
}

LogicalResult
LaunchShapeAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                        ArrayRef<AffineMap> grid, ArrayRef<AffineMap> block,
                        std::optional<int32_t> unionClusters) {
  if (grid.empty() && block.empty())
    return emitError() << "launch shape needs a grid or a block";
  unsigned numSymbols =
      grid.empty() ? block.front().getNumSymbols() : grid.front().getNumSymbols();
  if (failed(verifyExtents(emitError, "grid", grid, numSymbols)) ||
      failed(verifyExtents(emitError, "block", block, numSymbols)))
    return failure();
  if (unionClusters) {
    if (!llvm::is_contained({0, 1, 2, 4, 8, 16}, *unionClusters))
      return emitError() << "union_clusters must be 0, 1, 2, 4, 8 or 16, got "
                         << *unionClusters;
    if (!block.empty())
      return emitError() << "a BANG launch shape (union_clusters) has no "
                            "block";
  }
  return success();
}

unsigned LaunchShapeAttr::getNumSymbols() const {
  return getGrid().empty() ? getBlock().front().getNumSymbols()
                           : getGrid().front().getNumSymbols();
}

/// `[map, ...]`
static ParseResult parseExtentList(AsmParser &parser,
                                   SmallVectorImpl<AffineMap> &maps) {
  return parser.parseCommaSeparatedList(
      AsmParser::Delimiter::Square, [&]() -> ParseResult {
        AffineMap map;
        if (parser.parseAffineMap(map))
          return failure();
        maps.push_back(map);
        return success();
      });
}

/// `<` (`grid` `=` [maps])? (`,`? `block` `=` [maps])?
/// (`,`? `union_clusters` `=` N)? `>`
Attribute LaunchShapeAttr::parse(AsmParser &parser, Type) {
  SmallVector<AffineMap> grid, block;
  std::optional<int32_t> unionClusters;
  llvm::SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess())
    return {};
  bool first = true;
  while (failed(parser.parseOptionalGreater())) {
    if (!first && parser.parseComma())
      return {};
    first = false;
    StringRef key;
    llvm::SMLoc keyLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&key) || parser.parseEqual())
      return {};
    if (key == "grid" && grid.empty()) {
      if (parseExtentList(parser, grid))
        return {};
    } else if (key == "block" && block.empty()) {
      if (parseExtentList(parser, block))
        return {};
    } else if (key == "union_clusters" && !unionClusters) {
      int32_t n;
      if (parser.parseInteger(n))
        return {};
      unionClusters = n;
    } else {
      parser.emitError(keyLoc)
          << "expected 'grid', 'block' or 'union_clusters' (once each), got '"
          << key << "'";
      return {};
    }
  }
  return parser.getChecked<LaunchShapeAttr>(loc, parser.getContext(), grid,
                                            block, unionClusters);
}

void LaunchShapeAttr::print(AsmPrinter &printer) const {
  printer << "<";
  StringRef separator = "";
  for (auto [key, maps] : {std::pair<StringRef, ArrayRef<AffineMap>>(
                               "grid", getGrid()),
                           {"block", getBlock()}}) {
    if (maps.empty())
      continue;
    printer << separator << key << " = [";
    llvm::interleaveComma(maps, printer,
                          [&](AffineMap map) { printer.getStream() << map; });
    printer << "]";
    separator = ", ";
  }
  if (std::optional<int32_t> n = getUnionClusters())
    printer << separator << "union_clusters = " << *n;
  printer << ">";
}

void XplDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "xpiler/Dialect/Xpl/XplAttributes.cpp.inc"
      >();
}
