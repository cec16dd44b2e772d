//===- MfmaToCuda.cpp - hip.mfma rewritten for CUDA warps -----------------===//
//
// An mfma is wavefront-wide: lane l of 64 holds a slice of A, B and C in
// AMD's register layouts (the oracle's reference semantics,
// lib/Exec/Runtime/GpuMatrixRuntime.cpp, mfmaInputPosition and
// mfmaOutputElement, are the single source of truth copied below). After
// the conversion a wavefront is two CUDA warps, and CUDA's fragment layouts
// are unspecified, so the operands travel through shared memory:
//
//   per wavefront w: A[w][M][Kp], B[w][Kp][N] (Kp: K rounded up to 16, the
//   rows/columns past K zeroed once at kernel entry) and C[w][M][N];
//   every lane stores its a, b, c elements where the layout puts them;
//   __syncthreads();
//   the wavefront's two warps run load_matrix_sync / mma_sync /
//   store_matrix_sync on the 16x16 tiles of C (warp t % 2 takes tile t);
//   __syncthreads();
//   every lane reads its d elements back.
//
// fp32 and fp64 kinds have no exact tensor-core instruction (tf32 rounds
// the inputs): each lane computes its own d elements with scalar FMAs from
// the A and B scratch, between the same two barriers. The barriers are
// block-wide, so the mfma must be reached in block-uniform control flow,
// which a small forward analysis checks (thread indices, memory loads and
// warp-level ops are thread-dependent; what depends on them too).
//
//===----------------------------------------------------------------------===//

#include "MfmaToCuda.h"

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

using namespace mlir;
using namespace xpiler;

namespace {

/// The lanes of an AMD wavefront that the mfma layouts assume.
constexpr int64_t kWave = 64;
/// The lanes of a CUDA warp.
constexpr int64_t kWarp = 32;
/// The edge of a wmma tile (m16n16k16).
constexpr int64_t kTile = 16;
/// The most mfmas that share one exchange (scratch grows with it).
constexpr int64_t kMaxGroup = 4;

/// Shape of a single-block mfma kind (GpuMatrixRuntime.cpp, kMfmaKinds):
/// D (m x n) = A (m x k) B (k x n) + C; each lane holds `kPerLane`
/// consecutive K values of A and of B and `accLen` elements of C/D.
struct MfmaShape {
  int64_t m, n, k, kPerLane, accLen;
  /// Multiplied on the tensor cores (f16) or with scalar FMAs.
  bool tensorCore;
};

/// The kinds this rewrite handles; others (multi-block, integer, bf16,
/// fp8) are refused.
std::optional<MfmaShape> getMfmaShape(hip::MfmaKind kind) {
  using K = hip::MfmaKind;
  switch (kind) {
  case K::f32_16x16x16f16:
    return MfmaShape{16, 16, 16, 4, 4, true};
  case K::f32_32x32x8f16:
    return MfmaShape{32, 32, 8, 4, 16, true};
  case K::f32_16x16x32_f16:
    return MfmaShape{16, 16, 32, 8, 4, true};
  case K::f32_32x32x16_f16:
    return MfmaShape{32, 32, 16, 8, 16, true};
  case K::f32_16x16x4f32:
    return MfmaShape{16, 16, 4, 1, 4, false};
  case K::f32_32x32x2f32:
    return MfmaShape{32, 32, 2, 1, 16, false};
  case K::f32_16x16x8_xf32:
    return MfmaShape{16, 16, 8, 2, 4, false};
  case K::f32_32x32x4_xf32:
    return MfmaShape{32, 32, 4, 2, 16, false};
  case K::f64_16x16x4f64:
    return MfmaShape{16, 16, 4, 1, 4, false};
  default:
    return std::nullopt;
  }
}

/// Rows per accumulator register group (GpuMatrixRuntime.cpp,
/// mfmaRowGroup).
int64_t getRowGroup(const MfmaShape &s) {
  return std::min<int64_t>(s.m * s.n / kWave, 4);
}

/// Item `item` of lane `lane` of C/D is D[rowBase(lane) + rowOffset(item)]
/// [lane % n] with rowBase(lane) = H (lane / n) (mfmaOutputElement for one
/// block: B_I = 1, M_I = 64 / n, G = m / (H M_I)).
int64_t getRowOffset(const MfmaShape &s, int64_t item) {
  int64_t h = getRowGroup(s);
  int64_t mI = kWave / s.n;
  return (item / h) * h * mI + item % h;
}

//===----------------------------------------------------------------------===//
// Block-uniform control flow
//===----------------------------------------------------------------------===//

/// The values of a kernel that may differ between the threads of a block:
/// thread indices, memory loads, warp-level and other side-effecting ops,
/// and everything computed from them or under control that depends on
/// them. Kernel arguments, block/grid indices and sizes and constants are
/// uniform.
class Varying {
public:
  explicit Varying(func::FuncOp func) {
    bool changed = true;
    while (changed) {
      changed = false;
      func.walk([&](Operation *op) {
        if (op != func)
          changed |= visit(op);
      });
    }
  }

  bool contains(Value value) const { return varying.contains(value); }

  /// Why `op`'s execution may be thread-dependent: the first enclosing
  /// construct whose control depends on a varying value, or null.
  Operation *getDivergentParent(Operation *op, func::FuncOp func) const {
    for (Operation *parent = op->getParentOp(); parent && parent != func;
         parent = parent->getParentOp()) {
      if (auto ifOp = dyn_cast<scf::IfOp>(parent)) {
        if (contains(ifOp.getCondition()))
          return parent;
      } else if (auto forOp = dyn_cast<scf::ForOp>(parent)) {
        if (contains(forOp.getLowerBound()) ||
            contains(forOp.getUpperBound()) || contains(forOp.getStep()))
          return parent;
      } else if (auto whileOp = dyn_cast<scf::WhileOp>(parent)) {
        if (contains(whileOp.getConditionOp().getCondition()))
          return parent;
      } else if (!isa<scf::ExecuteRegionOp>(parent)) {
        return parent;
      }
    }
    return nullptr;
  }

private:
  bool mark(Value value) { return varying.insert(value).second; }
  bool markAll(ValueRange values) {
    bool changed = false;
    for (Value v : values)
      changed |= mark(v);
    return changed;
  }
  bool anyVarying(ValueRange values) const {
    return llvm::any_of(values, [&](Value v) { return contains(v); });
  }

  /// Applies the rules to `op`; returns whether anything new is varying.
  bool visit(Operation *op) {
    if (op->getNumResults() == 0 && op->getNumRegions() == 0)
      return false;
    if (isa<hip::BlockIdxOp, hip::BlockDimOp, hip::GridDimOp, hip::WarpSizeOp>(
            op) ||
        op->hasTrait<OpTrait::ConstantLike>())
      return false;
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      bool changed = false;
      bool cond = contains(ifOp.getCondition());
      for (unsigned i = 0; i < ifOp.getNumResults(); ++i) {
        bool v = cond;
        for (Region *region : {&ifOp.getThenRegion(), &ifOp.getElseRegion()})
          if (!region->empty())
            v |= contains(cast<scf::YieldOp>(region->front().getTerminator())
                              .getOperand(i));
        if (v)
          changed |= mark(ifOp.getResult(i));
      }
      return changed;
    }
    if (auto forOp = dyn_cast<scf::ForOp>(op)) {
      bool bounds = contains(forOp.getLowerBound()) ||
                    contains(forOp.getUpperBound()) ||
                    contains(forOp.getStep());
      bool changed = bounds ? mark(forOp.getInductionVar()) : false;
      auto yield = cast<scf::YieldOp>(forOp.getBody()->getTerminator());
      for (unsigned i = 0; i < forOp.getNumResults(); ++i)
        if (bounds || contains(forOp.getInitArgs()[i]) ||
            contains(yield.getOperand(i)))
          changed |=
              mark(forOp.getRegionIterArgs()[i]) | mark(forOp.getResult(i));
      return changed;
    }
    if (auto whileOp = dyn_cast<scf::WhileOp>(op)) {
      bool changed = false;
      scf::YieldOp yield = whileOp.getYieldOp();
      for (unsigned i = 0; i < whileOp.getInits().size(); ++i)
        if (contains(whileOp.getInits()[i]) || contains(yield.getOperand(i)))
          changed |= mark(whileOp.getBeforeArguments()[i]);
      scf::ConditionOp condition = whileOp.getConditionOp();
      bool cond = contains(condition.getCondition());
      for (unsigned i = 0; i < whileOp.getNumResults(); ++i)
        if (cond || contains(condition.getArgs()[i]))
          changed |=
              mark(whileOp.getAfterArguments()[i]) | mark(whileOp.getResult(i));
      return changed;
    }
    if (isa<scf::ExecuteRegionOp>(op)) {
      bool changed = false;
      op->walk([&](scf::YieldOp yield) {
        if (yield->getParentOp() != op)
          return;
        for (auto [operand, result] :
             llvm::zip(yield.getOperands(), op->getResults()))
          if (contains(operand))
            changed |= mark(result);
      });
      return changed;
    }
    // Computations without side effects and regions: varying when an
    // operand is (vector.insert, arith, math, casts ...).
    if (op->getNumRegions() == 0 && isMemoryEffectFree(op) &&
        !isa<hip::ThreadIdxOp, hip::MfmaOp, hip::ShflOp, hip::VoteOp,
             hip::BallotOp>(op)) {
      if (anyVarying(op->getOperands()))
        return markAll(op->getResults());
      return false;
    }
    // Thread indices, loads, warp-level ops, calls, unknown regions.
    bool changed = markAll(op->getResults());
    for (Region &region : op->getRegions())
      for (Block &block : region)
        changed |= markAll(block.getArguments());
    return changed;
  }

  llvm::DenseSet<Value> varying;
};

//===----------------------------------------------------------------------===//
// Block size
//===----------------------------------------------------------------------===//

/// The largest number of threads a block of `kernel` can have: its
/// `__launch_bounds__`, else the largest constant block of its launches
/// in `module`. Fails (with the reason in `why`) when neither is known or
/// a known block size is not a multiple of 64.
FailureOr<int64_t> getMaxBlockThreads(func::FuncOp kernel, ModuleOp module,
                                      std::string &why) {
  std::optional<int64_t> bound;
  if (auto bounds =
          kernel->getAttrOfType<DenseI32ArrayAttr>("hip.launch_bounds");
      bounds && !bounds.empty())
    bound = bounds[0];
  std::optional<int64_t> largest;
  bool unknownLaunch = false;
  bool bad = false;
  module.walk([&](hip::LaunchOp launch) {
    if (launch.getKernel() != kernel.getSymName())
      return;
    APInt x, y, z;
    if (!matchPattern(launch.getBlockX(), m_ConstantInt(&x)) ||
        !matchPattern(launch.getBlockY(), m_ConstantInt(&y)) ||
        !matchPattern(launch.getBlockZ(), m_ConstantInt(&z))) {
      unknownLaunch = true;
      return;
    }
    int64_t threads = x.getSExtValue() * y.getSExtValue() * z.getSExtValue();
    if (threads % kWave != 0) {
      why = "it is launched with " + std::to_string(threads) +
            " threads per block, not a multiple of the 64-lane wavefront";
      bad = true;
    }
    largest = std::max(largest.value_or(0), threads);
  });
  if (bad)
    return failure();
  if (bound) {
    if (*bound <= 0 || *bound % kWave != 0) {
      why = "its __launch_bounds__ of " + std::to_string(*bound) +
            " threads is not a multiple of the 64-lane wavefront";
      return failure();
    }
    return *bound;
  }
  if (!largest || unknownLaunch) {
    why = "the block size of kernel '" + kernel.getSymName().str() +
          "' is not known (give it __launch_bounds__ or launch it with a "
          "constant block) to size the per-wavefront shared scratch";
    return failure();
  }
  return *largest;
}

//===----------------------------------------------------------------------===//
// The rewrite
//===----------------------------------------------------------------------===//

/// The shared scratch of one kind in one kernel and the lane's coordinates.
struct Scratch {
  Value a, b, c; ///< A[w][M][Kp], B[w][Kp][N], C[w][M][N] (C: wmma only)
  Value wave;    ///< index: the thread's wavefront in the block
  Value lane;    ///< i32: its lane in the wavefront
  /// The lane's places (mfmaInputPosition, mfmaOutputElement): row
  /// `lane % m` of A from K `(lane / m) kPerLane` on, column `lane % n` of
  /// B, C and D (index), B from K `(lane / n) kPerLane` on, C/D rows from
  /// `H (lane / n)` on (i32).
  Value rowA, kA, colB, kB, rowBase;
  /// Group members sharing one exchange (a scratch dimension when > 1).
  int64_t slots = 1;
};

class MfmaRewriter {
public:
  explicit MfmaRewriter(func::FuncOp kernel, int64_t waves)
      : kernel(kernel), waves(waves), b(kernel.getContext()) {}

  /// Rewrites `group` (one exchange; see groupMfmas), moving `sunk` after
  /// it.
  void rewrite(ArrayRef<hip::MfmaOp> group, ArrayRef<Operation *> sunk);
  /// The most members of a group per kind (slots of its scratch).
  llvm::DenseMap<uint32_t, int64_t> slots;

private:
  Value i32(Location loc, int64_t v) {
    return arith::ConstantIntOp::create(b, loc, v, 32);
  }
  Value idx(Location loc, int64_t v) {
    return arith::ConstantIndexOp::create(b, loc, v);
  }
  Value toIndex(Location loc, Value v) {
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
  }
  /// `lhs op rhs` on i32 with a constant `rhs`.
  Value divC(Location loc, Value v, int64_t c) {
    return arith::DivSIOp::create(b, loc, v, i32(loc, c));
  }
  Value remC(Location loc, Value v, int64_t c) {
    return arith::RemSIOp::create(b, loc, v, i32(loc, c));
  }
  Value mulC(Location loc, Value v, int64_t c) {
    if (c == 1)
      return v;
    return arith::MulIOp::create(b, loc, v, i32(loc, c));
  }
  Value addC(Location loc, Value v, int64_t c) {
    if (c == 0)
      return v;
    return arith::AddIOp::create(b, loc, v, i32(loc, c));
  }

  Scratch &getScratch(hip::MfmaOp op, const MfmaShape &shape);
  /// Element `item` of operand `value` (a scalar when kPerLane is 1).
  Value extract(Location loc, Value value, int64_t item) {
    if (!isa<VectorType>(value.getType()))
      return value;
    return vector::ExtractOp::create(b, loc, value, item);
  }

  func::FuncOp kernel;
  int64_t waves;
  OpBuilder b;
  /// Per mfma kind: its scratch (created at the kernel's entry).
  llvm::MapVector<uint32_t, Scratch> scratches;
  Value waveIndex, laneId;
  OpBuilder::InsertPoint entryPoint;
};

Scratch &MfmaRewriter::getScratch(hip::MfmaOp op, const MfmaShape &shape) {
  uint32_t key = static_cast<uint32_t>(op.getKind());
  auto found = scratches.find(key);
  if (found != scratches.end())
    return found->second;
  OpBuilder::InsertionGuard guard(b);
  // At the kernel's entry, after what earlier kinds put there.
  if (entryPoint.isSet())
    b.restoreInsertionPoint(entryPoint);
  else
    b.setInsertionPointToStart(&kernel.getBody().front());
  Location loc = kernel.getLoc();
  MLIRContext *ctx = b.getContext();
  if (!laneId) {
    // The thread's linear index in its block, as the wavefronts count it.
    auto dim = [&](auto opTag, hip::Dim d) {
      using OpTy = decltype(opTag);
      return OpTy::create(b, loc, b.getI32Type(), d).getResult();
    };
    Value tx = dim(hip::ThreadIdxOp(), hip::Dim::x);
    Value ty = dim(hip::ThreadIdxOp(), hip::Dim::y);
    Value tz = dim(hip::ThreadIdxOp(), hip::Dim::z);
    Value bx = dim(hip::BlockDimOp(), hip::Dim::x);
    Value by = dim(hip::BlockDimOp(), hip::Dim::y);
    Value yz = arith::AddIOp::create(b, loc, ty,
                                     arith::MulIOp::create(b, loc, by, tz));
    Value tid = arith::AddIOp::create(b, loc, tx,
                                      arith::MulIOp::create(b, loc, bx, yz));
    waveIndex = toIndex(loc, divC(loc, tid, kWave));
    laneId = remC(loc, tid, kWave);
  }
  Type elem = getElementTypeOrSelf(op.getA().getType());
  Type acc = getElementTypeOrSelf(op.getC().getType());
  int64_t kPadded = shape.tensorCore ? llvm::alignTo(shape.k, kTile) : shape.k;
  Attribute shared = cuda::MemorySpaceAttr::get(ctx, cuda::MemorySpace::shared);
  std::string suffix =
      scratches.empty() ? "" : "_" + std::to_string(scratches.size());
  auto array = [&](StringRef name, ArrayRef<int64_t> shape, Type type) {
    auto memref =
        MemRefType::get(shape, type, MemRefLayoutAttrInterface(), shared);
    auto alloc = cuda::SharedArrayOp::create(
        b, loc, memref, b.getStringAttr((name + suffix).str()));
    // wmma::load/store_matrix_sync need 256-bit aligned tiles.
    alloc->setAttr("xpl.alignment", b.getI64IntegerAttr(32));
    return alloc.getResult();
  };
  Scratch scratch;
  scratch.wave = waveIndex;
  scratch.lane = laneId;
  scratch.slots = std::max<int64_t>(slots.lookup(key), 1);
  auto dims = [&](int64_t rows, int64_t cols) {
    SmallVector<int64_t> shape{waves};
    if (scratch.slots > 1)
      shape.push_back(scratch.slots);
    shape.append({rows, cols});
    return shape;
  };
  scratch.a = array("mfma_a", dims(shape.m, kPadded), elem);
  scratch.b = array("mfma_b", dims(kPadded, shape.n), elem);
  if (shape.tensorCore)
    scratch.c = array("mfma_c", dims(shape.m, shape.n), acc);
  Value laneByM = divC(loc, laneId, shape.m);
  Value laneByN = shape.n == shape.m ? laneByM : divC(loc, laneId, shape.n);
  scratch.rowA = toIndex(loc, remC(loc, laneId, shape.m));
  scratch.kA = mulC(loc, laneByM, shape.kPerLane);
  scratch.colB = shape.n == shape.m ? scratch.rowA
                                    : toIndex(loc, remC(loc, laneId, shape.n));
  scratch.kB =
      shape.n == shape.m ? scratch.kA : mulC(loc, laneByN, shape.kPerLane);
  scratch.rowBase = getRowGroup(shape) == shape.kPerLane
                        ? scratch.kB
                        : mulC(loc, laneByN, getRowGroup(shape));
  // The K padding of A and B is never written by an mfma: zero it once.
  if (kPadded > shape.k) {
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(elem));
    int64_t pad = kPadded - shape.k;
    auto zeroFill = [&](Value buffer, int64_t count, bool isA) {
      auto loop =
          scf::ForOp::create(b, loc, laneId, i32(loc, count), i32(loc, kWave));
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(loop.getBody());
      Value e = loop.getInductionVar();
      Value row, col;
      if (isA) {
        row = divC(loc, e, pad);
        col = addC(loc, remC(loc, e, pad), shape.k);
      } else {
        row = addC(loc, divC(loc, e, shape.n), shape.k);
        col = remC(loc, e, shape.n);
      }
      memref::StoreOp::create(
          b, loc, zero, buffer,
          ValueRange{waveIndex, toIndex(loc, row), toIndex(loc, col)});
    };
    zeroFill(scratch.a, shape.m * pad, /*isA=*/true);
    zeroFill(scratch.b, pad * shape.n, /*isA=*/false);
  }
  entryPoint = b.saveInsertionPoint();
  return scratches.insert({key, scratch}).first->second;
}

void MfmaRewriter::rewrite(ArrayRef<hip::MfmaOp> group,
                           ArrayRef<Operation *> sunk) {
  hip::MfmaOp last = group.back();
  MfmaShape shape = *getMfmaShape(last.getKind());
  Scratch &s = getScratch(last, shape);
  MLIRContext *ctx = b.getContext();
  // Scratch indices: the wavefront, the group member (when the scratch has
  // slots), then the matrix element.
  auto at = [&](int64_t slot, Value row, Value col) {
    SmallVector<Value> indices{s.wave};
    if (s.slots > 1)
      indices.push_back(idx(row.getLoc(), slot));
    indices.append({row, col});
    return indices;
  };
  // C/D: item -> D[H (lane / n) + rowOffset(item)][lane % n].
  auto rowOf = [&](Location loc, int64_t item) {
    return toIndex(loc, addC(loc, s.rowBase, getRowOffset(shape, item)));
  };

  // Every lane stores its slice where the mfma is: A[lane % m][(lane / m)
  // kPerLane + item], B[(lane / n) kPerLane + item][lane % n]
  // (mfmaInputPosition, one block), and C for the tensor cores.
  for (int64_t slot = 0; slot < (int64_t)group.size(); ++slot) {
    hip::MfmaOp op = group[slot];
    Location loc = op.getLoc();
    b.setInsertionPoint(op);
    for (int64_t item = 0; item < shape.kPerLane; ++item) {
      memref::StoreOp::create(
          b, loc, extract(loc, op.getA(), item), s.a,
          at(slot, s.rowA, toIndex(loc, addC(loc, s.kA, item))));
      memref::StoreOp::create(
          b, loc, extract(loc, op.getB(), item), s.b,
          at(slot, toIndex(loc, addC(loc, s.kB, item)), s.colB));
    }
    if (shape.tensorCore)
      for (int64_t item = 0; item < shape.accLen; ++item)
        memref::StoreOp::create(b, loc, extract(loc, op.getC(), item), s.c,
                                at(slot, rowOf(loc, item), s.colB));
  }
  Location loc = last.getLoc();
  b.setInsertionPoint(last);
  cuda::SyncThreadsOp::create(b, loc);

  SmallVector<Value> results;
  if (shape.tensorCore) {
    Type elem = getElementTypeOrSelf(last.getA().getType());
    Type acc = getElementTypeOrSelf(last.getC().getType());
    int64_t kPadded = llvm::alignTo(shape.k, kTile);
    int64_t tilesN = shape.n / kTile;
    int64_t tilesPerOp = (shape.m / kTile) * tilesN;
    int64_t tiles = tilesPerOp * (int64_t)group.size();
    auto fragA =
        cuda::FragmentType::get(ctx, cuda::FragmentUse::matrix_a, kTile, kTile,
                                kTile, elem, cuda::FragmentLayout::row_major);
    auto fragB =
        cuda::FragmentType::get(ctx, cuda::FragmentUse::matrix_b, kTile, kTile,
                                kTile, elem, cuda::FragmentLayout::row_major);
    auto fragC =
        cuda::FragmentType::get(ctx, cuda::FragmentUse::accumulator, kTile,
                                kTile, kTile, acc, cuda::FragmentLayout::none);
    // The tile of C at (row, col) of group member `slot` (an index value
    // when the scratch has slots): D = A B + C on the tensor cores.
    auto emitTile = [&](Value slot, Value row, Value col) {
      auto tileAt = [&](Value r, Value c) {
        SmallVector<Value> indices{s.wave};
        if (s.slots > 1)
          indices.push_back(slot);
        indices.append({r, c});
        return indices;
      };
      Value ldC = i32(loc, shape.n);
      Value frag = cuda::WmmaLoadMatrixSyncOp::create(
          b, loc, fragC, s.c, tileAt(row, col), ldC,
          cuda::MemLayoutAttr::get(ctx, cuda::MemLayout::mem_row_major));
      for (int64_t k0 = 0; k0 < kPadded; k0 += kTile) {
        Value k = idx(loc, k0);
        Value fa = cuda::WmmaLoadMatrixSyncOp::create(
            b, loc, fragA, s.a, tileAt(row, k), i32(loc, kPadded),
            cuda::MemLayoutAttr());
        Value fb = cuda::WmmaLoadMatrixSyncOp::create(
            b, loc, fragB, s.b, tileAt(k, col), i32(loc, shape.n),
            cuda::MemLayoutAttr());
        frag = cuda::WmmaMmaSyncOp::create(b, loc, fragC, fa, fb, frag,
                                           /*satf=*/UnitAttr());
      }
      cuda::WmmaStoreMatrixSyncOp::create(b, loc, frag, s.c, tileAt(row, col),
                                          ldC, cuda::MemLayout::mem_row_major);
    };
    // Warp `lane / 32` of the wavefront takes the tiles t = warp (mod 2) of
    // the group's tiles: a warp-uniform condition, so whole warps run the
    // wmma ops.
    Value warp = divC(loc, s.lane, kWarp);
    if (tiles == 1) {
      Value first = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq,
                                          warp, i32(loc, 0));
      auto ifOp = scf::IfOp::create(b, loc, first, /*withElse=*/false);
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      emitTile(idx(loc, 0), idx(loc, 0), idx(loc, 0));
    } else {
      auto loop = scf::ForOp::create(b, loc, warp, i32(loc, tiles),
                                     i32(loc, kWave / kWarp));
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(loop.getBody());
      Value t = loop.getInductionVar();
      Value slot = toIndex(loc, divC(loc, t, tilesPerOp));
      Value tile = tilesPerOp == 1 ? Value() : remC(loc, t, tilesPerOp);
      Value row = tile ? toIndex(loc, mulC(loc, divC(loc, tile, tilesN), kTile))
                       : idx(loc, 0);
      Value col = tile ? toIndex(loc, mulC(loc, remC(loc, tile, tilesN), kTile))
                       : idx(loc, 0);
      emitTile(slot, row, col);
    }
    cuda::SyncThreadsOp::create(b, loc);
    for (int64_t slot = 0; slot < (int64_t)group.size(); ++slot) {
      hip::MfmaOp op = group[slot];
      Value c = op.getC();
      Value result = c;
      for (int64_t item = 0; item < shape.accLen; ++item) {
        Value d = memref::LoadOp::create(b, loc, s.c,
                                         at(slot, rowOf(loc, item), s.colB));
        result = isa<VectorType>(c.getType())
                     ? Value(vector::InsertOp::create(b, loc, d, result, item))
                     : d;
      }
      results.push_back(result);
    }
  } else {
    // d[item] = C[row][col] + sum_k A[row][k] B[k][col], one FMA per k.
    for (int64_t slot = 0; slot < (int64_t)group.size(); ++slot) {
      hip::MfmaOp op = group[slot];
      Value c = op.getC();
      op.emitRemark()
          << "no exact fp"
          << getElementTypeOrSelf(c.getType()).getIntOrFloatBitWidth()
          << " tensor-core instruction; computed with scalar FMAs";
      Value result = c;
      for (int64_t item = 0; item < shape.accLen; ++item) {
        Value row = rowOf(loc, item);
        auto loop =
            scf::ForOp::create(b, loc, idx(loc, 0), idx(loc, shape.k),
                               idx(loc, 1), ValueRange{extract(loc, c, item)});
        {
          OpBuilder::InsertionGuard guard(b);
          b.setInsertionPointToStart(loop.getBody());
          Value k = loop.getInductionVar();
          Value x = memref::LoadOp::create(b, loc, s.a, at(slot, row, k));
          Value y = memref::LoadOp::create(b, loc, s.b, at(slot, k, s.colB));
          Value sum =
              math::FmaOp::create(b, loc, x, y, loop.getRegionIterArgs()[0]);
          scf::YieldOp::create(b, loc, sum);
        }
        Value d = loop.getResult(0);
        result = isa<VectorType>(c.getType())
                     ? Value(vector::InsertOp::create(b, loc, d, result, item))
                     : d;
      }
      results.push_back(result);
    }
    // The scratch is overwritten by the next mfma.
    cuda::SyncThreadsOp::create(b, loc);
  }
  for (auto [op, result] : llvm::zip(group, results))
    hip::MfmaOp(op).getResult().replaceAllUsesWith(result);
  // The stores of earlier members' results that the group moved past.
  for (Operation *op : sunk)
    op->moveBefore(last);
  for (hip::MfmaOp op : group)
    op->erase();
}

/// Splits the mfmas of `kernel` into groups that share one exchange: runs
/// of the same kind in one block, where what lies between two members only
/// computes (no side effects), loads, or stores an earlier member's result
/// into a private array (`memref.alloca`) that nothing else between
/// touches; such stores (`sunk`) move after the group. The later members'
/// operands then cannot depend on the earlier members' results.
struct MfmaGroup {
  SmallVector<hip::MfmaOp> ops;
  SmallVector<Operation *> sunk;
};

SmallVector<MfmaGroup> groupMfmas(ArrayRef<hip::MfmaOp> ops, int64_t maxGroup) {
  SmallVector<MfmaGroup> groups;
  for (hip::MfmaOp op : ops) {
    if (!groups.empty()) {
      MfmaGroup &group = groups.back();
      hip::MfmaOp prev = group.ops.back();
      if (prev->getBlock() == op->getBlock() &&
          prev.getKind() == op.getKind() &&
          (int64_t)group.ops.size() < maxGroup && prev->isBeforeInBlock(op)) {
        llvm::DenseSet<Value> results;
        for (hip::MfmaOp member : group.ops)
          results.insert(member.getResult());
        llvm::DenseSet<Value> sunkBuffers;
        for (Operation *store : group.sunk)
          sunkBuffers.insert(cast<memref::StoreOp>(store).getMemref());
        SmallVector<Operation *> sunk;
        bool ok = true;
        for (Operation *between = prev->getNextNode(); ok && between != op;
             between = between->getNextNode()) {
          auto usesResult = [&](Operation *user) {
            return llvm::any_of(user->getOperands(),
                                [&](Value v) { return results.contains(v); });
          };
          if (auto store = dyn_cast<memref::StoreOp>(between)) {
            ok = results.contains(store.getValue()) &&
                 store.getMemref().getDefiningOp<memref::AllocaOp>() &&
                 !sunkBuffers.contains(store.getMemref()) &&
                 llvm::none_of(store.getIndices(),
                               [&](Value v) { return results.contains(v); });
            if (ok) {
              sunk.push_back(store);
              sunkBuffers.insert(store.getMemref());
            }
          } else if (auto load = dyn_cast<memref::LoadOp>(between)) {
            ok = !sunkBuffers.contains(load.getMemref()) && !usesResult(load);
          } else {
            ok = between->getNumRegions() == 0 && isMemoryEffectFree(between) &&
                 !usesResult(between) &&
                 !isa<hip::HipDialect>(between->getDialect());
          }
        }
        // The results may only be used by the sunk stores and after `op`.
        for (Value result : results)
          for (Operation *user : result.getUsers())
            if (user->getBlock() == op->getBlock() &&
                user->isBeforeInBlock(op) && !llvm::is_contained(sunk, user) &&
                !llvm::is_contained(group.sunk, user))
              ok = false;
        if (ok) {
          group.ops.push_back(op);
          group.sunk.append(sunk);
          continue;
        }
      }
    }
    groups.push_back(MfmaGroup{{op}, {}});
  }
  return groups;
}

} // namespace

LogicalResult xpiler::checkMfmaToCuda(ModuleOp module, int64_t waveSize) {
  bool ok = true;
  llvm::DenseMap<Operation *, std::unique_ptr<Varying>> analyses;
  module.walk([&](hip::MfmaOp op) {
    auto fail = [&]() -> InFlightDiagnostic {
      ok = false;
      return op->emitError() << "'hip.mfma' cannot be translated to CUDA";
    };
    std::optional<MfmaShape> shape = getMfmaShape(op.getKind());
    if (!shape) {
      fail() << ": mfma kind '" << hip::stringifyMfmaKind(op.getKind())
             << "' is not translated (only single-block f16, f32, xf32 and "
                "f64 kinds are)";
      return;
    }
    if (op.getCbsz() != 0 || op.getAbid() != 0 || op.getBlgp() != 0) {
      fail() << ": mfma with cbsz/abid/blgp modifiers is not translated";
      return;
    }
    if (waveSize != kWave) {
      fail() << ": mfma needs 64-lane wavefronts, the source architecture "
                "has "
             << waveSize;
      return;
    }
    auto func = op->getParentOfType<func::FuncOp>();
    if (!func || !func->hasAttr("hip.kernel")) {
      fail() << ": mfma outside a kernel (the translation adds block "
                "barriers, which a device function cannot prove uniform)";
      return;
    }
    std::string why;
    if (failed(getMaxBlockThreads(func, module, why))) {
      fail() << ": " << why;
      return;
    }
    std::unique_ptr<Varying> &varying = analyses[func];
    if (!varying)
      varying = std::make_unique<Varying>(func);
    if (Operation *parent = varying->getDivergentParent(op, func)) {
      InFlightDiagnostic diag =
          fail() << ": mfma in thread-dependent control flow (the "
                    "translation needs __syncthreads() around it)";
      diag.attachNote(parent->getLoc())
          << "this '" << parent->getName()
          << "' may branch differently in the threads of a block";
    }
  });
  return success(ok);
}

void xpiler::lowerMfmaToCuda(ModuleOp module) {
  for (auto kernel : module.getOps<func::FuncOp>()) {
    SmallVector<hip::MfmaOp> ops;
    kernel.walk([&](hip::MfmaOp op) { ops.push_back(op); });
    if (ops.empty())
      continue;
    std::string why;
    int64_t threads = *getMaxBlockThreads(kernel, module, why);
    MfmaRewriter rewriter(kernel, threads / kWave);
    SmallVector<MfmaGroup> groups = groupMfmas(ops, kMaxGroup);
    for (const MfmaGroup &group : groups) {
      int64_t &most = rewriter.slots[static_cast<uint32_t>(
          hip::MfmaOp(group.ops.front()).getKind())];
      most = std::max<int64_t>(most, group.ops.size());
    }
    for (const MfmaGroup &group : groups)
      rewriter.rewrite(group.ops, group.sunk);
  }
}
