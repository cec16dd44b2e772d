//===- RaiseGpuLoops.cpp - CUDA/HIP kernels as CPU loop nests -------------===//
//
// Implements `xpl-raise-gpu-loops`: every cuda/hip kernel becomes a plain
// function whose body loops over the launch shape (block loops outside,
// thread loops inside), and every launcher calls it.
//
// Barriers split the thread loop (loop fission). Control flow that contains
// a barrier is hoisted out of the thread loops; a uniformity analysis must
// show that its condition or bounds are the same for every thread of the
// block. Warp-level operations (shuffles) split the thread loop the same
// way one level down: the thread loop becomes a loop over warps around
// loops over lanes, and control flow around a shuffle must be uniform over
// the warp. Values that live from one thread loop to a later one are kept
// in per-thread arrays indexed by the linear thread id (allocated per
// block, like `__shared__` arrays), recomputed when they are pure
// arithmetic.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLRAISEGPULOOPS
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

//===----------------------------------------------------------------------===//
// The two source models
//===----------------------------------------------------------------------===//

enum class Builtin { ThreadIdx, BlockIdx, BlockDim, GridDim, WarpSize };

/// The builtin index `op` reads and its dimension (0 x, 1 y, 2 z).
std::optional<std::pair<Builtin, unsigned>> getBuiltin(Operation *op) {
  using R = std::optional<std::pair<Builtin, unsigned>>;
  if (auto o = dyn_cast<cuda::ThreadIdxOp>(op))
    return R({Builtin::ThreadIdx, (unsigned)o.getDimension()});
  if (auto o = dyn_cast<cuda::BlockIdxOp>(op))
    return R({Builtin::BlockIdx, (unsigned)o.getDimension()});
  if (auto o = dyn_cast<cuda::BlockDimOp>(op))
    return R({Builtin::BlockDim, (unsigned)o.getDimension()});
  if (auto o = dyn_cast<cuda::GridDimOp>(op))
    return R({Builtin::GridDim, (unsigned)o.getDimension()});
  if (auto o = dyn_cast<hip::ThreadIdxOp>(op))
    return R({Builtin::ThreadIdx, (unsigned)o.getDim()});
  if (auto o = dyn_cast<hip::BlockIdxOp>(op))
    return R({Builtin::BlockIdx, (unsigned)o.getDim()});
  if (auto o = dyn_cast<hip::BlockDimOp>(op))
    return R({Builtin::BlockDim, (unsigned)o.getDim()});
  if (auto o = dyn_cast<hip::GridDimOp>(op))
    return R({Builtin::GridDim, (unsigned)o.getDim()});
  if (isa<cuda::WarpSizeOp, hip::WarpSizeOp>(op))
    return R({Builtin::WarpSize, 0});
  return std::nullopt;
}

/// Binds `loop` to `axis` (`xpl.mapping = [#xpl.axis<...>]`).
void setAxis(Operation *loop, xpl::ParallelAxis axis) {
  MLIRContext *ctx = loop->getContext();
  loop->setAttr(xpl::XplDialect::kMappingAttrName,
                ArrayAttr::get(ctx, {xpl::ParallelAxisAttr::get(ctx, axis)}));
}

bool isBarrier(Operation *op) {
  return isa<cuda::SyncThreadsOp, hip::SyncThreadsOp>(op);
}

/// Ops that exchange values between the lanes of a warp.
/// Marks the warp-collective regions detensorization builds: run once per
/// warp, outside the lane loops.
constexpr StringLiteral kWarpCollective = "xpl_warp_collective";
/// Marks per-warp fragment storage (not copied per thread).
constexpr StringLiteral kPerWarp = "xpl_per_warp";

bool isWarpOp(Operation *op) {
  return isa<cuda::ShflSyncOp, hip::ShflOp, cuda::SyncWarpOp, cuda::VoteSyncOp,
             hip::VoteOp, hip::BallotOp>(op) ||
         isa<cuda::WmmaFillFragmentOp, cuda::WmmaLoadMatrixSyncOp,
             cuda::WmmaMmaSyncOp, cuda::WmmaStoreMatrixSyncOp, hip::MfmaOp>(
             op) ||
         op->hasAttr(kWarpCollective);
}

bool isKernel(func::FuncOp func) {
  return func->hasAttr(cuda::CudaDialect::kKernelAttrName) ||
         func->hasAttr("hip.kernel");
}

bool isDeviceFunction(func::FuncOp func) {
  return func->hasAttr(cuda::CudaDialect::kDeviceAttrName) ||
         func->hasAttr("hip.device");
}

bool contains(Operation *op, function_ref<bool(Operation *)> pred) {
  return op
      ->walk([&](Operation *nested) {
        return pred(nested) ? WalkResult::interrupt() : WalkResult::advance();
      })
      .wasInterrupted();
}

/// `type` without a cuda/hip memory space.
Type stripMemorySpace(Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref || !memref.getMemorySpace())
    return type;
  return MemRefType::get(memref.getShape(), memref.getElementType(),
                         memref.getLayout());
}

/// Removes the memory spaces of every value and function type in `module`:
/// on a CPU all memory is one.
void stripMemorySpaces(ModuleOp module) {
  module.walk([](Operation *op) {
    for (Value result : op->getResults())
      result.setType(stripMemorySpace(result.getType()));
    for (Region &region : op->getRegions())
      for (Block &block : region)
        for (BlockArgument arg : block.getArguments())
          arg.setType(stripMemorySpace(arg.getType()));
    if (auto func = dyn_cast<func::FuncOp>(op)) {
      SmallVector<Type> inputs, results;
      for (Type t : func.getArgumentTypes())
        inputs.push_back(stripMemorySpace(t));
      for (Type t : func.getResultTypes())
        results.push_back(stripMemorySpace(t));
      func.setFunctionType(
          FunctionType::get(func.getContext(), inputs, results));
    }
  });
}

/// Inlines every call of a device function in `func` (device functions are
/// one structured block ending in their return).
LogicalResult inlineDeviceCalls(func::FuncOp func, SymbolTable &symbols) {
  for (int round = 0; round < 16; ++round) {
    SmallVector<func::CallOp> calls;
    func.walk([&](func::CallOp call) {
      auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
      if (callee && isDeviceFunction(callee))
        calls.push_back(call);
    });
    if (calls.empty())
      return success();
    for (func::CallOp call : calls) {
      auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
      if (!callee.getBody().hasOneBlock())
        return call.emitError("cannot inline device function '")
               << callee.getSymName() << "' with several blocks";
      Block &body = callee.getBody().front();
      IRMapping mapping;
      for (auto [arg, operand] :
           llvm::zip(body.getArguments(), call.getOperands()))
        mapping.map(arg, operand);
      OpBuilder b(call);
      for (Operation &op : body.without_terminator())
        b.clone(op, mapping);
      auto ret = cast<func::ReturnOp>(body.getTerminator());
      for (auto [result, value] :
           llvm::zip(call.getResults(), ret.getOperands()))
        result.replaceAllUsesWith(mapping.lookupOrDefault(value));
      call.erase();
    }
  }
  return func.emitError("device function calls nested too deeply to inline");
}

/// What is known of a kernel's launches: constant extents (when every
/// launch agrees) and whether it is launched at all.
struct LaunchFacts {
  std::optional<int64_t> grid[3], block[3];
  bool launched = false;
};

std::optional<int64_t> getConstantIndex(Value v) {
  APInt value;
  if (matchPattern(v, m_ConstantInt(&value)))
    return value.getSExtValue();
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Uniformity
//===----------------------------------------------------------------------===//

/// How far a value is the same across threads: for the whole block, for
/// each warp, or per thread.
enum Level { kBlock = 0, kWarp = 1, kThread = 2 };

class Uniformity {
public:
  Uniformity(func::FuncOp kernel, int64_t warpSize, bool oneDimensional)
      : warpSize(warpSize), oneDimensional(oneDimensional) {
    for (int round = 0; round < 64; ++round) {
      changed = false;
      kernel.walk([&](Operation *op) { visit(op); });
      if (!changed)
        break;
    }
  }

  Level get(Value v) const {
    auto it = levels.find(v);
    return it == levels.end() ? kBlock : it->second;
  }

private:
  void raise(Value v, Level level) {
    Level &l = levels[v];
    if (level > l) {
      l = level;
      changed = true;
    }
  }
  Level maxOf(ValueRange values) {
    Level level = kBlock;
    for (Value v : values)
      level = std::max(level, get(v));
    return level;
  }

  /// Whether `v` is threadIdx.x, possibly cast.
  bool isThreadIdxX(Value v) {
    while (Operation *def = v.getDefiningOp()) {
      if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtUIOp,
              arith::ExtSIOp>(def)) {
        v = def->getOperand(0);
        continue;
      }
      auto builtin = getBuiltin(def);
      return builtin && builtin->first == Builtin::ThreadIdx &&
             builtin->second == 0;
    }
    return false;
  }

  std::optional<int64_t> getConstant(Value v) {
    if (Operation *def = v.getDefiningOp())
      if (auto builtin = getBuiltin(def);
          builtin && builtin->first == Builtin::WarpSize)
        return warpSize;
    return getConstantIndex(v);
  }

  void visit(Operation *op) {
    if (auto builtin = getBuiltin(op)) {
      raise(op->getResult(0),
            builtin->first == Builtin::ThreadIdx ? kThread : kBlock);
      return;
    }
    if (isWarpOp(op) || isa<memref::AllocaOp>(op)) {
      for (Value r : op->getResults())
        raise(r, kThread);
      return;
    }
    // threadIdx.x / (a multiple of warpSize) is the warp's index when the
    // block is one-dimensional.
    if (isa<arith::DivUIOp, arith::DivSIOp>(op) && oneDimensional &&
        isThreadIdxX(op->getOperand(0))) {
      std::optional<int64_t> divisor = getConstant(op->getOperand(1));
      if (divisor && *divisor > 0 && *divisor % warpSize == 0) {
        raise(op->getResult(0), kWarp);
        return;
      }
    }
    // threadIdx.x < (a multiple of warpSize) splits the block between
    // warps, never inside one.
    if (auto cmp = dyn_cast<arith::CmpIOp>(op);
        cmp && oneDimensional && isThreadIdxX(cmp.getLhs()) &&
        get(cmp.getRhs()) == kBlock) {
      std::optional<int64_t> bound = getConstant(cmp.getRhs());
      using P = arith::CmpIPredicate;
      P p = cmp.getPredicate();
      bool below = p == P::slt || p == P::ult || p == P::sge || p == P::uge;
      bool above = p == P::sle || p == P::ule || p == P::sgt || p == P::ugt;
      if (bound && ((below && *bound % warpSize == 0) ||
                    (above && (*bound + 1) % warpSize == 0))) {
        raise(cmp.getResult(), kWarp);
        return;
      }
    }
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      Level level = get(ifOp.getCondition());
      for (Region &region : ifOp->getRegions())
        if (!region.empty())
          level = std::max(
              level, maxOf(region.front().getTerminator()->getOperands()));
      for (Value r : ifOp.getResults())
        raise(r, level);
      return;
    }
    if (auto forOp = dyn_cast<scf::ForOp>(op)) {
      Level bounds = maxOf(
          {forOp.getLowerBound(), forOp.getUpperBound(), forOp.getStep()});
      raise(forOp.getInductionVar(), bounds);
      auto yield = forOp.getBody()->getTerminator();
      for (auto [i, arg] : llvm::enumerate(forOp.getRegionIterArgs())) {
        Level level = std::max(
            {bounds, get(forOp.getInitArgs()[i]), get(yield->getOperand(i))});
        raise(arg, level);
        raise(forOp.getResult(i), level);
      }
      return;
    }
    if (auto whileOp = dyn_cast<scf::WhileOp>(op)) {
      Block &before = whileOp.getBefore().front();
      Block &after = whileOp.getAfter().front();
      auto condition = whileOp.getConditionOp();
      Level control = get(condition.getCondition());
      auto yield = after.getTerminator();
      for (auto [i, arg] : llvm::enumerate(before.getArguments()))
        raise(arg,
              std::max(get(whileOp.getInits()[i]), get(yield->getOperand(i))));
      for (auto [i, arg] : llvm::enumerate(after.getArguments())) {
        Level level = std::max(control, get(condition.getArgs()[i]));
        raise(arg, level);
        raise(whileOp.getResult(i), level);
      }
      // A thread-dependent exit makes every carried value thread-dependent.
      if (control != kBlock)
        for (BlockArgument arg : before.getArguments())
          raise(arg, control);
      return;
    }
    if (op->getNumRegions() == 0) {
      Level level = maxOf(op->getOperands());
      for (Value r : op->getResults())
        raise(r, level);
    }
  }

  int64_t warpSize;
  bool oneDimensional;
  bool changed = false;
  llvm::DenseMap<Value, Level> levels;
};

//===----------------------------------------------------------------------===//
// Detensorize wmma
//===----------------------------------------------------------------------===//

/// The linear thread id, from the source model's builtins (replaced when the
/// kernel is raised). `flat`: the block is known to be one-dimensional.
Value linearThreadId(OpBuilder &b, Location loc, bool hipKernel, bool flat) {
  auto idx = [&](Builtin which, unsigned d) -> Value {
    Operation *op;
    Type i32 = b.getI32Type();
    if (hipKernel) {
      auto dim = hip::DimAttr::get(b.getContext(), (hip::Dim)d);
      op = which == Builtin::ThreadIdx
               ? b.create<hip::ThreadIdxOp>(loc, i32, dim).getOperation()
               : b.create<hip::BlockDimOp>(loc, i32, dim).getOperation();
    } else {
      auto dim = cuda::DimensionAttr::get(b.getContext(), (cuda::Dimension)d);
      op = which == Builtin::ThreadIdx
               ? b.create<cuda::ThreadIdxOp>(loc, i32, dim).getOperation()
               : b.create<cuda::BlockDimOp>(loc, i32, dim).getOperation();
    }
    return b.create<arith::IndexCastUIOp>(loc, b.getIndexType(),
                                          op->getResult(0));
  };
  Value tid = idx(Builtin::ThreadIdx, 0);
  if (flat)
    return tid;
  Value bx = idx(Builtin::BlockDim, 0), by = idx(Builtin::BlockDim, 1);
  Value yz = b.create<arith::AddIOp>(
      loc, idx(Builtin::ThreadIdx, 1),
      b.create<arith::MulIOp>(loc, by, idx(Builtin::ThreadIdx, 2)));
  return b.create<arith::AddIOp>(loc, tid,
                                 b.create<arith::MulIOp>(loc, bx, yz));
}

/// Rows and columns of a fragment's matrix (A is M x K, B K x N, C/D
/// M x N), as the oracle's `fragmentShape` (lib/Exec/Runtime).
std::pair<int64_t, int64_t> getFragmentShape(cuda::FragmentType type) {
  switch (type.getUse()) {
  case cuda::FragmentUse::matrix_a:
    return {type.getM(), type.getK()};
  case cuda::FragmentUse::matrix_b:
    return {type.getK(), type.getN()};
  case cuda::FragmentUse::accumulator:
    return {type.getM(), type.getN()};
  }
  llvm_unreachable("fragment use");
}

/// Replaces wmma fragments by the matrices they hold, one per warp: every
/// local array of fragments becomes an array with a leading warp dimension
/// and two trailing matrix dimensions, and every wmma op a region (run once
/// per warp when the kernel is raised) of scalar loops: fill, load a tile
/// (row- or column-major, leading dimension `ldm`), D = A B + C
/// (accumulated in f32), store a tile. A fragment value must be loaded from
/// such an array, and stored to one by its only use. Which lane holds which
/// element does not matter as long as no op reads single elements
/// (`fragment_extract`/`insert` are refused).
class WmmaDetensorizer {
public:
  WmmaDetensorizer(func::FuncOp kernel, int64_t maxThreads, bool flat)
      : kernel(kernel), maxWarps((maxThreads + 31) / 32), flat(flat) {}

  LogicalResult run() {
    SmallVector<memref::AllocaOp> allocas;
    kernel.walk([&](memref::AllocaOp alloca) {
      if (isa<cuda::FragmentType>(alloca.getType().getElementType()))
        allocas.push_back(alloca);
    });
    for (memref::AllocaOp alloca : allocas) {
      MemRefType type = alloca.getType();
      if (!type.hasStaticShape())
        return alloca.emitError("xpl-raise-gpu-loops: cannot detensorize a "
                                "dynamically sized array of fragments");
      auto frag = cast<cuda::FragmentType>(type.getElementType());
      auto [rows, cols] = getFragmentShape(frag);
      SmallVector<int64_t> shape{maxWarps};
      llvm::append_range(shape, type.getShape());
      shape.push_back(rows);
      shape.push_back(cols);
      OpBuilder b(alloca);
      auto matrices = b.create<memref::AllocaOp>(
          alloca.getLoc(), MemRefType::get(shape, frag.getElementType()));
      matrices->setAttr(kPerWarp, b.getUnitAttr());
      storage[alloca.getResult()] = matrices;
    }
    SmallVector<Operation *> ops;
    WalkResult walk = kernel.walk([&](Operation *op) {
      if (isa<cuda::WmmaFragmentExtractOp, cuda::WmmaFragmentInsertOp>(op)) {
        op->emitError("xpl-raise-gpu-loops: cannot detensorize '")
            << op->getName() << "' (per-lane fragment elements)";
        return WalkResult::interrupt();
      }
      if (isa<cuda::WmmaFillFragmentOp, cuda::WmmaLoadMatrixSyncOp,
              cuda::WmmaMmaSyncOp, cuda::WmmaStoreMatrixSyncOp>(op))
        ops.push_back(op);
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return failure();
    for (Operation *op : ops)
      if (failed(rewrite(op)))
        return failure();
    // The fragment ops and accesses are dead now: users first.
    for (Operation *op : stores)
      op->erase();
    for (Operation *op : ops)
      op->erase();
    for (Operation *op : loads)
      if (op->use_empty())
        op->erase();
    for (auto &entry : storage) {
      Value old = entry.first;
      if (!old.use_empty())
        return old.getDefiningOp()->emitError(
            "xpl-raise-gpu-loops: an array of fragments used other than by "
            "wmma operands and results");
      old.getDefiningOp()->erase();
    }
    return success();
  }

private:
  struct Place {
    Value matrices;
    SmallVector<Value> indices;
  };

  /// Where fragment value `v` lives: loaded from an array of fragments.
  FailureOr<Place> source(Value v, Operation *user) {
    auto load = v.getDefiningOp<memref::LoadOp>();
    if (!load || !storage.count(load.getMemRef()))
      return user->emitError("xpl-raise-gpu-loops: cannot detensorize a "
                             "fragment not loaded from a local array");
    loads.insert(load);
    return Place{storage[load.getMemRef()],
                 SmallVector<Value>(load.getIndices())};
  }
  /// Where the fragment result of `op` goes: its only use stores it.
  FailureOr<std::pair<Place, Operation *>> destination(Operation *op) {
    Value v = op->getResult(0);
    auto store = v.hasOneUse() ? dyn_cast<memref::StoreOp>(*v.user_begin())
                               : memref::StoreOp();
    if (!store || store.getValueToStore() != v ||
        !storage.count(store.getMemRef()))
      return op->emitError("xpl-raise-gpu-loops: cannot detensorize a "
                           "fragment not stored to a local array");
    stores.push_back(store);
    return std::make_pair(Place{storage[store.getMemRef()],
                                SmallVector<Value>(store.getIndices())},
                          store.getOperation());
  }

  /// A region run once per warp, before `at`; `build` fills it given the
  /// warp's index.
  void collective(Operation *at,
                  function_ref<void(OpBuilder &, Location, Value)> build) {
    OpBuilder b(at);
    Location loc = at->getLoc();
    auto region = b.create<scf::ExecuteRegionOp>(loc, TypeRange());
    region->setAttr(kWarpCollective, b.getUnitAttr());
    Block *body = b.createBlock(&region.getRegion());
    b.setInsertionPointToStart(body);
    Value warp =
        b.create<arith::DivUIOp>(loc, linearThreadId(b, loc, false, flat),
                                 b.create<arith::ConstantIndexOp>(loc, 32));
    build(b, loc, warp);
    b.create<scf::YieldOp>(loc);
  }

  /// `for r < rows, c < cols: body(r, c)`.
  static void forEach(OpBuilder &b, Location loc, int64_t rows, int64_t cols,
                      function_ref<void(OpBuilder &, Value, Value)> body) {
    OpBuilder::InsertionGuard guard(b);
    Value c0 = b.create<arith::ConstantIndexOp>(loc, 0);
    Value c1 = b.create<arith::ConstantIndexOp>(loc, 1);
    auto outer = b.create<scf::ForOp>(
        loc, c0, b.create<arith::ConstantIndexOp>(loc, rows), c1);
    b.setInsertionPointToStart(outer.getBody());
    auto inner = b.create<scf::ForOp>(
        loc, c0, b.create<arith::ConstantIndexOp>(loc, cols), c1);
    b.setInsertionPointToStart(inner.getBody());
    body(b, outer.getInductionVar(), inner.getInductionVar());
  }

  static SmallVector<Value> element(Value warp, const Place &p, Value r,
                                    Value c) {
    SmallVector<Value> indices{warp};
    llvm::append_range(indices, p.indices);
    indices.push_back(r);
    indices.push_back(c);
    return indices;
  }

  /// The indices of `memref[base...]` advanced by `offset` elements
  /// (row-major identity layouts).
  static FailureOr<SmallVector<Value>> offsetIndices(OpBuilder &b, Location loc,
                                                     Value memref,
                                                     ValueRange base,
                                                     Value offset) {
    auto type = cast<MemRefType>(memref.getType());
    if (type.getRank() == 1)
      return SmallVector<Value>{
          b.create<arith::AddIOp>(loc, base[0], offset).getResult()};
    if (!type.hasStaticShape() || !type.getLayout().isIdentity())
      return failure();
    Value linear = b.create<arith::ConstantIndexOp>(loc, 0);
    for (auto [d, index] : llvm::enumerate(base)) {
      linear = b.create<arith::MulIOp>(
          loc, linear,
          b.create<arith::ConstantIndexOp>(loc, type.getDimSize(d)));
      linear = b.create<arith::AddIOp>(loc, linear, index);
    }
    linear = b.create<arith::AddIOp>(loc, linear, offset);
    SmallVector<Value> indices(type.getRank());
    for (int64_t d = type.getRank() - 1; d >= 0; --d) {
      if (d == 0) {
        indices[d] = linear;
        break;
      }
      Value size = b.create<arith::ConstantIndexOp>(loc, type.getDimSize(d));
      indices[d] = b.create<arith::RemUIOp>(loc, linear, size);
      linear = b.create<arith::DivUIOp>(loc, linear, size);
    }
    return indices;
  }

  /// Copies a tile between memory and a fragment's matrix.
  LogicalResult copyTile(Operation *op, Operation *at, Value memref,
                         ValueRange indices, Value ldm, bool colMajor,
                         const Place &place, int64_t rows, int64_t cols,
                         bool toMemory) {
    LogicalResult result = success();
    collective(at, [&](OpBuilder &b, Location loc, Value warp) {
      Value ld = b.create<arith::IndexCastOp>(loc, b.getIndexType(), ldm);
      forEach(b, loc, rows, cols, [&](OpBuilder &b, Value r, Value c) {
        Value major = colMajor ? c : r, minor = colMajor ? r : c;
        Value offset = b.create<arith::AddIOp>(
            loc, b.create<arith::MulIOp>(loc, major, ld), minor);
        FailureOr<SmallVector<Value>> address =
            offsetIndices(b, loc, memref, indices, offset);
        if (failed(address)) {
          result = op->emitError("xpl-raise-gpu-loops: cannot address this "
                                 "tile");
          return;
        }
        SmallVector<Value> slot = element(warp, place, r, c);
        if (toMemory) {
          Value v = b.create<memref::LoadOp>(loc, place.matrices, slot);
          b.create<memref::StoreOp>(loc, v, memref, *address);
        } else {
          Value v = b.create<memref::LoadOp>(loc, memref, *address);
          b.create<memref::StoreOp>(loc, v, place.matrices, slot);
        }
      });
    });
    return result;
  }

  LogicalResult rewrite(Operation *op) {
    if (auto fill = dyn_cast<cuda::WmmaFillFragmentOp>(op)) {
      auto dst = destination(op);
      if (failed(dst))
        return failure();
      auto [rows, cols] =
          getFragmentShape(cast<cuda::FragmentType>(fill.getType()));
      Value value = fill.getValue();
      Place place = dst->first;
      collective(dst->second, [&](OpBuilder &b, Location loc, Value warp) {
        forEach(b, loc, rows, cols, [&](OpBuilder &b, Value r, Value c) {
          b.create<memref::StoreOp>(loc, value, place.matrices,
                                    element(warp, place, r, c));
        });
      });
      return success();
    }
    if (auto load = dyn_cast<cuda::WmmaLoadMatrixSyncOp>(op)) {
      auto dst = destination(op);
      if (failed(dst))
        return failure();
      auto type = cast<cuda::FragmentType>(load.getType());
      auto [rows, cols] = getFragmentShape(type);
      bool colMajor =
          type.getUse() == cuda::FragmentUse::accumulator
              ? load.getLayout() &&
                    *load.getLayout() == cuda::MemLayout::mem_col_major
              : type.getLayout() == cuda::FragmentLayout::col_major;
      return copyTile(op, dst->second, load.getMemref(), load.getIndices(),
                      load.getLdm(), colMajor, dst->first, rows, cols,
                      /*toMemory=*/false);
    }
    if (auto mma = dyn_cast<cuda::WmmaMmaSyncOp>(op)) {
      FailureOr<Place> a = source(mma.getA(), op);
      FailureOr<Place> bm = source(mma.getB(), op);
      FailureOr<Place> c = source(mma.getC(), op);
      if (failed(a) || failed(bm) || failed(c))
        return failure();
      auto dst = destination(op);
      if (failed(dst))
        return failure();
      Place d = dst->first;
      auto aType = cast<cuda::FragmentType>(mma.getA().getType());
      auto dType = cast<cuda::FragmentType>(mma.getD().getType());
      int64_t m = aType.getM(), n = aType.getN(), k = aType.getK();
      collective(dst->second, [&](OpBuilder &b, Location loc, Value warp) {
        Type f32 = b.getF32Type();
        auto toF32 = [&](Value v) -> Value {
          if (v.getType() == f32)
            return v;
          if (isa<FloatType>(v.getType()))
            return b.create<arith::ExtFOp>(loc, f32, v);
          return b.create<arith::SIToFPOp>(loc, f32, v);
        };
        forEach(b, loc, m, n, [&](OpBuilder &b, Value i, Value j) {
          Value acc = toF32(b.create<memref::LoadOp>(loc, c->matrices,
                                                     element(warp, *c, i, j)));
          Value c0 = b.create<arith::ConstantIndexOp>(loc, 0);
          Value c1 = b.create<arith::ConstantIndexOp>(loc, 1);
          auto loop = b.create<scf::ForOp>(
              loc, c0, b.create<arith::ConstantIndexOp>(loc, k), c1,
              ValueRange{acc});
          {
            OpBuilder::InsertionGuard guard(b);
            b.setInsertionPointToStart(loop.getBody());
            Value kk = loop.getInductionVar();
            Value x = toF32(b.create<memref::LoadOp>(loc, a->matrices,
                                                     element(warp, *a, i, kk)));
            Value y = toF32(b.create<memref::LoadOp>(
                loc, bm->matrices, element(warp, *bm, kk, j)));
            Value sum =
                b.create<arith::AddFOp>(loc, loop.getRegionIterArgs()[0],
                                        b.create<arith::MulFOp>(loc, x, y));
            b.create<scf::YieldOp>(loc, sum);
          }
          Value result = loop.getResult(0);
          if (dType.getElementType() != f32)
            result =
                b.create<arith::TruncFOp>(loc, dType.getElementType(), result);
          b.create<memref::StoreOp>(loc, result, d.matrices,
                                    element(warp, d, i, j));
        });
      });
      return success();
    }
    auto store = cast<cuda::WmmaStoreMatrixSyncOp>(op);
    FailureOr<Place> src = source(store.getFragment(), op);
    if (failed(src))
      return failure();
    auto type = cast<cuda::FragmentType>(store.getFragment().getType());
    auto [rows, cols] = getFragmentShape(type);
    bool colMajor = store.getLayout() == cuda::MemLayout::mem_col_major;
    return copyTile(op, op, store.getMemref(), store.getIndices(),
                    store.getLdm(), colMajor, *src, rows, cols,
                    /*toMemory=*/true);
  }

  func::FuncOp kernel;
  int64_t maxWarps;
  bool flat;
  llvm::MapVector<Value, Value> storage;
  llvm::SetVector<Operation *> loads;
  SmallVector<Operation *> stores;
};

/// Shapes of the f32/f16 `__builtin_amdgcn_mfma_*` kinds, indexed by
/// hip::MfmaKind (the oracle's kMfmaKinds, lib/Exec/Runtime/
/// GpuMatrixRuntime.cpp, same order): M, N, K, blocks, K values per lane of
/// A/B, accumulator elements per lane.
struct MfmaShape {
  int64_t m, n, k, blocks, kPerLane, accLen;
};
const MfmaShape kMfmaShapes[] = {
    {32, 32, 1, 2, 1, 32}, {16, 16, 1, 4, 1, 16}, {4, 4, 1, 16, 1, 4},
    {32, 32, 2, 1, 1, 16}, {16, 16, 4, 1, 1, 4},  {32, 32, 4, 2, 4, 32},
    {16, 16, 4, 4, 4, 16}, {4, 4, 4, 16, 4, 4},   {32, 32, 8, 1, 4, 16},
    {16, 16, 16, 1, 4, 4},
};

//===----------------------------------------------------------------------===//
// Kernel raising
//===----------------------------------------------------------------------===//

class KernelRaiser {
public:
  KernelRaiser(func::FuncOp kernel, const LaunchFacts &facts, int64_t warpSize)
      : kernel(kernel), facts(facts), warpSize(warpSize),
        b(kernel.getContext()) {}

  LogicalResult run();

private:
  // Structure.
  LogicalResult genBody(Block &src, Level ctx);
  LogicalResult genRun(ArrayRef<Operation *> run, Level ctx);
  LogicalResult genThreadLoop(ArrayRef<Operation *> run, Level ctx);
  LogicalResult genWarpLoop(ArrayRef<Operation *> run);
  LogicalResult genHoisted(Operation *op, Level ctx);
  LogicalResult genShuffle(Operation *op);
  LogicalResult genMfma(hip::MfmaOp op);
  /// The per-thread array holding `value` (storing it first if needed).
  FailureOr<Value> publish(Value value);

  /// A loop over the threads of the block (ctx kBlock) or the lanes of the
  /// current warp (ctx kWarp); returns its body's builder position and the
  /// linear thread id.
  std::pair<scf::ForOp, Value> createThreadLoop(Level ctx);
  /// Stores each value (as seen by each thread) to its array, in one
  /// thread loop: every value is read before any is written.
  LogicalResult storeToArrays(ArrayRef<std::pair<Value, Value>> pairs,
                              Level ctx);

  // Values.
  struct Segment {
    IRMapping local;
    Value tid;
  };
  FailureOr<Value> lookup(Value v, Segment &seg, Level ctx, int depth = 0);
  FailureOr<Value> getUniform(Value v, Level ctx, Operation *user,
                              int depth = 0);
  FailureOr<Value> getArray(Value v);
  Value newArray(Type element);

  bool isRecomputable(Operation *op) {
    return op && op->getNumRegions() == 0 && op->getNumResults() == 1 &&
           !isWarpOp(op) && !isa<memref::AllocaOp>(op) &&
           (isMemoryEffectFree(op) || getBuiltin(op).has_value());
  }

  void pushScope() { scopes.emplace_back(); }
  void popScope() {
    for (Value v : scopes.back())
      uniformMap.erase(v);
    scopes.pop_back();
  }
  void mapUniform(Value from, Value to) {
    uniformMap.map(from, to);
    if (!scopes.empty())
      scopes.back().push_back(from);
  }

  LogicalResult expandPrivateArrays();
  LogicalResult replaceBuiltins(func::FuncOp func);

  Value indexConst(int64_t v) {
    return b.create<arith::ConstantIndexOp>(kernel.getLoc(), v);
  }

  func::FuncOp kernel;
  LaunchFacts facts;
  int64_t warpSize;
  OpBuilder b;
  std::unique_ptr<Uniformity> uniformity;

  int64_t maxThreads = 0;
  Value gridArg[3], blockArg[3], sharedArg;
  Value blockIdxIv[3];
  Value numThreads;
  Block *blockBody = nullptr;

  IRMapping uniformMap;
  std::vector<SmallVector<Value>> scopes;
  /// The loop (thread or warp) inserted around the current code, and the
  /// linear thread id of its (first) thread.
  Operation *currentLoop = nullptr;
  Value currentWarp; // warp index inside a warp loop
  llvm::DenseMap<Operation *, Value> tidOf;
  /// Per-thread arrays of values that live across thread loops.
  llvm::DenseMap<Value, Value> arrays;
  /// Where a thread-dependent value was computed: its clone and the thread
  /// id of the loop around it.
  llvm::DenseMap<Value, std::pair<Value, Value>> defs;
};

std::pair<scf::ForOp, Value> KernelRaiser::createThreadLoop(Level ctx) {
  Location loc = kernel.getLoc();
  Value zero = indexConst(0), one = indexConst(1);
  Value upper = numThreads;
  Value base;
  if (ctx == kWarp) {
    base = b.create<arith::MulIOp>(loc, currentWarp, indexConst(warpSize));
    Value left = b.create<arith::SubIOp>(loc, numThreads, base);
    upper = b.create<arith::MinSIOp>(loc, left, indexConst(warpSize));
  }
  auto loop = b.create<scf::ForOp>(loc, zero, upper, one);
  setAxis(loop, xpl::ParallelAxis::thread_x);
  b.setInsertionPointToStart(loop.getBody());
  Value tid = loop.getInductionVar();
  if (ctx == kWarp)
    tid = b.create<arith::AddIOp>(loc, base, tid);
  tidOf[loop] = tid;
  return {loop, tid};
}

Value KernelRaiser::newArray(Type element) {
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(blockBody);
  auto type = MemRefType::get({maxThreads}, element);
  return b.create<memref::AllocaOp>(kernel.getLoc(), type);
}

FailureOr<Value> KernelRaiser::getArray(Value v) {
  if (Value array = arrays.lookup(v))
    return array;
  auto it = defs.find(v);
  if (it == defs.end())
    return failure();
  Value array = newArray(v.getType());
  auto [clone, tid] = it->second;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointAfterValue(clone);
  b.create<memref::StoreOp>(clone.getLoc(), clone, array, tid);
  arrays[v] = array;
  return array;
}

FailureOr<Value> KernelRaiser::lookup(Value v, Segment &seg, Level ctx,
                                      int depth) {
  if (Value mapped = seg.local.lookupOrNull(v))
    return mapped;
  if (Value mapped = uniformMap.lookupOrNull(v))
    return mapped;
  if (Value array = arrays.lookup(v)) {
    Value loaded = b.create<memref::LoadOp>(v.getLoc(), array, seg.tid);
    seg.local.map(v, loaded);
    return loaded;
  }
  if (defs.count(v)) {
    FailureOr<Value> array = getArray(v);
    if (failed(array))
      return failure();
    Value loaded = b.create<memref::LoadOp>(v.getLoc(), *array, seg.tid);
    seg.local.map(v, loaded);
    return loaded;
  }
  // Pure arithmetic (or an index) not computed in this loop yet: compute it
  // here.
  Operation *def = v.getDefiningOp();
  if (isRecomputable(def) && depth < 32) {
    IRMapping mapping;
    for (Value operand : def->getOperands()) {
      FailureOr<Value> mapped = lookup(operand, seg, ctx, depth + 1);
      if (failed(mapped))
        return failure();
      mapping.map(operand, *mapped);
    }
    Operation *clone = b.clone(*def, mapping);
    seg.local.map(v, clone->getResult(0));
    return clone->getResult(0);
  }
  return emitError(v.getLoc(), "xpl-raise-gpu-loops: value not available in "
                               "the thread loop");
}

FailureOr<Value> KernelRaiser::getUniform(Value v, Level ctx, Operation *user,
                                          int depth) {
  if (Value mapped = uniformMap.lookupOrNull(v))
    return mapped;
  // Operands of a uniform value may differ between threads (threadIdx.x in
  // threadIdx.x / warpSize): they are evaluated for the first thread.
  if (depth == 0 && uniformity->get(v) > ctx) {
    InFlightDiagnostic diag =
        user->emitError("xpl-raise-gpu-loops: ")
        << (isBarrier(user) ? "barrier" : "warp-level operation")
        << " under control flow that depends on the thread"
        << (ctx == kWarp ? " within a warp" : "");
    diag.attachNote(v.getLoc()) << "this value is not uniform over the "
                                << (ctx == kWarp ? "warp" : "block");
    return failure();
  }
  Operation *def = v.getDefiningOp();
  bool load = def && isa<memref::LoadOp>(def);
  if ((isRecomputable(def) || load) && depth < 32 && !defs.count(v)) {
    IRMapping mapping;
    for (Value operand : def->getOperands()) {
      FailureOr<Value> mapped = getUniform(operand, ctx, user, depth + 1);
      if (failed(mapped))
        return failure();
      mapping.map(operand, *mapped);
    }
    Operation *clone = b.clone(*def, mapping);
    // Only values uniform here stand for every thread's.
    if (uniformity->get(v) <= ctx)
      mapUniform(v, clone->getResult(0));
    return clone->getResult(0);
  }
  // Computed by the threads: read the first thread's (of the block or of
  // the warp) copy.
  FailureOr<Value> array = getArray(v);
  if (failed(array))
    return emitError(v.getLoc(), "xpl-raise-gpu-loops: uniform value not "
                                 "available outside the thread loop");
  Value index = ctx == kWarp
                    ? Value(b.create<arith::MulIOp>(v.getLoc(), currentWarp,
                                                    indexConst(warpSize)))
                    : indexConst(0);
  Value loaded = b.create<memref::LoadOp>(v.getLoc(), *array, index);
  if (uniformity->get(v) <= ctx)
    mapUniform(v, loaded);
  return loaded;
}

LogicalResult
KernelRaiser::storeToArrays(ArrayRef<std::pair<Value, Value>> pairs,
                            Level ctx) {
  if (pairs.empty())
    return success();
  OpBuilder::InsertionGuard guard(b);
  Operation *savedLoop = currentLoop;
  auto [loop, tid] = createThreadLoop(ctx);
  currentLoop = loop;
  Segment seg{IRMapping(), tid};
  SmallVector<Value> values;
  for (auto [value, array] : pairs) {
    FailureOr<Value> mapped = lookup(value, seg, ctx);
    if (failed(mapped))
      return failure();
    values.push_back(*mapped);
  }
  for (auto [value, pair] : llvm::zip(values, pairs))
    b.create<memref::StoreOp>(value.getLoc(), value, pair.second, tid);
  currentLoop = savedLoop;
  return success();
}

LogicalResult KernelRaiser::genThreadLoop(ArrayRef<Operation *> run,
                                          Level ctx) {
  // Nothing but pure ops: they are computed where needed.
  if (llvm::all_of(run, [&](Operation *op) { return isRecomputable(op); }))
    return success();
  OpBuilder::InsertionGuard guard(b);
  Operation *savedLoop = currentLoop;
  auto [loop, tid] = createThreadLoop(ctx);
  currentLoop = loop;
  Segment seg{IRMapping(), tid};
  for (Operation *op : run) {
    if (op->getNumResults() && uniformMap.contains(op->getResult(0)))
      continue;
    // Pure ops are computed when first used.
    if (isRecomputable(op))
      continue;
    llvm::SetVector<Value> captured;
    for (Value operand : op->getOperands())
      captured.insert(operand);
    getUsedValuesDefinedAbove(op->getRegions(), captured);
    IRMapping mapping;
    for (Value value : captured) {
      FailureOr<Value> mapped = lookup(value, seg, ctx);
      if (failed(mapped))
        return failure();
      mapping.map(value, *mapped);
    }
    Operation *clone = b.clone(*op, mapping);
    for (auto [orig, result] :
         llvm::zip(op->getResults(), clone->getResults())) {
      seg.local.map(orig, result);
      defs[orig] = {result, tid};
    }
  }
  currentLoop = savedLoop;
  return success();
}

LogicalResult KernelRaiser::genWarpLoop(ArrayRef<Operation *> run) {
  Location loc = kernel.getLoc();
  OpBuilder::InsertionGuard guard(b);
  Value numWarps =
      b.create<arith::CeilDivSIOp>(loc, numThreads, indexConst(warpSize));
  auto loop = b.create<scf::ForOp>(loc, indexConst(0), numWarps, indexConst(1));
  setAxis(loop, xpl::ParallelAxis::thread_x);
  b.setInsertionPointToStart(loop.getBody());
  Value savedWarp = currentWarp;
  Operation *savedLoop = currentLoop;
  currentWarp = loop.getInductionVar();
  currentLoop = loop;
  tidOf[loop] = b.create<arith::MulIOp>(loc, currentWarp, indexConst(warpSize));
  pushScope();
  SmallVector<Operation *> lanes;
  for (Operation *op : run) {
    if (!contains(op, isWarpOp)) {
      lanes.push_back(op);
      continue;
    }
    if (failed(genThreadLoop(lanes, kWarp)))
      return failure();
    lanes.clear();
    if (failed(isWarpOp(op) ? genShuffle(op) : genHoisted(op, kWarp)))
      return failure();
  }
  if (failed(genThreadLoop(lanes, kWarp)))
    return failure();
  popScope();
  currentWarp = savedWarp;
  currentLoop = savedLoop;
  return success();
}

LogicalResult KernelRaiser::genRun(ArrayRef<Operation *> run, Level ctx) {
  if (run.empty())
    return success();
  if (ctx == kBlock &&
      llvm::any_of(run, [](Operation *op) { return contains(op, isWarpOp); }))
    return genWarpLoop(run);
  return genThreadLoop(run, ctx);
}

LogicalResult KernelRaiser::genBody(Block &src, Level ctx) {
  auto isSync = [&](Operation *op) {
    return ctx == kBlock ? contains(op, isBarrier) : contains(op, isWarpOp);
  };
  SmallVector<Operation *> run;
  for (Operation &op : src.without_terminator()) {
    if (!isSync(&op)) {
      run.push_back(&op);
      continue;
    }
    if (failed(genRun(run, ctx)))
      return failure();
    run.clear();
    if (isBarrier(&op))
      continue;
    if (ctx == kWarp && isWarpOp(&op)) {
      if (failed(genShuffle(&op)))
        return failure();
      continue;
    }
    if (failed(genHoisted(&op, ctx)))
      return failure();
  }
  return genRun(run, ctx);
}

/// The first barrier or warp op in `op`, for messages.
Operation *findSync(Operation *op) {
  Operation *found = nullptr;
  op->walk([&](Operation *nested) {
    if (isBarrier(nested) || isWarpOp(nested)) {
      found = nested;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found ? found : op;
}

LogicalResult KernelRaiser::genHoisted(Operation *op, Level ctx) {
  Location loc = op->getLoc();
  Operation *sync = findSync(op);
  auto uniform = [&](Value v) { return uniformity->get(v) <= ctx; };

  if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    FailureOr<Value> cond = getUniform(ifOp.getCondition(), ctx, sync);
    if (failed(cond))
      return failure();
    SmallVector<Type> types;
    SmallVector<unsigned> kept;
    for (auto [i, r] : llvm::enumerate(ifOp.getResults())) {
      if (uniform(r)) {
        types.push_back(r.getType());
        kept.push_back(i);
      } else {
        arrays[r] = newArray(r.getType());
      }
    }
    auto newIf = b.create<scf::IfOp>(loc, types, *cond,
                                     /*withElseRegion=*/true);
    for (auto [srcRegion, dstRegion] :
         llvm::zip(ifOp->getRegions(), newIf->getRegions())) {
      OpBuilder::InsertionGuard guard(b);
      Block *dst = &dstRegion.front();
      if (!dst->empty() && isa<scf::YieldOp>(dst->back()))
        dst->back().erase();
      b.setInsertionPointToEnd(dst);
      pushScope();
      SmallVector<Value> yielded;
      if (!srcRegion.empty()) {
        Block &src = srcRegion.front();
        if (failed(genBody(src, ctx)))
          return failure();
        SmallVector<std::pair<Value, Value>> stores;
        for (auto [i, v] :
             llvm::enumerate(src.getTerminator()->getOperands())) {
          if (llvm::is_contained(kept, i)) {
            FailureOr<Value> u = getUniform(v, ctx, sync);
            if (failed(u))
              return failure();
            yielded.push_back(*u);
          } else {
            stores.push_back({v, arrays[ifOp.getResult(i)]});
          }
        }
        if (failed(storeToArrays(stores, ctx)))
          return failure();
      }
      b.create<scf::YieldOp>(loc, yielded);
      popScope();
    }
    for (auto [i, index] : llvm::enumerate(kept))
      mapUniform(ifOp.getResult(index), newIf.getResult(i));
    return success();
  }

  if (auto forOp = dyn_cast<scf::ForOp>(op)) {
    FailureOr<Value> lb = getUniform(forOp.getLowerBound(), ctx, sync);
    if (failed(lb))
      return failure();
    FailureOr<Value> ub = getUniform(forOp.getUpperBound(), ctx, sync);
    if (failed(ub))
      return failure();
    FailureOr<Value> step = getUniform(forOp.getStep(), ctx, sync);
    if (failed(step))
      return failure();
    SmallVector<Value> inits;
    SmallVector<unsigned> kept;
    SmallVector<std::pair<Value, Value>> initStores;
    for (auto [i, arg] : llvm::enumerate(forOp.getRegionIterArgs())) {
      Value init = forOp.getInitArgs()[i];
      if (uniform(arg)) {
        FailureOr<Value> u = getUniform(init, ctx, sync);
        if (failed(u))
          return failure();
        inits.push_back(*u);
        kept.push_back(i);
      } else {
        Value array = newArray(arg.getType());
        arrays[arg] = array;
        arrays[forOp.getResult(i)] = array;
        initStores.push_back({init, array});
      }
    }
    if (failed(storeToArrays(initStores, ctx)))
      return failure();
    auto newFor = b.create<scf::ForOp>(loc, *lb, *ub, *step, inits);
    newFor.setUnsignedCmp(forOp.getUnsignedCmp());
    {
      OpBuilder::InsertionGuard guard(b);
      Block *dst = newFor.getBody();
      if (!dst->empty() && isa<scf::YieldOp>(dst->back()))
        dst->back().erase();
      b.setInsertionPointToEnd(dst);
      pushScope();
      mapUniform(forOp.getInductionVar(), newFor.getInductionVar());
      for (auto [k, i] : llvm::enumerate(kept))
        mapUniform(forOp.getRegionIterArgs()[i], newFor.getRegionIterArgs()[k]);
      if (failed(genBody(*forOp.getBody(), ctx)))
        return failure();
      Operation *yield = forOp.getBody()->getTerminator();
      SmallVector<Value> yielded;
      SmallVector<std::pair<Value, Value>> stores;
      for (auto [i, v] : llvm::enumerate(yield->getOperands())) {
        if (llvm::is_contained(kept, i)) {
          FailureOr<Value> u = getUniform(v, ctx, sync);
          if (failed(u))
            return failure();
          yielded.push_back(*u);
        } else {
          stores.push_back({v, arrays[forOp.getRegionIterArgs()[i]]});
        }
      }
      if (failed(storeToArrays(stores, ctx)))
        return failure();
      b.create<scf::YieldOp>(loc, yielded);
      popScope();
    }
    for (auto [k, i] : llvm::enumerate(kept))
      mapUniform(forOp.getResult(i), newFor.getResult(k));
    return success();
  }

  if (auto whileOp = dyn_cast<scf::WhileOp>(op)) {
    Block &before = whileOp.getBefore().front();
    Block &after = whileOp.getAfter().front();
    auto condition = whileOp.getConditionOp();
    // The carried values must pass through the condition unchanged.
    if (condition.getArgs().size() != before.getNumArguments() ||
        !llvm::all_of(llvm::enumerate(condition.getArgs()), [&](auto pair) {
          return pair.value() == before.getArgument(pair.index());
        }))
      return whileOp.emitError("xpl-raise-gpu-loops: cannot hoist a loop "
                               "with a barrier or warp-level operation "
                               "whose condition changes the carried values");
    SmallVector<Value> inits;
    SmallVector<Type> types;
    SmallVector<unsigned> kept;
    SmallVector<std::pair<Value, Value>> initStores;
    for (auto [i, arg] : llvm::enumerate(before.getArguments())) {
      Value init = whileOp.getInits()[i];
      if (uniform(arg) && uniform(after.getArgument(i))) {
        FailureOr<Value> u = getUniform(init, ctx, sync);
        if (failed(u))
          return failure();
        inits.push_back(*u);
        types.push_back(arg.getType());
        kept.push_back(i);
      } else {
        Value array = newArray(arg.getType());
        arrays[arg] = array;
        arrays[after.getArgument(i)] = array;
        arrays[whileOp.getResult(i)] = array;
        initStores.push_back({init, array});
      }
    }
    if (failed(storeToArrays(initStores, ctx)))
      return failure();
    auto newWhile = b.create<scf::WhileOp>(loc, types, inits);
    SmallVector<Location> locs(types.size(), loc);
    Block *newBefore, *newAfter;
    {
      OpBuilder::InsertionGuard guard(b);
      newBefore = b.createBlock(&newWhile.getBefore(), {}, types, locs);
      newAfter = b.createBlock(&newWhile.getAfter(), {}, types, locs);
    }
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToEnd(newBefore);
      pushScope();
      for (auto [k, i] : llvm::enumerate(kept))
        mapUniform(before.getArgument(i), newBefore->getArgument(k));
      if (failed(genBody(before, ctx)))
        return failure();
      FailureOr<Value> cond = getUniform(condition.getCondition(), ctx, sync);
      if (failed(cond))
        return failure();
      b.create<scf::ConditionOp>(loc, *cond, newBefore->getArguments());
      popScope();
    }
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToEnd(newAfter);
      pushScope();
      for (auto [k, i] : llvm::enumerate(kept))
        mapUniform(after.getArgument(i), newAfter->getArgument(k));
      if (failed(genBody(after, ctx)))
        return failure();
      Operation *yield = after.getTerminator();
      SmallVector<Value> yielded;
      SmallVector<std::pair<Value, Value>> stores;
      for (auto [i, v] : llvm::enumerate(yield->getOperands())) {
        if (llvm::is_contained(kept, i)) {
          FailureOr<Value> u = getUniform(v, ctx, sync);
          if (failed(u))
            return failure();
          yielded.push_back(*u);
        } else {
          stores.push_back({v, arrays[before.getArgument(i)]});
        }
      }
      if (failed(storeToArrays(stores, ctx)))
        return failure();
      b.create<scf::YieldOp>(loc, yielded);
      popScope();
    }
    for (auto [k, i] : llvm::enumerate(kept))
      mapUniform(whileOp.getResult(i), newWhile.getResult(k));
    return success();
  }

  return sync->emitError("xpl-raise-gpu-loops: cannot split the thread loop "
                         "at this operation inside '")
         << op->getName() << "'";
}

/// The source lane of a shuffle, as the oracle computes it
/// (lib/Exec/Runtime/GpuMatrixRuntime.cpp, `__xpl_rt_gpu_shfl`): i32
/// arithmetic on the lane, the kind's offset and the segment width.
Value shuffleSource(OpBuilder &b, Location loc, bool hip, unsigned kind,
                    Value lane, Value offset, Value width) {
  auto c = [&](int64_t v) {
    return b.create<arith::ConstantIntOp>(loc, b.getI32Type(), v).getResult();
  };
  Value widthMinusOne = b.create<arith::SubIOp>(loc, width, c(1));
  Value seg = b.create<arith::AndIOp>(
      loc, lane, b.create<arith::XOrIOp>(loc, widthMinusOne, c(-1)));
  if (kind == 0)
    return b.create<arith::AddIOp>(
        loc, seg, b.create<arith::AndIOp>(loc, offset, widthMinusOne));
  Value segEnd = b.create<arith::AddIOp>(loc, seg, width);
  if (!hip) {
    Value delta = b.create<arith::AndIOp>(loc, offset, c(31));
    Value j, inRange;
    if (kind == 1) {
      j = b.create<arith::SubIOp>(loc, lane, delta);
      inRange = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::sge, j, seg);
    } else {
      j = kind == 2 ? Value(b.create<arith::AddIOp>(loc, lane, delta))
                    : Value(b.create<arith::XOrIOp>(loc, lane, delta));
      inRange =
          b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::slt, j, segEnd);
    }
    return b.create<arith::SelectOp>(loc, inRange, j, lane);
  }
  Value index, own;
  if (kind == 1) {
    index = b.create<arith::SubIOp>(loc, lane, offset);
    own = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::slt, index, seg);
  } else if (kind == 2) {
    index = b.create<arith::AddIOp>(loc, lane, offset);
    Value inSeg = b.create<arith::AndIOp>(loc, lane, widthMinusOne);
    Value sum = b.create<arith::AddIOp>(loc, inSeg, offset);
    own = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::sge, sum, width);
  } else {
    index = b.create<arith::XOrIOp>(loc, lane, offset);
    Value limit = b.create<arith::AndIOp>(
        loc, b.create<arith::AddIOp>(loc, lane, width),
        b.create<arith::XOrIOp>(loc, widthMinusOne, c(-1)));
    own = b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::sge, index, limit);
  }
  Value src = b.create<arith::SelectOp>(loc, own, lane, index);
  return b.create<arith::AndIOp>(loc, src, c(63));
}

LogicalResult KernelRaiser::genShuffle(Operation *op) {
  Location loc = op->getLoc();
  if (isa<cuda::SyncWarpOp>(op))
    return success();
  // A detensorized warp-level op: once per warp.
  if (auto region = dyn_cast<scf::ExecuteRegionOp>(op);
      region && op->hasAttr(kWarpCollective)) {
    llvm::SetVector<Value> captured;
    getUsedValuesDefinedAbove(region.getRegion(), captured);
    IRMapping mapping;
    for (Value v : captured) {
      FailureOr<Value> u = getUniform(v, kWarp, op);
      if (failed(u))
        return failure();
      mapping.map(v, *u);
    }
    for (Operation &inner : region.getRegion().front().without_terminator())
      b.clone(inner, mapping);
    return success();
  }
  if (auto mfma = dyn_cast<hip::MfmaOp>(op))
    return genMfma(mfma);
  Value value, offset, width;
  unsigned kind;
  bool hip = false;
  if (auto shfl = dyn_cast<cuda::ShflSyncOp>(op)) {
    value = shfl.getValue();
    offset = shfl.getOffset();
    width = shfl.getWidth();
    kind = (unsigned)shfl.getKind();
  } else if (auto shfl = dyn_cast<hip::ShflOp>(op)) {
    value = shfl.getValue();
    offset = shfl.getOffset();
    width = shfl.getWidth();
    kind = (unsigned)shfl.getKind();
    hip = true;
  } else {
    return op->emitError("xpl-raise-gpu-loops: '")
           << op->getName() << "' is not supported yet";
  }
  // Every lane publishes its value, then reads its source lane's.
  FailureOr<Value> published = publish(value);
  if (failed(published))
    return failure();
  Value source = *published;
  Value result = newArray(value.getType());
  {
    OpBuilder::InsertionGuard guard(b);
    Operation *savedLoop = currentLoop;
    auto [loop, tid] = createThreadLoop(kWarp);
    currentLoop = loop;
    Segment seg{IRMapping(), tid};
    FailureOr<Value> off = lookup(offset, seg, kWarp);
    if (failed(off))
      return failure();
    Value w;
    if (width) {
      FailureOr<Value> mapped = lookup(width, seg, kWarp);
      if (failed(mapped))
        return failure();
      w = *mapped;
    } else {
      w = b.create<arith::ConstantIntOp>(loc, b.getI32Type(), warpSize);
    }
    Value lane = b.create<arith::IndexCastOp>(loc, b.getI32Type(),
                                              loop.getInductionVar());
    Value src = shuffleSource(b, loc, hip, kind, lane, *off, w);
    Value base =
        b.create<arith::MulIOp>(loc, currentWarp, indexConst(warpSize));
    Value at = b.create<arith::AddIOp>(
        loc, base, b.create<arith::IndexCastOp>(loc, b.getIndexType(), src));
    Value read = b.create<memref::LoadOp>(loc, source, at);
    b.create<memref::StoreOp>(loc, read, result, tid);
    currentLoop = savedLoop;
  }
  arrays[op->getResult(0)] = result;
  return success();
}

FailureOr<Value> KernelRaiser::publish(Value value) {
  if (Value array = arrays.lookup(value))
    return array;
  if (defs.count(value))
    return getArray(value);
  Value array = newArray(value.getType());
  if (failed(storeToArrays({{value, array}}, kWarp)))
    return failure();
  return array;
}

/// D = A B + C of one `__builtin_amdgcn_mfma_*` over the wavefront, lane by
/// lane in the oracle's register layouts (GpuMatrixRuntime.cpp:
/// `mfmaInputPosition`, `mfmaOutputElement`): lane l's item v of D is
/// element (block, row, col) with col = l % N and row, block from the
/// accumulator's row groups; A[i][k] of block b is item k % kPerLane of
/// lane i + M (b + blocks (k / kPerLane)), B[k][j] likewise with j.
LogicalResult KernelRaiser::genMfma(hip::MfmaOp op) {
  Location loc = op.getLoc();
  unsigned index = (unsigned)op.getKind();
  if (index >= std::size(kMfmaShapes))
    return op.emitError("xpl-raise-gpu-loops: mfma kind '")
           << hip::stringifyMfmaKind(op.getKind()) << "' is not supported yet";
  if (op.getCbsz() || op.getAbid() || op.getBlgp())
    return op.emitError("xpl-raise-gpu-loops: mfma with cbsz, abid or blgp "
                        "is not supported yet");
  if (warpSize != 64)
    return op.emitError("xpl-raise-gpu-loops: mfma needs 64-lane wavefronts");
  const MfmaShape &kd = kMfmaShapes[index];
  FailureOr<Value> a = publish(op.getA()), bm = publish(op.getB()),
                   c = publish(op.getC());
  if (failed(a) || failed(bm) || failed(c))
    return failure();
  Type resultType = op.getResult().getType();
  Value result = newArray(resultType);
  OpBuilder::InsertionGuard guard(b);
  Operation *savedLoop = currentLoop;
  auto [loop, tid] = createThreadLoop(kWarp);
  currentLoop = loop;
  Value lane = loop.getInductionVar();
  auto cst = [&](int64_t v) { return indexConst(v); };
  Value base = b.create<arith::MulIOp>(loc, currentWarp, cst(warpSize));
  Value acc = b.create<memref::LoadOp>(loc, *c, tid);
  // Accumulator layout constants (mfmaOutputElement).
  int64_t h = std::min<int64_t>(kd.m * kd.n * kd.blocks / 64, 4);
  int64_t perBlock = kd.m * kd.n / h;
  int64_t bI = (64 + perBlock - 1) / perBlock;
  int64_t mI = 64 / bI / kd.n;
  int64_t g = kd.m / (h * mI);
  Value col = b.create<arith::RemUIOp>(loc, lane, cst(kd.n));
  Value laneGroup = b.create<arith::DivUIOp>(loc, lane, cst(kd.n));
  Value iMid = b.create<arith::RemUIOp>(loc, laneGroup, cst(mI));
  Value bLow = b.create<arith::DivUIOp>(loc, laneGroup, cst(mI));
  auto items = b.create<scf::ForOp>(loc, cst(0), cst(kd.accLen), cst(1),
                                    ValueRange{acc});
  {
    OpBuilder::InsertionGuard inner(b);
    b.setInsertionPointToStart(items.getBody());
    Value v = items.getInductionVar();
    Value iLow = b.create<arith::RemUIOp>(loc, v, cst(h));
    Value rest = b.create<arith::DivUIOp>(loc, v, cst(h));
    Value iHigh = b.create<arith::RemUIOp>(loc, rest, cst(g));
    Value bHigh = b.create<arith::DivUIOp>(loc, rest, cst(g));
    Value block = b.create<arith::AddIOp>(
        loc, b.create<arith::MulIOp>(loc, bHigh, cst(bI)), bLow);
    Value row = b.create<arith::AddIOp>(
        loc,
        b.create<arith::AddIOp>(
            loc, b.create<arith::MulIOp>(loc, iHigh, cst(h * mI)),
            b.create<arith::MulIOp>(loc, iMid, cst(h))),
        iLow);
    Value vec = items.getRegionIterArgs()[0];
    Value sum0 =
        b.create<vector::ExtractOp>(loc, vec, ArrayRef<OpFoldResult>{v});
    auto ks =
        b.create<scf::ForOp>(loc, cst(0), cst(kd.k), cst(1), ValueRange{sum0});
    {
      OpBuilder::InsertionGuard innermost(b);
      b.setInsertionPointToStart(ks.getBody());
      Value k = ks.getInductionVar();
      Value group = b.create<arith::AddIOp>(
          loc, block,
          b.create<arith::MulIOp>(
              loc, cst(kd.blocks),
              b.create<arith::DivUIOp>(loc, k, cst(kd.kPerLane))));
      Value item = b.create<arith::RemUIOp>(loc, k, cst(kd.kPerLane));
      auto operand = [&](Value array, Value i) -> Value {
        Value src = b.create<arith::AddIOp>(
            loc, i, b.create<arith::MulIOp>(loc, cst(kd.m), group));
        Value at = b.create<arith::AddIOp>(loc, base, src);
        Value x = b.create<memref::LoadOp>(loc, array, at);
        if (isa<VectorType>(x.getType()))
          x = b.create<vector::ExtractOp>(loc, x, ArrayRef<OpFoldResult>{item});
        if (!x.getType().isF32())
          x = b.create<arith::ExtFOp>(loc, b.getF32Type(), x);
        return x;
      };
      Value x = operand(*a, row);
      Value y = operand(*bm, col);
      Value sum = b.create<arith::AddFOp>(loc, ks.getRegionIterArgs()[0],
                                          b.create<arith::MulFOp>(loc, x, y));
      b.create<scf::YieldOp>(loc, sum);
    }
    Value updated = b.create<vector::InsertOp>(loc, ks.getResult(0), vec,
                                               ArrayRef<OpFoldResult>{v});
    b.create<scf::YieldOp>(loc, updated);
  }
  b.create<memref::StoreOp>(loc, items.getResult(0), result, tid);
  currentLoop = savedLoop;
  arrays[op.getResult()] = result;
  return success();
}

/// Gives every thread its own copy of the kernel's local arrays when the
/// kernel has more than one thread loop: `memref<4xf32>` becomes
/// `memref<MAXxf32>` indexed by the linear thread id first.
LogicalResult KernelRaiser::expandPrivateArrays() {
  SmallVector<memref::AllocaOp> allocas;
  kernel.walk([&](memref::AllocaOp alloca) {
    if (!alloca->hasAttr(kPerWarp))
      allocas.push_back(alloca);
  });
  for (memref::AllocaOp alloca : allocas) {
    MemRefType type = alloca.getType();
    if (!type.hasStaticShape() || !type.getLayout().isIdentity())
      return alloca.emitError("xpl-raise-gpu-loops: cannot give each thread "
                              "a copy of this local array");
    for (Operation *user : alloca->getUsers())
      if (!isa<memref::LoadOp, memref::StoreOp>(user))
        return user->emitError("xpl-raise-gpu-loops: cannot give each "
                               "thread a copy of a local array used by '")
               << user->getName() << "'";
    SmallVector<int64_t> shape{maxThreads};
    llvm::append_range(shape, type.getShape());
    OpBuilder ob(alloca);
    auto expanded = ob.create<memref::AllocaOp>(
        alloca.getLoc(), MemRefType::get(shape, type.getElementType()));
    for (Operation *user : llvm::make_early_inc_range(alloca->getUsers())) {
      ob.setInsertionPoint(user);
      Location loc = user->getLoc();
      // The linear thread id from the builtins (replaced later).
      bool hipKernel = kernel->hasAttr("hip.kernel");
      auto idx = [&](Builtin which, unsigned d) -> Value {
        Operation *op;
        if (hipKernel) {
          auto dim = hip::DimAttr::get(ob.getContext(), (hip::Dim)d);
          Type i32 = ob.getI32Type();
          op = which == Builtin::ThreadIdx
                   ? ob.create<hip::ThreadIdxOp>(loc, i32, dim).getOperation()
                   : ob.create<hip::BlockDimOp>(loc, i32, dim).getOperation();
        } else {
          auto dim =
              cuda::DimensionAttr::get(ob.getContext(), (cuda::Dimension)d);
          Type i32 = ob.getI32Type();
          op = which == Builtin::ThreadIdx
                   ? ob.create<cuda::ThreadIdxOp>(loc, i32, dim).getOperation()
                   : ob.create<cuda::BlockDimOp>(loc, i32, dim).getOperation();
        }
        return ob.create<arith::IndexCastUIOp>(loc, ob.getIndexType(),
                                               op->getResult(0));
      };
      Value tid = idx(Builtin::ThreadIdx, 0);
      if (!(facts.block[1] == 1 && facts.block[2] == 1)) {
        Value bx = idx(Builtin::BlockDim, 0), by = idx(Builtin::BlockDim, 1);
        Value yz = ob.create<arith::AddIOp>(
            loc, idx(Builtin::ThreadIdx, 1),
            ob.create<arith::MulIOp>(loc, by, idx(Builtin::ThreadIdx, 2)));
        tid = ob.create<arith::AddIOp>(loc, tid,
                                       ob.create<arith::MulIOp>(loc, bx, yz));
      }
      if (auto load = dyn_cast<memref::LoadOp>(user)) {
        SmallVector<Value> indices{tid};
        llvm::append_range(indices, load.getIndices());
        load.getMemrefMutable().assign(expanded);
        load.getIndicesMutable().assign(indices);
      } else {
        auto store = cast<memref::StoreOp>(user);
        SmallVector<Value> indices{tid};
        llvm::append_range(indices, store.getIndices());
        store.getMemrefMutable().assign(expanded);
        store.getIndicesMutable().assign(indices);
      }
    }
    alloca.erase();
  }
  return success();
}

LogicalResult KernelRaiser::replaceBuiltins(func::FuncOp func) {
  SmallVector<Operation *> builtins;
  func.walk([&](Operation *op) {
    if (getBuiltin(op))
      builtins.push_back(op);
  });
  for (Operation *op : builtins) {
    auto [which, dim] = *getBuiltin(op);
    Location loc = op->getLoc();
    OpBuilder ob(op);
    Value index;
    auto extent = [&](const std::optional<int64_t> *known, Value *args,
                      unsigned d) -> Value {
      if (known[d])
        return ob.create<arith::ConstantIndexOp>(loc, *known[d]);
      return args[d];
    };
    switch (which) {
    case Builtin::WarpSize:
      index = ob.create<arith::ConstantIndexOp>(loc, warpSize);
      break;
    case Builtin::BlockIdx:
      index = blockIdxIv[dim];
      break;
    case Builtin::BlockDim:
      index = extent(facts.block, blockArg, dim);
      break;
    case Builtin::GridDim:
      index = extent(facts.grid, gridArg, dim);
      break;
    case Builtin::ThreadIdx: {
      Operation *loop = op->getParentOp();
      while (loop && !tidOf.count(loop))
        loop = loop->getParentOp();
      if (!loop)
        return op->emitError("xpl-raise-gpu-loops: thread index outside "
                             "every thread loop");
      Value tid = tidOf[loop];
      Value bx = extent(facts.block, blockArg, 0);
      Value by = extent(facts.block, blockArg, 1);
      bool flat = facts.block[1] == 1 && facts.block[2] == 1;
      if (dim == 0)
        index = flat ? tid : Value(ob.create<arith::RemUIOp>(loc, tid, bx));
      else if (dim == 1)
        index = ob.create<arith::RemUIOp>(
            loc, ob.create<arith::DivUIOp>(loc, tid, bx), by);
      else
        index = ob.create<arith::DivUIOp>(
            loc, tid, ob.create<arith::MulIOp>(loc, bx, by));
      break;
    }
    }
    Value result =
        ob.create<arith::IndexCastUIOp>(loc, op->getResult(0).getType(), index);
    op->getResult(0).replaceAllUsesWith(result);
    op->erase();
  }
  return success();
}

LogicalResult KernelRaiser::run() {
  Location loc = kernel.getLoc();
  MLIRContext *ctx = kernel.getContext();
  bool hipKernel = kernel->hasAttr("hip.kernel");

  // The size of per-thread arrays: the launch bounds, else the launch.
  if (auto bounds = kernel->getAttrOfType<cuda::LaunchBoundsAttr>(
          cuda::CudaDialect::kLaunchBoundsAttrName))
    maxThreads = bounds.getMaxThreads();
  else if (auto bounds =
               kernel->getAttrOfType<DenseI32ArrayAttr>("hip.launch_bounds");
           bounds && !bounds.empty())
    maxThreads = bounds[0];
  if (facts.block[0] && facts.block[1] && facts.block[2]) {
    int64_t known = *facts.block[0] * *facts.block[1] * *facts.block[2];
    maxThreads = maxThreads ? std::min(maxThreads, known) : known;
  }
  if (maxThreads <= 0)
    return kernel.emitError("xpl-raise-gpu-loops: the block size of '")
           << kernel.getSymName()
           << "' is unknown: give it __launch_bounds__ or a constant launch";

  bool usesSync = contains(
      kernel, [](Operation *op) { return isBarrier(op) || isWarpOp(op); });
  if (contains(kernel, [](Operation *op) {
        return isa<cuda::WmmaMmaSyncOp, cuda::WmmaLoadMatrixSyncOp,
                   cuda::WmmaStoreMatrixSyncOp, cuda::WmmaFillFragmentOp>(op);
      })) {
    WmmaDetensorizer detensorizer(kernel, maxThreads,
                                  facts.block[1] == 1 && facts.block[2] == 1);
    if (failed(detensorizer.run()))
      return failure();
  }
  if (usesSync && failed(expandPrivateArrays()))
    return failure();
  for (Operation &op : kernel.getBody().front())
    if (contains(&op, [](Operation *o) {
          return isa<cuda::AtomicRMWOp, cuda::AtomicCASOp, hip::AtomicOp,
                     hip::AtomicCASOp>(o);
        }))
      return findSync(&op)->emitError(
          "xpl-raise-gpu-loops: atomics are not supported yet");
  bool oneDimensional = facts.block[1] == 1 && facts.block[2] == 1;
  uniformity = std::make_unique<Uniformity>(kernel, warpSize, oneDimensional);

  // The new signature: the kernel's arguments, then the grid and block
  // extents (and the dynamic shared memory size) as indices.
  Block *oldBlock = &kernel.getBody().front();
  SmallVector<Type> inputs(kernel.getArgumentTypes());
  bool dynamicShared = contains(kernel, [](Operation *op) {
    return isa<cuda::DynamicSharedOp, hip::DynamicSharedOp>(op);
  });
  unsigned extra = dynamicShared ? 7 : 6;
  for (unsigned i = 0; i < extra; ++i)
    inputs.push_back(IndexType::get(ctx));
  Block *newBlock = new Block();
  kernel.getBody().push_front(newBlock);
  // The kernel's parameters keep their locations (and so their source names);
  // the launch extents get readable names of their own.
  static constexpr StringLiteral extraNames[] = {
      "grid_x", "grid_y", "grid_z", "block_x", "block_y", "block_z",
      "shared_bytes"};
  for (auto [i, t] : llvm::enumerate(inputs))
    newBlock->addArgument(
        t, i < oldBlock->getNumArguments()
               ? oldBlock->getArgument(i).getLoc()
               : Location(NameLoc::get(
                     b.getStringAttr(
                         extraNames[i - oldBlock->getNumArguments()]),
                     loc)));
  for (auto [oldArg, newArg] :
       llvm::zip(oldBlock->getArguments(), newBlock->getArguments()))
    uniformMap.map(oldArg, newArg);
  unsigned n = oldBlock->getNumArguments();
  for (unsigned d = 0; d < 3; ++d) {
    gridArg[d] = newBlock->getArgument(n + d);
    blockArg[d] = newBlock->getArgument(n + 3 + d);
  }
  if (dynamicShared)
    sharedArg = newBlock->getArgument(n + 6);
  kernel.setFunctionType(FunctionType::get(ctx, inputs, {}));

  b.setInsertionPointToStart(newBlock);
  auto extentOf = [&](const std::optional<int64_t> *known, Value *args,
                      unsigned d) -> Value {
    return known[d] ? indexConst(*known[d]) : args[d];
  };
  if (facts.block[0] && facts.block[1] && facts.block[2])
    numThreads =
        indexConst(*facts.block[0] * *facts.block[1] * *facts.block[2]);
  else
    numThreads = b.create<arith::MulIOp>(
        loc, extentOf(facts.block, blockArg, 0),
        b.create<arith::MulIOp>(loc, extentOf(facts.block, blockArg, 1),
                                extentOf(facts.block, blockArg, 2)));
  // Block loops z, y, x (extents of 1 need none).
  static const xpl::ParallelAxis kBlockAxes[] = {xpl::ParallelAxis::block_x,
                                                 xpl::ParallelAxis::block_y,
                                                 xpl::ParallelAxis::block_z};
  for (int d = 2; d >= 0; --d) {
    if (facts.grid[d] && *facts.grid[d] == 1) {
      blockIdxIv[d] = indexConst(0);
      continue;
    }
    auto loop = b.create<scf::ForOp>(
        loc, indexConst(0), extentOf(facts.grid, gridArg, d), indexConst(1));
    setAxis(loop, kBlockAxes[d]);
    blockIdxIv[d] = loop.getInductionVar();
    b.setInsertionPointToStart(loop.getBody());
  }
  // Everything of one block goes in the innermost block loop: a region of
  // its own so that per-block arrays are private to it.
  auto region = b.create<scf::ExecuteRegionOp>(loc, TypeRange());
  blockBody = b.createBlock(&region.getRegion());
  b.create<scf::YieldOp>(loc);
  b.setInsertionPointToStart(blockBody);

  // Shared memory: one array per block.
  SmallVector<Operation *> sharedOps;
  oldBlock->walk([&](Operation *op) {
    if (isa<cuda::SharedArrayOp, hip::SharedAllocOp, cuda::DynamicSharedOp,
            hip::DynamicSharedOp>(op))
      sharedOps.push_back(op);
  });
  // Local arrays given a copy per thread: per block too.
  if (usesSync)
    oldBlock->walk([&](memref::AllocaOp alloca) {
      Value buffer =
          b.create<memref::AllocaOp>(alloca.getLoc(), alloca.getType());
      buffer.getDefiningOp()->setLoc(alloca.getLoc());
      uniformMap.map(alloca.getResult(), buffer);
    });
  SmallVector<Value> heap;
  for (Operation *op : sharedOps) {
    auto type = cast<MemRefType>(op->getResult(0).getType());
    Value buffer;
    if (type.hasStaticShape()) {
      buffer = b.create<memref::AllocaOp>(op->getLoc(), type);
    } else {
      if (type.getRank() != 1)
        return op->emitError("xpl-raise-gpu-loops: dynamic shared memory of "
                             "rank other than 1");
      unsigned bytes = std::max(1u, type.getElementTypeBitWidth() / 8);
      Value count =
          b.create<arith::DivUIOp>(op->getLoc(), sharedArg, indexConst(bytes));
      buffer = b.create<memref::AllocOp>(op->getLoc(), type, count);
      heap.push_back(buffer);
    }
    if (auto name = op->getAttrOfType<StringAttr>("name"))
      buffer.getDefiningOp()->setLoc(NameLoc::get(name, op->getLoc()));
    uniformMap.map(op->getResult(0), buffer);
  }

  if (failed(genBody(*oldBlock, kBlock)))
    return failure();
  for (Value buffer : heap)
    b.create<memref::DeallocOp>(loc, buffer);
  b.setInsertionPointToEnd(newBlock);
  b.create<func::ReturnOp>(loc);

  // The new body refers to none of the old one.
  for (Operation &op : *oldBlock)
    for (Value result : op.getResults())
      for (Operation *user : result.getUsers())
        if (!oldBlock->getParent()->isAncestor(user->getParentRegion()) ||
            !oldBlock->findAncestorOpInBlock(*user))
          return user->emitError("xpl-raise-gpu-loops: internal error: the "
                                 "raised kernel uses a value of the source");
  oldBlock->dropAllDefinedValueUses();
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*oldBlock))) {
    op.dropAllUses();
    op.erase();
  }
  oldBlock->erase();

  if (failed(replaceBuiltins(kernel)))
    return failure();
  // Inline the per-block region (its allocas now sit at the top of the
  // innermost block loop, or the function).
  {
    Block *parent = region->getBlock();
    Block &inner = region.getRegion().front();
    inner.getTerminator()->erase();
    parent->getOperations().splice(Block::iterator(region),
                                   inner.getOperations());
    region.erase();
  }
  for (StringRef attr : {"cuda.kernel", "hip.kernel", "xpl.kernel",
                         "cuda.launch_bounds", "hip.launch_bounds"})
    kernel->removeAttr(attr);
  kernel.setPrivate();
  (void)hipKernel;

  // Nothing of the source model may remain.
  WalkResult leftover = kernel.walk([&](Operation *op) {
    if (isa<cuda::CudaDialect, hip::HipDialect>(op->getDialect())) {
      op->emitError("xpl-raise-gpu-loops: cannot raise '")
          << op->getName() << "' in a kernel";
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(leftover.wasInterrupted());
}

//===----------------------------------------------------------------------===//
// Host code
//===----------------------------------------------------------------------===//

/// memref.alloc of `bytes` bytes of `type`'s element type.
Value allocBytes(OpBuilder &b, Location loc, MemRefType type, Value bytes) {
  unsigned size = std::max(1u, type.getElementTypeBitWidth() / 8);
  Value count = b.create<arith::DivUIOp>(
      loc, bytes, b.create<arith::ConstantIndexOp>(loc, size));
  auto flat = MemRefType::get({ShapedType::kDynamic}, type.getElementType());
  return b.create<memref::AllocOp>(loc, flat, count);
}

/// An element loop copying `bytes` bytes from `src` to `dst`.
LogicalResult copyBytes(OpBuilder &b, Location loc, Value dst, Value src,
                        Value bytes) {
  auto type = cast<MemRefType>(dst.getType());
  if (type.getRank() != 1 || cast<MemRefType>(src.getType()).getRank() != 1)
    return emitError(loc, "xpl-raise-gpu-loops: cannot copy memory of rank "
                          "other than 1");
  unsigned size = std::max(1u, type.getElementTypeBitWidth() / 8);
  Value count = b.create<arith::DivUIOp>(
      loc, bytes, b.create<arith::ConstantIndexOp>(loc, size));
  auto loop =
      b.create<scf::ForOp>(loc, b.create<arith::ConstantIndexOp>(loc, 0), count,
                           b.create<arith::ConstantIndexOp>(loc, 1));
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value v = b.create<memref::LoadOp>(loc, src, loop.getInductionVar());
  b.create<memref::StoreOp>(loc, v, dst, loop.getInductionVar());
  return success();
}

template <typename LaunchOp>
void launchOperands(LaunchOp launch, SmallVectorImpl<Value> &operands,
                    Value shared) {
  llvm::append_range(operands, launch.getArgs());
  for (Value v : {launch.getGridX(), launch.getGridY(), launch.getGridZ(),
                  launch.getBlockX(), launch.getBlockY(), launch.getBlockZ()})
    operands.push_back(v);
  if (shared)
    operands.push_back(shared);
}

LogicalResult lowerHost(func::FuncOp func, SymbolTable &symbols) {
  SmallVector<Operation *> ops;
  func.walk([&](Operation *op) {
    if (isa<cuda::CudaDialect, hip::HipDialect>(op->getDialect()))
      ops.push_back(op);
  });
  for (Operation *op : ops) {
    OpBuilder b(op);
    Location loc = op->getLoc();
    if (auto malloc = dyn_cast<cuda::MallocOp>(op)) {
      malloc.getResult().replaceAllUsesWith(allocBytes(
          b, loc, cast<MemRefType>(malloc.getType()), malloc.getSize()));
    } else if (auto malloc = dyn_cast<hip::MallocOp>(op)) {
      malloc.getResult().replaceAllUsesWith(allocBytes(
          b, loc, cast<MemRefType>(malloc.getType()), malloc.getSize()));
    } else if (auto free = dyn_cast<cuda::FreeOp>(op)) {
      b.create<memref::DeallocOp>(loc, free.getMemref());
    } else if (auto free = dyn_cast<hip::FreeOp>(op)) {
      b.create<memref::DeallocOp>(loc, free.getMemref());
    } else if (auto copy = dyn_cast<cuda::MemcpyOp>(op)) {
      if (failed(
              copyBytes(b, loc, copy.getDst(), copy.getSrc(), copy.getCount())))
        return failure();
    } else if (auto copy = dyn_cast<hip::MemcpyOp>(op)) {
      if (failed(
              copyBytes(b, loc, copy.getDst(), copy.getSrc(), copy.getSize())))
        return failure();
    } else if (auto launch = dyn_cast<cuda::LaunchOp>(op)) {
      auto kernel = symbols.lookup<func::FuncOp>(launch.getKernel());
      SmallVector<Value> operands;
      Value shared = launch.getSharedBytes();
      if (kernel && kernel.getNumArguments() == launch.getArgs().size() + 7 &&
          !shared)
        shared = b.create<arith::ConstantIndexOp>(loc, 0);
      launchOperands(launch, operands, shared);
      b.create<func::CallOp>(loc, launch.getKernel(), TypeRange(), operands);
    } else if (auto launch = dyn_cast<hip::LaunchOp>(op)) {
      auto kernel = symbols.lookup<func::FuncOp>(launch.getKernel());
      SmallVector<Value> operands;
      Value shared = launch.getSharedMemoryBytes();
      if (kernel && kernel.getNumArguments() == launch.getArgs().size() + 7 &&
          !shared)
        shared = b.create<arith::ConstantIndexOp>(loc, 0);
      launchOperands(launch, operands, shared);
      b.create<func::CallOp>(loc, launch.getKernel(), TypeRange(), operands);
    } else if (isa<cuda::StreamCreateOp, hip::StreamCreateOp,
                   cuda::StreamSynchronizeOp, hip::StreamSynchronizeOp,
                   cuda::StreamDestroyOp, hip::StreamDestroyOp,
                   cuda::DeviceSynchronizeOp, hip::DeviceSynchronizeOp>(op)) {
      // Calls run to completion: nothing to wait for.
    } else {
      return op->emitError("xpl-raise-gpu-loops: cannot lower '")
             << op->getName() << "' in host code";
    }
  }
  // Uses first (launches, syncs), then the streams.
  for (Operation *op : llvm::reverse(ops)) {
    op->dropAllUses();
    op->erase();
  }
  return success();
}

struct XplRaiseGpuLoopsPass
    : public xpiler::impl::XplRaiseGpuLoopsBase<XplRaiseGpuLoopsPass> {
  using XplRaiseGpuLoopsBase::XplRaiseGpuLoopsBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    stripMemorySpaces(module);

    // What the launches say about each kernel.
    llvm::StringMap<LaunchFacts> facts;
    auto record = [&](StringRef kernel, ValueRange grid, ValueRange block) {
      LaunchFacts &f = facts[kernel];
      for (unsigned d = 0; d < 3; ++d) {
        std::optional<int64_t> g = getConstantIndex(grid[d]);
        std::optional<int64_t> bl = getConstantIndex(block[d]);
        if (!f.launched) {
          f.grid[d] = g;
          f.block[d] = bl;
        } else {
          if (f.grid[d] != g)
            f.grid[d].reset();
          if (f.block[d] != bl)
            f.block[d].reset();
        }
      }
      f.launched = true;
    };
    module.walk([&](cuda::LaunchOp l) {
      record(l.getKernel(), {l.getGridX(), l.getGridY(), l.getGridZ()},
             {l.getBlockX(), l.getBlockY(), l.getBlockZ()});
    });
    module.walk([&](hip::LaunchOp l) {
      record(l.getKernel(), {l.getGridX(), l.getGridY(), l.getGridZ()},
             {l.getBlockX(), l.getBlockY(), l.getBlockZ()});
    });

    SmallVector<func::FuncOp> kernels, hosts, devices;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      if (isKernel(func))
        kernels.push_back(func);
      else if (isDeviceFunction(func))
        devices.push_back(func);
      else
        hosts.push_back(func);
    }
    for (func::FuncOp kernel : kernels) {
      if (failed(inlineDeviceCalls(kernel, symbols)))
        return signalPassFailure();
      int64_t warpSize = kernel->hasAttr("hip.kernel") ? hipWarpSize : 32;
      KernelRaiser raiser(kernel, facts.lookup(kernel.getSymName()), warpSize);
      if (failed(raiser.run()))
        return signalPassFailure();
    }
    for (func::FuncOp host : hosts)
      if (failed(lowerHost(host, symbols)))
        return signalPassFailure();
    // Device functions were inlined; keep those still called.
    for (bool changed = true; changed;) {
      changed = false;
      for (func::FuncOp &device : devices)
        if (device && SymbolTable::symbolKnownUseEmpty(device, module)) {
          device.erase();
          device = nullptr;
          changed = true;
        }
    }
  }
};

} // namespace
