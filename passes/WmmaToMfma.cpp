//===- WmmaToMfma.cpp - CUDA wmma fragments as HIP mfma code --------------===//
//
// Maps `cuda.wmma.*` (nvcuda::wmma) to per-lane code around
// `__builtin_amdgcn_mfma_f32_16x16x16{f16,bf16_1k}` for `cuda-convert-to-hip`.
//
// Warps and wavefronts. After the conversion a CUDA warp is half of a
// 64-lane wavefront: lanes 32h .. 32h + 31 of the wavefront are the warp's
// lanes 0 .. 31. A wmma op is collective over the 32 lanes of one warp; an
// mfma over the 64 lanes of the wavefront. Each mma_sync runs two mfma per
// wavefront, one for the product of each warp, so every mma_sync must be
// reached by both warps of a wavefront together (checked: the blocks of
// every launch have a multiple of 64 threads, and no control flow that may
// differ between threads surrounds it). The other wmma ops become
// lane-local code and need neither.
//
// Fragment layout. CUDA leaves the distribution of a fragment over its
// warp's lanes unspecified, so any layout is legal; this one makes loads and
// stores lane-local. mfma_f32_16x16x16f16 lane L (0..63) holds A[L % 16]
// [4 (L / 16) + i], B[4 (L / 16) + i][L % 16] and D[4 (L / 16) + i][L % 16],
// i < 4. Lane l (0..31) of a warp holds, in element e (0..7) of its
// registers (a vector<8xT>), item e % 4 of mfma lane l + 32 (e / 4):
//   A: row l % 16, column 4 (l / 16) + 8 (e / 4) + e % 4;
//   B: row 4 (l / 16) + 8 (e / 4) + e % 4, column l % 16;
//   C/D: row 4 (l / 16) + 8 (e / 4) + e % 4, column l % 16.
// fill_fragment is a broadcast, load_matrix_sync/store_matrix_sync are 8
// loads/stores per lane at those positions (for row- or column-major
// memory), x[i] is element i of the vector.
//
// mma_sync. The mfma for warp p's product wants, in wavefront lane L, the
// items of mfma lane L, which warp p's lane L % 32 holds in elements
// 4 (L / 32) + i. Lanes of warp p with L < 32 (p = 0) or L >= 32 (p = 1)
// already hold theirs; the other half reads them from lane L ^ 32. One
// `__shfl_xor(v, 32, 64)` per item serves both products: every lane sends
// the item the other half needs (its element i when it is in the upper
// half, element 4 + i in the lower). After the two mfma, warp p's lanes
// take the result items of mfma lanes l and l + 32 the same way. Per
// mma_sync: 4 shuffles each for A, B, C and D (16; f16 and bf16 travel as
// f32, exactly), 2 mfma, and selects.
//
//===----------------------------------------------------------------------===//

#include "WmmaToMfma.h"

#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Support/Language.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler;

/// Lanes of a wavefront with mfma, and of a CUDA warp.
static constexpr int64_t kWaveSize = 64;
static constexpr int64_t kWarpSize = 32;
/// Registers per lane of a 16x16x16 fragment (every use), and items per
/// mfma lane of f32_16x16x16{f16,bf16_1k}.
static constexpr int64_t kFragmentElements = 8;
static constexpr int64_t kMfmaItems = 4;

/// Position of element `e` of a lane's registers along K (A, B) or along the
/// rows (C, D), past the lane's first one (4 (l / 16)).
static int64_t elementOffset(int64_t e) { return 8 * (e / 4) + e % 4; }

bool xpiler::isWmmaOp(Operation *op) {
  return isa<cuda::WmmaFillFragmentOp, cuda::WmmaLoadMatrixSyncOp,
             cuda::WmmaMmaSyncOp, cuda::WmmaStoreMatrixSyncOp,
             cuda::WmmaFragmentExtractOp, cuda::WmmaFragmentInsertOp,
             cuda::WmmaNumElementsOp>(op);
}

/// Whether `type` is a fragment the mapping supports: 16x16x16, f16 or bf16
/// multiplicands, f32 accumulators (f16 ones for f16 products too).
static bool isSupportedFragment(cuda::FragmentType type) {
  if (!type.hasShape(16, 16, 16))
    return false;
  Type element = type.getElementType();
  if (type.getUse() == cuda::FragmentUse::accumulator)
    return element.isF32() || element.isF16();
  return element.isF16() || element.isBF16();
}

Type xpiler::getMfmaFragmentType(Type type) {
  auto fragment = dyn_cast<cuda::FragmentType>(type);
  if (!fragment || !isSupportedFragment(fragment))
    return {};
  return VectorType::get({kFragmentElements}, fragment.getStorageType());
}

//===----------------------------------------------------------------------===//
// Checks
//===----------------------------------------------------------------------===//

namespace {

/// The values of a kernel that may differ between the threads of a block:
/// those computed from threadIdx, from memory, from calls or warp-level
/// ops, and the results of control flow whose condition is such a value.
/// Everything else (constants, kernel arguments, blockIdx, blockDim ...)
/// is the same for every thread.
class ThreadVariance {
public:
  explicit ThreadVariance(func::FuncOp func) {
    bool changed = true;
    while (changed) {
      changed = false;
      func.walk([&](Operation *op) {
        if (op != func.getOperation())
          changed |= visit(op);
      });
    }
  }

  bool isVariant(Value value) const { return variant.contains(value); }
  bool anyVariant(ValueRange values) const {
    return llvm::any_of(values, [&](Value v) { return isVariant(v); });
  }

private:
  bool mark(Value value) { return variant.insert(value).second; }
  bool markAll(ValueRange values) {
    bool changed = false;
    for (Value v : values)
      changed |= mark(v);
    return changed;
  }

  /// Whether `op` (without regions) produces thread-dependent values
  /// whatever its operands.
  static bool isVariantSource(Operation *op) {
    if (isa<cuda::BlockIdxOp, cuda::BlockDimOp, cuda::GridDimOp,
            cuda::WarpSizeOp, cuda::WmmaNumElementsOp>(op))
      return false;
    if (isa<cuda::CudaDialect>(op->getDialect()) || isa<CallOpInterface>(op))
      return true;
    return !isMemoryEffectFree(op);
  }

  bool visit(Operation *op) {
    bool changed = false;
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      bool control = isVariant(ifOp.getCondition());
      for (auto [i, result] : llvm::enumerate(ifOp.getResults())) {
        bool v = control;
        for (Region *region : {&ifOp.getThenRegion(), &ifOp.getElseRegion()})
          if (!region->empty())
            v |= isVariant(region->front().getTerminator()->getOperand(i));
        if (v)
          changed |= mark(result);
      }
      return changed;
    }
    if (auto forOp = dyn_cast<scf::ForOp>(op)) {
      bool control = isVariant(forOp.getLowerBound()) ||
                     isVariant(forOp.getUpperBound()) ||
                     isVariant(forOp.getStep());
      if (control)
        changed |= mark(forOp.getInductionVar());
      auto yield = cast<scf::YieldOp>(forOp.getBody()->getTerminator());
      for (auto [i, result] : llvm::enumerate(forOp.getResults())) {
        if (control || isVariant(forOp.getInitArgs()[i]) ||
            isVariant(yield.getOperand(i))) {
          changed |= mark(result);
          changed |= mark(forOp.getRegionIterArgs()[i]);
        }
      }
      return changed;
    }
    if (auto whileOp = dyn_cast<scf::WhileOp>(op)) {
      scf::ConditionOp condition = whileOp.getConditionOp();
      scf::YieldOp yield = whileOp.getYieldOp();
      for (auto [i, arg] : llvm::enumerate(whileOp.getBeforeArguments()))
        if (isVariant(whileOp.getInits()[i]) || isVariant(yield.getOperand(i)))
          changed |= mark(arg);
      bool control = isVariant(condition.getCondition());
      for (auto [i, arg] : llvm::enumerate(whileOp.getAfterArguments())) {
        bool v = isVariant(condition.getArgs()[i]);
        if (v)
          changed |= mark(arg);
        if (v || control)
          changed |= mark(whileOp.getResult(i));
      }
      return changed;
    }
    if (op->getNumRegions() != 0) {
      // Unknown control flow: everything it defines may differ.
      changed |= markAll(op->getResults());
      for (Region &region : op->getRegions())
        for (Block &block : region)
          changed |= markAll(block.getArguments());
      return changed;
    }
    if (isVariantSource(op) || anyVariant(op->getOperands()))
      changed |= markAll(op->getResults());
    return changed;
  }

  DenseSet<Value> variant;
};

/// The block sizes (x, y, z) of every launch of kernel `name` in `module`,
/// std::nullopt for a launch whose block size is not constant.
SmallVector<std::pair<cuda::LaunchOp, std::optional<SmallVector<int64_t>>>>
getLaunchBlocks(ModuleOp module, StringRef name) {
  SmallVector<std::pair<cuda::LaunchOp, std::optional<SmallVector<int64_t>>>>
      launches;
  module.walk([&](cuda::LaunchOp launch) {
    if (launch.getKernel() != name)
      return;
    SmallVector<int64_t> sizes;
    for (Value size :
         {launch.getBlockX(), launch.getBlockY(), launch.getBlockZ()}) {
      APInt value;
      if (!matchPattern(size, m_ConstantInt(&value))) {
        launches.push_back({launch, std::nullopt});
        return;
      }
      sizes.push_back(value.getSExtValue());
    }
    launches.push_back({launch, sizes});
  });
  return launches;
}

/// The AMD targets with f32_16x16x16f16 (gfx908 and later CDNA) and those
/// with f32_16x16x16bf16_1k (gfx90a and later).
bool hasMfmaF16(StringRef arch) {
  return llvm::is_contained(
      {"gfx908", "gfx90a", "gfx940", "gfx941", "gfx942", "gfx950"}, arch);
}
bool hasMfmaBf16(StringRef arch) {
  return hasMfmaF16(arch) && arch != "gfx908";
}

/// Checks that the tile of a load/store on `memref` with leading dimension
/// `ldm` can be addressed element by element: a unit-stride 1-D buffer, or
/// a leading dimension that is the row stride of the last two dimensions
/// (a constant), the last one contiguous.
LogicalResult checkTileAddressing(Operation *op, Value memref, Value ldm) {
  auto type = cast<MemRefType>(memref.getType());
  SmallVector<int64_t> strides;
  int64_t offset;
  bool strided = succeeded(type.getStridesAndOffset(strides, offset));
  if (strided && !strides.empty() && strides.back() == 1) {
    if (type.getRank() == 1)
      return success();
    APInt value;
    int64_t rowStride = strides[strides.size() - 2];
    if (!ShapedType::isDynamic(rowStride) &&
        matchPattern(ldm, m_ConstantInt(&value)) &&
        value.getSExtValue() == rowStride)
      return success();
  }
  return op->emitError()
         << "cannot address the wmma tile in " << type
         << " element by element for mfma: the leading dimension must be a "
            "constant equal to the row stride of the last two dimensions, "
            "or the buffer one-dimensional and contiguous";
}

/// The fragment types an op works on.
SmallVector<cuda::FragmentType> getFragmentTypes(Operation *op) {
  SmallVector<cuda::FragmentType> types;
  auto add = [&](Type type) {
    if (auto fragment = dyn_cast<cuda::FragmentType>(type))
      types.push_back(fragment);
  };
  for (Type type : op->getOperandTypes())
    add(type);
  for (Type type : op->getResultTypes())
    add(type);
  if (auto count = dyn_cast<cuda::WmmaNumElementsOp>(op))
    add(count.getFragment());
  return types;
}

/// Checks what one wmma op needs, apart from the kernel-wide conditions.
LogicalResult checkWmmaOp(Operation *op, StringRef arch) {
  for (cuda::FragmentType type : getFragmentTypes(op)) {
    if (!isSupportedFragment(type))
      return op->emitError()
             << "wmma fragment " << type
             << " has no mfma mapping: only 16x16x16 fragments with f16 or "
                "bf16 multiplicands and an f32 (or, for f16, f16) "
                "accumulator are translated";
    if (type.getElementType().isBF16() && !hasMfmaBf16(arch))
      return op->emitError()
             << "bf16 wmma fragments need f32_16x16x16bf16_1k, which " << arch
             << " lacks (gfx90a and later have it)";
    // CUDA's f16 matrix_a/matrix_b hold 16 elements per lane (every matrix
    // element twice); the mfma registers hold 8.
    bool elementAccess =
        isa<cuda::WmmaFragmentExtractOp, cuda::WmmaFragmentInsertOp,
            cuda::WmmaNumElementsOp>(op);
    if (elementAccess && type.getUse() != cuda::FragmentUse::accumulator &&
        type.getElementType().isF16())
      return op->emitError()
             << "per-lane elements of f16 matrix_a/matrix_b fragments (16 "
                "per lane in CUDA, each matrix element held twice) have no "
                "mfma counterpart; only accumulator and bf16 fragment "
                "elements are translated";
  }
  if (auto mma = dyn_cast<cuda::WmmaMmaSyncOp>(op); mma && mma.getSatf())
    return op->emitError() << "mma_sync with satf has no mfma counterpart";
  if (auto load = dyn_cast<cuda::WmmaLoadMatrixSyncOp>(op))
    return checkTileAddressing(op, load.getMemref(), load.getLdm());
  if (auto store = dyn_cast<cuda::WmmaStoreMatrixSyncOp>(op))
    return checkTileAddressing(op, store.getMemref(), store.getLdm());
  return success();
}

/// Checks that every thread of a block reaches `op` together: every
/// enclosing scf.if/scf.for/scf.while is controlled by values that are the
/// same for all threads.
LogicalResult checkUniformControl(Operation *op, func::FuncOp func,
                                  const ThreadVariance &variance) {
  for (Operation *parent = op->getParentOp(); parent != func.getOperation();
       parent = parent->getParentOp()) {
    bool variant = false;
    if (auto ifOp = dyn_cast<scf::IfOp>(parent))
      variant = variance.isVariant(ifOp.getCondition());
    else if (auto forOp = dyn_cast<scf::ForOp>(parent))
      variant = variance.isVariant(forOp.getLowerBound()) ||
                variance.isVariant(forOp.getUpperBound()) ||
                variance.isVariant(forOp.getStep());
    else if (auto whileOp = dyn_cast<scf::WhileOp>(parent))
      variant = variance.isVariant(whileOp.getConditionOp().getCondition());
    else
      return op->emitError()
             << "mma_sync inside '" << parent->getName()
             << "' is not translated to mfma (only scf.if, scf.for and "
                "scf.while are checked for thread-independent control)";
    if (variant) {
      InFlightDiagnostic diag =
          op->emitError()
          << "mma_sync under control flow that may differ between the "
             "threads of a block is not translated to mfma: an mfma needs "
             "all 64 lanes of the wavefront, that is both CUDA warps of it";
      diag.attachNote(parent->getLoc())
          << "this '" << parent->getName()
          << "' depends on the thread (threadIdx, memory or a warp-level "
             "value)";
      return diag;
    }
  }
  return success();
}

/// Checks that every launch of `kernel` has blocks of a multiple of 64
/// threads, reporting at `op` (the kernel's first mma_sync).
LogicalResult checkLaunches(ModuleOp module, func::FuncOp kernel,
                            Operation *op) {
  auto launches = getLaunchBlocks(module, kernel.getSymName());
  auto error = [&]() {
    return op->emitError()
           << "mma_sync maps to mfma only if every launch of @"
           << kernel.getSymName()
           << " has a block of a multiple of 64 threads (both CUDA warps of "
              "each 64-lane wavefront)";
  };
  if (launches.empty()) {
    InFlightDiagnostic diag = error();
    diag.attachNote(kernel.getLoc())
        << "no launch in this module fixes the block size of @"
        << kernel.getSymName();
    return diag;
  }
  for (auto &[launch, sizes] : launches) {
    if (!sizes) {
      InFlightDiagnostic diag = error();
      diag.attachNote(launch.getLoc())
          << "launched here with a block size that is not a constant";
      return diag;
    }
    int64_t threads = (*sizes)[0] * (*sizes)[1] * (*sizes)[2];
    if (threads % kWaveSize != 0) {
      InFlightDiagnostic diag = error();
      diag.attachNote(launch.getLoc())
          << "launched here with a block of " << threads << " threads";
      return diag;
    }
  }
  return success();
}

} // namespace

LogicalResult xpiler::checkWmmaToMfma(ModuleOp module,
                                      ArrayRef<Operation *> wmmaOps,
                                      StringRef arch) {
  if (wmmaOps.empty())
    return success();
  if (getAmdWavefrontSize(arch) != kWaveSize || !hasMfmaF16(arch)) {
    wmmaOps.front()->emitError()
        << "wmma fragments map to mfma only on CDNA targets with 64-lane "
           "wavefronts (gfx908, gfx90a, gfx940-gfx942, gfx950), not '"
        << arch << "'";
    return failure();
  }
  bool ok = true;
  // Per kernel: its control-flow analysis and whether its launches passed.
  llvm::MapVector<func::FuncOp, std::unique_ptr<ThreadVariance>> kernels;
  for (Operation *op : wmmaOps) {
    if (failed(checkWmmaOp(op, arch))) {
      ok = false;
      continue;
    }
    // Fills, loads, stores and element accesses are lane-local here; only
    // mma_sync exchanges values between lanes and needs the wavefront.
    if (!isa<cuda::WmmaMmaSyncOp>(op))
      continue;
    auto func = op->getParentOfType<func::FuncOp>();
    if (!func || !func->hasAttr("cuda.kernel")) {
      op->emitError() << "mma_sync in a device function is not translated "
                         "to mfma: only in kernels, whose launches and "
                         "control flow are checked";
      ok = false;
      continue;
    }
    if (!func.getBody().hasOneBlock()) {
      op->emitError() << "mma_sync in a kernel with unstructured control "
                         "flow is not translated to mfma";
      ok = false;
      continue;
    }
    auto [it, inserted] = kernels.try_emplace(func, nullptr);
    if (inserted) {
      if (failed(checkLaunches(module, func, op))) {
        ok = false;
        continue;
      }
      it->second = std::make_unique<ThreadVariance>(func);
    }
    if (!it->second) // its launches were reported
      continue;
    if (failed(checkUniformControl(op, func, *it->second)))
      ok = false;
  }
  return success(ok);
}

//===----------------------------------------------------------------------===//
// Lowering
//===----------------------------------------------------------------------===//

namespace {

/// Values of a kernel's lane, computed once at its entry: the lane's row or
/// column in a 16x16 tile (l % 16), its first K/row position 4 (l / 16) (both
/// index), and whether it is in the upper half of its wavefront (i1).
struct LaneValues {
  Value lane16, k4, upper;
};

class WmmaLowering {
public:
  explicit WmmaLowering(MLIRContext *context) : rewriter(context) {}

  void lower(Operation *op);

private:
  LaneValues &getLaneValues(func::FuncOp kernel);
  Value constIndex(Location loc, int64_t value) {
    return arith::ConstantIndexOp::create(rewriter, loc, value);
  }
  Value constI32(Location loc, int64_t value) {
    return arith::ConstantIntOp::create(rewriter, loc, value, 32);
  }
  /// `fragment` as its registers (a bridge cast, see lowerWmmaToMfma).
  Value toRegisters(Value fragment);
  /// Replaces `op`'s fragment result by `registers`.
  void replaceFragment(Operation *op, Value registers);
  /// The indices of the elements 0..7 of this lane's part of a `use`
  /// fragment in the tile at `memref[indices]` with leading dimension
  /// `ldm`, stored row- or column-major.
  SmallVector<SmallVector<Value>>
  getElementIndices(Location loc, cuda::FragmentUse use, const LaneValues &lane,
                    ValueRange indices, Value ldm, bool colMajor);
  /// `value` of the lane in the other half of the wavefront (lane ^ 32).
  Value fromOtherHalf(Location loc, Value value);

  void lowerLoad(cuda::WmmaLoadMatrixSyncOp load);
  void lowerStore(cuda::WmmaStoreMatrixSyncOp store);
  void lowerMma(cuda::WmmaMmaSyncOp mma);

  IRRewriter rewriter;
  DenseMap<Operation *, LaneValues> laneValues;
};

} // namespace

LaneValues &WmmaLowering::getLaneValues(func::FuncOp kernel) {
  auto it = laneValues.find(kernel);
  if (it != laneValues.end())
    return it->second;
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPointToStart(&kernel.getBody().front());
  Location loc = kernel.getLoc();
  Type i32 = rewriter.getI32Type();
  auto dim = [&](auto tag, hip::Dim d) -> Value {
    using OpT = decltype(tag);
    return OpT::create(rewriter, loc, i32, d);
  };
  // The thread's linear index in its block: threadIdx.x when every launch
  // has a one-dimensional block.
  auto module = kernel->getParentOfType<ModuleOp>();
  auto launches = getLaunchBlocks(module, kernel.getSymName());
  bool oneDimensional = kernel->hasAttr("cuda.kernel") && !launches.empty();
  for (auto &[launch, sizes] : launches)
    oneDimensional &= sizes && (*sizes)[1] == 1 && (*sizes)[2] == 1;
  // Names for the emitted source (the emitters read them from NameLocs).
  auto named = [&](StringRef name) {
    return NameLoc::get(rewriter.getStringAttr(name), loc);
  };
  Value linear = dim(hip::ThreadIdxOp(), hip::Dim::x);
  if (!oneDimensional) {
    Value y = dim(hip::ThreadIdxOp(), hip::Dim::y);
    Value z = dim(hip::ThreadIdxOp(), hip::Dim::z);
    Value dx = dim(hip::BlockDimOp(), hip::Dim::x);
    Value dy = dim(hip::BlockDimOp(), hip::Dim::y);
    linear = arith::AddIOp::create(
        rewriter, named("thread_in_block"), linear,
        arith::MulIOp::create(
            rewriter, loc, dx,
            arith::AddIOp::create(
                rewriter, loc, y,
                arith::MulIOp::create(rewriter, loc, dy, z))));
  }
  Value lane16 =
      arith::RemSIOp::create(rewriter, loc, linear, constI32(loc, 16));
  Value warpLane =
      arith::RemSIOp::create(rewriter, loc, linear, constI32(loc, kWarpSize));
  Value k4 = arith::MulIOp::create(
      rewriter, loc,
      arith::DivSIOp::create(rewriter, loc, warpLane, constI32(loc, 16)),
      constI32(loc, 4));
  Value waveLane =
      arith::RemSIOp::create(rewriter, loc, linear, constI32(loc, kWaveSize));
  Value upper = arith::CmpIOp::create(rewriter, named("upper_half"),
                                      arith::CmpIPredicate::sge, waveLane,
                                      constI32(loc, kWarpSize));
  Type index = rewriter.getIndexType();
  LaneValues values{
      arith::IndexCastOp::create(rewriter, named("lane16"), index, lane16),
      arith::IndexCastOp::create(rewriter, named("k4"), index, k4), upper};
  return laneValues.try_emplace(kernel, values).first->second;
}

Value WmmaLowering::toRegisters(Value fragment) {
  Type type = getMfmaFragmentType(fragment.getType());
  assert(type && "checked fragment type");
  return UnrealizedConversionCastOp::create(rewriter, fragment.getLoc(), type,
                                            fragment)
      .getResult(0);
}

void WmmaLowering::replaceFragment(Operation *op, Value registers) {
  Value result = op->getResult(0);
  Value bridge = UnrealizedConversionCastOp::create(rewriter, op->getLoc(),
                                                    result.getType(), registers)
                     .getResult(0);
  rewriter.replaceOp(op, bridge);
}

SmallVector<SmallVector<Value>>
WmmaLowering::getElementIndices(Location loc, cuda::FragmentUse use,
                                const LaneValues &lane, ValueRange indices,
                                Value ldm, bool colMajor) {
  auto add = [&](Value a, Value b) -> Value {
    return rewriter.createOrFold<arith::AddIOp>(loc, a, b);
  };
  auto mul = [&](Value a, Value b) -> Value {
    return rewriter.createOrFold<arith::MulIOp>(loc, a, b);
  };
  // The lane's first element (row0, col0): A holds a row (l % 16) and
  // steps along K; B, C and D hold a column (l % 16) and step along K or
  // the rows.
  bool isA = use == cuda::FragmentUse::matrix_a;
  Value row0 = isA ? lane.lane16 : lane.k4;
  Value col0 = isA ? lane.k4 : lane.lane16;
  // In memory a row-major tile is rows of `ldm` elements: (major, minor) =
  // (row, col); column-major swaps them.
  Value major0 = colMajor ? col0 : row0;
  Value minor0 = colMajor ? row0 : col0;
  bool stepsMajor = isA == colMajor;
  SmallVector<Value> base(indices.begin(), indices.end());
  int64_t rank = base.size();
  Value stride;
  if (rank >= 2) {
    // The leading dimension is the row stride (checked).
    base[rank - 2] = add(base[rank - 2], major0);
    base[rank - 1] = add(base[rank - 1], minor0);
  } else {
    stride = rewriter.createOrFold<arith::IndexCastOp>(
        loc, rewriter.getIndexType(), ldm);
    base[0] = add(base[0], add(mul(major0, stride), minor0));
  }
  SmallVector<SmallVector<Value>> result;
  for (int64_t e = 0; e < kFragmentElements; ++e) {
    SmallVector<Value> at(base);
    if (int64_t step = elementOffset(e)) {
      Value offset = constIndex(loc, step);
      if (rank >= 2) {
        Value &index = at[rank - (stepsMajor ? 2 : 1)];
        index = add(index, offset);
      } else {
        at[0] = add(at[0], stepsMajor ? mul(offset, stride) : offset);
      }
    }
    result.push_back(at);
  }
  return result;
}

Value WmmaLowering::fromOtherHalf(Location loc, Value value) {
  Type type = value.getType();
  Value bits = value;
  // HIP's shuffles have no f16/bf16 overloads: such values travel as f32.
  if (type.isF16() || type.isBF16())
    bits = arith::ExtFOp::create(rewriter, loc, rewriter.getF32Type(), value);
  Value result = hip::ShflOp::create(
      rewriter, loc, bits.getType(), hip::ShuffleKind::Xor, bits,
      constI32(loc, kWarpSize), constI32(loc, kWaveSize), Value());
  if (bits != value)
    result = arith::TruncFOp::create(rewriter, loc, type, result);
  return result;
}

void WmmaLowering::lowerLoad(cuda::WmmaLoadMatrixSyncOp load) {
  Location loc = load.getLoc();
  auto type = cast<cuda::FragmentType>(load.getType());
  const LaneValues &lane = getLaneValues(load->getParentOfType<func::FuncOp>());
  bool colMajor = type.getUse() == cuda::FragmentUse::accumulator
                      ? load.getLayout() == cuda::MemLayout::mem_col_major
                      : type.getLayout() == cuda::FragmentLayout::col_major;
  SmallVector<Value> elements;
  for (ArrayRef<Value> indices :
       getElementIndices(loc, type.getUse(), lane, load.getIndices(),
                         load.getLdm(), colMajor))
    elements.push_back(
        memref::LoadOp::create(rewriter, loc, load.getMemref(), indices));
  Value registers = vector::FromElementsOp::create(
      rewriter, loc, cast<VectorType>(getMfmaFragmentType(type)), elements);
  replaceFragment(load, registers);
}

void WmmaLowering::lowerStore(cuda::WmmaStoreMatrixSyncOp store) {
  Location loc = store.getLoc();
  auto type = cast<cuda::FragmentType>(store.getFragment().getType());
  const LaneValues &lane =
      getLaneValues(store->getParentOfType<func::FuncOp>());
  bool colMajor = store.getLayout() == cuda::MemLayout::mem_col_major;
  Value registers = toRegisters(store.getFragment());
  for (auto [e, indices] : llvm::enumerate(
           getElementIndices(loc, type.getUse(), lane, store.getIndices(),
                             store.getLdm(), colMajor))) {
    Value element = vector::ExtractOp::create(rewriter, loc, registers, e);
    memref::StoreOp::create(rewriter, loc, element, store.getMemref(), indices);
  }
  rewriter.eraseOp(store);
}

void WmmaLowering::lowerMma(cuda::WmmaMmaSyncOp mma) {
  Location loc = mma.getLoc();
  const LaneValues &lane = getLaneValues(mma->getParentOfType<func::FuncOp>());
  Type f32 = rewriter.getF32Type();
  auto aType = cast<cuda::FragmentType>(mma.getA().getType());
  bool bf16 = aType.getElementType().isBF16();
  hip::MfmaKind kind = bf16 ? hip::MfmaKind::f32_16x16x16bf16_1k
                            : hip::MfmaKind::f32_16x16x16f16;

  // The operands of the two products: item i of mfma lane L for warp p is
  // element 4 (L / 32) + i of warp p's lane L % 32.
  auto split = [&](Value fragment, bool widen) -> std::pair<Value, Value> {
    Value registers = toRegisters(fragment);
    SmallVector<Value> first, second;
    for (int64_t i = 0; i < kMfmaItems; ++i) {
      Value low = vector::ExtractOp::create(rewriter, loc, registers, i);
      Value high =
          vector::ExtractOp::create(rewriter, loc, registers, kMfmaItems + i);
      if (widen && !low.getType().isF32()) {
        low = arith::ExtFOp::create(rewriter, loc, f32, low);
        high = arith::ExtFOp::create(rewriter, loc, f32, high);
      }
      // What the other half needs: the lower half's high items (for warp
      // 0's product), the upper half's low items (for warp 1's).
      Value send =
          arith::SelectOp::create(rewriter, loc, lane.upper, low, high);
      Value received = fromOtherHalf(loc, send);
      first.push_back(
          arith::SelectOp::create(rewriter, loc, lane.upper, received, low));
      second.push_back(
          arith::SelectOp::create(rewriter, loc, lane.upper, high, received));
    }
    auto type = VectorType::get({kMfmaItems}, first.front().getType());
    return {vector::FromElementsOp::create(rewriter, loc, type, first),
            vector::FromElementsOp::create(rewriter, loc, type, second)};
  };
  auto [a0, a1] = split(mma.getA(), /*widen=*/false);
  auto [b0, b1] = split(mma.getB(), /*widen=*/false);
  auto [c0, c1] = split(mma.getC(), /*widen=*/true);
  auto mfma = [&](Value a, Value b, Value c) -> Value {
    return hip::MfmaOp::create(rewriter, loc, c.getType(), kind, a, b, c,
                               /*cbsz=*/0, /*abid=*/0, /*blgp=*/0);
  };
  Value d0 = mfma(a0, b0, c0);
  Value d1 = mfma(a1, b1, c1);

  // Warp p's lane l takes items of mfma lanes l (elements 0-3) and l + 32
  // (elements 4-7) of product p.
  auto dType = cast<cuda::FragmentType>(mma.getD().getType());
  Type dElement = dType.getStorageType();
  SmallVector<Value> low, high;
  for (int64_t i = 0; i < kMfmaItems; ++i) {
    Value first = vector::ExtractOp::create(rewriter, loc, d0, i);
    Value second = vector::ExtractOp::create(rewriter, loc, d1, i);
    Value send =
        arith::SelectOp::create(rewriter, loc, lane.upper, first, second);
    Value received = fromOtherHalf(loc, send);
    low.push_back(
        arith::SelectOp::create(rewriter, loc, lane.upper, received, first));
    high.push_back(
        arith::SelectOp::create(rewriter, loc, lane.upper, second, received));
  }
  SmallVector<Value> elements(low);
  elements.append(high);
  if (!dElement.isF32())
    for (Value &element : elements)
      element = arith::TruncFOp::create(rewriter, loc, dElement, element);
  Value registers = vector::FromElementsOp::create(
      rewriter, loc, cast<VectorType>(getMfmaFragmentType(dType)), elements);
  replaceFragment(mma, registers);
}

void WmmaLowering::lower(Operation *op) {
  rewriter.setInsertionPoint(op);
  Location loc = op->getLoc();
  TypeSwitch<Operation *>(op)
      .Case([&](cuda::WmmaFillFragmentOp fill) {
        auto type = cast<VectorType>(getMfmaFragmentType(fill.getType()));
        replaceFragment(fill, vector::BroadcastOp::create(rewriter, loc, type,
                                                          fill.getValue()));
      })
      .Case([&](cuda::WmmaLoadMatrixSyncOp load) { lowerLoad(load); })
      .Case([&](cuda::WmmaStoreMatrixSyncOp store) { lowerStore(store); })
      .Case([&](cuda::WmmaMmaSyncOp mma) { lowerMma(mma); })
      .Case([&](cuda::WmmaFragmentExtractOp extract) {
        Value registers = toRegisters(extract.getFragment());
        rewriter.replaceOp(extract,
                           vector::ExtractOp::create(
                               rewriter, loc, registers,
                               ArrayRef<OpFoldResult>{extract.getIndex()}));
      })
      .Case([&](cuda::WmmaFragmentInsertOp insert) {
        Value registers = toRegisters(insert.getFragment());
        replaceFragment(insert, vector::InsertOp::create(
                                    rewriter, loc, insert.getValue(), registers,
                                    ArrayRef<OpFoldResult>{insert.getIndex()}));
      })
      .Case([&](cuda::WmmaNumElementsOp count) {
        rewriter.replaceOp(count, constI32(loc, kFragmentElements));
      });
}

void xpiler::lowerWmmaToMfma(ArrayRef<Operation *> wmmaOps) {
  if (wmmaOps.empty())
    return;
  WmmaLowering lowering(wmmaOps.front()->getContext());
  for (Operation *op : wmmaOps)
    lowering.lower(op);
}

void xpiler::removeFragmentCasts(ModuleOp module) {
  SmallVector<UnrealizedConversionCastOp> casts;
  module.walk([&](UnrealizedConversionCastOp cast) {
    if (cast.getNumOperands() == 1 && cast.getNumResults() == 1 &&
        cast.getOperand(0).getType() == cast.getResult(0).getType())
      casts.push_back(cast);
  });
  for (UnrealizedConversionCastOp cast : casts) {
    cast.getResult(0).replaceAllUsesWith(cast.getOperand(0));
    cast.erase();
  }
}
