//===- BangExec.cpp - bang ops for the oracle -----------------------------===//
//
// The bang dialect lowered for execution: task indices, barriers and
// launches run through the scheduler (every task a unit of runUnits, the 4
// cores of a cluster a level-1 group); __nram__/__wram__ arrays are memory
// private to each core and __mlu_shared__ arrays memory of each cluster;
// __memcpy and every __bang_* builtin call their reference implementation
// in Runtime/BangRuntime.cpp with bounds-checked buffer views; CNRT calls use
// the common device-memory functions (Runtime/CoreRuntime.cpp), queues are
// null handles (launches are synchronous).
//
//===----------------------------------------------------------------------===//

#include "ExecPatterns.h"
#include "Runtime/BangRuntime.h"

#include "xpiler/Dialect/Bang/Bang.h"

#include <map>
#include <memory>

using namespace mlir;
using namespace xpiler;
using namespace xpiler::exec;
namespace rtb = xpiler::exec::rt::bang;

/// The runtime's code of an element type, if it has one.
static std::optional<rtb::ElemType> elementCode(Type type) {
  if (type.isF32())
    return rtb::ElemType::f32;
  if (type.isF16())
    return rtb::ElemType::f16;
  if (type.isBF16())
    return rtb::ElemType::bf16;
  if (type.isInteger(8))
    return rtb::ElemType::i8;
  if (type.isInteger(16))
    return rtb::ElemType::i16;
  if (type.isInteger(32))
    return rtb::ElemType::i32;
  return std::nullopt;
}

namespace {

/// State shared by the patterns of one lowering: on-chip array slots.
struct BangLoweringState {
  int64_t nextSlot = 0;
  /// `file_scope` arrays: one slot per name, across functions.
  std::map<std::string, int64_t> fileScopeSlots;
};

/// Base of the bang patterns: the location table and helpers.
template <typename OpT> struct BangPattern : ConvertOpToLLVMPattern<OpT> {
  BangPattern(LLVMTypeConverter &converter, LocationTable &locations,
              std::shared_ptr<BangLoweringState> state)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations),
        state(std::move(state)) {}

  /// A buffer operand: data pointer and extent in elements.
  BufferView view(OpBuilder &b, Location loc, Value original,
                  Value converted) const {
    return getBufferView(b, loc, *this->getTypeConverter(),
                         cast<MemRefType>(original.getType()), converted);
  }
  /// A buffer operand with its extent in bytes.
  BufferView byteView(OpBuilder &b, Location loc, Value original,
                      Value converted) const {
    BufferView v = view(b, loc, original, converted);
    int64_t size =
        elementBytes(cast<MemRefType>(original.getType()).getElementType());
    v.extent = LLVM::MulOp::create(b, loc, v.extent, constI64(b, loc, size));
    return v;
  }
  /// The element type code of a memref operand, or failure.
  FailureOr<int64_t> typeCode(Value memref) const {
    auto code =
        elementCode(cast<MemRefType>(memref.getType()).getElementType());
    if (!code)
      return failure();
    return (int64_t)*code;
  }
  Value id(OpBuilder &b, Operation *op) const {
    return locationId(b, op, locations);
  }

  LocationTable &locations;
  std::shared_ptr<BangLoweringState> state;
};

//===----------------------------------------------------------------------===//
// On-chip arrays, indices, barriers
//===----------------------------------------------------------------------===//

struct AllocLowering : BangPattern<bang::AllocOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::AllocOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getType());
    auto space = dyn_cast_or_null<bang::MemorySpaceAttr>(type.getMemorySpace());
    if (!space || !type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "not an on-chip array");
    int64_t slot;
    std::optional<StringRef> name = op.getName();
    if (op.getFileScope() && name) {
      auto [it, inserted] =
          state->fileScopeSlots.try_emplace(name->str(), state->nextSlot);
      if (inserted)
        ++state->nextSlot;
      slot = it->second;
    } else {
      slot = state->nextSlot++;
    }
    int64_t bytes = type.getNumElements() * elementBytes(type.getElementType());
    StringRef function = space.getValue() == bang::MemorySpace::sram
                             ? "__xpl_rt_bang_shared"
                             : "__xpl_rt_bang_private";
    Value ptr = callRuntime(rewriter, loc, op, function,
                            LLVM::LLVMPointerType::get(op.getContext()),
                            {constI64(rewriter, loc, slot),
                             constI64(rewriter, loc, bytes), id(rewriter, op)});
    rewriter.replaceOp(op, memrefFromPointer(rewriter, loc, *getTypeConverter(),
                                             type, ptr, {}));
    return success();
  }
};

template <typename OpT, rtb::IndexKind Kind>
struct IndexLowering : ConvertOpToLLVMPattern<OpT> {
  using ConvertOpToLLVMPattern<OpT>::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value r = callRuntime(rewriter, op.getLoc(), op, "__xpl_rt_bang_index",
                          rewriter.getI32Type(),
                          {constI64(rewriter, op.getLoc(), (int64_t)Kind)});
    rewriter.replaceOp(op, r);
    return success();
  }
};

struct SyncLowering : BangPattern<bang::SyncOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::SyncOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    callRuntime(
        rewriter, loc, op, "__xpl_rt_bang_sync", Type(),
        {constI64(rewriter, loc, (int64_t)op.getKind()), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Copies and fills
//===----------------------------------------------------------------------===//

struct MemcpyLowering : BangPattern<bang::MemcpyOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::MemcpyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    BufferView dst = byteView(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = byteView(rewriter, loc, op.getSrc(), adaptor.getSrc());
    auto orZero = [&](Value v, int64_t otherwise) {
      return v ? toI64(rewriter, loc, v) : constI64(rewriter, loc, otherwise);
    };
    int64_t flags = (op.getAsync() ? 1 : 0) | (op.getDstCluster() ? 2 : 0);
    callRuntime(
        rewriter, loc, op, "__xpl_rt_bang_memcpy", Type(),
        {dst.data, dst.extent, src.data, src.extent,
         toI64(rewriter, loc, adaptor.getSize()),
         orZero(adaptor.getDstStride(), 0), orZero(adaptor.getSrcStride(), 0),
         orZero(adaptor.getSegnum(), 0), orZero(adaptor.getDstCluster(), -1),
         constI64(rewriter, loc, flags), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct FillLowering : BangPattern<bang::FillOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::FillOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type valueType = op.getValue().getType();
    unsigned width = valueType.getIntOrFloatBitWidth();
    Value bits = adaptor.getValue();
    if (isa<FloatType>(valueType))
      bits = LLVM::BitcastOp::create(rewriter, loc,
                                     rewriter.getIntegerType(width), bits);
    if (width < 64)
      bits = LLVM::ZExtOp::create(rewriter, loc, rewriter.getI64Type(), bits);
    BufferView dst = byteView(rewriter, loc, op.getDst(), adaptor.getDst());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_fill", Type(),
                {dst.data, dst.extent, toI64(rewriter, loc, adaptor.getCount()),
                 bits, constI64(rewriter, loc, elementBytes(valueType)),
                 id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct WriteZeroLowering : BangPattern<bang::WriteZeroOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::WriteZeroOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type elementType = cast<MemRefType>(op.getDst().getType()).getElementType();
    BufferView dst = byteView(rewriter, loc, op.getDst(), adaptor.getDst());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_fill", Type(),
                {dst.data, dst.extent, toI64(rewriter, loc, adaptor.getCount()),
                 constI64(rewriter, loc, 0),
                 constI64(rewriter, loc, elementBytes(elementType)),
                 id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Elementwise builtins
//===----------------------------------------------------------------------===//

struct BinaryLowering : BangPattern<bang::BinaryOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::BinaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> type = typeCode(op.getDst());
    if (failed(type))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView a = view(rewriter, loc, op.getSrc0(), adaptor.getSrc0());
    BufferView b = view(rewriter, loc, op.getSrc1(), adaptor.getSrc1());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_binary", Type(),
                {dst.data, dst.extent, a.data, a.extent, b.data, b.extent,
                 toI64(rewriter, loc, adaptor.getCount()),
                 constI64(rewriter, loc, (int64_t)op.getKind()),
                 constI64(rewriter, loc, *type), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct BinaryScalarLowering : BangPattern<bang::BinaryScalarOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::BinaryScalarOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> type = typeCode(op.getDst());
    if (failed(type))
      return rewriter.notifyMatchFailure(op, "element type");
    // The scalar as a double: exact for every element type.
    Value value = adaptor.getValue();
    Type f64 = rewriter.getF64Type();
    if (isa<FloatType>(op.getValue().getType()))
      value = LLVM::FPExtOp::create(rewriter, loc, f64, value);
    else
      value = LLVM::SIToFPOp::create(rewriter, loc, f64, value);
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_binary_scalar", Type(),
                {dst.data, dst.extent, src.data, src.extent, value,
                 toI64(rewriter, loc, adaptor.getCount()),
                 constI64(rewriter, loc, (int64_t)op.getKind()),
                 constI64(rewriter, loc, *type), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct CycleLowering : BangPattern<bang::CycleOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::CycleOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> type = typeCode(op.getDst());
    if (failed(type))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    BufferView seg = view(rewriter, loc, op.getSeg(), adaptor.getSeg());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_cycle", Type(),
                {dst.data, dst.extent, src.data, src.extent, seg.data,
                 seg.extent, toI64(rewriter, loc, adaptor.getSrcCount()),
                 toI64(rewriter, loc, adaptor.getSegCount()),
                 constI64(rewriter, loc, (int64_t)op.getKind()),
                 constI64(rewriter, loc, *type), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct UnaryLowering : BangPattern<bang::UnaryOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::UnaryOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> type = typeCode(op.getDst());
    if (failed(type))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_unary", Type(),
                {dst.data, dst.extent, src.data, src.extent,
                 toI64(rewriter, loc, adaptor.getCount()),
                 constI64(rewriter, loc, (int64_t)op.getKind()),
                 constI64(rewriter, loc, *type), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ReduceLowering : BangPattern<bang::ReduceOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::ReduceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> type = typeCode(op.getSrc());
    if (failed(type))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    bool isMin = op.getKind() == bang::ReduceKind::min;
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_reduce", Type(),
                {dst.data, dst.extent, src.data, src.extent,
                 toI64(rewriter, loc, adaptor.getCount()),
                 constI64(rewriter, loc, isMin), constI64(rewriter, loc, *type),
                 id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pooling, transpose, products
//===----------------------------------------------------------------------===//

struct PoolLowering : BangPattern<bang::PoolOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::PoolOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> type = typeCode(op.getDst());
    if (failed(type))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    Value kh = toI64(rewriter, loc, adaptor.getKernelHeight());
    Value kw = toI64(rewriter, loc, adaptor.getKernelWidth());
    // Without strides the windows do not overlap.
    Value sx =
        adaptor.getStrideX() ? toI64(rewriter, loc, adaptor.getStrideX()) : kw;
    Value sy =
        adaptor.getStrideY() ? toI64(rewriter, loc, adaptor.getStrideY()) : kh;
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_pool", Type(),
                {dst.data, dst.extent, src.data, src.extent,
                 toI64(rewriter, loc, adaptor.getChannel()),
                 toI64(rewriter, loc, adaptor.getHeight()),
                 toI64(rewriter, loc, adaptor.getWidth()), kh, kw, sx, sy,
                 constI64(rewriter, loc, (int64_t)op.getKind()),
                 constI64(rewriter, loc, *type), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct TransposeLowering : BangPattern<bang::TransposeOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type elementType = cast<MemRefType>(op.getDst().getType()).getElementType();
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_transpose", Type(),
                {dst.data, dst.extent, src.data, src.extent,
                 toI64(rewriter, loc, adaptor.getHeight()),
                 toI64(rewriter, loc, adaptor.getWidth()),
                 constI64(rewriter, loc, elementBytes(elementType)),
                 id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

/// Operands common to matmul, mlp and conv: whether fix_position is given
/// and its value.
static std::pair<Value, Value> fixPosition(OpBuilder &b, Location loc,
                                           Value position) {
  if (!position)
    return {constI64(b, loc, 0), constI64(b, loc, 0)};
  return {constI64(b, loc, 1), toI64(b, loc, position)};
}

struct MatmulLowering : BangPattern<bang::MatmulOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::MatmulOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> td = typeCode(op.getDst()), tl = typeCode(op.getLhs()),
                       tr = typeCode(op.getRhs());
    if (failed(td) || failed(tl) || failed(tr))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView lhs = view(rewriter, loc, op.getLhs(), adaptor.getLhs());
    BufferView rhs = view(rewriter, loc, op.getRhs(), adaptor.getRhs());
    auto [has, pos] = fixPosition(rewriter, loc, adaptor.getFixPosition());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_matmul", Type(),
                {dst.data, dst.extent, lhs.data, lhs.extent, rhs.data,
                 rhs.extent, toI64(rewriter, loc, adaptor.getM()),
                 toI64(rewriter, loc, adaptor.getK()),
                 toI64(rewriter, loc, adaptor.getN()), has, pos,
                 constI64(rewriter, loc, *td), constI64(rewriter, loc, *tl),
                 constI64(rewriter, loc, *tr), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct MlpLowering : BangPattern<bang::MlpOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::MlpOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> td = typeCode(op.getDst()), ts = typeCode(op.getSrc()),
                       tw = typeCode(op.getWeight());
    if (failed(td) || failed(ts) || failed(tw))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    BufferView weight =
        view(rewriter, loc, op.getWeight(), adaptor.getWeight());
    BufferView bias{
        LLVM::ZeroOp::create(rewriter, loc,
                             LLVM::LLVMPointerType::get(op.getContext())),
        constI64(rewriter, loc, 0)};
    if (op.getBias())
      bias = view(rewriter, loc, op.getBias(), adaptor.getBias());
    auto [has, pos] = fixPosition(rewriter, loc, adaptor.getFixPosition());
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_mlp", Type(),
                {dst.data, dst.extent, src.data, src.extent, bias.data,
                 bias.extent, weight.data, weight.extent,
                 toI64(rewriter, loc, adaptor.getHeight()),
                 toI64(rewriter, loc, adaptor.getWidth()), has, pos,
                 constI64(rewriter, loc, *td), constI64(rewriter, loc, *ts),
                 constI64(rewriter, loc, *tw), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ConvLowering : BangPattern<bang::ConvOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    FailureOr<int64_t> td = typeCode(op.getDst()), ts = typeCode(op.getSrc()),
                       tk = typeCode(op.getKernel());
    if (failed(td) || failed(ts) || failed(tk))
      return rewriter.notifyMatchFailure(op, "element type");
    BufferView dst = view(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = view(rewriter, loc, op.getSrc(), adaptor.getSrc());
    BufferView kernel =
        view(rewriter, loc, op.getKernel(), adaptor.getKernel());
    BufferView bias{
        LLVM::ZeroOp::create(rewriter, loc,
                             LLVM::LLVMPointerType::get(op.getContext())),
        constI64(rewriter, loc, 0)};
    if (op.getBias())
      bias = view(rewriter, loc, op.getBias(), adaptor.getBias());
    auto [has, pos] = fixPosition(rewriter, loc, adaptor.getFixPosition());
    SmallVector<Value> args = {dst.data,   dst.extent,  src.data,
                               src.extent, kernel.data, kernel.extent,
                               bias.data,  bias.extent};
    for (Value v : {adaptor.getChannelInput(), adaptor.getHeight(),
                    adaptor.getWidth(), adaptor.getKernelHeight(),
                    adaptor.getKernelWidth(), adaptor.getStrideX(),
                    adaptor.getStrideY(), adaptor.getChannelOutput()})
      args.push_back(toI64(rewriter, loc, v));
    args.append({has, pos, constI64(rewriter, loc, *td),
                 constI64(rewriter, loc, *ts), constI64(rewriter, loc, *tk),
                 id(rewriter, op)});
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_conv", Type(), args);
    rewriter.eraseOp(op);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Host: CNRT
//===----------------------------------------------------------------------===//

struct MallocLowering : BangPattern<bang::MallocOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::MallocOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getType());
    if (type.getRank() != 1)
      return rewriter.notifyMatchFailure(op, "device buffer of rank != 1");
    Value bytes = toI64(rewriter, loc, adaptor.getBytes());
    Value ptr = callRuntime(rewriter, loc, op, "__xpl_rt_malloc",
                            LLVM::LLVMPointerType::get(op.getContext()),
                            {bytes, id(rewriter, op)});
    SmallVector<Value> sizes;
    if (type.isDynamicDim(0))
      sizes.push_back(LLVM::SDivOp::create(
          rewriter, loc, bytes,
          constI64(rewriter, loc, elementBytes(type.getElementType()))));
    rewriter.replaceOp(op, memrefFromPointer(rewriter, loc, *getTypeConverter(),
                                             type, ptr, sizes));
    return success();
  }
};

struct FreeLowering : ConvertOpToLLVMPattern<bang::FreeOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(bang::FreeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MemRefDescriptor desc(adaptor.getMemref());
    callRuntime(rewriter, op.getLoc(), op, "__xpl_rt_free", Type(),
                {desc.allocatedPtr(rewriter, op.getLoc())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct CnrtMemcpyLowering : BangPattern<bang::CnrtMemcpyOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::CnrtMemcpyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    BufferView dst = byteView(rewriter, loc, op.getDst(), adaptor.getDst());
    BufferView src = byteView(rewriter, loc, op.getSrc(), adaptor.getSrc());
    callRuntime(rewriter, loc, op, "__xpl_rt_memcpy", Type(),
                {dst.data, dst.extent, src.data, src.extent,
                 toI64(rewriter, loc, adaptor.getBytes()), id(rewriter, op)});
    rewriter.eraseOp(op);
    return success();
  }
};

/// cnrtDim3_t: a struct of three i32.
struct Dim3Lowering : ConvertOpToLLVMPattern<bang::Dim3Op> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(bang::Dim3Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type type = getTypeConverter()->convertType(op.getType());
    Value dim = LLVM::PoisonOp::create(rewriter, loc, type);
    SmallVector<Value> fields = {adaptor.getX(), adaptor.getY(),
                                 adaptor.getZ()};
    for (auto [i, v] : llvm::enumerate(fields))
      dim = LLVM::InsertValueOp::create(rewriter, loc, dim, v, i);
    rewriter.replaceOp(op, dim);
    return success();
  }
};

struct LaunchLowering : BangPattern<bang::LaunchOp> {
  using BangPattern::BangPattern;
  LogicalResult
  matchAndRewrite(bang::LaunchOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto [entry, closure] =
        buildKernelClosure(rewriter, loc, op, op.getKernel(), op.getArgs(),
                           adaptor.getArgs(), *getTypeConverter());
    SmallVector<Value> args = {entry, closure};
    // cnrtDim3_t fields are unsigned int.
    for (int64_t i = 0; i < 3; ++i) {
      Value field =
          LLVM::ExtractValueOp::create(rewriter, loc, adaptor.getDim(), i);
      args.push_back(
          LLVM::ZExtOp::create(rewriter, loc, rewriter.getI64Type(), field));
    }
    args.push_back(constI64(rewriter, loc, (int64_t)op.getFuncType()));
    args.push_back(id(rewriter, op));
    callRuntime(rewriter, loc, op, "__xpl_rt_bang_launch", Type(), args);
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void xpiler::exec::addBangTypeConversions(LLVMTypeConverter &converter) {
  converter.addTypeAttributeConversion(
      [](BaseMemRefType type, bang::MemorySpaceAttr) {
        return IntegerAttr::get(IntegerType::get(type.getContext(), 64), 0);
      });
  converter.addConversion([](bang::QueueType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
  converter.addConversion([](bang::Dim3Type type) -> Type {
    auto i32 = IntegerType::get(type.getContext(), 32);
    return LLVM::LLVMStructType::getLiteral(type.getContext(), {i32, i32, i32});
  });
}

void xpiler::exec::populateBangExecPatterns(LLVMTypeConverter &converter,
                                            RewritePatternSet &patterns,
                                            LocationTable &locations) {
  using IK = rtb::IndexKind;
  patterns.add<IndexLowering<bang::TaskIdOp, IK::taskId>,
               IndexLowering<bang::TaskIdXOp, IK::taskIdX>,
               IndexLowering<bang::TaskIdYOp, IK::taskIdY>,
               IndexLowering<bang::TaskIdZOp, IK::taskIdZ>,
               IndexLowering<bang::TaskDimOp, IK::taskDim>,
               IndexLowering<bang::TaskDimXOp, IK::taskDimX>,
               IndexLowering<bang::TaskDimYOp, IK::taskDimY>,
               IndexLowering<bang::TaskDimZOp, IK::taskDimZ>,
               IndexLowering<bang::ClusterIdOp, IK::clusterId>,
               IndexLowering<bang::ClusterDimOp, IK::clusterDim>,
               IndexLowering<bang::CoreIdOp, IK::coreId>,
               IndexLowering<bang::CoreDimOp, IK::coreDim>,
               NullHandleLowering<bang::QueueCreateOp>,
               NullHandleLowering<bang::QueueSyncOp>,
               NullHandleLowering<bang::QueueDestroyOp>, FreeLowering,
               Dim3Lowering>(converter);
  auto state = std::make_shared<BangLoweringState>();
  patterns.add<AllocLowering, SyncLowering, MemcpyLowering, FillLowering,
               WriteZeroLowering, BinaryLowering, BinaryScalarLowering,
               CycleLowering, UnaryLowering, ReduceLowering, PoolLowering,
               TransposeLowering, MatmulLowering, MlpLowering, ConvLowering,
               MallocLowering, CnrtMemcpyLowering, LaunchLowering>(
      converter, locations, state);
}
