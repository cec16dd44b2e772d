//===- CudaConvertToHip.cpp - CUDA-level IR to HIP-level IR ---------------===//
//
// Implements `cuda-convert-to-hip`: a one-to-one rewrite of `cuda` ops into
// `hip` ops that keeps the source's structure. The only places where the two
// models differ in meaning are warp-level operations on 64-lane wavefronts:
// a CUDA warp is then half a wavefront, and shuffles and votes are confined
// to that half (see the pass description in Passes.td).
//
//===----------------------------------------------------------------------===//

#include "GpuConversion.h"
#include "WmmaToMfma.h"

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Passes/Passes.h"
#include "xpiler/Support/Language.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/TypeSwitch.h"

namespace xpiler {
#define GEN_PASS_DEF_CUDACONVERTTOHIP
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

/// The lanes of a CUDA warp.
constexpr int64_t kCudaWarpSize = 32;

/// Rewrites the `cuda` ops of one module for a target with `waveSize`-lane
/// wavefronts. New ops are created with the old (CUDA) types; the final
/// sweep renames memory spaces and streams in every type at once.
class CudaToHipRewriter {
public:
  CudaToHipRewriter(MLIRContext *context, int64_t waveSize)
      : rewriter(context), waveSize(waveSize) {}

  /// Fails with an error at `op` if it has no HIP counterpart.
  static LogicalResult checkConvertible(Operation *op);
  /// Replaces `op` by its HIP counterpart.
  void convert(Operation *op);

private:
  Value constI32(Location loc, int64_t value) {
    return arith::ConstantIntOp::create(rewriter, loc, value, 32);
  }
  /// Bits of the 64-bit ballot that belong to this thread's CUDA warp, as
  /// the 32-bit mask `__ballot_sync` returns.
  Value warpHalfOfBallot(Location loc, Value ballot);
  Value convertVote(cuda::VoteSyncOp vote);

  IRRewriter rewriter;
  int64_t waveSize;
};

} // namespace

static bool isHipShuffleType(Type type) {
  return type.isInteger(32) || type.isInteger(64) || type.isF16() ||
         type.isF32() || type.isF64();
}

static bool isHipAtomicType(Type type) {
  return type.isInteger(32) || type.isInteger(64) || type.isF32() ||
         type.isF64();
}

LogicalResult CudaToHipRewriter::checkConvertible(Operation *op) {
  auto untranslatable = [&](StringRef why) {
    emitUntranslatable(op, "HIP") << ": " << why;
    return failure();
  };
  return TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](cuda::SyncWarpOp) {
        return untranslatable("HIP has no warp-level barrier; synchronise "
                              "the block with __syncthreads instead");
      })
      .Case([&](cuda::ShflSyncOp shfl) {
        if (!isHipShuffleType(shfl.getValue().getType()))
          return untranslatable("HIP shuffles take int, long long, half, "
                                "float or double values");
        return success();
      })
      .Case([&](cuda::AtomicRMWOp atomic) {
        if (atomic.getScope() == cuda::FenceScope::system)
          return untranslatable("system-scope atomics are not modelled");
        if (!isHipAtomicType(atomic.getValue().getType()))
          return untranslatable("HIP atomics take int, long long, float or "
                                "double elements");
        return success();
      })
      .Case([&](cuda::AtomicCASOp cas) {
        if (cas.getScope() == cuda::FenceScope::system)
          return untranslatable("system-scope atomics are not modelled");
        Type type = cas.getValue().getType();
        if (!type.isInteger(32) && !type.isInteger(64))
          return untranslatable("HIP's atomicCAS takes 32- or 64-bit "
                                "integers");
        return success();
      })
      .Default([](Operation *) { return success(); });
}

Value CudaToHipRewriter::warpHalfOfBallot(Location loc, Value ballot) {
  Type i32 = rewriter.getI32Type(), i64 = rewriter.getI64Type();
  if (waveSize == kCudaWarpSize)
    return arith::TruncIOp::create(rewriter, loc, i32, ballot);
  // Lane of the wavefront: the linear thread index modulo 64; its bit 5
  // says which half (CUDA warp) the thread belongs to.
  auto dim = [&](auto tag, hip::Dim d) -> Value {
    using OpT = decltype(tag);
    return OpT::create(rewriter, loc, i32, d);
  };
  Value x = dim(hip::ThreadIdxOp(), hip::Dim::x);
  Value y = dim(hip::ThreadIdxOp(), hip::Dim::y);
  Value z = dim(hip::ThreadIdxOp(), hip::Dim::z);
  Value dx = dim(hip::BlockDimOp(), hip::Dim::x);
  Value dy = dim(hip::BlockDimOp(), hip::Dim::y);
  Value linear = arith::AddIOp::create(
      rewriter, loc, x,
      arith::MulIOp::create(
          rewriter, loc, dx,
          arith::AddIOp::create(rewriter, loc, y,
                                arith::MulIOp::create(rewriter, loc, dy, z))));
  Value half = arith::AndIOp::create(rewriter, loc, linear,
                                     constI32(loc, kCudaWarpSize));
  Value shift = arith::ExtUIOp::create(rewriter, loc, i64, half);
  Value shifted = arith::ShRUIOp::create(rewriter, loc, ballot, shift);
  return arith::TruncIOp::create(rewriter, loc, i32, shifted);
}

Value CudaToHipRewriter::convertVote(cuda::VoteSyncOp vote) {
  Location loc = vote.getLoc();
  Type i32 = rewriter.getI32Type(), i64 = rewriter.getI64Type();
  Value predicate =
      arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne,
                            vote.getPredicate(), constI32(loc, 0));
  if (waveSize == kCudaWarpSize && vote.getKind() != cuda::VoteKind::ballot) {
    hip::VoteKind kind = vote.getKind() == cuda::VoteKind::any
                             ? hip::VoteKind::any
                             : hip::VoteKind::all;
    Value result = hip::VoteOp::create(rewriter, loc, rewriter.getI1Type(),
                                       kind, predicate, Value());
    return arith::ExtUIOp::create(rewriter, loc, i32, result);
  }
  Value bits = warpHalfOfBallot(
      loc, hip::BallotOp::create(rewriter, loc, i64, predicate, Value()));
  switch (vote.getKind()) {
  case cuda::VoteKind::ballot:
    return bits;
  case cuda::VoteKind::any:
    return arith::ExtUIOp::create(
        rewriter, loc, i32,
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne, bits,
                              constI32(loc, 0)));
  case cuda::VoteKind::all: {
    // All lanes of the half that take part: the ballot of `true`.
    Value one = arith::ConstantIntOp::create(rewriter, loc, 1, 1);
    Value active = warpHalfOfBallot(
        loc, hip::BallotOp::create(rewriter, loc, i64, one, Value()));
    return arith::ExtUIOp::create(
        rewriter, loc, i32,
        arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::eq, bits,
                              active));
  }
  }
  llvm_unreachable("unknown vote kind");
}

static hip::AtomicKind getHipAtomicKind(cuda::AtomicKind kind,
                                        bool &isUnsigned) {
  isUnsigned = false;
  switch (kind) {
  case cuda::AtomicKind::add:
    return hip::AtomicKind::add;
  case cuda::AtomicKind::sub:
    return hip::AtomicKind::sub;
  case cuda::AtomicKind::exch:
    return hip::AtomicKind::exch;
  case cuda::AtomicKind::min:
    return hip::AtomicKind::min;
  case cuda::AtomicKind::max:
    return hip::AtomicKind::max;
  case cuda::AtomicKind::umin:
    isUnsigned = true;
    return hip::AtomicKind::min;
  case cuda::AtomicKind::umax:
    isUnsigned = true;
    return hip::AtomicKind::max;
  case cuda::AtomicKind::inc:
    return hip::AtomicKind::inc;
  case cuda::AtomicKind::dec:
    return hip::AtomicKind::dec;
  case cuda::AtomicKind::bit_and:
    return hip::AtomicKind::And;
  case cuda::AtomicKind::bit_or:
    return hip::AtomicKind::Or;
  case cuda::AtomicKind::bit_xor:
    return hip::AtomicKind::Xor;
  }
  llvm_unreachable("unknown atomic kind");
}

static hip::ShuffleKind getHipShuffleKind(cuda::ShuffleKind kind) {
  switch (kind) {
  case cuda::ShuffleKind::idx:
    return hip::ShuffleKind::idx;
  case cuda::ShuffleKind::up:
    return hip::ShuffleKind::up;
  case cuda::ShuffleKind::down:
    return hip::ShuffleKind::down;
  case cuda::ShuffleKind::butterfly:
    return hip::ShuffleKind::Xor;
  }
  llvm_unreachable("unknown shuffle kind");
}

/// A location that names a value: the source's name of a shared array is
/// kept in the location, as the emitters read names from there.
static Location withName(Location loc, StringAttr name) {
  if (!name || isa<NameLoc>(loc))
    return loc;
  return NameLoc::get(name, loc);
}

void CudaToHipRewriter::convert(Operation *op) {
  rewriter.setInsertionPoint(op);
  Location loc = op->getLoc();
  Type i32 = rewriter.getI32Type();
  auto dimOf = [](cuda::Dimension d) { return hip::Dim(uint32_t(d)); };
  Operation *replacement =
      TypeSwitch<Operation *, Operation *>(op)
          .Case([&](cuda::ThreadIdxOp o) {
            return hip::ThreadIdxOp::create(rewriter, loc, i32,
                                            dimOf(o.getDimension()));
          })
          .Case([&](cuda::BlockIdxOp o) {
            return hip::BlockIdxOp::create(rewriter, loc, i32,
                                           dimOf(o.getDimension()));
          })
          .Case([&](cuda::BlockDimOp o) {
            return hip::BlockDimOp::create(rewriter, loc, i32,
                                           dimOf(o.getDimension()));
          })
          .Case([&](cuda::GridDimOp o) {
            return hip::GridDimOp::create(rewriter, loc, i32,
                                          dimOf(o.getDimension()));
          })
          .Case([&](cuda::WarpSizeOp) {
            // The code's warps are 32 lanes wide whatever the wavefront.
            return constI32(loc, kCudaWarpSize).getDefiningOp();
          })
          .Case([&](cuda::SyncThreadsOp) {
            return hip::SyncThreadsOp::create(rewriter, loc);
          })
          .Case([&](cuda::ThreadFenceOp o) {
            return hip::ThreadFenceOp::create(
                rewriter, loc, hip::FenceScope(uint32_t(o.getScope())));
          })
          .Case([&](cuda::ShflSyncOp o) {
            Value width = o.getWidth();
            if (!width && waveSize != kCudaWarpSize)
              width = constI32(loc, kCudaWarpSize);
            return hip::ShflOp::create(
                rewriter, loc, o.getType(), getHipShuffleKind(o.getKind()),
                o.getValue(), o.getOffset(), width, Value());
          })
          .Case([&](cuda::VoteSyncOp o) {
            return convertVote(o).getDefiningOp();
          })
          .Case([&](cuda::AtomicRMWOp o) {
            bool isUnsigned;
            hip::AtomicKind kind = getHipAtomicKind(o.getKind(), isUnsigned);
            return hip::AtomicOp::create(rewriter, loc, o.getType(), kind,
                                         o.getMemref(), o.getIndices(),
                                         o.getValue(), isUnsigned);
          })
          .Case([&](cuda::AtomicCASOp o) {
            return hip::AtomicCASOp::create(rewriter, loc, o.getType(),
                                            o.getMemref(), o.getIndices(),
                                            o.getCompare(), o.getValue());
          })
          .Case([&](cuda::SharedArrayOp o) {
            return hip::SharedAllocOp::create(
                rewriter, withName(loc, o.getNameAttr()), o.getType());
          })
          .Case([&](cuda::DynamicSharedOp o) {
            return hip::DynamicSharedOp::create(
                rewriter, withName(loc, o.getNameAttr()), o.getType());
          })
          .Case([&](cuda::MallocOp o) {
            return hip::MallocOp::create(rewriter, loc, o.getType(),
                                         o.getSize());
          })
          .Case([&](cuda::FreeOp o) {
            return hip::FreeOp::create(rewriter, loc, o.getMemref());
          })
          .Case([&](cuda::MemcpyOp o) {
            return hip::MemcpyOp::create(rewriter, loc,
                                         hip::MemcpyKind(uint32_t(o.getKind())),
                                         o.getDst(), o.getSrc(), o.getCount());
          })
          .Case([&](cuda::DeviceSynchronizeOp) {
            return hip::DeviceSynchronizeOp::create(rewriter, loc);
          })
          .Case([&](cuda::StreamCreateOp o) {
            return hip::StreamCreateOp::create(rewriter, loc,
                                               o.getStream().getType());
          })
          .Case([&](cuda::StreamSynchronizeOp o) {
            return hip::StreamSynchronizeOp::create(rewriter, loc,
                                                    o.getStream());
          })
          .Case([&](cuda::StreamDestroyOp o) {
            return hip::StreamDestroyOp::create(rewriter, loc, o.getStream());
          })
          .Case([&](cuda::LaunchOp o) {
            return hip::LaunchOp::create(
                rewriter, loc, o.getKernelAttr(), o.getGridX(), o.getGridY(),
                o.getGridZ(), o.getBlockX(), o.getBlockY(), o.getBlockZ(),
                o.getSharedBytes(), o.getStream(), o.getArgs());
          })
          .Default([](Operation *) -> Operation * { return nullptr; });
  assert(replacement && "every convertible cuda op has a replacement");
  // Discardable attributes (the xpl launch description …) travel along.
  for (NamedAttribute attr : op->getDiscardableAttrs())
    replacement->setAttr(attr.getName(), attr.getValue());
  rewriter.replaceOp(op, replacement->getResults());
}

/// Kernel and device-function markers of `func`.
static void convertFunctionAttrs(func::FuncOp func) {
  MLIRContext *context = func.getContext();
  auto rename = [&](StringRef from, StringRef to) {
    if (Attribute attr = func->removeAttr(from))
      func->setAttr(to, attr);
  };
  rename("cuda.kernel", "hip.kernel");
  rename("cuda.device", "hip.device");
  rename("cuda.host", "hip.host");
  if (auto bounds =
          func->getAttrOfType<cuda::LaunchBoundsAttr>("cuda.launch_bounds")) {
    func->removeAttr("cuda.launch_bounds");
    // HIP's second argument counts waves per execution unit, not blocks
    // per multiprocessor: only the thread count carries over.
    func->setAttr("hip.launch_bounds",
                  DenseI32ArrayAttr::get(context, {bounds.getMaxThreads()}));
  }
}

namespace {
struct CudaConvertToHipPass
    : public xpiler::impl::CudaConvertToHipBase<CudaConvertToHipPass> {
  using CudaConvertToHipBase::CudaConvertToHipBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<int64_t> waveSize = getAmdWavefrontSize(arch);
    if (!waveSize) {
      module.emitError() << "unknown HIP architecture '" << arch
                         << "' (expected gfx<N>, e.g. gfx90a)";
      return signalPassFailure();
    }
    // Check everything first, so that a failure leaves the module as it was.
    bool convertible = true;
    SmallVector<Operation *> cudaOps, wmmaOps;
    module.walk([&](Operation *op) {
      if (!isa<cuda::CudaDialect>(op->getDialect()))
        return;
      if (isWmmaOp(op)) {
        wmmaOps.push_back(op);
        return;
      }
      cudaOps.push_back(op);
      if (failed(CudaToHipRewriter::checkConvertible(op)))
        convertible = false;
    });
    // Tensor-core code: wmma fragments become mfma code (WmmaToMfma.cpp).
    if (failed(checkWmmaToMfma(module, wmmaOps, arch)))
      convertible = false;
    if (!convertible)
      return signalPassFailure();

    lowerWmmaToMfma(wmmaOps);
    CudaToHipRewriter rewriter(&getContext(), *waveSize);
    for (Operation *op : cudaOps)
      rewriter.convert(op);
    module.walk(convertFunctionAttrs);
    MLIRContext *context = &getContext();
    replaceAttrsAndTypes(
        module,
        [&](Attribute attr) -> Attribute {
          if (auto space = dyn_cast<cuda::MemorySpaceAttr>(attr))
            return hip::MemorySpaceAttr::get(
                context, hip::MemorySpace(uint32_t(space.getValue())));
          return {};
        },
        [&](Type type) -> Type {
          if (isa<cuda::StreamType>(type))
            return hip::StreamType::get(context);
          if (isa<cuda::FragmentType>(type))
            return getMfmaFragmentType(type);
          return {};
        });
    removeFragmentCasts(module);
  }
};
} // namespace
