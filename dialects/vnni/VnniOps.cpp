//===- VnniOps.cpp - vnni operations --------------------------------------===//
//
// Verifiers of the vnni ops, the intrinsic each op stands for and the
// AVX-512 features that intrinsic needs.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace xpiler::vnni;

/// `custom<ElementType>`: the type of every operand, written once.
static ParseResult
parseElementType(OpAsmParser &parser,
                 ArrayRef<OpAsmParser::UnresolvedOperand> elements,
                 SmallVectorImpl<Type> &types) {
  Type type;
  if (parser.parseType(type))
    return failure();
  types.assign(elements.size(), type);
  return success();
}

static void printElementType(OpAsmPrinter &printer, Operation *,
                             OperandRange elements, TypeRange types) {
  if (!types.empty())
    printer << types.front();
}

#define GET_OP_CLASSES
#include "xpiler/Dialect/Vnni/VnniOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The intrinsic name prefix of a vector width: `_mm512`, `_mm256`, `_mm`.
static std::string getPrefix(unsigned bits) {
  switch (bits) {
  case 512:
    return "_mm512";
  case 256:
    return "_mm256";
  default:
    return "_mm";
  }
}

/// The C spelling of a vector type inside intrinsic names: `si512`, `ps`.
static std::string getVectorSuffix(Type type) {
  if (isIntegerVector(type))
    return "si" + std::to_string(getVectorBitWidth(type));
  return "ps";
}

/// The scalar type of one lane.
static Type getLaneType(MLIRContext *ctx, Lane lane) {
  switch (lane) {
  case Lane::epi8:
    return IntegerType::get(ctx, 8);
  case Lane::epi16:
    return IntegerType::get(ctx, 16);
  case Lane::epi32:
    return IntegerType::get(ctx, 32);
  case Lane::epi64:
    return IntegerType::get(ctx, 64);
  case Lane::ps:
    return Float32Type::get(ctx);
  }
  llvm_unreachable("unknown lane");
}

/// Checks that `lane` reads `vector` as what it is: `ps` a float vector,
/// `epi*` an integer vector.
static LogicalResult verifyLaneVector(Operation *op, Lane lane, Type vector) {
  bool wantsFloat = lane == Lane::ps;
  if (wantsFloat != isFloatVector(vector))
    return op->emitOpError() << "lane '" << stringifyLane(lane) << "' needs "
                             << (wantsFloat ? "a float" : "an integer")
                             << " vector, got " << vector;
  return success();
}

/// Checks that a scalar operand or result has the type of one lane.
static LogicalResult verifyLaneScalar(Operation *op, Lane lane, Type scalar) {
  Type expected = getLaneType(op->getContext(), lane);
  if (scalar != expected)
    return op->emitOpError()
           << "scalar type " << scalar << " does not match lane '"
           << stringifyLane(lane) << "' (expected " << expected << ")";
  return success();
}

/// Bits of one lane.
static unsigned getLaneBits(Lane lane) {
  switch (lane) {
  case Lane::epi8:
    return 8;
  case Lane::epi16:
    return 16;
  case Lane::epi32:
  case Lane::ps:
    return 32;
  case Lane::epi64:
    return 64;
  }
  llvm_unreachable("unknown lane");
}

/// Checks that a write mask has the `max(8, lanes)` bits of the C
/// `__mmask*` type the intrinsic takes for `vector` read as `lane`.
static LogicalResult verifyMask(Operation *op, Lane lane, Type vector,
                                Type mask) {
  unsigned lanes = getVectorBitWidth(vector) / getLaneBits(lane);
  unsigned want = std::max(8u, lanes);
  if (!mask.isSignlessInteger(want))
    return op->emitOpError()
           << "mask for " << lanes << " lanes of '" << stringifyLane(lane)
           << "' must be i" << want << ", got " << mask;
  return success();
}

/// Features of a masked form: `avx512f`, `avx512vl` below 512 bits,
/// `avx512bw` for byte and word lanes.
static void requireMasked(SmallVectorImpl<StringRef> &features, Lane lane,
                          Type vector) {
  features.push_back("avx512f");
  if (getVectorBitWidth(vector) != 512)
    features.push_back("avx512vl");
  if (lane == Lane::epi8 || lane == Lane::epi16)
    features.push_back("avx512bw");
}

/// Checks the enclosing function's `vnni.target_features`, if any, enable
/// every feature `op` needs. Any AVX-512 feature implies `avx512f`.
template <typename OpTy> static LogicalResult verifyFeatures(OpTy op) {
  auto func = op->template getParentOfType<FunctionOpInterface>();
  if (!func)
    return success();
  auto attr = func->template getAttrOfType<StringAttr>(
      VnniDialect::kTargetFeaturesAttrName);
  if (!attr)
    return success();
  SmallVector<StringRef> have;
  attr.getValue().split(have, ',');
  SmallVector<StringRef> need;
  op.getRequiredFeatures(need);
  for (StringRef feature : need) {
    bool enabled =
        feature == "avx512f"
            ? llvm::any_of(have,
                           [](StringRef f) { return f.starts_with("avx512"); })
            : llvm::is_contained(have, feature);
    if (!enabled)
      return op.emitOpError()
             << "'" << op.getIntrinsicName() << "' requires target feature '"
             << feature << "', missing from the enclosing function's '"
             << VnniDialect::kTargetFeaturesAttrName << "'";
  }
  return success();
}

/// Adds `avx512f` when any of `types` is a 512-bit vector.
static void requireF512(SmallVectorImpl<StringRef> &features,
                        ArrayRef<Type> types) {
  if (llvm::any_of(types, [](Type t) { return getVectorBitWidth(t) == 512; }))
    features.push_back("avx512f");
}

/// Checks a load or store of `vector` at `base[indices]`.
static LogicalResult verifyAccess(Operation *op, MemRefType base,
                                  size_t numIndices, Type vector) {
  if (static_cast<size_t>(base.getRank()) != numIndices)
    return op->emitOpError()
           << "expects " << base.getRank() << " indices for a memref of rank "
           << base.getRank() << ", got " << numIndices;
  if (!isAccessibleBuffer(base))
    return op->emitOpError() << "memref must have the identity layout or be "
                                "1-D with unit stride, got "
                             << base;
  Type element = base.getElementType();
  if (isFloatVector(vector)) {
    if (!element.isF32())
      return op->emitOpError()
             << "float vector access needs an f32 memref, got element type "
             << element;
    return success();
  }
  if (!llvm::any_of(ArrayRef<unsigned>{8, 16, 32, 64},
                    [&](unsigned w) { return element.isSignlessInteger(w); }))
    return op->emitOpError() << "integer vector access needs an i8, i16, i32 "
                                "or i64 memref, got element type "
                             << element;
  return success();
}

/// Name of a load or store: `_mm512_loadu_si512`, `_mm256_store_ps` ...
static std::string getAccessName(StringRef verb, bool aligned, Type vector) {
  return getPrefix(getVectorBitWidth(vector)) + "_" + verb.str() +
         (aligned ? "_" : "u_") + getVectorSuffix(vector);
}

//===----------------------------------------------------------------------===//
// DpOp
//===----------------------------------------------------------------------===//

std::string DpOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) + "_" +
         stringifyDotKind(getKind()).str() + "_epi32";
}

void DpOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  features.push_back("avx512vnni");
  if (getVectorBitWidth(getType()) != 512)
    features.push_back("avx512vl");
}

LogicalResult DpOp::verify() { return verifyFeatures(*this); }

//===----------------------------------------------------------------------===//
// LoadOp / StoreOp
//===----------------------------------------------------------------------===//

std::string LoadOp::getIntrinsicName() {
  return getAccessName("load", getAligned(), getType());
}

void LoadOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getType()});
}

LogicalResult LoadOp::verify() {
  if (failed(verifyAccess(*this, getBase().getType(), getIndices().size(),
                          getType())))
    return failure();
  return verifyFeatures(*this);
}

std::string StoreOp::getIntrinsicName() {
  return getAccessName("store", getAligned(), getValue().getType());
}

void StoreOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getValue().getType()});
}

LogicalResult StoreOp::verify() {
  if (failed(verifyAccess(*this, getBase().getType(), getIndices().size(),
                          getValue().getType())))
    return failure();
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// MaskedLoadOp / MaskedStoreOp / GatherOp
//===----------------------------------------------------------------------===//

/// Checks a masked access of `vector` read as `lane` under `mask`.
static LogicalResult verifyMaskedAccess(Operation *op, Lane lane, bool aligned,
                                        MemRefType base, size_t numIndices,
                                        Type vector, Type mask) {
  if (failed(verifyAccess(op, base, numIndices, vector)) ||
      failed(verifyLaneVector(op, lane, vector)))
    return failure();
  if (aligned && (lane == Lane::epi8 || lane == Lane::epi16))
    return op->emitOpError() << "no aligned masked access has lane '"
                             << stringifyLane(lane) << "'";
  return verifyMask(op, lane, vector, mask);
}

std::string MaskedLoadOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) +
         (getPassthru() ? "_mask_load" : "_maskz_load") +
         (getAligned() ? "_" : "u_") + stringifyLane(getLane()).str();
}

void MaskedLoadOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireMasked(features, getLane(), getType());
}

LogicalResult MaskedLoadOp::verify() {
  if (failed(verifyMaskedAccess(*this, getLane(), getAligned(),
                                getBase().getType(), getIndices().size(),
                                getType(), getMask().getType())))
    return failure();
  return verifyFeatures(*this);
}

std::string MaskedStoreOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getValue().getType())) + "_mask_store" +
         (getAligned() ? "_" : "u_") + stringifyLane(getLane()).str();
}

void MaskedStoreOp::getRequiredFeatures(
    SmallVectorImpl<StringRef> &features) {
  requireMasked(features, getLane(), getValue().getType());
}

LogicalResult MaskedStoreOp::verify() {
  if (failed(verifyMaskedAccess(*this, getLane(), getAligned(),
                                getBase().getType(), getIndices().size(),
                                getValue().getType(), getMask().getType())))
    return failure();
  return verifyFeatures(*this);
}

std::string GatherOp::getIntrinsicName() {
  return "_mm512_i32gather_" + stringifyLane(getLane()).str();
}

void GatherOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  features.push_back("avx512f");
}

LogicalResult GatherOp::verify() {
  Lane lane = getLane();
  if (lane != Lane::ps && lane != Lane::epi32)
    return emitOpError() << "gathers have lane 'ps' or 'epi32', got '"
                         << stringifyLane(lane) << "'";
  if (getVectorBitWidth(getType()) != 512)
    return emitOpError() << "only the 512-bit gathers are supported, got "
                         << getType();
  if (failed(verifyLaneVector(*this, lane, getType())) ||
      failed(verifyAccess(*this, getBase().getType(), getIndices().size(),
                          getType())))
    return failure();
  int32_t scale = getScale();
  if (scale != 1 && scale != 2 && scale != 4 && scale != 8)
    return emitOpError() << "scale must be 1, 2, 4 or 8, got " << scale;
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// SetZeroOp / Set1Op
//===----------------------------------------------------------------------===//

std::string SetZeroOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) + "_setzero_" +
         getVectorSuffix(getType());
}

void SetZeroOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getType()});
}

LogicalResult SetZeroOp::verify() { return verifyFeatures(*this); }

std::string Set1Op::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) + "_set1_" +
         stringifyLane(getLane()).str();
}

void Set1Op::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getType()});
}

LogicalResult Set1Op::verify() {
  if (failed(verifyLaneVector(*this, getLane(), getType())) ||
      failed(verifyLaneScalar(*this, getLane(), getValue().getType())))
    return failure();
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// SetrOp / CmpOp / BlendOp
//===----------------------------------------------------------------------===//

std::string SetrOp::getIntrinsicName() {
  unsigned bits = getVectorBitWidth(getType());
  bool x = bits == 256 && getLane() == Lane::epi64; // _mm256_setr_epi64x
  return getPrefix(bits) + "_setr_" + stringifyLane(getLane()).str() +
         (x ? "x" : "");
}

void SetrOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getType()});
}

LogicalResult SetrOp::verify() {
  Lane lane = getLane();
  if (failed(verifyLaneVector(*this, lane, getType())))
    return failure();
  unsigned bits = getVectorBitWidth(getType());
  bool exists = bits == 512 ? lane == Lane::epi32 || lane == Lane::epi64 ||
                                  lane == Lane::ps
                            : bits == 256 || lane != Lane::epi64;
  if (!exists)
    return emitOpError() << "no setr intrinsic makes " << getType()
                         << " from lane '" << stringifyLane(lane) << "'";
  size_t lanes = bits / getLaneBits(lane);
  if (getElements().size() != lanes)
    return emitOpError() << "expects " << lanes << " elements, got "
                         << getElements().size();
  if (failed(verifyLaneScalar(*this, lane, getElements()[0].getType())))
    return failure();
  return verifyFeatures(*this);
}

std::string CmpOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getLhs().getType())) + "_cmp_ps_mask";
}

void CmpOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireMasked(features, Lane::ps, getLhs().getType());
}

LogicalResult CmpOp::verify() {
  unsigned want = getVectorBitWidth(getLhs().getType()) == 512 ? 16 : 8;
  if (!getType().isSignlessInteger(want))
    return emitOpError() << "result must be i" << want << " for "
                         << getLhs().getType() << ", got " << getType();
  return verifyFeatures(*this);
}

std::string BlendOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) + "_mask_blend_" +
         stringifyLane(getLane()).str();
}

void BlendOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireMasked(features, getLane(), getType());
}

LogicalResult BlendOp::verify() {
  if (failed(verifyLaneVector(*this, getLane(), getType())) ||
      failed(verifyMask(*this, getLane(), getType(), getMask().getType())))
    return failure();
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// BinaryOp / FmaddOp
//===----------------------------------------------------------------------===//

std::string BinaryOp::getIntrinsicName() {
  std::string form = !getMask() ? "_" : getPassthru() ? "_mask_" : "_maskz_";
  return getPrefix(getVectorBitWidth(getType())) + form +
         stringifyBinaryKind(getKind()).str() + "_" +
         stringifyLane(getLane()).str();
}

void BinaryOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  bool is512 = getVectorBitWidth(getType()) == 512;
  Lane lane = getLane();
  BinaryKind kind = getKind();
  if (kind == BinaryKind::mullo && lane == Lane::epi64)
    features.push_back("avx512dq");
  if (is512 && (lane == Lane::epi8 || lane == Lane::epi16))
    features.push_back("avx512bw");
  else if (is512)
    features.push_back("avx512f");
  else if ((lane == Lane::epi64 &&
            (kind == BinaryKind::mullo || kind == BinaryKind::max ||
             kind == BinaryKind::min)) ||
           kind == BinaryKind::scalef)
    features.push_back("avx512vl");
  if (getMask())
    requireMasked(features, lane, getType());
}

LogicalResult BinaryOp::verify() {
  if (failed(verifyLaneVector(*this, getLane(), getType())))
    return failure();
  Lane lane = getLane();
  bool legal = true;
  switch (getKind()) {
  case BinaryKind::add:
  case BinaryKind::sub:
  case BinaryKind::max:
  case BinaryKind::min:
    break;
  case BinaryKind::mullo:
    legal = lane != Lane::epi8 && lane != Lane::ps;
    break;
  case BinaryKind::mul:
  case BinaryKind::div:
  case BinaryKind::scalef:
    legal = lane == Lane::ps;
    break;
  }
  if (!legal)
    return emitOpError() << "'" << stringifyBinaryKind(getKind())
                         << "' has no '" << stringifyLane(lane) << "' form";
  if (getPassthru() && !getMask())
    return emitOpError() << "'passthru' needs a 'mask'";
  if (Value mask = getMask())
    if (failed(verifyMask(*this, lane, getType(), mask.getType())))
      return failure();
  return verifyFeatures(*this);
}

std::string FmaddOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) + "_fmadd_ps";
}

void FmaddOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getType()});
}

LogicalResult FmaddOp::verify() { return verifyFeatures(*this); }

//===----------------------------------------------------------------------===//
// ReduceOp
//===----------------------------------------------------------------------===//

std::string ReduceOp::getIntrinsicName() {
  return "_mm512_reduce_" + stringifyReduceKind(getKind()).str() + "_" +
         stringifyLane(getLane()).str();
}

void ReduceOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  features.push_back("avx512f");
}

LogicalResult ReduceOp::verify() {
  Type vector = getVector().getType();
  if (getVectorBitWidth(vector) != 512)
    return emitOpError() << "reductions exist only for 512-bit vectors, got "
                         << vector;
  Lane lane = getLane();
  if (lane == Lane::epi8 || lane == Lane::epi16)
    return emitOpError() << "'" << stringifyReduceKind(getKind())
                         << "' has no '" << stringifyLane(lane) << "' form";
  if (failed(verifyLaneVector(*this, lane, vector)) ||
      failed(verifyLaneScalar(*this, lane, getType())))
    return failure();
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// CvtOp
//===----------------------------------------------------------------------===//

std::string CvtOp::getIntrinsicName() {
  return getPrefix(getVectorBitWidth(getType())) + "_" +
         stringifyCvtKind(getKind()).str();
}

void CvtOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getSource().getType(), getType()});
}

/// Whether an intrinsic of `kind` converts `source` to `result`.
static bool isLegalCvt(CvtKind kind, Type source, Type result) {
  unsigned srcBits = getVectorBitWidth(source);
  unsigned dstBits = getVectorBitWidth(result);
  switch (kind) {
  case CvtKind::cvtepi32_ps:
    return isIntegerVector(source) && isFloatVector(result) &&
           srcBits == dstBits;
  case CvtKind::cvtps_epi32:
  case CvtKind::cvttps_epi32:
    return isFloatVector(source) && isIntegerVector(result) &&
           srcBits == dstBits;
  case CvtKind::cvtepi8_epi32:
  case CvtKind::cvtepu8_epi32:
    return isa<M128iType>(source) && isIntegerVector(result);
  case CvtKind::cvtepi16_epi32:
  case CvtKind::cvtepu16_epi32:
    return isIntegerVector(source) && isIntegerVector(result) &&
           srcBits == std::max(128u, dstBits / 2);
  }
  llvm_unreachable("unknown conversion");
}

LogicalResult CvtOp::verify() {
  if (!isLegalCvt(getKind(), getSource().getType(), getType()))
    return emitOpError() << "no '" << stringifyCvtKind(getKind())
                         << "' form converts " << getSource().getType()
                         << " to " << getType();
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// ExtractOp
//===----------------------------------------------------------------------===//

std::string ExtractOp::getIntrinsicName() {
  std::string prefix = getPrefix(getVectorBitWidth(getSource().getType()));
  if (getVectorBitWidth(getType()) == 256)
    return prefix + "_extracti64x4_epi64";
  return prefix + "_extracti32x4_epi32";
}

void ExtractOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  if (getVectorBitWidth(getSource().getType()) == 512)
    features.push_back("avx512f");
  else
    features.push_back("avx512vl");
}

LogicalResult ExtractOp::verify() {
  unsigned srcBits = getVectorBitWidth(getSource().getType());
  unsigned dstBits = getVectorBitWidth(getType());
  if (dstBits >= srcBits)
    return emitOpError() << "no extract intrinsic from "
                         << getSource().getType() << " to " << getType();
  int32_t parts = srcBits / dstBits;
  int32_t index = getIndex();
  if (index < 0 || index >= parts)
    return emitOpError() << "index must be in [0, " << parts << "), got "
                         << index;
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// CastOp
//===----------------------------------------------------------------------===//

std::string CastOp::getIntrinsicName() {
  Type source = getSource().getType(), result = getType();
  unsigned srcBits = getVectorBitWidth(source);
  std::string prefix = getPrefix(srcBits) + "_cast";
  if (isIntegerVector(source) != isIntegerVector(result))
    return prefix + getVectorSuffix(source) + "_" + getVectorSuffix(result);
  if (isIntegerVector(source))
    return prefix + getVectorSuffix(source) + "_" + getVectorSuffix(result);
  return prefix + "ps" + std::to_string(srcBits) + "_ps" +
         std::to_string(getVectorBitWidth(result));
}

void CastOp::getRequiredFeatures(SmallVectorImpl<StringRef> &features) {
  requireF512(features, {getSource().getType()});
}

LogicalResult CastOp::verify() {
  Type source = getSource().getType(), result = getType();
  unsigned srcBits = getVectorBitWidth(source);
  unsigned dstBits = getVectorBitWidth(result);
  bool sameKind = isIntegerVector(source) == isIntegerVector(result);
  bool legal = sameKind ? dstBits < srcBits : dstBits == srcBits;
  if (!legal)
    return emitOpError() << "no cast intrinsic from " << source << " to "
                         << result;
  return verifyFeatures(*this);
}

//===----------------------------------------------------------------------===//
// BitcastOp
//===----------------------------------------------------------------------===//

LogicalResult BitcastOp::verify() {
  Type source = getSource().getType(), result = getType();
  unsigned srcBits = getVectorBitWidth(source);
  unsigned dstBits = getVectorBitWidth(result);
  auto vector = dyn_cast<VectorType>(srcBits ? result : source);
  if ((srcBits == 0) == (dstBits == 0) || !vector || vector.getRank() != 1 ||
      vector.isScalable() || !vector.getElementType().isIntOrFloat())
    return emitOpError() << "expects one vnni vector type and one 1-D "
                            "fixed-length vector of integers or floats, got "
                         << source << " and " << result;
  uint64_t vectorBits =
      vector.getNumElements() * vector.getElementType().getIntOrFloatBitWidth();
  unsigned vnniBits = srcBits ? srcBits : dstBits;
  if (vectorBits != vnniBits)
    return emitOpError() << "bit widths differ: " << vnniBits << " vs "
                         << vectorBits;
  return success();
}
