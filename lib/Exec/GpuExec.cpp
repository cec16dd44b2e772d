//===- GpuExec.cpp - CUDA and HIP ops for the oracle ----------------------===//
//
// Thread and block indices, barriers, shared memory, atomics, device memory
// and launches of the cuda and hip dialects (warp-cooperative ops: wmma,
// mfma, shuffles and votes are in GpuMatrixExec.cpp). Launches run through
// `__xpl_rt_gpu_launch` (Runtime/GpuRuntime.cpp): blocks one after the
// other, the threads of a block as fibers with 32-lane (CUDA) or 64-lane
// (HIP) warps. Atomics are plain LLVM atomics: every unit runs on one OS
// thread, switched only at barriers, so they are also exact.
//
//===----------------------------------------------------------------------===//

#include "ExecPatterns.h"

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"

using namespace mlir;
using namespace xpiler;
using namespace xpiler::exec;

static constexpr int64_t kCudaWarpSize = 32;
static constexpr int64_t kHipWarpSize = 64;

/// Traps (through the runtime) unless every index lies in its dimension.
static void checkIndices(OpBuilder &b, Location loc, Operation *op,
                         MemRefType type, Value descriptor, ValueRange indices,
                         LocationTable &locations) {
  if (indices.empty())
    return;
  MemRefDescriptor desc(descriptor);
  Value id = locationId(b, op, locations);
  for (auto [d, idx] : llvm::enumerate(indices)) {
    Value size = desc.size(b, loc, d);
    callRuntime(b, loc, op, "__xpl_rt_check_index", Type(),
                {toI64(b, loc, idx), size, id});
  }
}

namespace {

//===----------------------------------------------------------------------===//
// Indices and barriers
//===----------------------------------------------------------------------===//

template <typename T, typename = void>
struct HasGetDimension : std::false_type {};
template <typename T>
struct HasGetDimension<
    T, std::void_t<decltype(std::declval<T &>().getDimension())>>
    : std::true_type {};

/// threadIdx (Which = 0), blockIdx (1), blockDim (2), gridDim (3).
template <typename OpT, int Which>
struct BuiltinIndexLowering : ConvertOpToLLVMPattern<OpT> {
  using ConvertOpToLLVMPattern<OpT>::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int64_t dim;
    if constexpr (HasGetDimension<OpT>::value)
      dim = (int64_t)op.getDimension();
    else
      dim = (int64_t)op.getDim();
    Value r = callRuntime(
        rewriter, loc, op, "__xpl_rt_gpu_builtin", rewriter.getI32Type(),
        {constI64(rewriter, loc, Which), constI64(rewriter, loc, dim)});
    rewriter.replaceOp(op, r);
    return success();
  }
};

template <typename OpT, int64_t WarpSize>
struct WarpSizeLowering : ConvertOpToLLVMPattern<OpT> {
  using ConvertOpToLLVMPattern<OpT>::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<LLVM::ConstantOp>(op, rewriter.getI32Type(),
                                                  WarpSize);
    return success();
  }
};

/// Ops that become one runtime call taking the location id (barriers), or
/// nothing at all (fences: one OS thread runs every unit).
template <typename OpT>
struct RuntimeCallLowering : ConvertOpToLLVMPattern<OpT> {
  RuntimeCallLowering(LLVMTypeConverter &converter, LocationTable &locations,
                      StringRef function)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations),
        function(function.str()) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (!function.empty())
      callRuntime(rewriter, op.getLoc(), op, function, Type(),
                  {locationId(rewriter, op, locations)});
    rewriter.eraseOp(op);
    return success();
  }
  LocationTable &locations;
  std::string function;
};

//===----------------------------------------------------------------------===//
// Shared memory
//===----------------------------------------------------------------------===//

template <typename OpT>
struct SharedArrayLowering : ConvertOpToLLVMPattern<OpT> {
  SharedArrayLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getType());
    if (!type.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "dynamic shared array");
    int64_t bytes = type.getNumElements() * elementBytes(type.getElementType());
    Value id = locationId(rewriter, op, locations);
    // The location id doubles as the array's slot: one per declaration.
    Value ptr = callRuntime(rewriter, loc, op, "__xpl_rt_gpu_shared",
                            LLVM::LLVMPointerType::get(op.getContext()),
                            {id, constI64(rewriter, loc, bytes), id});
    rewriter.replaceOp(op, memrefFromPointer(rewriter, loc,
                                             *this->getTypeConverter(), type,
                                             ptr, {}));
    return success();
  }
  LocationTable &locations;
};

template <typename OpT>
struct DynamicSharedLowering : ConvertOpToLLVMPattern<OpT> {
  DynamicSharedLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getType());
    if (type.getRank() != 1)
      return rewriter.notifyMatchFailure(op, "dynamic shared of rank != 1");
    Value id = locationId(rewriter, op, locations);
    Type ptrType = LLVM::LLVMPointerType::get(op.getContext());
    Value ptr = callRuntime(rewriter, loc, op, "__xpl_rt_gpu_dynamic_shared",
                            ptrType, {id});
    SmallVector<Value> sizes;
    if (type.isDynamicDim(0)) {
      Value bytes =
          callRuntime(rewriter, loc, op, "__xpl_rt_gpu_dynamic_shared_bytes",
                      rewriter.getI64Type(), {});
      sizes.push_back(LLVM::SDivOp::create(
          rewriter, loc, bytes,
          constI64(rewriter, loc, elementBytes(type.getElementType()))));
    }
    rewriter.replaceOp(op, memrefFromPointer(rewriter, loc,
                                             *this->getTypeConverter(), type,
                                             ptr, sizes));
    return success();
  }
  LocationTable &locations;
};

//===----------------------------------------------------------------------===//
// Atomics
//===----------------------------------------------------------------------===//

static std::optional<LLVM::AtomicBinOp> cudaAtomicBinOp(cuda::AtomicKind kind,
                                                        bool isFloat) {
  switch (kind) {
  case cuda::AtomicKind::add:
    return isFloat ? LLVM::AtomicBinOp::fadd : LLVM::AtomicBinOp::add;
  case cuda::AtomicKind::sub:
    return isFloat ? LLVM::AtomicBinOp::fsub : LLVM::AtomicBinOp::sub;
  case cuda::AtomicKind::exch:
    return LLVM::AtomicBinOp::xchg;
  case cuda::AtomicKind::min:
    return isFloat ? LLVM::AtomicBinOp::fmin : LLVM::AtomicBinOp::min;
  case cuda::AtomicKind::max:
    return isFloat ? LLVM::AtomicBinOp::fmax : LLVM::AtomicBinOp::max;
  case cuda::AtomicKind::umin:
    return LLVM::AtomicBinOp::umin;
  case cuda::AtomicKind::umax:
    return LLVM::AtomicBinOp::umax;
  case cuda::AtomicKind::inc:
    return LLVM::AtomicBinOp::uinc_wrap;
  case cuda::AtomicKind::dec:
    return LLVM::AtomicBinOp::udec_wrap;
  case cuda::AtomicKind::bit_and:
    return LLVM::AtomicBinOp::_and;
  case cuda::AtomicKind::bit_or:
    return LLVM::AtomicBinOp::_or;
  case cuda::AtomicKind::bit_xor:
    return LLVM::AtomicBinOp::_xor;
  }
  return std::nullopt;
}

static std::optional<LLVM::AtomicBinOp>
hipAtomicBinOp(hip::AtomicKind kind, bool isFloat, bool isUnsigned) {
  switch (kind) {
  case hip::AtomicKind::add:
    return isFloat ? LLVM::AtomicBinOp::fadd : LLVM::AtomicBinOp::add;
  case hip::AtomicKind::sub:
    return isFloat ? LLVM::AtomicBinOp::fsub : LLVM::AtomicBinOp::sub;
  case hip::AtomicKind::exch:
    return LLVM::AtomicBinOp::xchg;
  case hip::AtomicKind::min:
    return isFloat      ? LLVM::AtomicBinOp::fmin
           : isUnsigned ? LLVM::AtomicBinOp::umin
                        : LLVM::AtomicBinOp::min;
  case hip::AtomicKind::max:
    return isFloat      ? LLVM::AtomicBinOp::fmax
           : isUnsigned ? LLVM::AtomicBinOp::umax
                        : LLVM::AtomicBinOp::max;
  case hip::AtomicKind::inc:
    return LLVM::AtomicBinOp::uinc_wrap;
  case hip::AtomicKind::dec:
    return LLVM::AtomicBinOp::udec_wrap;
  case hip::AtomicKind::And:
    return LLVM::AtomicBinOp::_and;
  case hip::AtomicKind::Or:
    return LLVM::AtomicBinOp::_or;
  case hip::AtomicKind::Xor:
    return LLVM::AtomicBinOp::_xor;
  }
  return std::nullopt;
}

template <typename OpT> struct AtomicLowering : ConvertOpToLLVMPattern<OpT> {
  AtomicLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getMemref().getType());
    Type elementType = type.getElementType();
    bool isFloat = isa<FloatType>(elementType);
    std::optional<LLVM::AtomicBinOp> bin;
    if constexpr (std::is_same_v<OpT, cuda::AtomicRMWOp>)
      bin = cudaAtomicBinOp(op.getKind(), isFloat);
    else
      bin = hipAtomicBinOp(op.getKind(), isFloat, op.getIsUnsigned());
    if (!bin || isa<VectorType>(elementType))
      return rewriter.notifyMatchFailure(op, "unsupported atomic");
    checkIndices(rewriter, loc, op, type, adaptor.getMemref(),
                 adaptor.getIndices(), locations);
    Value ptr = this->getStridedElementPtr(
        rewriter, loc, type, adaptor.getMemref(), adaptor.getIndices());
    rewriter.replaceOpWithNewOp<LLVM::AtomicRMWOp>(
        op, *bin, ptr, adaptor.getValue(), LLVM::AtomicOrdering::seq_cst);
    return success();
  }
  LocationTable &locations;
};

template <typename OpT> struct AtomicCASLowering : ConvertOpToLLVMPattern<OpT> {
  AtomicCASLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getMemref().getType());
    if (!type.getElementType().isIntOrIndex())
      return rewriter.notifyMatchFailure(op, "non-integer compare-and-swap");
    checkIndices(rewriter, loc, op, type, adaptor.getMemref(),
                 adaptor.getIndices(), locations);
    Value ptr = this->getStridedElementPtr(
        rewriter, loc, type, adaptor.getMemref(), adaptor.getIndices());
    auto cas = LLVM::AtomicCmpXchgOp::create(
        rewriter, loc, ptr, adaptor.getCompare(), adaptor.getValue(),
        LLVM::AtomicOrdering::seq_cst, LLVM::AtomicOrdering::seq_cst);
    rewriter.replaceOpWithNewOp<LLVM::ExtractValueOp>(op, cas.getRes(), 0);
    return success();
  }
  LocationTable &locations;
};

//===----------------------------------------------------------------------===//
// Device memory and streams
//===----------------------------------------------------------------------===//

template <typename OpT> struct MallocLowering : ConvertOpToLLVMPattern<OpT> {
  MallocLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto type = cast<MemRefType>(op.getType());
    if (type.getRank() != 1)
      return rewriter.notifyMatchFailure(op, "device buffer of rank != 1");
    Value bytes = toI64(rewriter, loc, adaptor.getSize());
    Value ptr = callRuntime(rewriter, loc, op, "__xpl_rt_malloc",
                            LLVM::LLVMPointerType::get(op.getContext()),
                            {bytes, locationId(rewriter, op, locations)});
    SmallVector<Value> sizes;
    if (type.isDynamicDim(0))
      sizes.push_back(LLVM::SDivOp::create(
          rewriter, loc, bytes,
          constI64(rewriter, loc, elementBytes(type.getElementType()))));
    rewriter.replaceOp(op, memrefFromPointer(rewriter, loc,
                                             *this->getTypeConverter(), type,
                                             ptr, sizes));
    return success();
  }
  LocationTable &locations;
};

template <typename OpT> struct FreeLowering : ConvertOpToLLVMPattern<OpT> {
  using ConvertOpToLLVMPattern<OpT>::ConvertOpToLLVMPattern;
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MemRefDescriptor desc(adaptor.getMemref());
    callRuntime(rewriter, op.getLoc(), op, "__xpl_rt_free", Type(),
                {desc.allocatedPtr(rewriter, op.getLoc())});
    rewriter.eraseOp(op);
    return success();
  }
};

/// Byte extent of a buffer view.
static Value viewBytes(OpBuilder &b, Location loc, const BufferView &view,
                       MemRefType type) {
  return LLVM::MulOp::create(
      b, loc, view.extent,
      constI64(b, loc, elementBytes(type.getElementType())));
}

template <typename OpT> struct MemcpyLowering : ConvertOpToLLVMPattern<OpT> {
  MemcpyLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto dstType = cast<MemRefType>(op.getDst().getType());
    auto srcType = cast<MemRefType>(op.getSrc().getType());
    const LLVMTypeConverter &converter = *this->getTypeConverter();
    BufferView dst =
        getBufferView(rewriter, loc, converter, dstType, adaptor.getDst());
    BufferView src =
        getBufferView(rewriter, loc, converter, srcType, adaptor.getSrc());
    Value count;
    if constexpr (std::is_same_v<OpT, cuda::MemcpyOp>)
      count = adaptor.getCount();
    else
      count = adaptor.getSize();
    callRuntime(rewriter, loc, op, "__xpl_rt_memcpy", Type(),
                {dst.data, viewBytes(rewriter, loc, dst, dstType), src.data,
                 viewBytes(rewriter, loc, src, srcType),
                 toI64(rewriter, loc, count),
                 locationId(rewriter, op, locations)});
    rewriter.eraseOp(op);
    return success();
  }
  LocationTable &locations;
};

//===----------------------------------------------------------------------===//
// Launches
//===----------------------------------------------------------------------===//

template <typename OpT, int64_t WarpSize>
struct LaunchLowering : ConvertOpToLLVMPattern<OpT> {
  LaunchLowering(LLVMTypeConverter &converter, LocationTable &locations)
      : ConvertOpToLLVMPattern<OpT>(converter), locations(locations) {}
  LogicalResult
  matchAndRewrite(OpT op, typename OpT::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto [entry, closure] =
        buildKernelClosure(rewriter, loc, op, op.getKernel(), op.getArgs(),
                           adaptor.getArgs(), *this->getTypeConverter());
    Value shared;
    if constexpr (std::is_same_v<OpT, cuda::LaunchOp>)
      shared = adaptor.getSharedBytes();
    else
      shared = adaptor.getSharedMemoryBytes();
    shared = shared ? toI64(rewriter, loc, shared) : constI64(rewriter, loc, 0);
    SmallVector<Value> args = {entry, closure};
    for (Value v :
         {adaptor.getGridX(), adaptor.getGridY(), adaptor.getGridZ(),
          adaptor.getBlockX(), adaptor.getBlockY(), adaptor.getBlockZ()})
      args.push_back(toI64(rewriter, loc, v));
    args.push_back(shared);
    args.push_back(constI64(rewriter, loc, WarpSize));
    args.push_back(locationId(rewriter, op, locations));
    callRuntime(rewriter, loc, op, "__xpl_rt_gpu_launch", Type(), args);
    rewriter.eraseOp(op);
    return success();
  }
  LocationTable &locations;
};

} // namespace

void xpiler::exec::addGpuTypeConversions(LLVMTypeConverter &converter) {
  auto toDefaultSpace = [](BaseMemRefType type, Attribute) {
    return IntegerAttr::get(IntegerType::get(type.getContext(), 64), 0);
  };
  converter.addTypeAttributeConversion(
      [=](BaseMemRefType type, cuda::MemorySpaceAttr attr) {
        return toDefaultSpace(type, attr);
      });
  converter.addTypeAttributeConversion(
      [=](BaseMemRefType type, hip::MemorySpaceAttr attr) {
        return toDefaultSpace(type, attr);
      });
  converter.addConversion([](cuda::StreamType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
  converter.addConversion([](hip::StreamType type) -> Type {
    return LLVM::LLVMPointerType::get(type.getContext());
  });
}

void xpiler::exec::populateCudaExecPatterns(LLVMTypeConverter &converter,
                                            RewritePatternSet &patterns,
                                            LocationTable &locations) {
  patterns
      .add<BuiltinIndexLowering<cuda::ThreadIdxOp, 0>,
           BuiltinIndexLowering<cuda::BlockIdxOp, 1>,
           BuiltinIndexLowering<cuda::BlockDimOp, 2>,
           BuiltinIndexLowering<cuda::GridDimOp, 3>,
           WarpSizeLowering<cuda::WarpSizeOp, kCudaWarpSize>,
           FreeLowering<cuda::FreeOp>, NullHandleLowering<cuda::StreamCreateOp>,
           NullHandleLowering<cuda::StreamSynchronizeOp>,
           NullHandleLowering<cuda::StreamDestroyOp>,
           NullHandleLowering<cuda::DeviceSynchronizeOp>>(converter);
  patterns.add<RuntimeCallLowering<cuda::SyncThreadsOp>>(
      converter, locations, "__xpl_rt_gpu_syncthreads");
  patterns.add<RuntimeCallLowering<cuda::SyncWarpOp>>(converter, locations,
                                                      "__xpl_rt_gpu_syncwarp");
  patterns.add<RuntimeCallLowering<cuda::ThreadFenceOp>>(converter, locations,
                                                         "");
  patterns.add<SharedArrayLowering<cuda::SharedArrayOp>,
               DynamicSharedLowering<cuda::DynamicSharedOp>,
               AtomicLowering<cuda::AtomicRMWOp>,
               AtomicCASLowering<cuda::AtomicCASOp>,
               MallocLowering<cuda::MallocOp>, MemcpyLowering<cuda::MemcpyOp>,
               LaunchLowering<cuda::LaunchOp, kCudaWarpSize>>(converter,
                                                              locations);
}

void xpiler::exec::populateHipExecPatterns(LLVMTypeConverter &converter,
                                           RewritePatternSet &patterns,
                                           LocationTable &locations) {
  patterns
      .add<BuiltinIndexLowering<hip::ThreadIdxOp, 0>,
           BuiltinIndexLowering<hip::BlockIdxOp, 1>,
           BuiltinIndexLowering<hip::BlockDimOp, 2>,
           BuiltinIndexLowering<hip::GridDimOp, 3>,
           WarpSizeLowering<hip::WarpSizeOp, kHipWarpSize>,
           FreeLowering<hip::FreeOp>, NullHandleLowering<hip::StreamCreateOp>,
           NullHandleLowering<hip::StreamSynchronizeOp>,
           NullHandleLowering<hip::StreamDestroyOp>,
           NullHandleLowering<hip::DeviceSynchronizeOp>>(converter);
  patterns.add<RuntimeCallLowering<hip::SyncThreadsOp>>(
      converter, locations, "__xpl_rt_gpu_syncthreads");
  patterns.add<RuntimeCallLowering<hip::ThreadFenceOp>>(converter, locations,
                                                        "");
  patterns
      .add<SharedArrayLowering<hip::SharedAllocOp>,
           DynamicSharedLowering<hip::DynamicSharedOp>,
           AtomicLowering<hip::AtomicOp>, AtomicCASLowering<hip::AtomicCASOp>,
           MallocLowering<hip::MallocOp>, MemcpyLowering<hip::MemcpyOp>,
           LaunchLowering<hip::LaunchOp, kHipWarpSize>>(converter, locations);
}
