//===- CudaOps.cpp - cuda operations --------------------------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

using namespace mlir;
using namespace xpiler::cuda;

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

/// An enum attribute of this dialect as a bare keyword (`x`, `down`, ...).
template <typename AttrT>
static ParseResult parseEnum(OpAsmParser &parser, AttrT &attr) {
  using EnumT = decltype(std::declval<AttrT>().getValue());
  SMLoc loc = parser.getCurrentLocation();
  StringRef keyword;
  if (parser.parseKeyword(&keyword))
    return failure();
  std::optional<EnumT> value = symbolizeEnum<EnumT>(keyword);
  if (!value)
    return parser.emitError(loc) << "unknown keyword '" << keyword << "'";
  attr = AttrT::get(parser.getContext(), *value);
  return success();
}

template <typename AttrT>
static void printEnum(OpAsmPrinter &printer, Operation *, AttrT attr) {
  printer << stringifyEnum(attr.getValue());
}

/// An optional `scope block|device|system`; absent means `device`, which is
/// printed omitted. Prints its own leading space.
static ParseResult parseAtomicScope(OpAsmParser &parser,
                                    FenceScopeAttr &scope) {
  if (failed(parser.parseOptionalKeyword("scope")))
    return success();
  return parseEnum(parser, scope);
}

static void printAtomicScope(OpAsmPrinter &printer, Operation *op,
                             FenceScopeAttr scope) {
  if (scope && scope.getValue() != FenceScope::device) {
    printer << " scope ";
    printEnum(printer, op, scope);
  }
}

/// An optional bare `mem_row_major`/`mem_col_major` keyword. Prints its own
/// leading space.
static ParseResult parseOptionalMemLayout(OpAsmParser &parser,
                                          MemLayoutAttr &layout) {
  StringRef keyword;
  if (failed(parser.parseOptionalKeyword(
          &keyword, {stringifyMemLayout(MemLayout::mem_row_major),
                     stringifyMemLayout(MemLayout::mem_col_major)})))
    return success();
  layout =
      MemLayoutAttr::get(parser.getContext(), *symbolizeMemLayout(keyword));
  return success();
}

static void printOptionalMemLayout(OpAsmPrinter &printer, Operation *,
                                   MemLayoutAttr layout) {
  if (layout)
    printer << ' ' << stringifyMemLayout(layout.getValue());
}

#define GET_OP_CLASSES
#include "xpiler/Dialect/Cuda/CudaOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The CUDA memory space of `type`, if it has one.
static std::optional<MemorySpace> getSpace(MemRefType type) {
  if (auto space = dyn_cast_or_null<MemorySpaceAttr>(type.getMemorySpace()))
    return space.getValue();
  return std::nullopt;
}

static bool isIn(MemRefType type, MemorySpace space) {
  return getSpace(type) == space;
}

/// Host memory is a memref without a memory space.
static bool isHost(MemRefType type) { return !type.getMemorySpace(); }

/// Device-side memory accesses (atomics, wmma loads and stores) go to global
/// or shared memory, and take one index per dimension.
static LogicalResult verifyDeviceAccess(Operation *op, MemRefType type,
                                        size_t numIndices) {
  if (!isIn(type, MemorySpace::global) && !isIn(type, MemorySpace::shared))
    return op->emitOpError()
           << "needs a memref in global or shared memory, got " << type;
  if (numIndices != static_cast<size_t>(type.getRank()))
    return op->emitOpError()
           << "expected " << type.getRank() << " indices for a rank-"
           << type.getRank() << " memref, got " << numIndices;
  return success();
}

/// `value` has the storage type of `fragment`.
static LogicalResult verifyStorageType(Operation *op, Type value,
                                       FragmentType fragment,
                                       StringRef what = "value") {
  if (value != fragment.getStorageType())
    return op->emitOpError() << what << " type " << value
                             << " does not match the fragment's storage type "
                             << fragment.getStorageType();
  return success();
}

/// Shared memory is declared inside kernels and device functions.
static LogicalResult verifySharedDecl(Operation *op, MemRefType type) {
  if (!isIn(type, MemorySpace::shared))
    return op->emitOpError() << "result must be in shared memory, got " << type;
  if (!type.getLayout().isIdentity())
    return op->emitOpError() << "shared memory must have an identity layout";
  auto func = op->getParentOfType<FunctionOpInterface>();
  if (!func || (!func->hasAttr(CudaDialect::kKernelAttrName) &&
                !func->hasAttr(CudaDialect::kDeviceAttrName)))
    return op->emitOpError()
           << "must be inside a cuda.kernel or cuda.device function";
  return success();
}

//===----------------------------------------------------------------------===//
// Warp-level primitives
//===----------------------------------------------------------------------===//

LogicalResult ShflSyncOp::verify() {
  APInt width;
  if (getWidth() && matchPattern(getWidth(), m_ConstantInt(&width))) {
    int64_t w = width.getSExtValue();
    if (w < 1 || w > 32 || !llvm::isPowerOf2_64(w))
      return emitOpError()
             << "width must be a power of two between 1 and 32, got " << w;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

/// Whether CUDA defines the atomic function `kind` for element type `type`.
static bool isAtomicType(AtomicKind kind, Type type) {
  bool i32 = type.isSignlessInteger(32), i64 = type.isSignlessInteger(64);
  switch (kind) {
  case AtomicKind::add: {
    if (i32 || i64 || type.isF16() || type.isBF16() || type.isF32() ||
        type.isF64())
      return true;
    auto vec = dyn_cast<VectorType>(type);
    return vec && vec.getShape() == ArrayRef<int64_t>{2} && !vec.isScalable() &&
           (vec.getElementType().isF16() || vec.getElementType().isBF16());
  }
  case AtomicKind::sub:
  case AtomicKind::inc:
  case AtomicKind::dec:
    return i32;
  case AtomicKind::exch:
    return i32 || i64 || type.isF32();
  case AtomicKind::min:
  case AtomicKind::max:
  case AtomicKind::umin:
  case AtomicKind::umax:
  case AtomicKind::bit_and:
  case AtomicKind::bit_or:
  case AtomicKind::bit_xor:
    return i32 || i64;
  }
  llvm_unreachable("unknown atomic kind");
}

LogicalResult AtomicRMWOp::verify() {
  MemRefType type = getMemref().getType();
  if (failed(verifyDeviceAccess(*this, type, getIndices().size())))
    return failure();
  if (!isAtomicType(getKind(), type.getElementType()))
    return emitOpError() << "atomic " << stringifyAtomicKind(getKind())
                         << " does not support element type "
                         << type.getElementType();
  return success();
}

LogicalResult AtomicCASOp::verify() {
  MemRefType type = getMemref().getType();
  if (failed(verifyDeviceAccess(*this, type, getIndices().size())))
    return failure();
  Type element = type.getElementType();
  if (!element.isSignlessInteger(16) && !element.isSignlessInteger(32) &&
      !element.isSignlessInteger(64))
    return emitOpError() << "atomic cas does not support element type "
                         << element;
  return success();
}

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

LogicalResult SharedArrayOp::verify() {
  MemRefType type = getResult().getType();
  if (failed(verifySharedDecl(*this, type)))
    return failure();
  if (!type.hasStaticShape())
    return emitOpError() << "a static shared array must have a static shape";
  return success();
}

LogicalResult DynamicSharedOp::verify() {
  MemRefType type = getResult().getType();
  if (failed(verifySharedDecl(*this, type)))
    return failure();
  if (type.getRank() != 1 || !type.isDynamicDim(0))
    return emitOpError()
           << "dynamic shared memory must be a 1-D memref of unknown size";
  return success();
}

//===----------------------------------------------------------------------===//
// nvcuda::wmma
//===----------------------------------------------------------------------===//

LogicalResult WmmaFillFragmentOp::verify() {
  return verifyStorageType(*this, getValue().getType(), getResult().getType());
}

LogicalResult WmmaLoadMatrixSyncOp::verify() {
  MemRefType type = getMemref().getType();
  FragmentType fragment = getResult().getType();
  if (failed(verifyDeviceAccess(*this, type, getIndices().size())) ||
      failed(verifyStorageType(*this, type.getElementType(), fragment,
                               "memref element")))
    return failure();
  bool accumulator = fragment.getUse() == FragmentUse::accumulator;
  if (accumulator && !getLayout())
    return emitOpError() << "loading an accumulator fragment needs a memory "
                            "layout (mem_row_major or mem_col_major)";
  if (!accumulator && getLayout())
    return emitOpError() << "a memory layout only applies to accumulator "
                            "loads; a "
                         << stringifyFragmentUse(fragment.getUse())
                         << " fragment carries its layout in its type";
  return success();
}

LogicalResult WmmaStoreMatrixSyncOp::verify() {
  MemRefType type = getMemref().getType();
  FragmentType fragment = getFragment().getType();
  if (fragment.getUse() != FragmentUse::accumulator)
    return emitOpError() << "only accumulator fragments can be stored, got a "
                         << stringifyFragmentUse(fragment.getUse())
                         << " fragment";
  if (failed(verifyDeviceAccess(*this, type, getIndices().size())) ||
      failed(verifyStorageType(*this, type.getElementType(), fragment,
                               "memref element")))
    return failure();
  return success();
}

/// The element types an accumulator of `multiplicand` inputs may have, in
/// words, or an empty string when `acc` is one of them.
static StringRef getAccumulatorMismatch(Type multiplicand, Type acc) {
  if (multiplicand.isF16())
    return acc.isF16() || acc.isF32() ? "" : "f16 or f32";
  if (multiplicand.isBF16() || isa<FloatTF32Type>(multiplicand))
    return acc.isF32() ? "" : "f32";
  if (multiplicand.isF64())
    return acc.isF64() ? "" : "f64";
  return acc.isSignlessInteger(32) ? "" : "i32";
}

LogicalResult WmmaMmaSyncOp::verify() {
  struct Operand {
    StringRef name;
    FragmentType type;
    FragmentUse use;
  };
  Operand operands[] = {{"a", getA().getType(), FragmentUse::matrix_a},
                        {"b", getB().getType(), FragmentUse::matrix_b},
                        {"c", getC().getType(), FragmentUse::accumulator},
                        {"d", getD().getType(), FragmentUse::accumulator}};
  for (const Operand &operand : operands)
    if (operand.type.getUse() != operand.use)
      return emitOpError() << operand.name << " must be "
                           << (operand.use == FragmentUse::accumulator ? "an "
                                                                       : "a ")
                           << stringifyFragmentUse(operand.use)
                           << " fragment, got " << operand.type;
  FragmentType a = getA().getType();
  for (const Operand &operand : ArrayRef(operands).drop_front())
    if (!operand.type.hasShape(a.getM(), a.getN(), a.getK()))
      return emitOpError() << "fragment shapes differ: a is " << a.getM() << 'x'
                           << a.getN() << 'x' << a.getK() << " but "
                           << operand.name << " is " << operand.type.getM()
                           << 'x' << operand.type.getN() << 'x'
                           << operand.type.getK();
  Type multiplicand = a.getElementType();
  if (getB().getType().getElementType() != multiplicand)
    return emitOpError() << "a and b element types differ (" << multiplicand
                         << " vs " << getB().getType().getElementType() << ")";
  for (const Operand &operand : ArrayRef(operands).drop_front(2)) {
    StringRef expected =
        getAccumulatorMismatch(multiplicand, operand.type.getElementType());
    if (!expected.empty())
      return emitOpError() << operand.name << " has element type "
                           << operand.type.getElementType() << " but "
                           << multiplicand << " multiplicands accumulate into "
                           << expected;
  }
  if (getSatf() && !multiplicand.isInteger(8))
    return emitOpError()
           << "satf only applies to integer (si8/ui8) multiplicands";
  return success();
}

LogicalResult WmmaFragmentExtractOp::verify() {
  return verifyStorageType(*this, getResult().getType(),
                           getFragment().getType(), "result");
}

LogicalResult WmmaFragmentInsertOp::verify() {
  return verifyStorageType(*this, getValue().getType(),
                           getFragment().getType());
}

//===----------------------------------------------------------------------===//
// Host runtime
//===----------------------------------------------------------------------===//

LogicalResult MallocOp::verify() {
  MemRefType type = getResult().getType();
  if (!isIn(type, MemorySpace::global))
    return emitOpError() << "result must be in global memory, got " << type;
  if (type.getRank() != 1 || !type.isDynamicDim(0) ||
      !type.getLayout().isIdentity())
    return emitOpError() << "result must be a 1-D memref of dynamic size with "
                            "an identity layout, got "
                         << type;
  return success();
}

LogicalResult FreeOp::verify() {
  if (!isIn(getMemref().getType(), MemorySpace::global))
    return emitOpError() << "needs a memref in global memory, got "
                         << getMemref().getType();
  return success();
}

LogicalResult MemcpyOp::verify() {
  MemRefType dst = getDst().getType(), src = getSrc().getType();
  if (dst.getElementType() != src.getElementType())
    return emitOpError() << "destination and source element types differ ("
                         << dst.getElementType() << " vs "
                         << src.getElementType() << ")";
  MemcpyKind kind = getKind();
  if (kind == MemcpyKind::Default) {
    for (auto [what, type] :
         {std::pair<StringRef, MemRefType>{"destination", dst},
          {"source", src}})
      if (!isHost(type) && !isIn(type, MemorySpace::global))
        return emitOpError() << what
                             << " of a Default copy must be in host or global "
                                "memory, got "
                             << type;
    return success();
  }
  bool dstDevice =
      kind == MemcpyKind::HostToDevice || kind == MemcpyKind::DeviceToDevice;
  bool srcDevice =
      kind == MemcpyKind::DeviceToHost || kind == MemcpyKind::DeviceToDevice;
  for (auto [what, type, device] :
       {std::tuple<StringRef, MemRefType, bool>{"destination", dst, dstDevice},
        {"source", src, srcDevice}}) {
    bool ok = device ? isIn(type, MemorySpace::global) : isHost(type);
    if (!ok)
      return emitOpError() << what << " of a " << stringifyMemcpyKind(kind)
                           << " copy must be in "
                           << (device ? "global" : "host") << " memory, got "
                           << type;
  }
  return success();
}

LogicalResult LaunchOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto kernel = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getKernelAttr());
  if (!kernel)
    return emitOpError() << "'" << getKernel()
                         << "' does not reference a function";
  if (!kernel->hasAttr(CudaDialect::kKernelAttrName))
    return emitOpError() << "'" << getKernel() << "' is not a cuda.kernel";
  ArrayRef<Type> params = kernel.getArgumentTypes();
  if (params.size() != getArgs().size())
    return emitOpError() << "passes " << getArgs().size()
                         << " arguments to a kernel that takes "
                         << params.size();
  for (auto [i, arg, param] : llvm::enumerate(getArgs().getTypes(), params))
    if (arg != param)
      return emitOpError() << "argument " << i << " has type " << arg
                           << " but the kernel expects " << param;
  auto bounds = kernel->getAttrOfType<LaunchBoundsAttr>(
      CudaDialect::kLaunchBoundsAttrName);
  if (!bounds)
    return success();
  int64_t threads = 1;
  for (Value dim : {getBlockX(), getBlockY(), getBlockZ()}) {
    APInt size;
    if (!matchPattern(dim, m_ConstantInt(&size)))
      return success();
    threads *= size.getSExtValue();
  }
  if (threads > bounds.getMaxThreads())
    return emitOpError() << "launches " << threads
                         << " threads per block but the kernel's launch "
                            "bounds allow "
                         << bounds.getMaxThreads();
  return success();
}
