//===- BangForwardStaging.cpp - NRAM staging copies to global accesses ----===//
//
// Implements `bang-forward-staging`: after `bang-detensorize` and
// `bang-raise-loops`, BANG's way of computing (copy a chunk of global memory
// into an NRAM array, run vector builtins on the array, copy the result
// back) reads as loops over on-chip arrays. When such a sequence is
// self-contained, it becomes one loop that computes each element from global
// memory directly:
//
//   for k < n: a[k] = x[o + k]              for k < n:
//   for k < m: a[k] = f(a[k])        ==>      out[o + k] = f(x[o + k])
//   for k < n: out[o + k] = a[k]
//
// Matched, in one block, with only side-effect-free ops between them:
// copy-in loops (`S[k] = G[..]`), elementwise loops (every access an NRAM
// array at `[k]`), and one copy-out loop (`G'[..] = S[k]`); all from 0 step
// 1. Legal when
// * the copy-in and copy-out loops have the same trip count `n`, and each
//   elementwise loop runs `n` or `((n + a - 1) / a) * a` times (at least
//   the first `n` lanes when `n > 0`, none when `n <= 0`);
// * every NRAM array involved is used nowhere else in the function (its
//   values outside the first `n` lanes are then never observed);
// * every element an elementwise or copy-out loop reads at lane `k` was
//   written at lane `k` earlier in the sequence;
// * a global buffer read by a copy-in loop and written by the copy-out loop
//   is either another buffer (distinct kernel arguments, which distinct
//   `xpl.buffer` launcher arguments are) or the same one at the same offset
//   (each lane then reads its element before writing it).
// Anything else is left alone.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace xpiler {
#define GEN_PASS_DEF_BANGFORWARDSTAGING
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

/// An on-chip array of one task: a 1-D `memref.alloca` in NRAM.
bool isStaging(Value v) {
  auto alloca = v.getDefiningOp<memref::AllocaOp>();
  if (!alloca || alloca.getType().getRank() != 1)
    return false;
  auto space = dyn_cast_or_null<bang::MemorySpaceAttr>(
      alloca.getType().getMemorySpace());
  return space && space.getValue() == bang::MemorySpace::nram;
}

/// A global buffer: a memref in GDRAM (possibly a view).
bool isGlobal(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  auto space =
      type ? dyn_cast_or_null<bang::MemorySpaceAttr>(type.getMemorySpace())
           : nullptr;
  return space && space.getValue() == bang::MemorySpace::gdram;
}

enum class Kind { None, CopyIn, Elementwise, CopyOut };

struct LoopInfo {
  mutable scf::ForOp loop;
  Kind kind = Kind::None;
  /// Copy-in: the global load; copy-out: the global store.
  Operation *global = nullptr;
};

bool isSimpleLoop(scf::ForOp loop) {
  return loop.getInitArgs().empty() &&
         matchPattern(loop.getLowerBound(), m_Zero()) &&
         matchPattern(loop.getStep(), m_One()) &&
         loop->getDiscardableAttrs().empty();
}

LoopInfo classify(scf::ForOp loop) {
  LoopInfo info{loop};
  if (!isSimpleLoop(loop))
    return info;
  Value iv = loop.getInductionVar();
  int stagingLoads = 0, stagingStores = 0;
  memref::LoadOp globalLoad;
  memref::StoreOp globalStore;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      if (isStaging(load.getMemRef())) {
        if (load.getIndices()[0] != iv)
          return info;
        ++stagingLoads;
      } else if (isGlobal(load.getMemRef()) && !globalLoad) {
        globalLoad = load;
      } else {
        return info;
      }
      continue;
    }
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      if (isStaging(store.getMemRef())) {
        if (store.getIndices()[0] != iv)
          return info;
        ++stagingStores;
      } else if (isGlobal(store.getMemRef()) && !globalStore) {
        globalStore = store;
      } else {
        return info;
      }
      continue;
    }
    if (op.getNumRegions() || !isMemoryEffectFree(&op))
      return info;
  }
  if (globalLoad && !globalStore && stagingLoads == 0 && stagingStores == 1) {
    info.kind = Kind::CopyIn;
    info.global = globalLoad;
  } else if (!globalLoad && globalStore && stagingLoads == 1 &&
             stagingStores == 0) {
    info.kind = Kind::CopyOut;
    info.global = globalStore;
  } else if (!globalLoad && !globalStore && stagingStores > 0) {
    info.kind = Kind::Elementwise;
  }
  return info;
}

/// Whether `m` is `n` or, through index casts and sign extensions,
/// `((n + a - 1) / a) * a`.
bool coversLanes(Value m, Value n) {
  if (m == n)
    return true;
  auto cast = m.getDefiningOp<arith::IndexCastOp>();
  auto nCast = n.getDefiningOp<arith::IndexCastOp>();
  if (!cast || !nCast)
    return false;
  Value x = nCast.getIn();
  if (auto ext = x.getDefiningOp<arith::ExtSIOp>())
    x = ext.getIn(); // sign extension keeps the value
  auto mul = cast.getIn().getDefiningOp<arith::MulIOp>();
  if (!mul)
    return false;
  auto div = mul.getLhs().getDefiningOp<arith::DivSIOp>();
  APInt a, a2, bias;
  if (!div || !matchPattern(mul.getRhs(), m_ConstantInt(&a)) ||
      !matchPattern(div.getRhs(), m_ConstantInt(&a2)) || a != a2 ||
      !a.isStrictlyPositive())
    return false;
  auto add = div.getLhs().getDefiningOp<arith::AddIOp>();
  return add && add.getLhs() == x &&
         matchPattern(add.getRhs(), m_ConstantInt(&bias)) && bias == a - 1;
}

/// The buffer and element offset of a global access `G[o + k]`.
std::pair<Value, Value> globalBase(Operation *access, Value iv) {
  Value memref = isa<memref::LoadOp>(access)
                     ? cast<memref::LoadOp>(access).getMemRef()
                     : cast<memref::StoreOp>(access).getMemRef();
  Value index = isa<memref::LoadOp>(access)
                    ? cast<memref::LoadOp>(access).getIndices()[0]
                    : cast<memref::StoreOp>(access).getIndices()[0];
  Value offset;
  if (index != iv) {
    auto add = index.getDefiningOp<arith::AddIOp>();
    if (!add)
      return {memref, nullptr};
    offset = add.getRhs() == iv   ? add.getLhs()
             : add.getLhs() == iv ? add.getRhs()
                                  : Value();
    if (!offset)
      return {memref, nullptr};
  }
  return {memref, offset ? offset : Value()};
}

/// The kernel argument (or launcher-level value) a global buffer views.
Value rootOf(Value memref) {
  while (Operation *def = memref.getDefiningOp()) {
    if (auto cast = dyn_cast<memref::MemorySpaceCastOp>(def)) {
      memref = cast.getSource();
      continue;
    }
    if (auto view = dyn_cast<ViewLikeOpInterface>(def)) {
      memref = view.getViewSource();
      continue;
    }
    break;
  }
  return memref;
}

/// Whether kernel arguments `a` and `b` (of one function) are distinct
/// buffers at every call: each call passes views of two different launcher
/// arguments or allocations (distinct `xpl.buffer` arguments do not
/// overlap). A function without calls is not known.
bool areDistinctAtCalls(BlockArgument a, BlockArgument b) {
  auto func = cast<func::FuncOp>(a.getOwner()->getParentOp());
  auto module = func->getParentOfType<ModuleOp>();
  std::optional<SymbolTable::UseRange> uses =
      SymbolTable::getSymbolUses(func, module);
  if (!uses || uses->empty())
    return false;
  auto isBuffer = [](Value v) {
    if (auto arg = dyn_cast<BlockArgument>(v))
      return arg.getOwner()->isEntryBlock() &&
             isa<func::FuncOp>(arg.getOwner()->getParentOp());
    return v.getDefiningOp<memref::AllocOp>() != nullptr;
  };
  for (const SymbolTable::SymbolUse &use : *uses) {
    auto call = dyn_cast<func::CallOp>(use.getUser());
    if (!call)
      return false;
    Value x = rootOf(call.getOperand(a.getArgNumber()));
    Value y = rootOf(call.getOperand(b.getArgNumber()));
    if (x == y || !isBuffer(x) || !isBuffer(y))
      return false;
  }
  return true;
}

/// Tries to fuse `window` (copy-ins, elementwise loops, one copy-out).
bool fuse(ArrayRef<LoopInfo> window) {
  const LoopInfo &out = window.back();
  Value n = out.loop.getUpperBound();
  llvm::SmallPtrSet<Value, 4> arrays;
  for (const LoopInfo &info : window) {
    if (info.kind == Kind::CopyIn && info.loop.getUpperBound() != n)
      return false;
    if (info.kind == Kind::Elementwise &&
        !coversLanes(info.loop.getUpperBound(), n))
      return false;
    info.loop.getBody()->walk([&](Operation *op) {
      for (Value v : op->getOperands())
        if (isStaging(v))
          arrays.insert(v);
    });
  }
  // The arrays are used only by these loops.
  for (Value array : arrays)
    for (Operation *user : array.getUsers())
      if (!llvm::any_of(window, [&](const LoopInfo &info) {
            return info.loop->isAncestor(user);
          }))
        return false;
  // Every staging element read was written before, at the same lane.
  llvm::SmallPtrSet<Value, 4> written;
  for (const LoopInfo &info : window)
    for (Operation &op : info.loop.getBody()->without_terminator()) {
      if (auto load = dyn_cast<memref::LoadOp>(op);
          load && isStaging(load.getMemRef()) &&
          !written.contains(load.getMemRef()))
        return false;
      if (auto store = dyn_cast<memref::StoreOp>(op);
          store && isStaging(store.getMemRef()))
        written.insert(store.getMemRef());
    }
  // Global reads before the global write.
  auto [outBuffer, outOffset] =
      globalBase(out.global, out.loop.getInductionVar());
  for (const LoopInfo &info : window) {
    if (info.kind != Kind::CopyIn)
      continue;
    auto [inBuffer, inOffset] =
        globalBase(info.global, info.loop.getInductionVar());
    Value a = rootOf(inBuffer), b = rootOf(outBuffer);
    auto isFunctionArgument = [](Value v) {
      auto arg = dyn_cast<BlockArgument>(v);
      return arg && arg.getOwner()->isEntryBlock() &&
             isa<func::FuncOp>(arg.getOwner()->getParentOp());
    };
    bool distinctArguments =
        a != b && isFunctionArgument(a) && isFunctionArgument(b) &&
        areDistinctAtCalls(cast<BlockArgument>(a), cast<BlockArgument>(b));
    bool sameElement = inBuffer == outBuffer && inOffset == outOffset;
    if (!distinctArguments && !sameElement)
      return false;
  }

  // One loop over the copy-out's lanes.
  OpBuilder b(out.loop);
  auto fused = scf::ForOp::create(
      b, out.loop.getLoc(), out.loop.getLowerBound(), n, out.loop.getStep());
  b.setInsertionPointToStart(fused.getBody());
  IRMapping mapping;
  DenseMap<Value, Value> lane; // staging array -> its value at this lane
  for (const LoopInfo &info : window) {
    mapping.map(info.loop.getInductionVar(), fused.getInductionVar());
    for (Operation &op : info.loop.getBody()->without_terminator()) {
      if (auto load = dyn_cast<memref::LoadOp>(op);
          load && isStaging(load.getMemRef())) {
        mapping.map(load.getResult(), lane.lookup(load.getMemRef()));
        continue;
      }
      if (auto store = dyn_cast<memref::StoreOp>(op);
          store && isStaging(store.getMemRef())) {
        lane[store.getMemRef()] = mapping.lookupOrDefault(store.getValue());
        continue;
      }
      b.clone(op, mapping);
    }
  }
  for (const LoopInfo &info : llvm::reverse(window))
    info.loop.erase();
  for (Value array : arrays)
    if (array.use_empty())
      array.getDefiningOp()->erase();
  return true;
}

/// Finds and fuses windows in `block`; whether it fused one.
bool forwardBlock(Block &block) {
  bool fusedAny = false;
  SmallVector<LoopInfo> window;
  for (Operation &op : llvm::make_early_inc_range(block)) {
    auto loop = dyn_cast<scf::ForOp>(op);
    if (!loop) {
      if (op.getNumRegions() || !isMemoryEffectFree(&op))
        window.clear();
      continue;
    }
    LoopInfo info = classify(loop);
    switch (info.kind) {
    case Kind::CopyIn:
      // A copy-in after elementwise loops starts a new window.
      if (!window.empty() && window.back().kind != Kind::CopyIn)
        window.clear();
      window.push_back(info);
      break;
    case Kind::Elementwise:
      if (window.empty())
        break;
      window.push_back(info);
      break;
    case Kind::CopyOut:
      if (!window.empty()) {
        window.push_back(info);
        fusedAny |= fuse(window);
      }
      window.clear();
      break;
    case Kind::None:
      window.clear();
      break;
    }
  }
  return fusedAny;
}

struct BangForwardStagingPass
    : public xpiler::impl::BangForwardStagingBase<BangForwardStagingPass> {
  void runOnOperation() override {
    // Fusing erases loop bodies: look for blocks again after each change.
    for (bool changed = true; changed;) {
      changed = false;
      SmallVector<Block *> blocks;
      getOperation().walk([&](Block *block) { blocks.push_back(block); });
      for (Block *block : blocks)
        if (forwardBlock(*block)) {
          changed = true;
          break;
        }
    }
  }
};

} // namespace
