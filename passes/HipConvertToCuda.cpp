//===- HipConvertToCuda.cpp - HIP-level IR to CUDA-level IR ---------------===//
//
// Implements `hip-convert-to-cuda`: a one-to-one rewrite of `hip` ops into
// `cuda` ops that keeps the source's structure. Wavefront-wide operations
// become warp-wide ones; code written against `warpSize` stays right with
// 32-lane warps; mfma builtins are rewritten first (MfmaToCuda.cpp). See
// the pass description in Passes.td.
//
//===----------------------------------------------------------------------===//

#include "GpuConversion.h"
#include "MfmaToCuda.h"
#include "ScalarizeVectors.h"

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Passes/Passes.h"
#include "xpiler/Support/Language.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/ADT/TypeSwitch.h"

namespace xpiler {
#define GEN_PASS_DEF_HIPCONVERTTOCUDA
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

/// The lanes of a CUDA warp.
static constexpr int64_t kCudaWarpSize = 32;

static cuda::AtomicKind getCudaAtomicKind(hip::AtomicKind kind,
                                          bool isUnsigned) {
  switch (kind) {
  case hip::AtomicKind::add:
    return cuda::AtomicKind::add;
  case hip::AtomicKind::sub:
    return cuda::AtomicKind::sub;
  case hip::AtomicKind::exch:
    return cuda::AtomicKind::exch;
  case hip::AtomicKind::min:
    return isUnsigned ? cuda::AtomicKind::umin : cuda::AtomicKind::min;
  case hip::AtomicKind::max:
    return isUnsigned ? cuda::AtomicKind::umax : cuda::AtomicKind::max;
  case hip::AtomicKind::inc:
    return cuda::AtomicKind::inc;
  case hip::AtomicKind::dec:
    return cuda::AtomicKind::dec;
  case hip::AtomicKind::And:
    return cuda::AtomicKind::bit_and;
  case hip::AtomicKind::Or:
    return cuda::AtomicKind::bit_or;
  case hip::AtomicKind::Xor:
    return cuda::AtomicKind::bit_xor;
  }
  llvm_unreachable("unknown atomic kind");
}

static cuda::ShuffleKind getCudaShuffleKind(hip::ShuffleKind kind) {
  switch (kind) {
  case hip::ShuffleKind::idx:
    return cuda::ShuffleKind::idx;
  case hip::ShuffleKind::up:
    return cuda::ShuffleKind::up;
  case hip::ShuffleKind::down:
    return cuda::ShuffleKind::down;
  case hip::ShuffleKind::Xor:
    return cuda::ShuffleKind::butterfly;
  }
  llvm_unreachable("unknown shuffle kind");
}

/// The width of a CUDA shuffle for a HIP shuffle of `width` lanes: none
/// (the whole warp) where the source meant its whole wavefront — `warpSize`
/// or the wavefront size — and the same width where it fits in a warp.
static Value getCudaShuffleWidth(Value width, int64_t sourceWaveSize) {
  if (!width || width.getDefiningOp<hip::WarpSizeOp>() ||
      width.getDefiningOp<cuda::WarpSizeOp>())
    return Value();
  APInt constant;
  if (matchPattern(width, m_ConstantInt(&constant)) &&
      (constant.getSExtValue() == sourceWaveSize ||
       constant.getSExtValue() > kCudaWarpSize))
    return Value();
  return width;
}

static StringAttr getLocName(Location loc) {
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName();
  return {};
}

namespace {
struct HipConvertToCudaPass
    : public xpiler::impl::HipConvertToCudaBase<HipConvertToCudaPass> {
  using HipConvertToCudaBase::HipConvertToCudaBase;

  void runOnOperation() override;

private:
  Operation *convert(Operation *op, IRRewriter &rewriter, int64_t waveSize);
};
} // namespace

Operation *HipConvertToCudaPass::convert(Operation *op, IRRewriter &rewriter,
                                         int64_t waveSize) {
  rewriter.setInsertionPoint(op);
  Location loc = op->getLoc();
  Type i32 = rewriter.getI32Type();
  auto dimOf = [](hip::Dim d) { return cuda::Dimension(uint32_t(d)); };
  auto fullMask = [&] {
    return arith::ConstantIntOp::create(rewriter, loc, -1, 32).getResult();
  };
  return TypeSwitch<Operation *, Operation *>(op)
      .Case([&](hip::ThreadIdxOp o) {
        return cuda::ThreadIdxOp::create(rewriter, loc, i32, dimOf(o.getDim()));
      })
      .Case([&](hip::BlockIdxOp o) {
        return cuda::BlockIdxOp::create(rewriter, loc, i32, dimOf(o.getDim()));
      })
      .Case([&](hip::BlockDimOp o) {
        return cuda::BlockDimOp::create(rewriter, loc, i32, dimOf(o.getDim()));
      })
      .Case([&](hip::GridDimOp o) {
        return cuda::GridDimOp::create(rewriter, loc, i32, dimOf(o.getDim()));
      })
      .Case([&](hip::WarpSizeOp) {
        return cuda::WarpSizeOp::create(rewriter, loc, i32);
      })
      .Case([&](hip::SyncThreadsOp) {
        return cuda::SyncThreadsOp::create(rewriter, loc);
      })
      .Case([&](hip::ThreadFenceOp o) {
        return cuda::ThreadFenceOp::create(
            rewriter, loc, cuda::FenceScope(uint32_t(o.getScope())));
      })
      .Case([&](hip::ShflOp o) {
        return cuda::ShflSyncOp::create(
            rewriter, loc, o.getType(), getCudaShuffleKind(o.getKind()),
            fullMask(), o.getValue(), o.getOffset(),
            getCudaShuffleWidth(o.getWidth(), waveSize));
      })
      .Case([&](hip::VoteOp o) {
        cuda::VoteKind kind = o.getKind() == hip::VoteKind::any
                                  ? cuda::VoteKind::any
                                  : cuda::VoteKind::all;
        Value predicate =
            arith::ExtUIOp::create(rewriter, loc, i32, o.getPredicate());
        Value vote = cuda::VoteSyncOp::create(rewriter, loc, i32, kind,
                                              fullMask(), predicate);
        Value zero = arith::ConstantIntOp::create(rewriter, loc, 0, 32);
        return arith::CmpIOp::create(rewriter, loc, arith::CmpIPredicate::ne,
                                     vote, zero);
      })
      .Case([&](hip::BallotOp o) {
        Value predicate =
            arith::ExtUIOp::create(rewriter, loc, i32, o.getPredicate());
        Value ballot = cuda::VoteSyncOp::create(
            rewriter, loc, i32, cuda::VoteKind::ballot, fullMask(), predicate);
        return arith::ExtUIOp::create(rewriter, loc, rewriter.getI64Type(),
                                      ballot);
      })
      .Case([&](hip::AtomicOp o) {
        return cuda::AtomicRMWOp::create(
            rewriter, loc, o.getType(),
            getCudaAtomicKind(o.getKind(), o.getIsUnsigned()), o.getValue(),
            o.getMemref(), o.getIndices());
      })
      .Case([&](hip::AtomicCASOp o) {
        return cuda::AtomicCASOp::create(rewriter, loc, o.getType(),
                                         o.getCompare(), o.getValue(),
                                         o.getMemref(), o.getIndices());
      })
      .Case([&](hip::SharedAllocOp o) {
        return cuda::SharedArrayOp::create(rewriter, loc, o.getType(),
                                           getLocName(loc));
      })
      .Case([&](hip::DynamicSharedOp o) {
        return cuda::DynamicSharedOp::create(rewriter, loc, o.getType(),
                                             getLocName(loc));
      })
      .Case([&](hip::MallocOp o) {
        return cuda::MallocOp::create(rewriter, loc, o.getType(), o.getSize());
      })
      .Case([&](hip::FreeOp o) {
        return cuda::FreeOp::create(rewriter, loc, o.getMemref());
      })
      .Case([&](hip::MemcpyOp o) {
        return cuda::MemcpyOp::create(rewriter, loc,
                                      cuda::MemcpyKind(uint32_t(o.getKind())),
                                      o.getDst(), o.getSrc(), o.getSize());
      })
      .Case([&](hip::DeviceSynchronizeOp) {
        return cuda::DeviceSynchronizeOp::create(rewriter, loc);
      })
      .Case([&](hip::StreamCreateOp o) {
        return cuda::StreamCreateOp::create(rewriter, loc,
                                            o.getStream().getType());
      })
      .Case([&](hip::StreamSynchronizeOp o) {
        return cuda::StreamSynchronizeOp::create(rewriter, loc, o.getStream());
      })
      .Case([&](hip::StreamDestroyOp o) {
        return cuda::StreamDestroyOp::create(rewriter, loc, o.getStream());
      })
      .Case([&](hip::LaunchOp o) {
        return cuda::LaunchOp::create(
            rewriter, loc, o.getKernelAttr(), o.getGridX(), o.getGridY(),
            o.getGridZ(), o.getBlockX(), o.getBlockY(), o.getBlockZ(),
            o.getSharedMemoryBytes(), o.getStream(), o.getArgs());
      })
      .Default([](Operation *) -> Operation * { return nullptr; });
}

/// Kernel and device-function markers of `func`.
static void convertFunctionAttrs(func::FuncOp func) {
  auto rename = [&](StringRef from, StringRef to) {
    if (Attribute attr = func->removeAttr(from))
      func->setAttr(to, attr);
  };
  rename("hip.kernel", "cuda.kernel");
  rename("hip.device", "cuda.device");
  rename("hip.host", "cuda.host");
  if (auto bounds =
          func->getAttrOfType<DenseI32ArrayAttr>("hip.launch_bounds")) {
    func->removeAttr("hip.launch_bounds");
    // HIP's second argument counts waves per execution unit, not blocks per
    // multiprocessor: only the thread count carries over.
    if (!bounds.empty())
      func->setAttr("cuda.launch_bounds",
                    cuda::LaunchBoundsAttr::get(func.getContext(), bounds[0],
                                                std::nullopt));
  }
}

void HipConvertToCudaPass::runOnOperation() {
  ModuleOp module = getOperation();
  std::optional<int64_t> waveSize = getAmdWavefrontSize(sourceArch);
  if (!waveSize) {
    module.emitError() << "unknown HIP architecture '" << sourceArch
                       << "' (expected gfx<N>, e.g. gfx90a)";
    return signalPassFailure();
  }
  // Check everything first, so that a failure leaves the module as it was.
  if (failed(checkMfmaToCuda(module, *waveSize)))
    return signalPassFailure();
  // mfma: shared-memory exchange, barriers and wmma or scalar FMAs around
  // the hip ops that the one-to-one conversion below then maps.
  lowerMfmaToCuda(module);
  // nvcc has no GNU vectors in device code (mfma operands are vectors).
  if (failed(scalarizeVectors(module)))
    return signalPassFailure();
  SmallVector<Operation *> hipOps;
  module.walk([&](Operation *op) {
    if (isa<hip::HipDialect>(op->getDialect()))
      hipOps.push_back(op);
  });

  IRRewriter rewriter(&getContext());
  for (Operation *op : hipOps) {
    Operation *replacement = convert(op, rewriter, *waveSize);
    assert(replacement && "every convertible hip op has a replacement");
    for (NamedAttribute attr : op->getDiscardableAttrs())
      replacement->setAttr(attr.getName(), attr.getValue());
    rewriter.replaceOp(op, replacement->getResults());
  }
  module.walk(convertFunctionAttrs);
  MLIRContext *context = &getContext();
  replaceAttrsAndTypes(
      module,
      [&](Attribute attr) -> Attribute {
        if (auto space = dyn_cast<hip::MemorySpaceAttr>(attr))
          return cuda::MemorySpaceAttr::get(
              context, cuda::MemorySpace(uint32_t(space.getValue())));
        return {};
      },
      [&](Type type) -> Type {
        if (isa<hip::StreamType>(type))
          return cuda::StreamType::get(context);
        return {};
      });
}
