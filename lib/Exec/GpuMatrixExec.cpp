//===- GpuMatrixExec.cpp - warp-cooperative GPU ops for the oracle --------===//
//
// Lowers the ops whose semantics involve the whole warp to calls of the
// reference functions of Runtime/GpuMatrixRuntime.cpp:
//   - cuda.shfl_sync, cuda.vote_sync, hip.shfl, hip.vote, hip.ballot: the
//     value travels as its bits in an i64;
//   - cuda.wmma.*: a !cuda.fragment is, per lane, an LLVM vector of its
//     `num_elements` elements of the storage type (the same count as CUDA's
//     mma.h and cuda.wmma.num_elements); which matrix element each holds is
//     the oracle's documented mapping (GpuMatrixRuntime.cpp,
//     fragmentElement). fill/extract/insert are plain vector code; load,
//     store and mma_sync call the runtime with the lane's elements in stack
//     memory;
//   - hip.mfma: the lane's A, B and C operands in stack memory, AMD's
//     register layouts in the runtime.
//
//===----------------------------------------------------------------------===//

#include "ExecPatterns.h"

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"

using namespace mlir;
using namespace xpiler;
using namespace xpiler::exec;

namespace {

/// Element codes of GpuMatrixRuntime.cpp (enum Elem).
enum ElemCode : int64_t {
  kF16 = 0,
  kBF16 = 1,
  kF32 = 2,
  kF64 = 3,
  kS8 = 4,
  kU8 = 5,
  kI32 = 6,
  kTF32 = 7,
};

int64_t elemCode(Type type) {
  if (type.isF16())
    return kF16;
  if (type.isBF16())
    return kBF16;
  if (type.isF32())
    return kF32;
  if (type.isF64())
    return kF64;
  if (isa<FloatTF32Type>(type))
    return kTF32;
  if (type.isSignedInteger(8))
    return kS8;
  if (type.isInteger(8))
    return kU8;
  return kI32;
}

int64_t useCode(cuda::FragmentUse use) {
  switch (use) {
  case cuda::FragmentUse::matrix_a:
    return 0;
  case cuda::FragmentUse::matrix_b:
    return 1;
  case cuda::FragmentUse::accumulator:
    return 2;
  }
  return 2;
}

} // namespace

/// Elements per lane of a fragment, as CUDA's mma.h declares them: 16 for
/// f16 matrix_a/matrix_b, rows * cols / 32 otherwise (GpuMatrixRuntime.cpp,
/// fragmentElements).
static int64_t wmmaNumElements(cuda::FragmentType type) {
  int64_t use = useCode(type.getUse());
  if (use != 2 && type.getElementType().isF16())
    return 16;
  int64_t rows = use == 1 ? type.getK() : type.getM();
  int64_t cols = use == 0 ? type.getK() : type.getN();
  return rows * cols / 32;
}

void xpiler::exec::addGpuMatrixTypeConversions(LLVMTypeConverter &converter) {
  converter.addConversion([](cuda::FragmentType type) -> Type {
    return VectorType::get({wmmaNumElements(type)}, type.getStorageType());
  });
}

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

Value i64Const(OpBuilder &b, Location loc, int64_t v) {
  return LLVM::ConstantOp::create(b, loc, b.getI64Type(), b.getI64IntegerAttr(v));
}

Type voidType(MLIRContext *ctx) { return LLVM::LLVMVoidType::get(ctx); }

/// The bits of `value` (an integer, float or vector of at most 64 bits) as
/// an i64 (zero-extended).
Value toBits(OpBuilder &b, Location loc, Value value) {
  Type type = value.getType();
  unsigned bits = 0;
  if (auto vec = dyn_cast<VectorType>(type))
    bits = vec.getNumElements() * vec.getElementTypeBitWidth();
  else
    bits = type.getIntOrFloatBitWidth();
  Type intType = b.getIntegerType(bits);
  if (type != intType)
    value = LLVM::BitcastOp::create(b, loc, intType, value);
  if (bits < 64)
    value = LLVM::ZExtOp::create(b, loc, b.getI64Type(), value);
  return value;
}

/// The inverse of toBits.
Value fromBits(OpBuilder &b, Location loc, Value bits, Type type) {
  unsigned width = 0;
  if (auto vec = dyn_cast<VectorType>(type))
    width = vec.getNumElements() * vec.getElementTypeBitWidth();
  else
    width = type.getIntOrFloatBitWidth();
  Type intType = b.getIntegerType(width);
  if (width < 64)
    bits = LLVM::TruncOp::create(b, loc, intType, bits);
  if (type != intType)
    bits = LLVM::BitcastOp::create(b, loc, type, bits);
  return bits;
}

/// Stack memory for the duration of one runtime call: saves the stack
/// pointer on construction, restores it with `end` (calls in loops must not
/// grow the fiber's stack).
struct StackScope {
  StackScope(OpBuilder &b, Location loc) : b(b), loc(loc) {
    saved = LLVM::StackSaveOp::create(b, loc,
                                      LLVM::LLVMPointerType::get(b.getContext()));
  }
  /// A slot holding `value` (or an uninitialised one of `type`).
  Value slot(Type type, Value value = {}) {
    Value one = i64Const(b, loc, 1);
    Value ptr = LLVM::AllocaOp::create(
        b, loc, LLVM::LLVMPointerType::get(b.getContext()), type, one,
        /*alignment=*/64);
    if (value)
      LLVM::StoreOp::create(b, loc, value, ptr);
    return ptr;
  }
  void end() { LLVM::StackRestoreOp::create(b, loc, saved); }

  OpBuilder &b;
  Location loc;
  Value saved;
};

template <typename OpTy>
struct MatrixPattern : ConvertOpToLLVMPattern<OpTy> {
  MatrixPattern(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpTy>(converter), locations(locations) {}
  LocationTable &locations;
};

//===----------------------------------------------------------------------===//
// Shuffles and votes
//===----------------------------------------------------------------------===//

/// Shared by cuda.shfl_sync and hip.shfl: kind code 0 idx, 1 up, 2 down,
/// 3 xor; width/mask null when absent; `hip` selects HIP's lane arithmetic.
Value lowerShuffle(OpBuilder &b, Location loc, Operation *op, Value id,
                   int64_t kind, Value value, Value offset, Value width,
                   Value mask, bool hip) {
  Value bits = toBits(b, loc, value);
  Value off = LLVM::SExtOp::create(b, loc, b.getI64Type(), offset);
  Value w = width ? Value(LLVM::SExtOp::create(b, loc, b.getI64Type(), width))
                  : i64Const(b, loc, 0);
  Value m = mask ? mask : i64Const(b, loc, -1);
  Value r = callRuntime(
      b, loc, op, "__xpl_rt_gpu_shfl", b.getI64Type(),
      {bits, i64Const(b, loc, kind), off, w, m,
       i64Const(b, loc, (mask ? 1 : 0) | (hip ? 2 : 0)), id});
  return fromBits(b, loc, r, value.getType());
}

struct CudaShflLowering : MatrixPattern<cuda::ShflSyncOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::ShflSyncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    int64_t kind = static_cast<int64_t>(op.getKind());
    Value mask = LLVM::ZExtOp::create(rewriter, loc, rewriter.getI64Type(),
                                      adaptor.getMask());
    rewriter.replaceOp(op, lowerShuffle(rewriter, loc, op, id, kind,
                                        adaptor.getValue(), adaptor.getOffset(),
                                        adaptor.getWidth(), mask,
                                        /*hip=*/false));
    return success();
  }
};

struct HipShflLowering : MatrixPattern<hip::ShflOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(hip::ShflOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value id = locationId(rewriter, op, locations);
    int64_t kind = static_cast<int64_t>(op.getKind());
    rewriter.replaceOp(op, lowerShuffle(rewriter, op.getLoc(), op, id, kind,
                                        adaptor.getValue(), adaptor.getOffset(),
                                        adaptor.getWidth(), adaptor.getMask(),
                                        /*hip=*/true));
    return success();
  }
};

/// kind: 0 ballot, 1 any, 2 all. Returns the runtime's i64.
Value lowerVote(OpBuilder &b, Location loc, Operation *op, Value id,
                int64_t kind, Value predicate, Value mask) {
  Value p = LLVM::ZExtOp::create(b, loc, b.getI64Type(), predicate);
  Value m = mask ? mask : i64Const(b, loc, -1);
  return callRuntime(b, loc, op, "__xpl_rt_gpu_vote", b.getI64Type(),
                     {i64Const(b, loc, kind), p, m,
                      i64Const(b, loc, mask ? 1 : 0), id});
}

struct CudaVoteLowering : MatrixPattern<cuda::VoteSyncOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::VoteSyncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    int64_t kind = 0;
    switch (op.getKind()) {
    case cuda::VoteKind::ballot:
      kind = 0;
      break;
    case cuda::VoteKind::any:
      kind = 1;
      break;
    case cuda::VoteKind::all:
      kind = 2;
      break;
    }
    Value mask = LLVM::ZExtOp::create(rewriter, loc, rewriter.getI64Type(),
                                      adaptor.getMask());
    Value r = lowerVote(rewriter, loc, op, id, kind, adaptor.getPredicate(),
                        mask);
    rewriter.replaceOp(
        op, LLVM::TruncOp::create(rewriter, loc, rewriter.getI32Type(), r));
    return success();
  }
};

struct HipVoteLowering : MatrixPattern<hip::VoteOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(hip::VoteOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    int64_t kind = op.getKind() == hip::VoteKind::any ? 1 : 2;
    Value r = lowerVote(rewriter, loc, op, id, kind, adaptor.getPredicate(),
                        adaptor.getMask());
    rewriter.replaceOp(
        op, LLVM::TruncOp::create(rewriter, loc, rewriter.getI1Type(), r));
    return success();
  }
};

struct HipBallotLowering : MatrixPattern<hip::BallotOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(hip::BallotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value id = locationId(rewriter, op, locations);
    rewriter.replaceOp(op, lowerVote(rewriter, op.getLoc(), op, id, 0,
                                     adaptor.getPredicate(),
                                     adaptor.getMask()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// wmma
//===----------------------------------------------------------------------===//

struct WmmaFillLowering : MatrixPattern<cuda::WmmaFillFragmentOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaFillFragmentOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<VectorType>(
        getTypeConverter()->convertType(op.getResult().getType()));
    Value vec = LLVM::PoisonOp::create(rewriter, loc, type);
    for (int64_t i = 0; i < type.getNumElements(); ++i)
      vec = LLVM::InsertElementOp::create(rewriter, loc, vec,
                                          adaptor.getValue(),
                                          i64Const(rewriter, loc, i));
    rewriter.replaceOp(op, vec);
    return success();
  }
};

/// The index of frag.x[index] as i64, checked against num_elements unless
/// it is a constant in range.
Value checkedIndex(OpBuilder &b, Location loc, Operation *op, Value id,
                   Value index, int64_t count) {
  Value i = toI64(b, loc, index);
  IntegerAttr attr;
  if (auto cst = index.getDefiningOp<LLVM::ConstantOp>())
    attr = dyn_cast<IntegerAttr>(cst.getValue());
  if (!attr || attr.getInt() < 0 || attr.getInt() >= count)
    callRuntime(b, loc, op, "__xpl_rt_wmma_check_index", voidType(b.getContext()),
                {i, i64Const(b, loc, count), id});
  return i;
}

struct WmmaExtractLowering : MatrixPattern<cuda::WmmaFragmentExtractOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaFragmentExtractOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    int64_t count = wmmaNumElements(op.getFragment().getType());
    Value i = checkedIndex(rewriter, loc, op, id, adaptor.getIndex(), count);
    rewriter.replaceOp(op, LLVM::ExtractElementOp::create(
                               rewriter, loc, adaptor.getFragment(), i));
    return success();
  }
};

struct WmmaInsertLowering : MatrixPattern<cuda::WmmaFragmentInsertOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaFragmentInsertOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    int64_t count = wmmaNumElements(op.getFragment().getType());
    Value i = checkedIndex(rewriter, loc, op, id, adaptor.getIndex(), count);
    rewriter.replaceOp(op, LLVM::InsertElementOp::create(
                               rewriter, loc, adaptor.getFragment(),
                               adaptor.getValue(), i));
    return success();
  }
};

struct WmmaNumElementsLowering : MatrixPattern<cuda::WmmaNumElementsOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaNumElementsOp op, OpAdaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto type = cast<cuda::FragmentType>(op.getFragment());
    rewriter.replaceOpWithNewOp<LLVM::ConstantOp>(
        op, rewriter.getI32Type(),
        rewriter.getI32IntegerAttr(wmmaNumElements(type)));
    return success();
  }
};

/// {data, extent, start}: the memref's buffer and the element offset of the
/// tile's first element.
std::array<Value, 3> tileOperands(OpBuilder &b, Location loc,
                                  const LLVMTypeConverter &converter,
                                  MemRefType type, Value descriptor,
                                  ValueRange indices) {
  BufferView view = getBufferView(b, loc, converter, type, descriptor);
  Value start = linearIndex(b, loc, converter, type, descriptor, indices);
  return {view.data, view.extent, start};
}

struct WmmaLoadLowering : MatrixPattern<cuda::WmmaLoadMatrixSyncOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaLoadMatrixSyncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    auto frag = cast<cuda::FragmentType>(op.getResult().getType());
    Type vecType = getTypeConverter()->convertType(frag);
    auto tile = tileOperands(rewriter, loc, *getTypeConverter(),
                             op.getMemref().getType(), adaptor.getMemref(),
                             adaptor.getIndices());
    int64_t colMajor = 0;
    if (frag.getUse() == cuda::FragmentUse::accumulator)
      colMajor = op.getLayout() &&
                 *op.getLayout() == cuda::MemLayout::mem_col_major;
    else
      colMajor = frag.getLayout() == cuda::FragmentLayout::col_major;
    StackScope stack(rewriter, loc);
    Value out = stack.slot(vecType);
    Value ldm = LLVM::ZExtOp::create(rewriter, loc, rewriter.getI64Type(),
                                     adaptor.getLdm());
    callRuntime(rewriter, loc, op, "__xpl_rt_wmma_load",
                voidType(getContext()),
                {out, tile[0], tile[1], tile[2], ldm,
                 i64Const(rewriter, loc, colMajor),
                 i64Const(rewriter, loc, useCode(frag.getUse())),
                 i64Const(rewriter, loc, frag.getM()),
                 i64Const(rewriter, loc, frag.getN()),
                 i64Const(rewriter, loc, frag.getK()),
                 i64Const(rewriter, loc, elemCode(frag.getElementType())), id});
    Value result = LLVM::LoadOp::create(rewriter, loc, vecType, out);
    stack.end();
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct WmmaStoreLowering : MatrixPattern<cuda::WmmaStoreMatrixSyncOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaStoreMatrixSyncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    auto frag = cast<cuda::FragmentType>(op.getFragment().getType());
    auto tile = tileOperands(rewriter, loc, *getTypeConverter(),
                             op.getMemref().getType(), adaptor.getMemref(),
                             adaptor.getIndices());
    int64_t colMajor = op.getLayout() == cuda::MemLayout::mem_col_major;
    StackScope stack(rewriter, loc);
    Value in = stack.slot(adaptor.getFragment().getType(),
                          adaptor.getFragment());
    Value ldm = LLVM::ZExtOp::create(rewriter, loc, rewriter.getI64Type(),
                                     adaptor.getLdm());
    callRuntime(rewriter, loc, op, "__xpl_rt_wmma_store",
                voidType(getContext()),
                {in, tile[0], tile[1], tile[2], ldm,
                 i64Const(rewriter, loc, colMajor),
                 i64Const(rewriter, loc, frag.getM()),
                 i64Const(rewriter, loc, frag.getN()),
                 i64Const(rewriter, loc, frag.getK()),
                 i64Const(rewriter, loc, elemCode(frag.getElementType())), id});
    stack.end();
    rewriter.eraseOp(op);
    return success();
  }
};

struct WmmaMmaLowering : MatrixPattern<cuda::WmmaMmaSyncOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(cuda::WmmaMmaSyncOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    auto a = cast<cuda::FragmentType>(op.getA().getType());
    auto c = cast<cuda::FragmentType>(op.getC().getType());
    auto d = cast<cuda::FragmentType>(op.getD().getType());
    Type dType = getTypeConverter()->convertType(d);
    StackScope stack(rewriter, loc);
    Value pa = stack.slot(adaptor.getA().getType(), adaptor.getA());
    Value pb = stack.slot(adaptor.getB().getType(), adaptor.getB());
    Value pc = stack.slot(adaptor.getC().getType(), adaptor.getC());
    Value pd = stack.slot(dType);
    callRuntime(rewriter, loc, op, "__xpl_rt_wmma_mma", voidType(getContext()),
                {pd, pa, pb, pc, i64Const(rewriter, loc, a.getM()),
                 i64Const(rewriter, loc, a.getN()),
                 i64Const(rewriter, loc, a.getK()),
                 i64Const(rewriter, loc, elemCode(a.getElementType())),
                 i64Const(rewriter, loc, elemCode(c.getElementType())),
                 i64Const(rewriter, loc, elemCode(d.getElementType())),
                 i64Const(rewriter, loc, op.getSatf() ? 1 : 0), id});
    Value result = LLVM::LoadOp::create(rewriter, loc, dType, pd);
    stack.end();
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// mfma
//===----------------------------------------------------------------------===//

struct MfmaLowering : MatrixPattern<hip::MfmaOp> {
  using MatrixPattern::MatrixPattern;
  LogicalResult
  matchAndRewrite(hip::MfmaOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value id = locationId(rewriter, op, locations);
    Type dType = adaptor.getC().getType();
    StackScope stack(rewriter, loc);
    Value pa = stack.slot(adaptor.getA().getType(), adaptor.getA());
    Value pb = stack.slot(adaptor.getB().getType(), adaptor.getB());
    Value pc = stack.slot(dType, adaptor.getC());
    Value pd = stack.slot(dType);
    callRuntime(rewriter, loc, op, "__xpl_rt_hip_mfma", voidType(getContext()),
                {i64Const(rewriter, loc, static_cast<int64_t>(op.getKind())),
                 pd, pa, pb, pc, i64Const(rewriter, loc, op.getCbsz()),
                 i64Const(rewriter, loc, op.getAbid()),
                 i64Const(rewriter, loc, op.getBlgp()), id});
    Value result = LLVM::LoadOp::create(rewriter, loc, dType, pd);
    stack.end();
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void xpiler::exec::populateGpuMatrixExecPatterns(LLVMTypeConverter &converter,
                                                 RewritePatternSet &patterns,
                                                 LocationTable &locations) {
  patterns.add<CudaShflLowering, HipShflLowering, CudaVoteLowering,
               HipVoteLowering, HipBallotLowering, WmmaFillLowering,
               WmmaExtractLowering, WmmaInsertLowering,
               WmmaNumElementsLowering, WmmaLoadLowering, WmmaStoreLowering,
               WmmaMmaLowering, MfmaLowering>(converter, locations);
}
