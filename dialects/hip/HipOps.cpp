//===- HipOps.cpp - hip operations ----------------------------------------===//
//
// Verifiers of the hip operations: memory spaces of pointers, atomics'
// element types, the MFMA operand table and immediates, copy directions and
// kernel launches.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Hip/Hip.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace xpiler::hip;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Hip/HipOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Number of lanes of a gfx9 (CDNA) wavefront, the largest HIP has.
static constexpr int64_t kMaxWaveSize = 64;
/// Largest number of threads of a HIP block.
static constexpr int64_t kMaxThreadsPerBlock = 1024;

/// The hip memory space of `type`, or std::nullopt for host memory (no memory
/// space) and for spaces of other dialects.
static std::optional<MemorySpace> getHipSpace(MemRefType type) {
  if (auto space = dyn_cast_or_null<MemorySpaceAttr>(type.getMemorySpace()))
    return space.getValue();
  return std::nullopt;
}

/// Whether `type` is host memory: a memref with no memory space.
static bool isHost(MemRefType type) { return !type.getMemorySpace(); }

/// Whether `type` lies in the hip memory space `space`.
static bool isIn(MemRefType type, MemorySpace space) {
  return getHipSpace(type) == space;
}

/// A name for the memory space of `type` in diagnostics: `host` when it has
/// none, the enum case for hip spaces, the attribute otherwise.
static std::string describeSpace(MemRefType type) {
  if (isHost(type))
    return "host";
  if (std::optional<MemorySpace> space = getHipSpace(type))
    return stringifyMemorySpace(*space).str();
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type.getMemorySpace();
  return text;
}

/// Checks the indices and the memory space of an atomic's memref.
static LogicalResult verifyAtomicAccess(Operation *op, MemRefType type,
                                        size_t numIndices) {
  if (numIndices != static_cast<size_t>(type.getRank()))
    return op->emitOpError() << "has " << numIndices << " indices for a rank-"
                             << type.getRank() << " memref";
  if (!isIn(type, MemorySpace::global) && !isIn(type, MemorySpace::shared))
    return op->emitOpError()
           << "needs a global or shared memref, got " << describeSpace(type);
  return success();
}

//===----------------------------------------------------------------------===//
// Cross-lane operations
//===----------------------------------------------------------------------===//

LogicalResult ShflOp::verify() {
  APInt width;
  if (!getWidth() || !matchPattern(getWidth(), m_ConstantInt(&width)))
    return success();
  int64_t w = width.getSExtValue();
  if (w < 1 || w > kMaxWaveSize || !llvm::isPowerOf2_64(w))
    return emitOpError() << "width must be a power of two in [1, "
                         << kMaxWaveSize << "], got " << w;
  return success();
}

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

LogicalResult AtomicOp::verify() {
  auto type = cast<MemRefType>(getMemref().getType());
  if (failed(verifyAtomicAccess(*this, type, getIndices().size())))
    return failure();
  Type element = type.getElementType();
  StringRef kind = stringifyAtomicKind(getKind());
  switch (getKind()) {
  case AtomicKind::And:
  case AtomicKind::Or:
  case AtomicKind::Xor:
    if (!element.isInteger())
      return emitOpError() << "'" << kind
                           << "' needs an integer element type, got "
                           << element;
    break;
  case AtomicKind::inc:
  case AtomicKind::dec:
    if (!element.isInteger(32))
      return emitOpError() << "'" << kind
                           << "' needs an i32 (unsigned int) element type, got "
                           << element;
    break;
  default:
    break;
  }
  if (getIsUnsigned() && !element.isInteger())
    return emitOpError() << "'unsigned' needs an integer element type, got "
                         << element;
  return success();
}

LogicalResult AtomicCASOp::verify() {
  return verifyAtomicAccess(*this, cast<MemRefType>(getMemref().getType()),
                            getIndices().size());
}

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

/// Checks that a shared-memory op's result is an identity-layout memref in
/// the shared space.
static LogicalResult verifySharedResult(Operation *op, MemRefType type) {
  if (!isIn(type, MemorySpace::shared))
    return op->emitOpError()
           << "result must be in the shared memory space, got "
           << describeSpace(type);
  if (!type.getLayout().isIdentity())
    return op->emitOpError() << "result must have the identity layout";
  return success();
}

LogicalResult SharedAllocOp::verify() {
  return verifySharedResult(*this, getType());
}

LogicalResult DynamicSharedOp::verify() {
  auto type = cast<MemRefType>(getType());
  if (failed(verifySharedResult(*this, type)))
    return failure();
  if (type.getRank() != 1 || !type.isDynamicDim(0))
    return emitOpError() << "result must be a rank-1 memref of dynamic size, "
                            "got "
                         << type;
  return success();
}

//===----------------------------------------------------------------------===//
// Matrix cores
//===----------------------------------------------------------------------===//

namespace {
/// Element type of an MFMA operand. `BF16Bits` is bf16 carried as either
/// `bf16` or the `short` bits (`i16`) the pre-gfx950 builtins declare.
enum class Elt { F16, BF16, BF16Bits, F32, F64, I32, I64 };

/// Operand types of one MFMA builtin: A and B are `srcLen` x `src`
/// (`srcLen` 0: a scalar), C and D `accLen` x `acc` (0: a scalar); `blocks`
/// is the number of independent blocks the instruction computes.
struct MfmaSignature {
  Elt src;
  unsigned srcLen;
  Elt acc;
  unsigned accLen;
  unsigned blocks;
};
} // namespace

/// The signature of each MFMA kind, indexed by its enum value (clang's
/// BuiltinsAMDGPU builtin types; blocks from M, N and the C length on a
/// 64-lane wavefront).
static const MfmaSignature kMfmaSignatures[] = {
    /*f32_32x32x1f32*/ {Elt::F32, 0, Elt::F32, 32, 2},
    /*f32_16x16x1f32*/ {Elt::F32, 0, Elt::F32, 16, 4},
    /*f32_4x4x1f32*/ {Elt::F32, 0, Elt::F32, 4, 16},
    /*f32_32x32x2f32*/ {Elt::F32, 0, Elt::F32, 16, 1},
    /*f32_16x16x4f32*/ {Elt::F32, 0, Elt::F32, 4, 1},
    /*f32_32x32x4f16*/ {Elt::F16, 4, Elt::F32, 32, 2},
    /*f32_16x16x4f16*/ {Elt::F16, 4, Elt::F32, 16, 4},
    /*f32_4x4x4f16*/ {Elt::F16, 4, Elt::F32, 4, 16},
    /*f32_32x32x8f16*/ {Elt::F16, 4, Elt::F32, 16, 1},
    /*f32_16x16x16f16*/ {Elt::F16, 4, Elt::F32, 4, 1},
    /*i32_32x32x4i8*/ {Elt::I32, 0, Elt::I32, 32, 2},
    /*i32_16x16x4i8*/ {Elt::I32, 0, Elt::I32, 16, 4},
    /*i32_4x4x4i8*/ {Elt::I32, 0, Elt::I32, 4, 16},
    /*i32_32x32x8i8*/ {Elt::I32, 0, Elt::I32, 16, 1},
    /*i32_16x16x16i8*/ {Elt::I32, 0, Elt::I32, 4, 1},
    /*f32_32x32x2bf16*/ {Elt::BF16Bits, 2, Elt::F32, 32, 2},
    /*f32_16x16x2bf16*/ {Elt::BF16Bits, 2, Elt::F32, 16, 4},
    /*f32_4x4x2bf16*/ {Elt::BF16Bits, 2, Elt::F32, 4, 16},
    /*f32_32x32x4bf16*/ {Elt::BF16Bits, 2, Elt::F32, 16, 1},
    /*f32_16x16x8bf16*/ {Elt::BF16Bits, 2, Elt::F32, 4, 1},
    /*f32_32x32x4bf16_1k*/ {Elt::BF16Bits, 4, Elt::F32, 32, 2},
    /*f32_16x16x4bf16_1k*/ {Elt::BF16Bits, 4, Elt::F32, 16, 4},
    /*f32_4x4x4bf16_1k*/ {Elt::BF16Bits, 4, Elt::F32, 4, 16},
    /*f32_32x32x8bf16_1k*/ {Elt::BF16Bits, 4, Elt::F32, 16, 1},
    /*f32_16x16x16bf16_1k*/ {Elt::BF16Bits, 4, Elt::F32, 4, 1},
    /*f64_16x16x4f64*/ {Elt::F64, 0, Elt::F64, 4, 1},
    /*f64_4x4x4f64*/ {Elt::F64, 0, Elt::F64, 0, 4},
    /*i32_16x16x32_i8*/ {Elt::I64, 0, Elt::I32, 4, 1},
    /*i32_32x32x16_i8*/ {Elt::I64, 0, Elt::I32, 16, 1},
    /*f32_16x16x8_xf32*/ {Elt::F32, 2, Elt::F32, 4, 1},
    /*f32_32x32x4_xf32*/ {Elt::F32, 2, Elt::F32, 16, 1},
    /*f32_16x16x32_bf8_bf8*/ {Elt::I64, 0, Elt::F32, 4, 1},
    /*f32_16x16x32_bf8_fp8*/ {Elt::I64, 0, Elt::F32, 4, 1},
    /*f32_16x16x32_fp8_bf8*/ {Elt::I64, 0, Elt::F32, 4, 1},
    /*f32_16x16x32_fp8_fp8*/ {Elt::I64, 0, Elt::F32, 4, 1},
    /*f32_32x32x16_bf8_bf8*/ {Elt::I64, 0, Elt::F32, 16, 1},
    /*f32_32x32x16_bf8_fp8*/ {Elt::I64, 0, Elt::F32, 16, 1},
    /*f32_32x32x16_fp8_bf8*/ {Elt::I64, 0, Elt::F32, 16, 1},
    /*f32_32x32x16_fp8_fp8*/ {Elt::I64, 0, Elt::F32, 16, 1},
    /*f32_16x16x32_f16*/ {Elt::F16, 8, Elt::F32, 4, 1},
    /*f32_32x32x16_f16*/ {Elt::F16, 8, Elt::F32, 16, 1},
    /*f32_16x16x32_bf16*/ {Elt::BF16, 8, Elt::F32, 4, 1},
    /*f32_32x32x16_bf16*/ {Elt::BF16, 8, Elt::F32, 16, 1},
    /*i32_16x16x64_i8*/ {Elt::I32, 4, Elt::I32, 4, 1},
    /*i32_32x32x32_i8*/ {Elt::I32, 4, Elt::I32, 16, 1},
};
static_assert(std::size(kMfmaSignatures) ==
                  static_cast<size_t>(getMaxEnumValForMfmaKind()) + 1,
              "one MFMA signature per MfmaKind");

static Type getEltType(MLIRContext *ctx, Elt elt) {
  Builder b(ctx);
  switch (elt) {
  case Elt::F16:
    return b.getF16Type();
  case Elt::BF16:
  case Elt::BF16Bits:
    return b.getBF16Type();
  case Elt::F32:
    return b.getF32Type();
  case Elt::F64:
    return b.getF64Type();
  case Elt::I32:
    return b.getI32Type();
  case Elt::I64:
    return b.getI64Type();
  }
  llvm_unreachable("unknown MFMA element");
}

/// `len` x `element` (a scalar when `len` is 0).
static Type getOperandType(Type element, unsigned len) {
  if (len == 0)
    return element;
  return VectorType::get({static_cast<int64_t>(len)}, element);
}

/// Checks that operand `name` of type `actual` is `len` x `elt`.
static LogicalResult checkMfmaOperand(MfmaOp op, StringRef name, Type actual,
                                      Elt elt, unsigned len) {
  MLIRContext *ctx = op.getContext();
  Type expected = getOperandType(getEltType(ctx, elt), len);
  if (actual == expected)
    return success();
  Type bits = getOperandType(IntegerType::get(ctx, 16), len);
  if (elt == Elt::BF16Bits && actual == bits)
    return success();
  InFlightDiagnostic diag = op.emitOpError()
                            << "'" << stringifyMfmaKind(op.getKind())
                            << "' expects " << name << " of type " << expected;
  if (elt == Elt::BF16Bits)
    diag << " or " << bits;
  return diag << ", got " << actual;
}

LogicalResult MfmaOp::verify() {
  const MfmaSignature &sig = kMfmaSignatures[static_cast<uint32_t>(getKind())];
  if (failed(checkMfmaOperand(*this, "a", getA().getType(), sig.src,
                              sig.srcLen)) ||
      failed(checkMfmaOperand(*this, "b", getB().getType(), sig.src,
                              sig.srcLen)) ||
      failed(
          checkMfmaOperand(*this, "c", getC().getType(), sig.acc, sig.accLen)))
    return failure();

  // CBSZ broadcasts one block of A to 2^CBSZ blocks, so it is at most
  // log2(blocks); the f64 kinds do not broadcast at all.
  int32_t maxCbsz =
      sig.acc == Elt::F64 ? 0 : static_cast<int32_t>(llvm::Log2_32(sig.blocks));
  int32_t cbsz = getCbsz(), abid = getAbid(), blgp = getBlgp();
  if (cbsz < 0 || cbsz > maxCbsz)
    return emitOpError() << "cbsz must be in [0, " << maxCbsz << "] for '"
                         << stringifyMfmaKind(getKind()) << "', got " << cbsz;
  if (abid < 0 || abid >= (1 << cbsz))
    return emitOpError() << "abid must be below 2^cbsz = " << (1 << cbsz)
                         << ", got " << abid;
  if (blgp < 0 || blgp > 7)
    return emitOpError() << "blgp must be in [0, 7], got " << blgp;
  return success();
}

//===----------------------------------------------------------------------===//
// Host runtime
//===----------------------------------------------------------------------===//

/// Size in bits of an element of `type`'s kind, or 0 when it has none.
static uint64_t getElementBits(Type type) {
  if (type.isIntOrFloat())
    return type.getIntOrFloatBitWidth();
  if (auto vector = dyn_cast<VectorType>(type))
    if (vector.hasStaticShape() && vector.getElementType().isIntOrFloat())
      return vector.getNumElements() *
             vector.getElementType().getIntOrFloatBitWidth();
  return 0;
}

LogicalResult MallocOp::verify() {
  auto type = cast<MemRefType>(getType());
  if (!isIn(type, MemorySpace::global))
    return emitOpError() << "result must be in the global memory space, got "
                         << describeSpace(type);
  if (type.getRank() != 1 || !type.getLayout().isIdentity())
    return emitOpError() << "result must be a rank-1 memref with the identity "
                            "layout, got "
                         << type;
  APInt size;
  uint64_t bits = getElementBits(type.getElementType());
  if (type.hasStaticShape() && bits % 8 == 0 && bits != 0 &&
      matchPattern(getSize(), m_ConstantInt(&size))) {
    uint64_t bytes = type.getNumElements() * (bits / 8);
    if (size.getSExtValue() != static_cast<int64_t>(bytes))
      return emitOpError() << "size of " << size.getSExtValue()
                           << " bytes does not match the " << bytes
                           << " bytes of " << type;
  }
  return success();
}

LogicalResult FreeOp::verify() {
  auto type = cast<MemRefType>(getMemref().getType());
  if (!isIn(type, MemorySpace::global))
    return emitOpError() << "needs a global memref, got "
                         << describeSpace(type);
  return success();
}

/// Checks one side (`role`: "source" or "destination") of a copy: host
/// memory when `host`, device (global) memory otherwise.
static LogicalResult checkCopySide(MemcpyOp op, StringRef role, MemRefType type,
                                   bool host) {
  if (host ? isHost(type) : isIn(type, MemorySpace::global))
    return success();
  return op.emitOpError() << role << " of a "
                          << stringifyMemcpyKind(op.getKind())
                          << " copy must be a " << (host ? "host" : "global")
                          << " memref, got " << describeSpace(type);
}

LogicalResult MemcpyOp::verify() {
  auto dst = cast<MemRefType>(getDst().getType());
  auto src = cast<MemRefType>(getSrc().getType());
  if (dst.getElementType() != src.getElementType())
    return emitOpError() << "element types differ: destination "
                         << dst.getElementType() << ", source "
                         << src.getElementType();
  bool dstHost = false, srcHost = false;
  switch (getKind()) {
  case MemcpyKind::host_to_host:
    dstHost = srcHost = true;
    break;
  case MemcpyKind::host_to_device:
    srcHost = true;
    break;
  case MemcpyKind::device_to_host:
    dstHost = true;
    break;
  case MemcpyKind::device_to_device:
    break;
  case MemcpyKind::Default:
    for (auto [role, type] :
         {std::pair<StringRef, MemRefType>{"destination", dst},
          {"source", src}})
      if (!isHost(type) && !isIn(type, MemorySpace::global))
        return emitOpError()
               << role << " of a default copy must be a host or global "
               << "memref, got " << describeSpace(type);
    return success();
  }
  if (failed(checkCopySide(*this, "destination", dst, dstHost)) ||
      failed(checkCopySide(*this, "source", src, srcHost)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Kernel launch
//===----------------------------------------------------------------------===//

/// The constant value of `value`, if it has one.
static std::optional<int64_t> getConstantIndex(Value value) {
  APInt constant;
  if (matchPattern(value, m_ConstantInt(&constant)))
    return constant.getSExtValue();
  return std::nullopt;
}

/// The number of threads of the launch's block when all three sizes are
/// constants.
static std::optional<int64_t> getConstantBlockSize(LaunchOp op) {
  int64_t threads = 1;
  for (Value dim : {op.getBlockX(), op.getBlockY(), op.getBlockZ()}) {
    std::optional<int64_t> n = getConstantIndex(dim);
    if (!n)
      return std::nullopt;
    threads *= *n;
  }
  return threads;
}

LogicalResult LaunchOp::verify() {
  for (Value dim : {getGridX(), getGridY(), getGridZ(), getBlockX(),
                    getBlockY(), getBlockZ()})
    if (std::optional<int64_t> n = getConstantIndex(dim); n && *n < 1)
      return emitOpError() << "grid and block sizes must be positive, got "
                           << *n;
  if (std::optional<int64_t> threads = getConstantBlockSize(*this);
      threads && *threads > kMaxThreadsPerBlock)
    return emitOpError() << "block of " << *threads << " threads exceeds the "
                         << kMaxThreadsPerBlock << " threads per block of HIP";
  return success();
}

LogicalResult LaunchOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto kernel = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getKernelAttr());
  if (!kernel)
    return emitOpError() << "'" << getKernel()
                         << "' does not reference a function";
  if (!kernel->hasAttr(HipDialect::kKernelAttrName))
    return emitOpError() << "'" << getKernel() << "' is not a hip.kernel";
  ArrayRef<Type> params = kernel.getArgumentTypes();
  if (params.size() != getArgs().size())
    return emitOpError() << "passes " << getArgs().size()
                         << " arguments to a kernel that takes "
                         << params.size();
  for (auto [i, arg, param] : llvm::enumerate(getArgs().getTypes(), params))
    if (arg != param)
      return emitOpError() << "argument " << i << " has type " << arg
                           << " but the kernel expects " << param;
  auto bounds = kernel->getAttrOfType<DenseI32ArrayAttr>(
      HipDialect::kLaunchBoundsAttrName);
  std::optional<int64_t> threads = getConstantBlockSize(*this);
  if (bounds && !bounds.empty() && threads && *threads > bounds[0])
    return emitOpError() << "block of " << *threads
                         << " threads exceeds the kernel's launch bounds of "
                         << bounds[0];
  return success();
}
