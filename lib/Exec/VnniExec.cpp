//===- VnniExec.cpp - vnni ops for the oracle -----------------------------===//
//
// The vnni vector types become LLVM vectors of 32-bit lanes (`!vnni.m512i`
// -> vector<16xi32>, `!vnni.m256` -> vector<8xf32>, ...); ops that only move
// bits (setzero, set1, setr, cast, extract, bitcast) become LLVM vector
// code, every op with arithmetic or memory semantics a call of its
// reference function in Runtime/VnniRuntime.cpp: the operands are spilled
// to stack slots (allocated once, in the entry block of the function), the
// function reads and writes them through pointers, and the result is loaded
// back. Memory operands are passed as (data, extent, element size, linear
// index) with the op's location id, so that every access is bounds-checked
// and masked-off lanes are not touched.
//
//===----------------------------------------------------------------------===//

#include "ExecPatterns.h"

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler;
using namespace xpiler::exec;

namespace {

/// Bits of a vnni vector type (0 for other types).
unsigned vnniBits(Type type) {
  return llvm::TypeSwitch<Type, unsigned>(type)
      .Case<vnni::M512iType, vnni::M512Type>([](auto) { return 512; })
      .Case<vnni::M256iType, vnni::M256Type>([](auto) { return 256; })
      .Case<vnni::M128iType, vnni::M128Type>([](auto) { return 128; })
      .Default([](Type) { return 0u; });
}

bool isFloatVector(Type type) {
  return isa<vnni::M512Type, vnni::M256Type, vnni::M128Type>(type);
}

/// The LLVM type of a vnni vector: 32-bit lanes, i32 or f32.
VectorType llvmVectorType(Type type) {
  MLIRContext *context = type.getContext();
  Type lane = isFloatVector(type) ? Type(Float32Type::get(context))
                                  : Type(IntegerType::get(context, 32));
  return VectorType::get({int64_t(vnniBits(type) / 32)}, lane);
}

/// Bytes of one lane of `lane`.
unsigned laneBits(vnni::Lane lane) {
  switch (lane) {
  case vnni::Lane::epi8:
    return 8;
  case vnni::Lane::epi16:
    return 16;
  case vnni::Lane::epi32:
  case vnni::Lane::ps:
    return 32;
  case vnni::Lane::epi64:
    return 64;
  }
  return 32;
}

Value i32Constant(OpBuilder &b, Location loc, int64_t value) {
  return LLVM::ConstantOp::create(b, loc, b.getI32Type(),
                                  b.getI32IntegerAttr(value));
}
Value i64Constant(OpBuilder &b, Location loc, int64_t value) {
  return LLVM::ConstantOp::create(b, loc, b.getI64Type(),
                                  b.getI64IntegerAttr(value));
}
Value nullPointer(OpBuilder &b, Location loc) {
  return LLVM::ZeroOp::create(b, loc,
                              LLVM::LLVMPointerType::get(b.getContext()));
}

/// A stack slot for one value of `type`, allocated in the entry block of
/// the function around `op` (an alloca inside a loop would grow the stack at
/// every iteration).
Value entrySlot(OpBuilder &b, Operation *op, Type type) {
  Operation *function = op->getParentWithTrait<OpTrait::IsIsolatedFromAbove>();
  Block &entry = function->getRegion(0).front();
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&entry);
  Location loc = function->getLoc();
  Value one = i64Constant(b, loc, 1);
  return LLVM::AllocaOp::create(b, loc,
                                LLVM::LLVMPointerType::get(b.getContext()),
                                type, one, /*alignment=*/64);
}

/// Stores `value` into a fresh slot and returns the slot.
Value spill(OpBuilder &b, Location loc, Operation *op, Value value) {
  Value slot = entrySlot(b, op, value.getType());
  LLVM::StoreOp::create(b, loc, value, slot);
  return slot;
}

/// An integer mask of any width as the i64 the runtime takes.
Value maskToI64(OpBuilder &b, Location loc, Value mask) {
  if (mask.getType().isInteger(64))
    return mask;
  return LLVM::ZExtOp::create(b, loc, b.getI64Type(), mask);
}

Value callVoid(OpBuilder &b, Location loc, Operation *op, StringRef name,
               ValueRange args) {
  return callRuntime(b, loc, op, name, Type(), args);
}

/// Calls `name` with a result slot of `resultType` prepended by the caller
/// in `args` (at position `resultIndex`), then loads the result.
template <typename BuildArgs>
Value callWithResult(OpBuilder &b, Location loc, Operation *op, StringRef name,
                     Type resultType, BuildArgs buildArgs) {
  Value slot = entrySlot(b, op, resultType);
  SmallVector<Value> args = buildArgs(slot);
  callVoid(b, loc, op, name, args);
  return LLVM::LoadOp::create(b, loc, resultType, slot);
}

template <typename Op>
class VnniPattern : public ConvertOpToLLVMPattern<Op> {
public:
  VnniPattern(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<Op>(converter), locations(locations) {}

protected:
  LocationTable &locations;

  Type convert(Type type) const {
    return this->getTypeConverter()->convertType(type);
  }
};

//===----------------------------------------------------------------------===//
// Bit movement: LLVM vector code
//===----------------------------------------------------------------------===//

struct SetZeroLowering : VnniPattern<vnni::SetZeroOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::SetZeroOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ZeroOp>(op, convert(op.getType()));
    return success();
  }
};

/// A vector<n x elementType> with `elements[i]` in lane i, bitcast to
/// `resultType`.
Value buildLanes(OpBuilder &b, Location loc, Type resultType,
                 ArrayRef<Value> elements, bool splat) {
  Type element = elements.front().getType();
  unsigned bits = cast<VectorType>(resultType).getNumElements() * 32;
  int64_t lanes = bits / element.getIntOrFloatBitWidth();
  auto laneType = VectorType::get({lanes}, element);
  Value vector = LLVM::PoisonOp::create(b, loc, laneType);
  if (splat) {
    vector = LLVM::InsertElementOp::create(b, loc, vector, elements.front(),
                                           i32Constant(b, loc, 0));
    SmallVector<int32_t> zeros(lanes, 0);
    vector = LLVM::ShuffleVectorOp::create(b, loc, vector, vector, zeros);
  } else {
    for (auto [i, e] : llvm::enumerate(elements))
      vector = LLVM::InsertElementOp::create(b, loc, vector, e,
                                             i32Constant(b, loc, i));
  }
  if (laneType == resultType)
    return vector;
  return LLVM::BitcastOp::create(b, loc, resultType, vector);
}

struct Set1Lowering : VnniPattern<vnni::Set1Op> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::Set1Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, buildLanes(rewriter, op.getLoc(),
                                      convert(op.getType()),
                                      {adaptor.getValue()}, /*splat=*/true));
    return success();
  }
};

struct SetrLowering : VnniPattern<vnni::SetrOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::SetrOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<Value> elements(adaptor.getElements());
    if (elements.empty())
      return rewriter.notifyMatchFailure(op, "no elements");
    Type result = convert(op.getType());
    unsigned lanes = cast<VectorType>(result).getNumElements() * 32 /
                     elements.front().getType().getIntOrFloatBitWidth();
    if (elements.size() != lanes)
      return rewriter.notifyMatchFailure(op, "one element per lane expected");
    rewriter.replaceOp(op, buildLanes(rewriter, op.getLoc(), result, elements,
                                      /*splat=*/false));
    return success();
  }
};

/// Lanes [first, first + count) of `source` (32-bit lanes of the result's
/// element type).
Value sliceLanes(OpBuilder &b, Location loc, Value source, VectorType result,
                 int64_t first) {
  auto sourceType = cast<VectorType>(source.getType());
  if (sourceType.getElementType() != result.getElementType()) {
    sourceType = VectorType::get(sourceType.getShape(),
                                 result.getElementType());
    source = LLVM::BitcastOp::create(b, loc, sourceType, source);
  }
  if (sourceType == result && first == 0)
    return source;
  SmallVector<int32_t> indices;
  for (int64_t i = 0; i < result.getNumElements(); ++i)
    indices.push_back(first + i);
  return LLVM::ShuffleVectorOp::create(b, loc, source, source, indices);
}

struct CastLowering : VnniPattern<vnni::CastOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto result = cast<VectorType>(convert(op.getType()));
    rewriter.replaceOp(op, sliceLanes(rewriter, op.getLoc(),
                                      adaptor.getSource(), result, 0));
    return success();
  }
};

struct ExtractLowering : VnniPattern<vnni::ExtractOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::ExtractOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto result = cast<VectorType>(convert(op.getType()));
    rewriter.replaceOp(op, sliceLanes(rewriter, op.getLoc(),
                                      adaptor.getSource(), result,
                                      op.getIndex() *
                                          result.getNumElements()));
    return success();
  }
};

struct BitcastLowering : VnniPattern<vnni::BitcastOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::BitcastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type result = convert(op.getType());
    if (!result)
      return rewriter.notifyMatchFailure(op, "unconvertible result");
    Value source = adaptor.getSource();
    if (source.getType() == result)
      rewriter.replaceOp(op, source);
    else
      rewriter.replaceOpWithNewOp<LLVM::BitcastOp>(op, result, source);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Arithmetic: reference functions
//===----------------------------------------------------------------------===//

struct DpLowering : VnniPattern<vnni::DpOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::DpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = convert(op.getType());
    Value acc = spill(rewriter, loc, op, adaptor.getAcc());
    Value a = spill(rewriter, loc, op, adaptor.getA());
    Value b = spill(rewriter, loc, op, adaptor.getB());
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_dp", type,
                           [&](Value result) -> SmallVector<Value> {
                             return {i32Constant(rewriter, loc,
                                                 (int)op.getKind()),
                                     i64Constant(rewriter, loc,
                                                 vnniBits(op.getType()) / 8),
                                     result, acc, a, b};
                           }));
    return success();
  }
};

struct BinaryLowering : VnniPattern<vnni::BinaryOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::BinaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = convert(op.getType());
    Value lhs = spill(rewriter, loc, op, adaptor.getLhs());
    Value rhs = spill(rewriter, loc, op, adaptor.getRhs());
    bool masked = (bool)adaptor.getMask();
    Value mask = masked ? maskToI64(rewriter, loc, adaptor.getMask())
                        : i64Constant(rewriter, loc, 0);
    Value passthru = adaptor.getPassthru()
                         ? spill(rewriter, loc, op, adaptor.getPassthru())
                         : nullPointer(rewriter, loc);
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_binary", type,
                           [&](Value result) -> SmallVector<Value> {
                             return {i32Constant(rewriter, loc,
                                                 (int)op.getKind()),
                                     i32Constant(rewriter, loc,
                                                 (int)op.getLane()),
                                     i64Constant(rewriter, loc,
                                                 vnniBits(op.getType()) / 8),
                                     result,
                                     lhs,
                                     rhs,
                                     i32Constant(rewriter, loc, masked),
                                     mask,
                                     passthru};
                           }));
    return success();
  }
};

struct FmaddLowering : VnniPattern<vnni::FmaddOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::FmaddOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = convert(op.getType());
    Value a = spill(rewriter, loc, op, adaptor.getA());
    Value b = spill(rewriter, loc, op, adaptor.getB());
    Value c = spill(rewriter, loc, op, adaptor.getC());
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_fmadd", type,
                           [&](Value result) -> SmallVector<Value> {
                             return {i64Constant(rewriter, loc,
                                                 vnniBits(op.getType()) / 8),
                                     result, a, b, c};
                           }));
    return success();
  }
};

struct CmpLowering : VnniPattern<vnni::CmpOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::CmpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value lhs = spill(rewriter, loc, op, adaptor.getLhs());
    Value rhs = spill(rewriter, loc, op, adaptor.getRhs());
    Value mask = callRuntime(
        rewriter, loc, op, "__xpl_rt_vnni_cmp", rewriter.getI64Type(),
        {i32Constant(rewriter, loc, (int)op.getPredicate()),
         i64Constant(rewriter, loc, vnniBits(op.getLhs().getType()) / 8), lhs,
         rhs});
    Type result = op.getType();
    if (result != mask.getType())
      mask = LLVM::TruncOp::create(rewriter, loc, result, mask);
    rewriter.replaceOp(op, mask);
    return success();
  }
};

struct BlendLowering : VnniPattern<vnni::BlendOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::BlendOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = convert(op.getType());
    Value a = spill(rewriter, loc, op, adaptor.getA());
    Value b = spill(rewriter, loc, op, adaptor.getB());
    Value mask = maskToI64(rewriter, loc, adaptor.getMask());
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_blend", type,
                           [&](Value result) -> SmallVector<Value> {
                             return {i32Constant(rewriter, loc,
                                                 (int)op.getLane()),
                                     i64Constant(rewriter, loc,
                                                 vnniBits(op.getType()) / 8),
                                     result, mask, a, b};
                           }));
    return success();
  }
};

struct ReduceLowering : VnniPattern<vnni::ReduceOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value vector = spill(rewriter, loc, op, adaptor.getVector());
    Value kind = i32Constant(rewriter, loc, (int)op.getKind());
    Type result = op.getType();
    Value value;
    if (op.getLane() == vnni::Lane::ps) {
      value = callRuntime(rewriter, loc, op, "__xpl_rt_vnni_reduce_ps",
                          rewriter.getF32Type(), {kind, vector});
    } else {
      value = callRuntime(
          rewriter, loc, op, "__xpl_rt_vnni_reduce_int", rewriter.getI64Type(),
          {kind, i32Constant(rewriter, loc, (int)op.getLane()), vector});
      if (result != value.getType())
        value = LLVM::TruncOp::create(rewriter, loc, result, value);
    }
    rewriter.replaceOp(op, value);
    return success();
  }
};

struct CvtLowering : VnniPattern<vnni::CvtOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::CvtOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = convert(op.getType());
    Value source = spill(rewriter, loc, op, adaptor.getSource());
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_cvt", type,
                           [&](Value result) -> SmallVector<Value> {
                             return {i32Constant(rewriter, loc,
                                                 (int)op.getKind()),
                                     i64Constant(rewriter, loc,
                                                 vnniBits(op.getType()) / 8),
                                     result, source};
                           }));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Memory: checked reference functions
//===----------------------------------------------------------------------===//

/// (location, data, extent, element bytes, linear index) of `base[indices]`.
template <typename Op, typename Adaptor>
FailureOr<SmallVector<Value>>
bufferArguments(OpBuilder &b, Op op, Adaptor adaptor,
                const LLVMTypeConverter &converter, LocationTable &locations) {
  auto type = cast<MemRefType>(op.getBase().getType());
  Type element = type.getElementType();
  if (!element.isIntOrFloat() || element.getIntOrFloatBitWidth() % 8 != 0)
    return failure();
  Location loc = op.getLoc();
  BufferView view =
      getBufferView(b, loc, converter, type, adaptor.getBase());
  Value index = linearIndex(b, loc, converter, type, adaptor.getBase(),
                            adaptor.getIndices());
  return SmallVector<Value>{locationId(b, op, locations), view.data,
                            view.extent,
                            i64Constant(b, loc,
                                        element.getIntOrFloatBitWidth() / 8),
                            index};
}

struct LoadLowering : VnniPattern<vnni::LoadOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::LoadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto buffer = bufferArguments(rewriter, op, adaptor, *getTypeConverter(),
                                  locations);
    if (failed(buffer))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    Type type = convert(op.getType());
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_load", type,
                           [&](Value result) {
                             SmallVector<Value> args = *buffer;
                             args.push_back(i64Constant(
                                 rewriter, loc, vnniBits(op.getType()) / 8));
                             args.push_back(
                                 i32Constant(rewriter, loc, op.getAligned()));
                             args.push_back(result);
                             return args;
                           }));
    return success();
  }
};

struct StoreLowering : VnniPattern<vnni::StoreOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::StoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto buffer = bufferArguments(rewriter, op, adaptor, *getTypeConverter(),
                                  locations);
    if (failed(buffer))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    Value value = spill(rewriter, loc, op, adaptor.getValue());
    SmallVector<Value> args = *buffer;
    args.push_back(
        i64Constant(rewriter, loc, vnniBits(op.getValue().getType()) / 8));
    args.push_back(i32Constant(rewriter, loc, op.getAligned()));
    args.push_back(value);
    callVoid(rewriter, loc, op, "__xpl_rt_vnni_store", args);
    rewriter.eraseOp(op);
    return success();
  }
};

struct MaskedLoadLowering : VnniPattern<vnni::MaskedLoadOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::MaskedLoadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto buffer = bufferArguments(rewriter, op, adaptor, *getTypeConverter(),
                                  locations);
    if (failed(buffer))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    Type type = convert(op.getType());
    Value mask = maskToI64(rewriter, loc, adaptor.getMask());
    Value passthru = adaptor.getPassthru()
                         ? spill(rewriter, loc, op, adaptor.getPassthru())
                         : nullPointer(rewriter, loc);
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_masked_load",
                           type, [&](Value result) {
                             SmallVector<Value> args = *buffer;
                             args.append(
                                 {i32Constant(rewriter, loc, (int)op.getLane()),
                                  i64Constant(rewriter, loc,
                                              vnniBits(op.getType()) / 8),
                                  mask,
                                  i32Constant(rewriter, loc, op.getAligned()),
                                  passthru, result});
                             return args;
                           }));
    return success();
  }
};

struct MaskedStoreLowering : VnniPattern<vnni::MaskedStoreOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::MaskedStoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto buffer = bufferArguments(rewriter, op, adaptor, *getTypeConverter(),
                                  locations);
    if (failed(buffer))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    Value value = spill(rewriter, loc, op, adaptor.getValue());
    SmallVector<Value> args = *buffer;
    args.append({i32Constant(rewriter, loc, (int)op.getLane()),
                 i64Constant(rewriter, loc,
                             vnniBits(op.getValue().getType()) / 8),
                 maskToI64(rewriter, loc, adaptor.getMask()),
                 i32Constant(rewriter, loc, op.getAligned()), value});
    callVoid(rewriter, loc, op, "__xpl_rt_vnni_masked_store", args);
    rewriter.eraseOp(op);
    return success();
  }
};

struct GatherLowering : VnniPattern<vnni::GatherOp> {
  using VnniPattern::VnniPattern;
  LogicalResult
  matchAndRewrite(vnni::GatherOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto buffer = bufferArguments(rewriter, op, adaptor, *getTypeConverter(),
                                  locations);
    if (failed(buffer))
      return rewriter.notifyMatchFailure(op, "unsupported element type");
    Type type = convert(op.getType());
    Value offsets = spill(rewriter, loc, op, adaptor.getIndex());
    rewriter.replaceOp(
        op, callWithResult(rewriter, loc, op, "__xpl_rt_vnni_gather", type,
                           [&](Value result) {
                             SmallVector<Value> args = *buffer;
                             args.append({offsets,
                                          i32Constant(rewriter, loc,
                                                      op.getScale()),
                                          result});
                             return args;
                           }));
    return success();
  }
};

} // namespace

void xpiler::exec::addVnniTypeConversions(LLVMTypeConverter &converter) {
  converter.addConversion([](vnni::M512iType type) -> Type {
    return llvmVectorType(type);
  });
  converter.addConversion([](vnni::M256iType type) -> Type {
    return llvmVectorType(type);
  });
  converter.addConversion([](vnni::M128iType type) -> Type {
    return llvmVectorType(type);
  });
  converter.addConversion([](vnni::M512Type type) -> Type {
    return llvmVectorType(type);
  });
  converter.addConversion([](vnni::M256Type type) -> Type {
    return llvmVectorType(type);
  });
  converter.addConversion([](vnni::M128Type type) -> Type {
    return llvmVectorType(type);
  });
}

void xpiler::exec::populateVnniExecPatterns(LLVMTypeConverter &converter,
                                           RewritePatternSet &patterns,
                                           LocationTable &locations) {
  patterns.add<SetZeroLowering, Set1Lowering, SetrLowering, CastLowering,
               ExtractLowering, BitcastLowering, DpLowering, BinaryLowering,
               FmaddLowering, CmpLowering, BlendLowering, ReduceLowering,
               CvtLowering, LoadLowering, StoreLowering, MaskedLoadLowering,
               MaskedStoreLowering, GatherLowering>(converter, locations);
}
