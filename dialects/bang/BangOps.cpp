//===- BangOps.cpp - bang operations --------------------------------------===//
//
// Verifiers of the bang operations: memory spaces, element types, copy
// directions and constant sizes that the types alone do not express.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace xpiler::bang;

#define GET_OP_CLASSES
#include "xpiler/Dialect/Bang/BangOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

namespace {
/// Element types a builtin accepts, as a bit set.
enum TypeSet : unsigned {
  kF16 = 1,
  kBF16 = 2,
  kF32 = 4,
  kI8 = 8,
  kI16 = 16,
  kI32 = 32,
  kHalfFloat = kF16 | kF32,
  kFloats = kF16 | kBF16 | kF32,
};
} // namespace

static unsigned getTypeBit(Type type) {
  if (type.isF16())
    return kF16;
  if (type.isBF16())
    return kBF16;
  if (type.isF32())
    return kF32;
  if (type.isSignlessInteger(8))
    return kI8;
  if (type.isSignlessInteger(16))
    return kI16;
  if (type.isSignlessInteger(32))
    return kI32;
  return 0;
}

static std::string describeTypeSet(unsigned set) {
  SmallVector<StringRef> names;
  static const std::pair<unsigned, StringRef> kNames[] = {
      {kF16, "f16"}, {kBF16, "bf16"}, {kF32, "f32"},
      {kI8, "i8"},   {kI16, "i16"},   {kI32, "i32"}};
  for (auto [bit, name] : kNames)
    if (set & bit)
      names.push_back(name);
  std::string result;
  for (auto [i, name] : llvm::enumerate(names)) {
    if (i != 0)
      result += i + 1 == names.size() ? " or " : ", ";
    result += name.str();
  }
  return result;
}

static Type getElementType(Value memref) {
  return cast<BaseMemRefType>(memref.getType()).getElementType();
}

/// Checks that `type` is in `set`; `builtin` names the C builtin.
static LogicalResult verifyElementType(Operation *op, Type type,
                                       StringRef builtin, unsigned set) {
  if (getTypeBit(type) & set)
    return success();
  return op->emitOpError() << builtin << " does not support element type "
                           << type << " (expected " << describeTypeSet(set)
                           << ")";
}

static std::string describeSpace(Type type) {
  if (std::optional<MemorySpace> space = getMemorySpace(type))
    return stringifyMemorySpace(*space).str();
  if (cast<BaseMemRefType>(type).getMemorySpace())
    return "a non-bang memory space";
  return "host memory";
}

/// Checks that memref `value` (operand `name`) lives in `space`.
static LogicalResult verifySpace(Operation *op, Value value, StringRef name,
                                 MemorySpace space) {
  if (getMemorySpace(value.getType()) == space)
    return success();
  return op->emitOpError() << "'" << name << "' must be in "
                           << stringifyMemorySpace(space) << ", got "
                           << describeSpace(value.getType());
}

/// Checks that every memref in `values` has the element type of the first.
static LogicalResult
verifySameElementType(Operation *op,
                      ArrayRef<std::pair<Value, StringRef>> values) {
  Type first = getElementType(values.front().first);
  for (auto [value, name] : values.drop_front())
    if (getElementType(value) != first)
      return op->emitOpError()
             << "'" << name << "' element type " << getElementType(value)
             << " does not match '" << values.front().second
             << "' element type " << first;
  return success();
}

static std::optional<int64_t> getConstant(Value value) {
  APInt constant;
  if (value && matchPattern(value, m_ConstantInt(&constant)))
    return constant.getSExtValue();
  return std::nullopt;
}

/// Checks that `value`, when a constant, is positive (zero too if
/// `allowZero`).
static LogicalResult verifyPositive(Operation *op, Value value, StringRef name,
                                    bool allowZero = false) {
  std::optional<int64_t> constant = getConstant(value);
  if (!constant || *constant > 0 || (allowZero && *constant == 0))
    return success();
  return op->emitOpError() << "'" << name << "' must be "
                           << (allowZero ? "non-negative" : "positive")
                           << ", got " << *constant;
}

/// Number of elements of a statically shaped memref, if any.
static std::optional<int64_t> getStaticElements(Value memref) {
  auto type = dyn_cast<MemRefType>(memref.getType());
  if (!type || !type.hasStaticShape())
    return std::nullopt;
  return type.getNumElements();
}

/// Checks that a builtin accessing `count` elements of memref `value` stays
/// inside it (when both are known).
static LogicalResult verifyExtent(Operation *op, Value value, StringRef name,
                                  std::optional<int64_t> count) {
  std::optional<int64_t> elements = getStaticElements(value);
  if (!count || !elements || *count <= *elements)
    return success();
  return op->emitOpError() << "accesses " << *count << " elements of '" << name
                           << "' which holds " << *elements;
}

/// Checks that every memref in `values` is in NRAM and holds `count`
/// elements.
static LogicalResult
verifyNramVectors(Operation *op, ArrayRef<std::pair<Value, StringRef>> values,
                  Value count) {
  std::optional<int64_t> n = getConstant(count);
  for (auto [value, name] : values)
    if (failed(verifySpace(op, value, name, MemorySpace::nram)) ||
        failed(verifyExtent(op, value, name, n)))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// AllocOp
//===----------------------------------------------------------------------===//

LogicalResult AllocOp::verify() {
  auto type = cast<MemRefType>(getMemref().getType());
  std::optional<MemorySpace> space = getMemorySpace(type);
  if (!space || (*space != MemorySpace::nram && *space != MemorySpace::wram &&
                 *space != MemorySpace::sram))
    return emitOpError() << "declared arrays must be in nram, wram or sram, "
                            "got "
                         << describeSpace(type);
  if (!type.hasStaticShape())
    return emitOpError() << "declared arrays need a static shape, got "
                         << type;
  if (!type.getLayout().isIdentity())
    return emitOpError() << "declared arrays need the identity layout";
  return success();
}

//===----------------------------------------------------------------------===//
// MemcpyOp
//===----------------------------------------------------------------------===//

/// Whether Cambricon's headers define the 4-argument (`strided` false) or the
/// 7-argument (`strided` true) form of `__memcpy`/`__memcpy_async` for `dir`.
static bool isSupportedDirection(MemcpyDir dir, bool async, bool strided) {
  using D = MemcpyDir;
  switch (dir) {
  case D::GDRAM2NRAM:
  case D::NRAM2GDRAM:
  case D::NRAM2NRAM:
  case D::GDRAM2WRAM:
  case D::NRAM2WRAM:
  case D::SRAM2NRAM:
  case D::NRAM2SRAM:
  case D::SRAM2WRAM:
  case D::GDRAM2SRAM:
  case D::SRAM2GDRAM:
  case D::GDRAM2LDRAM:
  case D::GDRAM2GDRAM:
    return true;
  case D::WRAM2NRAM:
  case D::WRAM2SRAM:
    return !strided;
  case D::LDRAM2NRAM:
  case D::NRAM2LDRAM:
  case D::LDRAM2SRAM:
  case D::SRAM2LDRAM:
  case D::LDRAM2GDRAM:
    return !async;
  case D::WRAM2GDRAM:
  case D::LDRAM2WRAM:
  case D::WRAM2LDRAM:
    return !async && !strided;
  case D::LDRAM2LDRAM:
    return !async && strided;
  case D::SRAM2SRAM:
    return false; // Only with a destination cluster.
  }
  return false;
}

LogicalResult MemcpyOp::verify() {
  MemcpyDir dir = getDir();
  StringRef dirName = stringifyMemcpyDir(dir);
  auto [srcSpace, dstSpace] = getMemcpySpaces(dir);
  if (getMemorySpace(getDst().getType()) != dstSpace)
    return emitOpError() << "direction " << dirName << " needs 'dst' in "
                         << stringifyMemorySpace(dstSpace) << ", got "
                         << describeSpace(getDst().getType());
  if (getMemorySpace(getSrc().getType()) != srcSpace)
    return emitOpError() << "direction " << dirName << " needs 'src' in "
                         << stringifyMemorySpace(srcSpace) << ", got "
                         << describeSpace(getSrc().getType());

  bool strided = getDstStride() || getSrcStride() || getSegnum();
  if (strided && !(getDstStride() && getSrcStride() && getSegnum()))
    return emitOpError()
           << "strided copies need dst_stride, src_stride and segnum together";
  if (getDstCluster()) {
    if (dir != MemcpyDir::SRAM2SRAM)
      return emitOpError()
             << "a destination cluster only applies to SRAM2SRAM copies";
    if (getAsync())
      return emitOpError() << "__memcpy_async has no destination-cluster form";
  } else if (dir == MemcpyDir::SRAM2SRAM) {
    return emitOpError() << "SRAM2SRAM copies need a destination cluster";
  } else if (!isSupportedDirection(dir, getAsync(), strided)) {
    return emitOpError() << getBuiltinName() << " has no "
                         << (strided ? "strided" : "plain")
                         << " form for direction " << dirName;
  }

  if (failed(verifyPositive(*this, getSize(), "size")) ||
      failed(verifyPositive(*this, getSegnum(), "segnum", /*allowZero=*/true)))
    return failure();

  // Bytes touched in each buffer: segnum * stride + size.
  std::optional<int64_t> size = getConstant(getSize());
  auto extent = [&](Value stride) -> std::optional<int64_t> {
    if (!size)
      return std::nullopt;
    if (!strided)
      return *size;
    std::optional<int64_t> seg = getConstant(getSegnum());
    std::optional<int64_t> step = getConstant(stride);
    if (!seg || !step)
      return std::nullopt;
    return *seg * *step + *size;
  };
  for (auto [value, stride, name] :
       {std::make_tuple(getDst(), getDstStride(), StringRef("dst")),
        std::make_tuple(getSrc(), getSrcStride(), StringRef("src"))}) {
    std::optional<int64_t> elements = getStaticElements(value);
    unsigned bits = getElementType(value).getIntOrFloatBitWidth();
    std::optional<int64_t> bytes = extent(stride);
    if (elements && bytes && bits % 8 == 0 && *bytes > *elements * bits / 8)
      return emitOpError() << "copies " << *bytes << " bytes of '" << name
                           << "' which holds " << *elements * bits / 8;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Fills
//===----------------------------------------------------------------------===//

LogicalResult FillOp::verify() {
  std::string builtin = getKind() == FillKind::memset_nram
                            ? "__memset_nram"
                            : "__bang_write_value";
  if (failed(verifySpace(*this, getDst(), "dst", MemorySpace::nram)) ||
      failed(verifyPositive(*this, getCount(), "count")) ||
      failed(verifyElementType(*this, getValue().getType(), builtin,
                               kFloats | kI8 | kI16 | kI32)))
    return failure();
  return success();
}

LogicalResult WriteZeroOp::verify() {
  if (failed(verifyNramVectors(*this, {{getDst(), "dst"}}, getCount())) ||
      failed(verifyPositive(*this, getCount(), "count")) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               "__bang_write_zero", kFloats)))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Elementwise builtins
//===----------------------------------------------------------------------===//

/// Element types of the vector-vector form of a binary builtin.
static unsigned getBinaryTypes(BinaryKind kind) {
  switch (kind) {
  case BinaryKind::add:
  case BinaryKind::sub:
  case BinaryKind::mul:
    return kFloats | kI16 | kI32;
  case BinaryKind::div:
  case BinaryKind::maximum:
  case BinaryKind::minimum:
  case BinaryKind::eq:
  case BinaryKind::ne:
  case BinaryKind::gt:
  case BinaryKind::ge:
  case BinaryKind::lt:
  case BinaryKind::le:
    return kFloats;
  case BinaryKind::maxequal:
  case BinaryKind::minequal:
  case BinaryKind::logical_and:
  case BinaryKind::logical_or:
  case BinaryKind::logical_xor:
    return kHalfFloat;
  }
  return 0;
}


std::string BinaryOp::getBuiltinName() {
  return ("__bang_" + stringifyBinaryKind(getKind())).str();
}

LogicalResult BinaryOp::verify() {
  if (failed(verifyNramVectors(
          *this, {{getDst(), "dst"}, {getSrc0(), "src0"}, {getSrc1(), "src1"}},
          getCount())) ||
      failed(verifySameElementType(
          *this,
          {{getDst(), "dst"}, {getSrc0(), "src0"}, {getSrc1(), "src1"}})) ||
      failed(verifyPositive(*this, getCount(), "count")) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               getBuiltinName(), getBinaryTypes(getKind()))))
    return failure();
  return success();
}

std::string BinaryScalarOp::getBuiltinName() {
  return ("__bang_" + stringifyBinaryKind(getKind()) + "_" +
          stringifyScalarForm(getForm()))
      .str();
}

LogicalResult BinaryScalarOp::verify() {
  BinaryKind kind = getKind();
  bool arithmetic = kind == BinaryKind::add || kind == BinaryKind::sub ||
                    kind == BinaryKind::mul;
  bool comparison = kind == BinaryKind::eq || kind == BinaryKind::ne ||
                    kind == BinaryKind::gt || kind == BinaryKind::ge ||
                    kind == BinaryKind::lt || kind == BinaryKind::le;
  if (getForm() == ScalarForm::scalar ? !(arithmetic || comparison)
                                      : !arithmetic)
    return emitOpError() << "kind '" << stringifyBinaryKind(kind)
                         << "' has no _" << stringifyScalarForm(getForm())
                         << " form";
  Type element = getElementType(getDst());
  unsigned types =
      getForm() == ScalarForm::scalar ? getBinaryTypes(kind) : kHalfFloat;
  if (failed(verifyNramVectors(*this, {{getDst(), "dst"}, {getSrc(), "src"}},
                               getCount())) ||
      failed(verifySameElementType(*this,
                                   {{getDst(), "dst"}, {getSrc(), "src"}})) ||
      failed(verifyPositive(*this, getCount(), "count")) ||
      failed(verifyElementType(*this, element, getBuiltinName(), types)))
    return failure();
  if (getValue().getType() != element)
    return emitOpError() << "value type " << getValue().getType()
                         << " does not match element type " << element;
  return success();
}

std::string CycleOp::getBuiltinName() {
  return ("__bang_cycle_" + stringifyBinaryKind(getKind())).str();
}

LogicalResult CycleOp::verify() {
  BinaryKind kind = getKind();
  if (kind == BinaryKind::div || kind == BinaryKind::maximum ||
      kind == BinaryKind::minimum)
    return emitOpError() << "kind '" << stringifyBinaryKind(kind)
                         << "' has no cycle form";
  std::optional<int64_t> srcCount = getConstant(getSrcCount());
  std::optional<int64_t> segCount = getConstant(getSegCount());
  if (failed(verifyNramVectors(*this, {{getDst(), "dst"}, {getSrc(), "src"}},
                               getSrcCount())) ||
      failed(verifyNramVectors(*this, {{getSeg(), "seg"}}, getSegCount())) ||
      failed(verifySameElementType(
          *this, {{getDst(), "dst"}, {getSrc(), "src"}, {getSeg(), "seg"}})) ||
      failed(verifyPositive(*this, getSrcCount(), "src_count")) ||
      failed(verifyPositive(*this, getSegCount(), "seg_count")) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               getBuiltinName(), kHalfFloat)))
    return failure();
  if (srcCount && segCount && *srcCount % *segCount != 0)
    return emitOpError() << "src_count " << *srcCount
                         << " is not a multiple of seg_count " << *segCount;
  return success();
}

std::string UnaryOp::getBuiltinName() {
  return ("__bang_" + stringifyUnaryKind(getKind())).str();
}

LogicalResult UnaryOp::verify() {
  bool active = stringifyUnaryKind(getKind()).starts_with("active_");
  if (failed(verifyNramVectors(*this, {{getDst(), "dst"}, {getSrc(), "src"}},
                               getCount())) ||
      failed(verifySameElementType(*this,
                                   {{getDst(), "dst"}, {getSrc(), "src"}})) ||
      failed(verifyPositive(*this, getCount(), "count")) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               getBuiltinName(),
                               active ? unsigned(kHalfFloat)
                                      : unsigned(kFloats))))
    return failure();
  return success();
}

LogicalResult ReduceOp::verify() {
  StringRef builtin =
      getKind() == ReduceKind::max ? "__bang_max" : "__bang_min";
  if (failed(verifyNramVectors(*this, {{getSrc(), "src"}}, getCount())) ||
      failed(verifyNramVectors(*this, {{getDst(), "dst"}}, Value())) ||
      failed(verifySameElementType(*this,
                                   {{getDst(), "dst"}, {getSrc(), "src"}})) ||
      failed(verifyPositive(*this, getCount(), "count")) ||
      failed(verifyElementType(*this, getElementType(getDst()), builtin,
                               kHalfFloat)))
    return failure();
  std::optional<int64_t> elements = getStaticElements(getDst());
  if (elements && *elements < 2)
    return emitOpError()
           << "'dst' must hold at least 2 elements (value and index)";
  return success();
}

//===----------------------------------------------------------------------===//
// Pooling and transpose
//===----------------------------------------------------------------------===//

std::string PoolOp::getBuiltinName() {
  return ("__bang_" + stringifyPoolKind(getKind()) + "pool").str();
}

/// Checks that a constant kernel extent fits a constant input extent.
static LogicalResult verifyWindow(Operation *op, Value kernel,
                                  StringRef kernelName, Value input,
                                  StringRef inputName) {
  std::optional<int64_t> k = getConstant(kernel);
  std::optional<int64_t> in = getConstant(input);
  if (!k || !in || *k <= *in)
    return success();
  return op->emitOpError() << kernelName << " " << *k << " exceeds "
                           << inputName << " " << *in;
}

LogicalResult PoolOp::verify() {
  if ((getStrideX() == nullptr) != (getStrideY() == nullptr))
    return emitOpError() << "stride_x and stride_y go together";
  if (failed(verifyNramVectors(*this, {{getDst(), "dst"}, {getSrc(), "src"}},
                               Value())) ||
      failed(verifySameElementType(*this,
                                   {{getDst(), "dst"}, {getSrc(), "src"}})) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               getBuiltinName(), kHalfFloat)))
    return failure();
  for (auto [value, name] :
       {std::make_pair(getChannel(), "channel"),
        std::make_pair(getHeight(), "height"),
        std::make_pair(getWidth(), "width"),
        std::make_pair(getKernelHeight(), "kernel_height"),
        std::make_pair(getKernelWidth(), "kernel_width"),
        std::make_pair(getStrideX(), "stride_x"),
        std::make_pair(getStrideY(), "stride_y")})
    if (failed(verifyPositive(*this, value, name)))
      return failure();
  if (failed(verifyWindow(*this, getKernelHeight(), "kernel_height",
                          getHeight(), "height")) ||
      failed(verifyWindow(*this, getKernelWidth(), "kernel_width", getWidth(),
                          "width")))
    return failure();
  return success();
}

LogicalResult TransposeOp::verify() {
  if (failed(verifySpace(*this, getDst(), "dst", MemorySpace::nram)) ||
      failed(verifySpace(*this, getSrc(), "src", MemorySpace::nram)) ||
      failed(verifySameElementType(*this,
                                   {{getDst(), "dst"}, {getSrc(), "src"}})) ||
      failed(verifyPositive(*this, getHeight(), "height")) ||
      failed(verifyPositive(*this, getWidth(), "width")))
    return failure();
  Type element = getElementType(getDst());
  if (!element.isIntOrFloat() ||
      !llvm::is_contained({8u, 16u, 32u}, element.getIntOrFloatBitWidth()))
    return emitOpError() << "__bang_transpose needs an 8-, 16- or 32-bit "
                            "element type, got "
                         << element;
  std::optional<int64_t> h = getConstant(getHeight());
  std::optional<int64_t> w = getConstant(getWidth());
  if (h && w &&
      (failed(verifyExtent(*this, getDst(), "dst", *h * *w)) ||
       failed(verifyExtent(*this, getSrc(), "src", *h * *w))))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Matrix and convolution builtins
//===----------------------------------------------------------------------===//

/// Checks the input pair of a matmul/mlp/conv: both f16, both f32, or both
/// i8/i16 integers; a fix position goes with (and only with) integer inputs.
static LogicalResult verifyInputPair(Operation *op, Type data,
                                     StringRef dataName, Type filter,
                                     StringRef filterName, bool hasPosition) {
  unsigned a = getTypeBit(data), b = getTypeBit(filter);
  bool floats = (a == kF16 || a == kF32) && a == b;
  bool ints = (a == kI8 || a == kI16) && (b == kI8 || b == kI16);
  if (!floats && !ints)
    return op->emitOpError()
           << "'" << dataName << "' and '" << filterName
           << "' must both be f16, both be f32, or be i8/i16, got " << data
           << " and " << filter;
  if (ints && !hasPosition)
    return op->emitOpError() << "integer inputs need a fix position";
  if (floats && hasPosition)
    return op->emitOpError() << "floating-point inputs take no fix position";
  return success();
}

LogicalResult MatmulOp::verify() {
  if (failed(verifySpace(*this, getDst(), "dst", MemorySpace::nram)) ||
      failed(verifySpace(*this, getLhs(), "lhs", MemorySpace::nram)) ||
      failed(verifySpace(*this, getRhs(), "rhs", MemorySpace::wram)) ||
      failed(verifyInputPair(*this, getElementType(getLhs()), "lhs",
                             getElementType(getRhs()), "rhs",
                             getFixPosition() != nullptr)) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               "__bang_matmul", kHalfFloat)))
    return failure();
  for (auto [value, name] : {std::make_pair(getM(), "m"),
                             std::make_pair(getK(), "k"),
                             std::make_pair(getN(), "n")})
    if (failed(verifyPositive(*this, value, name)))
      return failure();
  std::optional<int64_t> m = getConstant(getM()), k = getConstant(getK()),
                         n = getConstant(getN());
  if (m && k && n &&
      (failed(verifyExtent(*this, getDst(), "dst", *m * *n)) ||
       failed(verifyExtent(*this, getLhs(), "lhs", *m * *k)) ||
       failed(verifyExtent(*this, getRhs(), "rhs", *k * *n))))
    return failure();
  return success();
}

LogicalResult MlpOp::verify() {
  if (failed(verifySpace(*this, getDst(), "dst", MemorySpace::nram)) ||
      failed(verifySpace(*this, getSrc(), "src", MemorySpace::nram)) ||
      failed(verifySpace(*this, getWeight(), "weight", MemorySpace::wram)) ||
      failed(verifyInputPair(*this, getElementType(getSrc()), "src",
                             getElementType(getWeight()), "weight",
                             getFixPosition() != nullptr)) ||
      failed(verifyElementType(*this, getElementType(getDst()), "__bang_mlp",
                               kHalfFloat | kI16)) ||
      failed(verifyPositive(*this, getHeight(), "height")) ||
      failed(verifyPositive(*this, getWidth(), "width")))
    return failure();
  if (Value bias = getBias())
    if (failed(verifySpace(*this, bias, "bias", MemorySpace::nram)) ||
        failed(verifySameElementType(*this, {{getDst(), "dst"},
                                             {bias, "bias"}})))
      return failure();
  return success();
}

LogicalResult ConvOp::verify() {
  if (failed(verifySpace(*this, getDst(), "dst", MemorySpace::nram)) ||
      failed(verifySpace(*this, getSrc(), "src", MemorySpace::nram)) ||
      failed(verifySpace(*this, getKernel(), "kernel", MemorySpace::wram)) ||
      failed(verifyInputPair(*this, getElementType(getSrc()), "src",
                             getElementType(getKernel()), "kernel",
                             getFixPosition() != nullptr)) ||
      failed(verifyElementType(*this, getElementType(getDst()),
                               "__bang_conv", kHalfFloat | kI16)))
    return failure();
  if (Value bias = getBias())
    if (failed(verifySpace(*this, bias, "bias", MemorySpace::nram)) ||
        failed(verifySameElementType(*this, {{getDst(), "dst"},
                                             {bias, "bias"}})))
      return failure();
  for (auto [value, name] :
       {std::make_pair(getChannelInput(), "channel_input"),
        std::make_pair(getHeight(), "height"),
        std::make_pair(getWidth(), "width"),
        std::make_pair(getKernelHeight(), "kernel_height"),
        std::make_pair(getKernelWidth(), "kernel_width"),
        std::make_pair(getStrideX(), "stride_x"),
        std::make_pair(getStrideY(), "stride_y"),
        std::make_pair(getChannelOutput(), "channel_output")})
    if (failed(verifyPositive(*this, value, name)))
      return failure();
  if (failed(verifyWindow(*this, getKernelHeight(), "kernel_height",
                          getHeight(), "height")) ||
      failed(verifyWindow(*this, getKernelWidth(), "kernel_width", getWidth(),
                          "width")))
    return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Host side
//===----------------------------------------------------------------------===//

LogicalResult MallocOp::verify() {
  if (getMemorySpace(getMemref().getType()) != MemorySpace::gdram)
    return emitOpError() << "cnrtMalloc returns gdram memory, got "
                         << describeSpace(getMemref().getType());
  return verifyPositive(*this, getBytes(), "bytes");
}

LogicalResult FreeOp::verify() {
  return verifySpace(*this, getMemref(), "memref", MemorySpace::gdram);
}

LogicalResult CnrtMemcpyOp::verify() {
  MemTransDir dir = getDir();
  bool srcDev = dir == MemTransDir::dev2host || dir == MemTransDir::dev2dev;
  bool dstDev = dir == MemTransDir::host2dev || dir == MemTransDir::dev2dev;
  for (auto [value, name, dev] : {std::make_tuple(getDst(), "dst", dstDev),
                                  std::make_tuple(getSrc(), "src", srcDev)}) {
    auto type = cast<BaseMemRefType>(value.getType());
    bool ok = dev ? getMemorySpace(type) == MemorySpace::gdram
                  : type.getMemorySpace() == nullptr;
    if (!ok)
      return emitOpError() << stringifyMemTransDir(dir) << " needs '" << name
                           << "' in " << (dev ? "gdram" : "host memory")
                           << ", got " << describeSpace(type);
  }
  return verifyPositive(*this, getBytes(), "bytes");
}

LogicalResult LaunchOp::verifySymbolUses(SymbolTableCollection &symbolTable) {
  auto kernel = symbolTable.lookupNearestSymbolFrom<FunctionOpInterface>(
      *this, getKernelAttr());
  if (!kernel)
    return emitOpError() << "'" << getKernel()
                         << "' does not reference a function";
  if (!kernel->hasAttr(BangDialect::kKernelAttrName))
    return emitOpError() << "'" << getKernel() << "' is not a bang.kernel";
  ArrayRef<Type> params = kernel.getArgumentTypes();
  if (params.size() != getArgs().size())
    return emitOpError() << "passes " << getArgs().size()
                         << " arguments to a kernel that takes "
                         << params.size();
  for (auto [i, arg, param] : llvm::enumerate(getArgs().getTypes(), params))
    if (arg != param)
      return emitOpError() << "argument " << i << " has type " << arg
                           << " but the kernel expects " << param;
  return success();
}
