//===- CudaTypes.cpp - cuda types -----------------------------------------===//
//
// The wmma fragment type (custom syntax `<use, MxNxK, type[, layout]>` and
// the verifier of the fragment combinations CUDA defines) and the stream
// type.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::cuda;

#define GET_TYPEDEF_CLASSES
#include "xpiler/Dialect/Cuda/CudaTypes.cpp.inc"

//===----------------------------------------------------------------------===//
// FragmentType
//===----------------------------------------------------------------------===//

/// fragment-type ::= `<` use `,` M `x` N `x` K `,` type (`,` layout)? `>`
Type FragmentType::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef useName, layoutName;
  SmallVector<int64_t, 3> shape;
  Type elementType;
  if (parser.parseLess() || parser.parseKeyword(&useName) ||
      parser.parseComma())
    return {};
  SMLoc shapeLoc = parser.getCurrentLocation();
  if (parser.parseDimensionList(shape, /*allowDynamic=*/false,
                                /*withTrailingX=*/false) ||
      parser.parseComma() || parser.parseType(elementType))
    return {};
  if (shape.size() != 3) {
    parser.emitError(shapeLoc) << "expected a fragment shape MxNxK";
    return {};
  }
  FragmentLayout layout = FragmentLayout::none;
  if (succeeded(parser.parseOptionalComma())) {
    SMLoc layoutLoc = parser.getCurrentLocation();
    if (parser.parseKeyword(&layoutName))
      return {};
    std::optional<FragmentLayout> parsed = symbolizeFragmentLayout(layoutName);
    if (!parsed) {
      parser.emitError(layoutLoc)
          << "unknown fragment layout '" << layoutName << "'";
      return {};
    }
    layout = *parsed;
  }
  if (parser.parseGreater())
    return {};
  std::optional<FragmentUse> use = symbolizeFragmentUse(useName);
  if (!use) {
    parser.emitError(loc) << "unknown fragment use '" << useName << "'";
    return {};
  }
  return getChecked([&] { return parser.emitError(loc); }, parser.getContext(),
                    *use, shape[0], shape[1], shape[2], elementType, layout);
}

void FragmentType::print(AsmPrinter &printer) const {
  printer << '<' << stringifyFragmentUse(getUse()) << ", " << getM() << 'x'
          << getN() << 'x' << getK() << ", " << getElementType();
  if (getLayout() != FragmentLayout::none)
    printer << ", " << stringifyFragmentLayout(getLayout());
  printer << '>';
}

Type FragmentType::getStorageType() const {
  Type type = getElementType();
  if (isa<FloatTF32Type>(type))
    return Float32Type::get(getContext());
  if (type.isInteger(8))
    return IntegerType::get(getContext(), 8);
  return type;
}

/// The shapes of f16, bf16 and 8-bit integer fragments.
static bool isHalfShape(int64_t m, int64_t n, int64_t k) {
  return k == 16 &&
         ((m == 16 && n == 16) || (m == 32 && n == 8) || (m == 8 && n == 32));
}

LogicalResult FragmentType::verify(function_ref<InFlightDiagnostic()> emitError,
                                   FragmentUse use, int64_t m, int64_t n,
                                   int64_t k, Type elementType,
                                   FragmentLayout layout) {
  bool accumulator = use == FragmentUse::accumulator;
  if (!accumulator && layout == FragmentLayout::none)
    return emitError() << stringifyFragmentUse(use)
                       << " fragment needs a row_major or col_major layout";
  if (accumulator && layout != FragmentLayout::none)
    return emitError() << "accumulator fragment must not have a layout";

  bool halfShape = isHalfShape(m, n, k);
  bool tf32Shape = m == 16 && n == 16 && k == 8;
  bool f64Shape = m == 8 && n == 8 && k == 4;
  bool supported;
  if (!accumulator)
    supported =
        ((elementType.isF16() || elementType.isBF16() ||
          elementType.isSignedInteger(8) || elementType.isUnsignedInteger(8)) &&
         halfShape) ||
        (isa<FloatTF32Type>(elementType) && tf32Shape) ||
        (elementType.isF64() && f64Shape);
  else
    supported = ((elementType.isF16() || elementType.isSignlessInteger(32)) &&
                 halfShape) ||
                (elementType.isF32() && (halfShape || tf32Shape)) ||
                (elementType.isF64() && f64Shape);
  if (!supported)
    return emitError() << "unsupported " << stringifyFragmentUse(use)
                       << " fragment: element type " << elementType
                       << " with shape " << m << 'x' << n << 'x' << k;
  return success();
}

void CudaDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "xpiler/Dialect/Cuda/CudaTypes.cpp.inc"
      >();
}
