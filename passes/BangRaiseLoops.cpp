//===- BangRaiseLoops.cpp - BANG tasks to parallel loops ------------------===//
//
// Implements `bang-raise-loops`: every `bang.kernel` becomes a CPU function
// whose body loops over the tasks of its launch, and every launcher calls it
// instead of launching it.
//
// Launch model (the oracle's, lib/Exec/Runtime/BangRuntime.cpp): a launch
// of `taskDim = x * y * z` tasks; task `t` has `taskIdX = t % x`,
// `taskIdY = t / x % y`, `taskIdZ = t / (x * y)`. A UnionN launch groups 4
// cores per cluster: `clusterId = t / 4`, `coreId = t % 4`,
// `clusterDim = taskDim / 4`, `coreDim = 4`; a Block launch has
// `clusterId = coreId = clusterDim = 0`, `coreDim = 1` and no barriers.
//
// * A kernel without barriers becomes
//   `scf.for %t = 0 to taskDim {xpl.axis = #xpl.axis<task>}` around its
//   body, the task dimensions being three new `i32` arguments.
// * A Union kernel with `__sync_cluster` (or with SRAM arrays, which the
//   cores of a cluster share) becomes a loop over clusters
//   (`#xpl.axis<cluster>`) whose body is the kernel's code split at the
//   barriers (fission): each barrier-free stretch is a loop over the 4 cores
//   (`#xpl.axis<core>`); code that is the same for every core of the
//   cluster (and loops and ifs holding barriers, which must be) stays
//   outside. Values that differ per core and live across a barrier, and
//   on-chip arrays, become per-core arrays. A barrier in control flow that
//   depends on the core is an error naming it.
// * `__nram__`/`__wram__` arrays are `memref.alloca`s at the start of the
//   task loop's body, `__mlu_shared__` arrays of each cluster;
//   file-scope arrays used by `__mlu_func__` helpers are passed to them as
//   arguments.
// * In launchers, `bang.launch` becomes a `func.call` with the task
//   dimensions; a device buffer that only stages a launcher argument (copied
//   from it before the launches and/or back after them, in full) is replaced
//   by that argument; other device buffers become `memref.alloc`s; queues
//   disappear. `xpl.buffer` attributes stay.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/TypeSwitch.h"

#include <functional>
#include <map>

namespace xpiler {
#define GEN_PASS_DEF_BANGRAISELOOPS
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

constexpr int64_t kCoresPerCluster = 4;
constexpr StringLiteral kAxisAttrName = "xpl.axis";

bool isTaskIndexOp(Operation *op) {
  return isa<bang::TaskIdOp, bang::TaskIdXOp, bang::TaskIdYOp, bang::TaskIdZOp,
             bang::TaskDimOp, bang::TaskDimXOp, bang::TaskDimYOp,
             bang::TaskDimZOp, bang::ClusterIdOp, bang::ClusterDimOp,
             bang::CoreIdOp, bang::CoreDimOp>(op);
}

Value cIndex(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}
Value cI32(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIntOp::create(b, loc, b.getI32Type(), v);
}
Value toIndex(OpBuilder &b, Location loc, Value v) {
  if (v.getType().isIndex())
    return v;
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
}
Value toI32(OpBuilder &b, Location loc, Value v) {
  if (v.getType().isInteger(32))
    return v;
  return arith::IndexCastOp::create(b, loc, b.getI32Type(), v);
}

/// Whether a barrier of this kind makes cores wait for each other.
bool isBarrier(bang::SyncOp sync) {
  switch (sync.getKind()) {
  case bang::SyncKind::all:
  case bang::SyncKind::cluster:
  case bang::SyncKind::all_ipu:
    return true;
  default:
    return false;
  }
}

/// What the task index builtins mean inside a raised kernel.
struct TaskContext {
  bool isBlock;
  Value dimX, dimY, dimZ; ///< i32 function arguments
  /// Values available where the builtins are replaced: either the task
  /// (index) or the cluster and core (index).
  Value task, cluster, core;
};

/// Replaces one task index builtin by its value in `ctx`, built before it.
void replaceIndexOp(Operation *op, const TaskContext &ctx) {
  OpBuilder b(op);
  Location loc = op->getLoc();
  auto taskDim = [&]() -> Value {
    return arith::MulIOp::create(
        b, loc, arith::MulIOp::create(b, loc, ctx.dimX, ctx.dimY), ctx.dimZ);
  };
  auto task = [&]() -> Value {
    if (ctx.task)
      return toI32(b, loc, ctx.task);
    Value t = arith::AddIOp::create(
        b, loc,
        arith::MulIOp::create(b, loc, ctx.cluster,
                              cIndex(b, loc, kCoresPerCluster)),
        ctx.core);
    return toI32(b, loc, t);
  };
  Value result =
      llvm::TypeSwitch<Operation *, Value>(op)
          .Case([&](bang::TaskIdOp) { return task(); })
          .Case([&](bang::TaskIdXOp) -> Value {
            return arith::RemSIOp::create(b, loc, task(), ctx.dimX);
          })
          .Case([&](bang::TaskIdYOp) -> Value {
            return arith::RemSIOp::create(
                b, loc, arith::DivSIOp::create(b, loc, task(), ctx.dimX),
                ctx.dimY);
          })
          .Case([&](bang::TaskIdZOp) -> Value {
            return arith::DivSIOp::create(
                b, loc, task(),
                arith::MulIOp::create(b, loc, ctx.dimX, ctx.dimY));
          })
          .Case([&](bang::TaskDimOp) { return taskDim(); })
          .Case([&](bang::TaskDimXOp) { return ctx.dimX; })
          .Case([&](bang::TaskDimYOp) { return ctx.dimY; })
          .Case([&](bang::TaskDimZOp) { return ctx.dimZ; })
          .Case([&](bang::ClusterIdOp) -> Value {
            if (ctx.isBlock)
              return cI32(b, loc, 0);
            if (ctx.cluster)
              return toI32(b, loc, ctx.cluster);
            return arith::DivSIOp::create(b, loc, task(),
                                          cI32(b, loc, kCoresPerCluster));
          })
          .Case([&](bang::ClusterDimOp) -> Value {
            if (ctx.isBlock)
              return cI32(b, loc, 0);
            return arith::DivSIOp::create(b, loc, taskDim(),
                                          cI32(b, loc, kCoresPerCluster));
          })
          .Case([&](bang::CoreIdOp) -> Value {
            if (ctx.isBlock)
              return cI32(b, loc, 0);
            if (ctx.core)
              return toI32(b, loc, ctx.core);
            return arith::RemSIOp::create(b, loc, task(),
                                          cI32(b, loc, kCoresPerCluster));
          })
          .Case([&](bang::CoreDimOp) -> Value {
            return cI32(b, loc, ctx.isBlock ? 1 : kCoresPerCluster);
          })
          .Default([](Operation *) { return Value(); });
  op->getResult(0).replaceAllUsesWith(result);
  op->erase();
}

//===----------------------------------------------------------------------===//
// File-scope arrays shared with __mlu_func__ helpers
//===----------------------------------------------------------------------===//

/// The file-scope arrays (by name, with their type) a function uses,
/// directly or through the helpers it calls.
using ArrayNeeds = std::map<std::string, MemRefType>;

LogicalResult passFileScopeArrays(ModuleOp module) {
  SymbolTable symbols(module);
  llvm::MapVector<func::FuncOp, ArrayNeeds> needs;
  SmallVector<func::FuncOp> funcs(module.getOps<func::FuncOp>());
  for (func::FuncOp f : funcs) {
    ArrayNeeds &own = needs[f];
    WalkResult r = f.walk([&](bang::AllocOp alloc) {
      if (!alloc.getFileScope() || !alloc.getName())
        return WalkResult::advance();
      auto type = cast<MemRefType>(alloc.getType());
      auto [it, inserted] = own.try_emplace(alloc.getName()->str(), type);
      if (!inserted && it->second != type) {
        alloc.emitOpError("file-scope array '")
            << *alloc.getName() << "' is declared with two types";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (r.wasInterrupted())
      return failure();
  }
  // Propagate through calls (to a fixpoint: the call graph is small).
  bool changed = true;
  while (changed) {
    changed = false;
    for (func::FuncOp f : funcs) {
      f.walk([&](func::CallOp call) {
        auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
        if (!callee)
          return;
        for (auto &[name, type] : needs[callee])
          changed |= needs[f].try_emplace(name, type).second;
      });
    }
  }
  // Helpers (not kernels) that need arrays get them as trailing arguments.
  std::map<func::FuncOp, SmallVector<std::string>> added;
  for (func::FuncOp f : funcs) {
    if (f->hasAttr(bang::BangDialect::kKernelAttrName) || needs[f].empty() ||
        f.isExternal())
      continue;
    Block &entry = f.getBody().front();
    SmallVector<std::string> names;
    for (auto &[name, type] : needs[f]) {
      BlockArgument arg = entry.addArgument(
          type,
          NameLoc::get(StringAttr::get(f.getContext(), name), f.getLoc()));
      names.push_back(name);
      SmallVector<bang::AllocOp> allocs;
      f.walk([&](bang::AllocOp alloc) {
        if (alloc.getFileScope() && alloc.getName() && *alloc.getName() == name)
          allocs.push_back(alloc);
      });
      for (bang::AllocOp alloc : allocs) {
        alloc.getResult().replaceAllUsesWith(arg);
        alloc.erase();
      }
    }
    f.setType(FunctionType::get(f.getContext(), entry.getArgumentTypes(),
                                f.getResultTypes()));
    added[f] = std::move(names);
  }
  // Callers pass theirs (declaring the arrays they do not have).
  for (func::FuncOp f : funcs) {
    SmallVector<func::CallOp> calls;
    f.walk([&](func::CallOp call) { calls.push_back(call); });
    for (func::CallOp call : calls) {
      auto callee = symbols.lookup<func::FuncOp>(call.getCallee());
      if (!callee || !added.count(callee))
        continue;
      SmallVector<Value> operands(call.getOperands());
      for (const std::string &name : added[callee]) {
        Value mine;
        // A helper: its own argument of that name; a kernel: its array.
        if (added.count(f)) {
          auto &myNames = added[f];
          auto it = llvm::find(myNames, name);
          unsigned first = f.getNumArguments() - (unsigned)myNames.size();
          mine = f.getArgument(first + (unsigned)(it - myNames.begin()));
        } else {
          f.walk([&](bang::AllocOp alloc) {
            if (!mine && alloc.getFileScope() && alloc.getName() &&
                *alloc.getName() == name)
              mine = alloc;
          });
          if (!mine) {
            OpBuilder b(&f.getBody().front(), f.getBody().front().begin());
            auto alloc =
                bang::AllocOp::create(b, f.getLoc(), needs[callee][name],
                                      b.getStringAttr(name), b.getUnitAttr());
            mine = alloc;
          }
        }
        operands.push_back(mine);
      }
      call->setOperands(operands);
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// Kernels
//===----------------------------------------------------------------------===//

/// Moves the on-chip arrays of a kernel to the start of `block` as
/// `memref.alloca`s (one per `bang.alloc`, in order).
void hoistArrays(func::FuncOp kernel, Block &block) {
  SmallVector<bang::AllocOp> allocs;
  kernel.walk([&](bang::AllocOp alloc) { allocs.push_back(alloc); });
  OpBuilder b(block.getParentOp()->getContext());
  Operation *last = nullptr;
  for (bang::AllocOp alloc : allocs) {
    // In order, at the start (the first op there may be one of the allocs,
    // erased below: never an insertion point).
    if (last)
      b.setInsertionPointAfter(last);
    else
      b.setInsertionPointToStart(&block);
    // The C name as a NameLoc: emitters name the array after it.
    Location loc = alloc.getLoc();
    if (alloc.getName())
      loc = NameLoc::get(alloc.getNameAttr(), loc);
    auto alloca =
        memref::AllocaOp::create(b, loc, cast<MemRefType>(alloc.getType()));
    alloc.getResult().replaceAllUsesWith(alloca.getResult());
    alloc.erase();
    last = alloca;
  }
}

/// scf.for %iv = 0 to %ub with `xpl.axis = axis`; returns it and its body.
///
/// The on-chip arrays of a task are `memref.alloca`s at the start of the
/// body (a C array declared in the loop body). An `alloca_scope` would bound
/// the stack they use per iteration in the oracle's JIT, but the oracle
/// lowers scf before memref and cannot run a scope holding loops; the stack
/// the JIT uses grows by the task's on-chip bytes per task.
std::pair<scf::ForOp, Block *>
createAxisLoop(OpBuilder &b, Location loc, Value ub, xpl::ParallelAxis axis) {
  auto loop =
      scf::ForOp::create(b, loc, cIndex(b, loc, 0), ub, cIndex(b, loc, 1));
  loop->setAttr(kAxisAttrName,
                xpl::ParallelAxisAttr::get(b.getContext(), axis));
  return {loop, loop.getBody()};
}

struct KernelInfo {
  bool isBlock = false;
};

LogicalResult raiseWithFission(func::FuncOp kernel, const TaskContext &base,
                               Value taskDim);

/// Raises one kernel; `isBlock` from its launches.
LogicalResult raiseKernel(func::FuncOp kernel, bool isBlock) {
  if (!kernel.getBody().hasOneBlock())
    return kernel.emitOpError("cannot raise a kernel of several blocks");
  MLIRContext *ctx = kernel.getContext();
  Block &entry = kernel.getBody().front();
  Location loc = kernel.getLoc();
  Type i32 = IntegerType::get(ctx, 32);
  TaskContext tc;
  tc.isBlock = isBlock;
  // Named for the emitters (taskDimX itself is a BANG builtin name).
  auto named = [&](StringRef name) -> Location {
    return NameLoc::get(StringAttr::get(ctx, name), loc);
  };
  tc.dimX = entry.addArgument(i32, named("task_dim_x"));
  tc.dimY = entry.addArgument(i32, named("task_dim_y"));
  tc.dimZ = entry.addArgument(i32, named("task_dim_z"));
  kernel.setType(FunctionType::get(ctx, entry.getArgumentTypes(), {}));
  kernel->removeAttr(bang::BangDialect::kKernelAttrName);
  kernel->removeAttr(xpl::XplDialect::kKernelAttrName);
  kernel.setPrivate();

  // Barriers: none matter for Block launches (no peers) nor for
  // __sync_compute/__sync_all_mpu.
  SmallVector<bang::SyncOp> barriers;
  SmallVector<bang::SyncOp> noops;
  kernel.walk([&](bang::SyncOp sync) {
    if (!isBlock && isBarrier(sync))
      barriers.push_back(sync);
    else
      noops.push_back(sync);
  });
  for (bang::SyncOp sync : noops)
    sync.erase();

  OpBuilder b(&entry, entry.begin());
  Value taskDim = arith::MulIOp::create(
      b, loc, arith::MulIOp::create(b, loc, tc.dimX, tc.dimY), tc.dimZ);
  // SRAM of a Union launch is shared by the 4 cores of a cluster (in the
  // oracle, cores run in order until a barrier): a cluster loop of core
  // loops even without barriers.
  bool sharesSram = false;
  kernel.walk([&](bang::AllocOp alloc) {
    auto space = dyn_cast_or_null<bang::MemorySpaceAttr>(
        cast<MemRefType>(alloc.getType()).getMemorySpace());
    sharesSram |= space && space.getValue() == bang::MemorySpace::sram;
  });
  if (!barriers.empty() || (!isBlock && sharesSram)) {
    for (bang::SyncOp sync : barriers)
      if (sync.getKind() != bang::SyncKind::cluster)
        return sync.emitOpError(
            "cannot raise a barrier of all tasks (only __sync_cluster)");
    return raiseWithFission(kernel, tc, taskDim);
  }

  auto [loop, body] =
      createAxisLoop(b, loc, toIndex(b, loc, taskDim), xpl::ParallelAxis::task);
  // Everything after the loop (but the return) moves into the body.
  Operation *terminator = entry.getTerminator();
  SmallVector<Operation *> toMove;
  for (Operation *op = loop->getNextNode(); op && op != terminator;
       op = op->getNextNode())
    toMove.push_back(op);
  for (Operation *op : toMove)
    op->moveBefore(body->getTerminator());
  hoistArrays(kernel, *body);
  tc.task = loop.getInductionVar();
  SmallVector<Operation *> indexOps;
  kernel.walk([&](Operation *op) {
    if (isTaskIndexOp(op))
      indexOps.push_back(op);
  });
  for (Operation *op : indexOps)
    replaceIndexOp(op, tc);
  return success();
}

//===----------------------------------------------------------------------===//
// Fission at __sync_cluster
//===----------------------------------------------------------------------===//

/// Splits a Union kernel with cluster barriers into cluster loops holding
/// core loops.
class Fission {
public:
  Fission(func::FuncOp kernel, TaskContext tc) : kernel(kernel), tc(tc) {}

  LogicalResult run(Value taskDim);

private:
  /// Whether `v` has the same value on every core of a cluster.
  bool isUniform(Value v) {
    if (uniform.contains(v))
      return true;
    Operation *def = v.getDefiningOp();
    if (!def)
      return false;
    return false;
  }
  bool containsBarrier(Operation *op) {
    bool found = false;
    op->walk([&](bang::SyncOp) { found = true; });
    return found;
  }
  /// Whether `op` computes the same result on every core: pure, no
  /// regions, uniform operands, not a core index.
  bool isUniformOp(Operation *op) {
    if (!isMemoryEffectFree(op))
      return false;
    bool ok = true;
    op->walk([&](Operation *nested) {
      if (isa<bang::CoreIdOp, bang::TaskIdOp, bang::TaskIdXOp, bang::TaskIdYOp,
              bang::TaskIdZOp>(nested))
        ok = false;
      for (Value v : nested->getOperands())
        if (!op->isAncestor(v.getParentBlock()->getParentOp()) && !isUniform(v))
          ok = false;
    });
    return ok;
  }
  LogicalResult splitBlock(Block &block);
  void flush(SmallVectorImpl<Operation *> &segment, Operation *before);
  LogicalResult fixCrossSegmentUses();

  func::FuncOp kernel;
  TaskContext tc;
  /// Values the same on every core of a cluster.
  llvm::DenseSet<Value> uniform;
  /// The core loops made, in order.
  SmallVector<scf::ForOp> coreLoops;
  /// Where per-core arrays are declared (start of the cluster loop body).
  Block *clusterBody = nullptr;
};

void Fission::flush(SmallVectorImpl<Operation *> &segment, Operation *before) {
  if (segment.empty())
    return;
  OpBuilder b(before);
  Location loc = segment.front()->getLoc();
  auto [loop, body] = createAxisLoop(b, loc, cIndex(b, loc, kCoresPerCluster),
                                     xpl::ParallelAxis::core);
  for (Operation *op : segment)
    op->moveBefore(body->getTerminator());
  coreLoops.push_back(loop);
  segment.clear();
}

LogicalResult Fission::splitBlock(Block &block) {
  SmallVector<Operation *> segment;
  SmallVector<Operation *> ops;
  for (Operation &op : block.without_terminator())
    ops.push_back(&op);
  for (Operation *op : ops) {
    if (auto sync = dyn_cast<bang::SyncOp>(op)) {
      flush(segment, op);
      sync.erase();
      continue;
    }
    if (containsBarrier(op)) {
      // Control flow around a barrier must be the same for every core.
      bool ok = true;
      for (Value v : op->getOperands())
        ok &= isUniform(v);
      if (auto whileOp = dyn_cast<scf::WhileOp>(op)) {
        // The loop variables are uniform if the condition and the yielded
        // values are (checked after the split).
        for (BlockArgument arg : whileOp.getBeforeArguments())
          uniform.insert(arg);
        for (BlockArgument arg : whileOp.getAfterArguments())
          uniform.insert(arg);
      } else if (auto forOp = dyn_cast<scf::ForOp>(op)) {
        uniform.insert(forOp.getInductionVar());
        for (BlockArgument arg : forOp.getRegionIterArgs())
          uniform.insert(arg);
      } else if (!isa<scf::IfOp>(op)) {
        ok = false;
      }
      if (!ok) {
        bang::SyncOp first;
        op->walk([&](bang::SyncOp s) {
          if (!first)
            first = s;
        });
        return first.emitOpError(
            "cannot raise a barrier in control flow that differs between "
            "cores");
      }
      flush(segment, op);
      for (Region &region : op->getRegions())
        for (Block &inner : region)
          if (failed(splitBlock(inner)))
            return failure();
      for (Value r : op->getResults())
        uniform.insert(r);
      continue;
    }
    // On-chip arrays stay where they are declared (made per core later).
    if (isa<memref::AllocaOp>(op) || isUniformOp(op)) {
      for (Value r : op->getResults())
        uniform.insert(r);
      continue;
    }
    segment.push_back(op);
  }
  flush(segment, block.getTerminator());
  for (Value v : block.getTerminator()->getOperands())
    if (!isUniform(v))
      return block.getTerminator()->emitOpError(
          "cannot raise: a value that differs between cores controls a loop "
          "with a barrier");
  return success();
}

/// The core loop (of coreLoops) holding `op`, if any.
static scf::ForOp getCoreLoop(Operation *op, ArrayRef<scf::ForOp> loops) {
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp())
    if (auto loop = dyn_cast<scf::ForOp>(p))
      if (llvm::is_contained(loops, loop))
        return loop;
  return nullptr;
}

/// Whether `v`, defined in core loop `loop`, is a pure function of its
/// induction variable and values defined outside it.
static bool canRecompute(Value v, scf::ForOp loop, unsigned depth = 0) {
  if (v == loop.getInductionVar() ||
      !loop->isAncestor(v.getParentBlock()->getParentOp()))
    return true;
  Operation *def = v.getDefiningOp();
  if (!def || depth > 32 || def->getNumRegions() || !isMemoryEffectFree(def) ||
      def->getBlock() != loop.getBody())
    return false;
  return llvm::all_of(def->getOperands(), [&](Value o) {
    return canRecompute(o, loop, depth + 1);
  });
}

/// Clones the computation of `v` (see canRecompute) at `b`.
static Value recompute(OpBuilder &b, Value v, scf::ForOp loop,
                       IRMapping &mapping) {
  if (Value known = mapping.lookupOrNull(v))
    return known;
  if (!loop->isAncestor(v.getParentBlock()->getParentOp()))
    return v;
  Operation *def = v.getDefiningOp();
  for (Value o : def->getOperands())
    recompute(b, o, loop, mapping);
  Operation *clone = b.clone(*def, mapping);
  return clone->getResult(cast<OpResult>(v).getResultNumber());
}

LogicalResult Fission::fixCrossSegmentUses() {
  // On-chip arrays: one per core (memref<4xN>), indexed by the core. A
  // `select` between such arrays selects between their per-core copies.
  llvm::MapVector<Value, Value> perCore;
  for (Operation &op : llvm::make_early_inc_range(*clusterBody)) {
    auto alloca = dyn_cast<memref::AllocaOp>(op);
    if (!alloca)
      continue;
    auto type = alloca.getType();
    auto space = dyn_cast_or_null<bang::MemorySpaceAttr>(type.getMemorySpace());
    if (space && space.getValue() == bang::MemorySpace::sram)
      continue; // one per cluster: already right
    if (type.getRank() != 1)
      return alloca.emitOpError("cannot make a per-core copy of this array");
    OpBuilder b(alloca);
    perCore[alloca] = memref::AllocaOp::create(
        b, alloca.getLoc(),
        MemRefType::get({kCoresPerCluster, type.getDimSize(0)},
                        type.getElementType(), AffineMap(),
                        type.getMemorySpace()));
  }
  // Selects between such arrays (`c ? nram_acc : nram_part`) are resolved
  // at each access: a select of the loaded values, an if around the stores.
  llvm::SetVector<Operation *> selects;
  auto isArray = [&](Value v) {
    return perCore.count(v) || selects.contains(v.getDefiningOp());
  };
  for (bool changed = true; changed;) {
    changed = false;
    kernel.walk([&](arith::SelectOp select) {
      if (!selects.contains(select) && isArray(select.getTrueValue()) &&
          isArray(select.getFalseValue()))
        changed |= selects.insert(select);
    });
  }
  std::function<Value(OpBuilder &, Location, Value, Value, Value)> load =
      [&](OpBuilder &b, Location loc, Value array, Value core,
          Value index) -> Value {
    if (auto select = array.getDefiningOp<arith::SelectOp>();
        select && selects.contains(select))
      return arith::SelectOp::create(
          b, loc, select.getCondition(),
          load(b, loc, select.getTrueValue(), core, index),
          load(b, loc, select.getFalseValue(), core, index));
    return memref::LoadOp::create(b, loc, perCore[array],
                                  ValueRange{core, index});
  };
  std::function<void(OpBuilder &, Location, Value, Value, Value, Value)> store =
      [&](OpBuilder &b, Location loc, Value value, Value array, Value core,
          Value index) {
        if (auto select = array.getDefiningOp<arith::SelectOp>();
            select && selects.contains(select)) {
          auto ifOp = scf::IfOp::create(b, loc, select.getCondition(),
                                        /*withElseRegion=*/true);
          OpBuilder tb = ifOp.getThenBodyBuilder();
          store(tb, loc, value, select.getTrueValue(), core, index);
          OpBuilder eb = ifOp.getElseBodyBuilder();
          store(eb, loc, value, select.getFalseValue(), core, index);
          return;
        }
        memref::StoreOp::create(b, loc, value, perCore[array],
                                ValueRange{core, index});
      };
  SmallVector<Value> arrays;
  for (auto &entry : perCore)
    arrays.push_back(entry.first);
  for (Operation *select : selects)
    arrays.push_back(select->getResult(0));
  for (Value old : arrays) {
    for (OpOperand &use : llvm::make_early_inc_range(old.getUses())) {
      Operation *user = use.getOwner();
      if (selects.contains(user))
        continue;
      scf::ForOp coreLoop = getCoreLoop(user, coreLoops);
      bool isAccess =
          isa<memref::LoadOp>(user) ||
          (isa<memref::StoreOp>(user) && use.getOperandNumber() == 1);
      if (!isAccess || !coreLoop)
        return user->emitOpError(
            "cannot raise: an on-chip array is used here other than by a "
            "load or store of one core");
      Value core = coreLoop.getInductionVar();
      OpBuilder ub(user);
      if (auto l = dyn_cast<memref::LoadOp>(user)) {
        Value repl = load(ub, l.getLoc(), old, core, l.getIndices()[0]);
        l.getResult().replaceAllUsesWith(repl);
        l.erase();
      } else {
        auto st = cast<memref::StoreOp>(user);
        store(ub, st.getLoc(), st.getValue(), old, core, st.getIndices()[0]);
        st.erase();
      }
    }
  }
  for (Operation *select : llvm::reverse(selects))
    select->erase();
  for (auto &entry : llvm::reverse(perCore))
    entry.first.getDefiningOp()->erase();

  // Values defined in one core loop and used outside it.
  for (scf::ForOp loop : coreLoops) {
    SmallVector<Value> escaping;
    loop.getBody()->walk([&](Operation *op) {
      for (Value r : op->getResults())
        for (OpOperand &use : r.getUses())
          if (!loop->isAncestor(use.getOwner())) {
            escaping.push_back(r);
            break;
          }
    });
    for (Value v : escaping) {
      Operation *def = v.getDefiningOp();
      // Values computed from the core index and uniform values only are
      // recomputed in the core loops that use them.
      if (canRecompute(v, loop)) {
        bool ok = true;
        for (OpOperand &use : llvm::make_early_inc_range(v.getUses())) {
          Operation *user = use.getOwner();
          if (loop->isAncestor(user))
            continue;
          scf::ForOp userLoop = getCoreLoop(user, coreLoops);
          if (!userLoop) {
            ok = false;
            continue;
          }
          OpBuilder rb(userLoop.getBody(), userLoop.getBody()->begin());
          IRMapping mapping;
          mapping.map(loop.getInductionVar(), userLoop.getInductionVar());
          use.set(recompute(rb, v, loop, mapping));
        }
        if (ok)
          continue;
      }
      // Cheap pure values are recomputed where used when their operands
      // allow it; others go through a per-core array.
      auto type = v.getType();
      if (!type.isIntOrIndexOrFloat())
        return def->emitOpError(
            "cannot raise: a value of this type lives across a barrier");
      OpBuilder ab(clusterBody, clusterBody->begin());
      auto array = memref::AllocaOp::create(
          ab, def->getLoc(), MemRefType::get({kCoresPerCluster}, type));
      OpBuilder sb(def->getBlock(), std::next(def->getIterator()));
      memref::StoreOp::create(sb, def->getLoc(), v, array,
                              ValueRange{loop.getInductionVar()});
      for (OpOperand &use : llvm::make_early_inc_range(v.getUses())) {
        Operation *user = use.getOwner();
        if (loop->isAncestor(user) ||
            isa<memref::StoreOp>(user) && user->getOperand(1) == array)
          continue;
        scf::ForOp userLoop = getCoreLoop(user, coreLoops);
        if (!userLoop)
          return user->emitOpError(
              "cannot raise: a value that differs between cores is used "
              "outside the per-core code");
        OpBuilder lb(user);
        auto load = memref::LoadOp::create(
            lb, user->getLoc(), array, ValueRange{userLoop.getInductionVar()});
        use.set(load);
      }
    }
  }
  return success();
}

LogicalResult Fission::run(Value taskDim) {
  Block &entry = kernel.getBody().front();
  Location loc = kernel.getLoc();
  OpBuilder b(entry.getTerminator());
  // Move taskDim's computation first so the loop bound can use it.
  Value clusters =
      arith::DivSIOp::create(b, loc, taskDim, cI32(b, loc, kCoresPerCluster));
  auto [loop, body] = createAxisLoop(b, loc, toIndex(b, loc, clusters),
                                     xpl::ParallelAxis::cluster);
  SmallVector<Operation *> toMove;
  for (Operation &op : entry.without_terminator()) {
    if (&op == loop.getOperation())
      break;
    toMove.push_back(&op);
  }
  // The task dimension computation stays before the loop.
  llvm::SetVector<Operation *> keep;
  SmallVector<Value> worklist = {clusters, loop.getLowerBound(),
                                 loop.getUpperBound(), loop.getStep()};
  while (!worklist.empty()) {
    Value v = worklist.pop_back_val();
    if (Operation *def = v.getDefiningOp())
      if (def->getBlock() == &entry && keep.insert(def))
        for (Value o : def->getOperands())
          worklist.push_back(o);
  }
  for (Operation *op : toMove)
    if (!keep.contains(op))
      op->moveBefore(body->getTerminator());
  clusterBody = body;
  hoistArrays(kernel, *body);

  // Uniform: function arguments, the cluster, values outside the loop.
  for (BlockArgument arg : entry.getArguments())
    uniform.insert(arg);
  for (Operation *op : keep)
    for (Value r : op->getResults())
      uniform.insert(r);
  uniform.insert(loop.getInductionVar());
  for (Operation &op : *body)
    if (isa<memref::AllocaOp>(op))
      uniform.insert(op.getResult(0));

  // Indices that are the same on every core of the cluster are replaced
  // now (they are uniform); per-core ones inside the core loops later.
  TaskContext uc = tc;
  uc.cluster = loop.getInductionVar();
  SmallVector<Operation *> indexOps;
  kernel.walk([&](Operation *op) {
    if (isTaskIndexOp(op) &&
        !isa<bang::CoreIdOp, bang::TaskIdOp, bang::TaskIdXOp, bang::TaskIdYOp,
             bang::TaskIdZOp>(op))
      indexOps.push_back(op);
  });
  for (Operation *op : indexOps)
    replaceIndexOp(op, uc);

  if (failed(splitBlock(*body)))
    return failure();
  if (failed(fixCrossSegmentUses()))
    return failure();

  // Per-core indices: each must now be inside a core loop.
  indexOps.clear();
  kernel.walk([&](Operation *op) {
    if (isTaskIndexOp(op))
      indexOps.push_back(op);
  });
  for (Operation *op : indexOps) {
    scf::ForOp coreLoop = getCoreLoop(op, coreLoops);
    if (!coreLoop)
      return op->emitOpError("cannot raise: per-core index outside the "
                             "per-core code");
    TaskContext cc = uc;
    cc.core = coreLoop.getInductionVar();
    replaceIndexOp(op, cc);
  }
  return success();
}

LogicalResult raiseWithFission(func::FuncOp kernel, const TaskContext &base,
                               Value taskDim) {
  Fission fission(kernel, base);
  return fission.run(taskDim);
}

//===----------------------------------------------------------------------===//
// Launchers
//===----------------------------------------------------------------------===//

/// Replaces the device buffers, copies, queues and launches of a launcher.
LogicalResult raiseLauncher(func::FuncOp launcher, ModuleOp module) {
  SmallVector<bang::MallocOp> mallocs;
  launcher.walk([&](bang::MallocOp m) { mallocs.push_back(m); });
  for (bang::MallocOp m : mallocs) {
    Value dev = m.getResult();
    auto devType = cast<MemRefType>(dev.getType());
    Value host;
    bool direct = true;
    SmallVector<Operation *> copies, frees;
    for (Operation *user : dev.getUsers()) {
      if (auto copy = dyn_cast<bang::CnrtMemcpyOp>(user)) {
        Value other = copy.getDst() == dev ? copy.getSrc() : copy.getDst();
        if (copy.getDst() == copy.getSrc() || copy.getBytes() != m.getBytes() ||
            (host && other != host) || copy->getBlock() != m->getBlock())
          direct = false;
        host = other;
        copies.push_back(copy);
      } else if (isa<bang::FreeOp>(user)) {
        frees.push_back(user);
      } else if (!isa<bang::LaunchOp>(user)) {
        direct = false;
      }
    }
    if (host) {
      auto arg = dyn_cast<BlockArgument>(host);
      auto hostType = dyn_cast<MemRefType>(host.getType());
      direct &= arg && arg.getOwner() == &launcher.getBody().front() &&
                hostType && hostType.getShape() == devType.getShape() &&
                hostType.getElementType() == devType.getElementType();
      // The host buffer is only used by these copies.
      if (direct)
        for (Operation *user : host.getUsers())
          direct &= llvm::is_contained(copies, user);
    }
    OpBuilder b(m);
    if (host && direct) {
      Value cast =
          memref::MemorySpaceCastOp::create(b, m.getLoc(), devType, host);
      dev.replaceAllUsesWith(cast);
      for (Operation *op : copies)
        op->erase();
      for (Operation *op : frees)
        op->erase();
      m.erase();
      continue;
    }
    if (host)
      return m.emitOpError(
          "cannot raise a device buffer that is not a whole copy of one "
          "launcher argument");
    // Scratch device memory.
    if (devType.getRank() != 1)
      return m.emitOpError("cannot raise a device buffer of rank != 1");
    Value bytes = arith::IndexCastOp::create(b, m.getLoc(), b.getIndexType(),
                                             m.getBytes());
    int64_t size = (devType.getElementTypeBitWidth() + 7) / 8;
    SmallVector<Value> sizes;
    if (devType.isDynamicDim(0))
      sizes.push_back(arith::DivSIOp::create(b, m.getLoc(), bytes,
                                             cIndex(b, m.getLoc(), size)));
    auto alloc = memref::AllocOp::create(b, m.getLoc(), devType, sizes);
    dev.replaceAllUsesWith(alloc.getResult());
    for (Operation *op : frees) {
      OpBuilder fb(op);
      memref::DeallocOp::create(fb, op->getLoc(), alloc);
      op->erase();
    }
    m.erase();
  }
  // Launches.
  SmallVector<bang::LaunchOp> launches;
  launcher.walk([&](bang::LaunchOp l) { launches.push_back(l); });
  for (bang::LaunchOp launch : launches) {
    auto dim = launch.getDim().getDefiningOp<bang::Dim3Op>();
    if (!dim)
      return launch.emitOpError("cannot raise: the task dimension is not a "
                                "bang.dim3");
    OpBuilder b(launch);
    SmallVector<Value> operands(launch.getArgs());
    operands.append({dim.getX(), dim.getY(), dim.getZ()});
    func::CallOp::create(b, launch.getLoc(), launch.getKernel(), TypeRange{},
                         operands);
    launch.erase();
  }
  // Queues and dimensions.
  SmallVector<Operation *> dead;
  launcher.walk([&](Operation *op) {
    if (isa<bang::QueueSyncOp, bang::QueueDestroyOp>(op))
      dead.push_back(op);
  });
  for (Operation *op : dead)
    op->erase();
  dead.clear();
  launcher.walk([&](Operation *op) {
    if (isa<bang::QueueCreateOp, bang::Dim3Op>(op) && op->use_empty())
      dead.push_back(op);
  });
  for (Operation *op : dead)
    op->erase();
  WalkResult r = launcher.walk([&](Operation *op) {
    if (isa<bang::CnrtMemcpyOp, bang::QueueCreateOp, bang::Dim3Op>(op)) {
      op->emitOpError("cannot raise this host operation");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return failure(r.wasInterrupted());
}

struct BangRaiseLoopsPass
    : public xpiler::impl::BangRaiseLoopsBase<BangRaiseLoopsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Task index builtins only make sense in kernels.
    WalkResult r = module.walk([&](Operation *op) {
      if (!isTaskIndexOp(op) && !isa<bang::SyncOp>(op))
        return WalkResult::advance();
      auto f = op->getParentOfType<func::FuncOp>();
      if (f && !f->hasAttr(bang::BangDialect::kKernelAttrName)) {
        op->emitOpError("cannot raise a task index or barrier outside a "
                        "kernel");
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (r.wasInterrupted())
      return signalPassFailure();
    if (failed(passFileScopeArrays(module)))
      return signalPassFailure();

    // The function type of each kernel's launches.
    std::map<std::string, std::optional<bool>> isBlock;
    bool failedAny = false;
    module.walk([&](bang::LaunchOp launch) {
      bool block = launch.getFuncType() == bang::FuncType::block;
      auto &entry = isBlock[launch.getKernel().str()];
      if (entry && *entry != block) {
        launch.emitOpError("cannot raise: the kernel is launched both as "
                           "Block and as Union");
        failedAny = true;
      }
      entry = block;
    });
    if (failedAny)
      return signalPassFailure();
    SmallVector<func::FuncOp> kernels, launchers;
    for (func::FuncOp f : module.getOps<func::FuncOp>()) {
      if (f->hasAttr(bang::BangDialect::kKernelAttrName))
        kernels.push_back(f);
      bool launches = false;
      f.walk([&](bang::LaunchOp) { launches = true; });
      if (launches)
        launchers.push_back(f);
    }
    for (func::FuncOp kernel : kernels) {
      auto it = isBlock.find(kernel.getSymName().str());
      if (it == isBlock.end() || !it->second) {
        kernel.emitOpError("cannot raise a kernel that no launcher launches "
                           "(its task dimension is unknown)");
        return signalPassFailure();
      }
      if (failed(raiseKernel(kernel, *it->second)))
        return signalPassFailure();
    }
    for (func::FuncOp launcher : launchers)
      if (failed(raiseLauncher(launcher, module)))
        return signalPassFailure();
    // Helpers are now plain functions of this file.
    for (func::FuncOp f : module.getOps<func::FuncOp>())
      if (f->removeAttr(bang::BangDialect::kFuncAttrName) && !f.isExternal())
        f.setPrivate();
    // Remaining file-scope declarations outside kernels (helpers called only
    // from helpers) were turned into arguments; any other bang.alloc is an
    // array of a helper: one per call.
    module.walk([&](bang::AllocOp alloc) {
      OpBuilder b(alloc);
      auto alloca = memref::AllocaOp::create(b, alloc.getLoc(),
                                             cast<MemRefType>(alloc.getType()));
      alloc.getResult().replaceAllUsesWith(alloca.getResult());
      alloc.erase();
    });
  }
};

} // namespace
