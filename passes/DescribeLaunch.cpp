//===- DescribeLaunch.cpp - host launchers as xpl launch descriptions -----===//
//
// Implements `xpl-describe-launch`: reads what a host launcher does (device
// allocations, copies in, launches, copies out) and records it as the
// target-neutral description of the `xpl` dialect: `xpl.launcher` and
// `xpl.kernel` on functions, `xpl.buffer` (direction and element count) on
// host buffer arguments and `xpl.launch_shape` on launches, every size an
// affine map of the launcher's arguments. Kernels without a launcher get a
// constant launch shape from the pass options or `__launch_bounds__`.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/InterleavedRange.h"

#include <numeric>

namespace xpiler {
#define GEN_PASS_DEF_XPLDESCRIBELAUNCH
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {
//===----------------------------------------------------------------------===//
// Integer host arithmetic as affine expressions
//===----------------------------------------------------------------------===//

/// Reads integer SSA values of a launcher as affine expressions whose symbol
/// `si` is the launcher's argument `i`. A value that cannot be read is
/// reported with the value that stopped the walk.
class AffineReader {
public:
  explicit AffineReader(func::FuncOp func)
      : func(func), numSymbols(func.getNumArguments()) {}

  /// The expression of `value`, simplified, or null; then `culprit` is the
  /// value the walk could not follow.
  AffineExpr read(Value value, Value &culprit) {
    Result result = get(value, /*depth=*/0);
    if (!result.expr) {
      culprit = result.culprit;
      return nullptr;
    }
    return simplifyAffineExpr(result.expr, 0, numSymbols);
  }

  /// `value` as the minimum of affine expressions: `arith.minsi`/`minui`
  /// and `select(a < b, a, b)` (any spelling) at the top, under casts, are
  /// read as the minimum of their operands. Empty on failure, with
  /// `culprit` set.
  SmallVector<AffineExpr> readMin(Value value, Value &culprit) {
    SmallVector<AffineExpr> terms;
    if (failed(collectMin(value, terms, culprit, /*depth=*/0)))
      return {};
    // Drop repeated terms, keeping the order.
    SmallVector<AffineExpr> unique;
    for (AffineExpr term : terms)
      if (!llvm::is_contained(unique, term))
        unique.push_back(term);
    return unique;
  }

  unsigned getNumSymbols() const { return numSymbols; }

private:
  /// The operands whose minimum `select` computes, if it is a minimum.
  static std::optional<std::pair<Value, Value>> getMinOperands(Operation *op) {
    if (isa<arith::MinSIOp, arith::MinUIOp>(op))
      return std::pair(op->getOperand(0), op->getOperand(1));
    auto select = dyn_cast<arith::SelectOp>(op);
    if (!select)
      return std::nullopt;
    auto cmp = select.getCondition().getDefiningOp<arith::CmpIOp>();
    if (!cmp)
      return std::nullopt;
    Value a = cmp.getLhs(), b = cmp.getRhs();
    Value t = select.getTrueValue(), f = select.getFalseValue();
    switch (cmp.getPredicate()) {
    case arith::CmpIPredicate::slt:
    case arith::CmpIPredicate::sle:
    case arith::CmpIPredicate::ult:
    case arith::CmpIPredicate::ule:
      // a < b ? a : b
      if (t == a && f == b)
        return std::pair(a, b);
      return std::nullopt;
    case arith::CmpIPredicate::sgt:
    case arith::CmpIPredicate::sge:
    case arith::CmpIPredicate::ugt:
    case arith::CmpIPredicate::uge:
      // a > b ? b : a
      if (t == b && f == a)
        return std::pair(a, b);
      return std::nullopt;
    default:
      return std::nullopt;
    }
  }

  LogicalResult collectMin(Value value, SmallVectorImpl<AffineExpr> &terms,
                           Value &culprit, unsigned depth) {
    Operation *op = value.getDefiningOp();
    if (op && depth < 16) {
      if (isa<arith::ExtSIOp, arith::ExtUIOp, arith::TruncIOp,
              arith::IndexCastOp, arith::IndexCastUIOp>(op))
        return collectMin(op->getOperand(0), terms, culprit, depth + 1);
      if (auto operands = getMinOperands(op))
        return success(
            succeeded(collectMin(operands->first, terms, culprit,
                                 depth + 1)) &&
            succeeded(
                collectMin(operands->second, terms, culprit, depth + 1)));
    }
    AffineExpr expr = read(value, culprit);
    if (!expr)
      return failure();
    terms.push_back(expr);
    return success();
  }

  struct Result {
    AffineExpr expr;
    Value culprit;
  };

  static Result fail(Value culprit) { return {nullptr, culprit}; }

  Result get(Value value, unsigned depth) {
    auto it = cache.find(value);
    if (it != cache.end())
      return it->second;
    Result result = compute(value, depth);
    cache[value] = result;
    return result;
  }

  /// A division-like operation: `rhs` must be a positive constant or an
  /// expression of the arguments alone (semi-affine).
  Result divide(Value lhs, Value rhs, unsigned depth, AffineExprKind kind,
                Value self) {
    Result l = get(lhs, depth + 1);
    if (!l.expr)
      return l;
    Result r = get(rhs, depth + 1);
    if (!r.expr)
      return r;
    if (auto c = dyn_cast<AffineConstantExpr>(r.expr))
      if (c.getValue() <= 0)
        return fail(self);
    switch (kind) {
    case AffineExprKind::FloorDiv:
      return {l.expr.floorDiv(r.expr), {}};
    case AffineExprKind::CeilDiv:
      return {l.expr.ceilDiv(r.expr), {}};
    case AffineExprKind::Mod:
      return {l.expr % r.expr, {}};
    default:
      llvm_unreachable("not a division");
    }
  }

  Result binary(Value lhs, Value rhs, unsigned depth,
                function_ref<AffineExpr(AffineExpr, AffineExpr)> combine) {
    Result l = get(lhs, depth + 1);
    if (!l.expr)
      return l;
    Result r = get(rhs, depth + 1);
    if (!r.expr)
      return r;
    return {combine(l.expr, r.expr), {}};
  }

  /// `2^amount` for a constant shift amount `rhs` in [0, 62].
  std::optional<int64_t> getShiftFactor(Value rhs, unsigned depth) {
    Result r = get(rhs, depth + 1);
    auto c = dyn_cast_or_null<AffineConstantExpr>(r.expr);
    if (!c || c.getValue() < 0 || c.getValue() > 62)
      return std::nullopt;
    return int64_t(1) << c.getValue();
  }

  Result compute(Value value, unsigned depth) {
    MLIRContext *context = func.getContext();
    // Host code is small; a deeper chain is not a size computation.
    if (depth > 64 || !value.getType().isIntOrIndex())
      return fail(value);
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (arg.getOwner() == &func.getBody().front())
        return {getAffineSymbolExpr(arg.getArgNumber(), context), {}};
      return fail(value);
    }
    Operation *op = value.getDefiningOp();
    if (auto constant = dyn_cast<arith::ConstantOp>(op)) {
      auto attr = dyn_cast<IntegerAttr>(constant.getValue());
      if (!attr || attr.getType().isInteger(1))
        return fail(value);
      return {getAffineConstantExpr(attr.getValue().getSExtValue(), context),
              {}};
    }
    // Casts keep the value: sizes fit their types and are not negative.
    if (isa<arith::ExtSIOp, arith::ExtUIOp, arith::TruncIOp,
            arith::IndexCastOp, arith::IndexCastUIOp>(op))
      return get(op->getOperand(0), depth + 1);
    if (isa<arith::AddIOp>(op))
      return binary(op->getOperand(0), op->getOperand(1), depth,
                    [](AffineExpr a, AffineExpr b) { return a + b; });
    if (isa<arith::SubIOp>(op))
      return binary(op->getOperand(0), op->getOperand(1), depth,
                    [](AffineExpr a, AffineExpr b) { return a - b; });
    if (isa<arith::MulIOp>(op))
      return binary(op->getOperand(0), op->getOperand(1), depth,
                    [](AffineExpr a, AffineExpr b) { return a * b; });
    if (isa<arith::DivSIOp, arith::DivUIOp, arith::FloorDivSIOp>(op))
      return divide(op->getOperand(0), op->getOperand(1), depth,
                    AffineExprKind::FloorDiv, value);
    if (isa<arith::CeilDivSIOp, arith::CeilDivUIOp>(op))
      return divide(op->getOperand(0), op->getOperand(1), depth,
                    AffineExprKind::CeilDiv, value);
    if (isa<arith::RemSIOp, arith::RemUIOp>(op))
      return divide(op->getOperand(0), op->getOperand(1), depth,
                    AffineExprKind::Mod, value);
    if (isa<arith::ShLIOp, arith::ShRUIOp, arith::ShRSIOp>(op)) {
      std::optional<int64_t> factor = getShiftFactor(op->getOperand(1), depth);
      if (!factor)
        return fail(value);
      Result l = get(op->getOperand(0), depth + 1);
      if (!l.expr)
        return l;
      if (isa<arith::ShLIOp>(op))
        return {l.expr * *factor, {}};
      return {l.expr.floorDiv(*factor), {}};
    }
    return fail(value);
  }

  func::FuncOp func;
  unsigned numSymbols;
  DenseMap<Value, Result> cache;
};

/// `expr / divisor` when it provably divides (constants, sums of multiples,
/// products with a multiple), else null.
AffineExpr divideExactly(AffineExpr expr, int64_t divisor) {
  if (divisor == 1)
    return expr;
  if (auto c = dyn_cast<AffineConstantExpr>(expr))
    return c.getValue() % divisor == 0
               ? getAffineConstantExpr(c.getValue() / divisor,
                                       expr.getContext())
               : nullptr;
  auto binary = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!binary)
    return nullptr;
  AffineExpr lhs = binary.getLHS(), rhs = binary.getRHS();
  if (expr.getKind() == AffineExprKind::Add) {
    AffineExpr l = divideExactly(lhs, divisor);
    AffineExpr r = l ? divideExactly(rhs, divisor) : nullptr;
    return r ? l + r : nullptr;
  }
  if (expr.getKind() != AffineExprKind::Mul)
    return nullptr;
  // Split the divisor between the factors: gcd(divisor, constant) from a
  // constant factor, the rest from the other.
  for (auto [a, b] : {std::pair(lhs, rhs), std::pair(rhs, lhs)}) {
    if (auto c = dyn_cast<AffineConstantExpr>(b)) {
      int64_t g = std::gcd(c.getValue(), divisor);
      if (g == 0)
        continue;
      AffineExpr rest = divideExactly(a, divisor / g);
      if (rest)
        return rest * (c.getValue() / g);
    }
  }
  if (AffineExpr l = divideExactly(lhs, divisor))
    return l * rhs;
  if (AffineExpr r = divideExactly(rhs, divisor))
    return lhs * r;
  return nullptr;
}

std::string toString(AffineExpr expr) {
  std::string text;
  llvm::raw_string_ostream os(text);
  expr.print(os);
  return text;
}

/// Bytes per element of a memref element type, if it is a plain scalar.
std::optional<int64_t> getElementBytes(Type type) {
  if (type.isIntOrFloat())
    return (type.getIntOrFloatBitWidth() + 7) / 8;
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Copies and launches of the three host APIs
//===----------------------------------------------------------------------===//

/// One host<->device copy.
struct Copy {
  Operation *op;
  Value dst, src, bytes;
};

std::optional<Copy> getCopy(Operation *op) {
  if (auto copy = dyn_cast<cuda::MemcpyOp>(op))
    return Copy{op, copy.getDst(), copy.getSrc(), copy.getCount()};
  if (auto copy = dyn_cast<hip::MemcpyOp>(op))
    return Copy{op, copy.getDst(), copy.getSrc(), copy.getSize()};
  if (auto copy = dyn_cast<bang::CnrtMemcpyOp>(op))
    return Copy{op, copy.getDst(), copy.getSrc(), copy.getBytes()};
  return std::nullopt;
}

/// One kernel launch; `grid` holds BANG's task dimension.
struct Launch {
  Operation *op;
  StringRef kernel;
  SmallVector<Value, 3> grid, block;
  std::optional<int32_t> unionClusters;
};

std::optional<Launch> getLaunch(Operation *op) {
  if (auto launch = dyn_cast<cuda::LaunchOp>(op))
    return Launch{op,
                  launch.getKernel(),
                  {launch.getGridX(), launch.getGridY(), launch.getGridZ()},
                  {launch.getBlockX(), launch.getBlockY(), launch.getBlockZ()},
                  std::nullopt};
  if (auto launch = dyn_cast<hip::LaunchOp>(op))
    return Launch{op,
                  launch.getKernel(),
                  {launch.getGridX(), launch.getGridY(), launch.getGridZ()},
                  {launch.getBlockX(), launch.getBlockY(), launch.getBlockZ()},
                  std::nullopt};
  if (auto launch = dyn_cast<bang::LaunchOp>(op)) {
    Launch result{op, launch.getKernel(), {}, {},
                  static_cast<int32_t>(launch.getFuncType())};
    if (auto dim = launch.getDim().getDefiningOp<bang::Dim3Op>())
      result.grid = {dim.getX(), dim.getY(), dim.getZ()};
    else
      result.grid = {launch.getDim()};
    return result;
  }
  return std::nullopt;
}

bool isKernel(func::FuncOp func) {
  return func->hasAttr(cuda::CudaDialect::kKernelAttrName) ||
         func->hasAttr(hip::HipDialect::kKernelAttrName) ||
         func->hasAttr(bang::BangDialect::kKernelAttrName) ||
         func->hasAttr(xpl::XplDialect::kKernelAttrName);
}

/// The buffer `value` is, through casts that keep the whole buffer, and
/// whether a view that may select part of it was crossed on the way.
std::pair<Value, bool> getBaseBuffer(Value value) {
  bool partial = false;
  while (Operation *op = value.getDefiningOp()) {
    if (auto cast = dyn_cast<memref::CastOp>(op)) {
      value = cast.getSource();
      continue;
    }
    if (auto view = dyn_cast<ViewLikeOpInterface>(op)) {
      value = view.getViewSource();
      partial = true;
      continue;
    }
    break;
  }
  return {value, partial};
}

/// One map per extent (the minimum of its results) over `numSymbols`
/// symbols, trailing extents that are the constant 1 dropped (at least one
/// extent kept).
SmallVector<AffineMap> getExtentMaps(ArrayRef<SmallVector<AffineExpr>> extents,
                                     unsigned numSymbols,
                                     MLIRContext *context) {
  SmallVector<AffineMap> maps;
  for (ArrayRef<AffineExpr> terms : extents)
    maps.push_back(AffineMap::get(0, numSymbols, terms, context));
  while (maps.size() > 1 && maps.back().isSingleConstant() &&
         maps.back().getSingleConstantResult() == 1)
    maps.pop_back();
  return maps;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct XplDescribeLaunchPass
    : public xpiler::impl::XplDescribeLaunchBase<XplDescribeLaunchPass> {
  using XplDescribeLaunchBase::XplDescribeLaunchBase;

  void runOnOperation() override;

private:
  void describeLauncher(func::FuncOp func, ArrayRef<Launch> launches);
  void describeBuffer(func::FuncOp func, AffineReader &reader, unsigned index,
                      ArrayRef<Copy> copies);
  void describeShape(AffineReader &reader, const Launch &launch);
  LogicalResult describeUnlaunchedKernels(ModuleOp module,
                                          const llvm::StringSet<> &launched);
};

/// Warns that `what` cannot be expressed, with a note at `culprit`.
void warnNotAffine(InFlightDiagnostic diag, Value culprit) {
  if (!culprit)
    return;
  Diagnostic &note = diag.attachNote(culprit.getLoc());
  if (Operation *op = culprit.getDefiningOp())
    note << "it depends on this '" << op->getName()
         << "', which is not an affine function of the launcher's arguments";
  else
    note << "it depends on a value computed by control flow, which is not an "
            "affine function of the launcher's arguments";
}

void XplDescribeLaunchPass::describeBuffer(func::FuncOp func,
                                           AffineReader &reader,
                                           unsigned index,
                                           ArrayRef<Copy> copies) {
  BlockArgument arg = func.getArgument(index);
  auto type = cast<BaseMemRefType>(arg.getType());
  StringAttr name = StringAttr::get(&getContext(),
                                    xpl::XplDialect::kBufferAttrName);
  func.removeArgAttr(index, name);
  auto warn = [&]() {
    InFlightDiagnostic diag = emitWarning(arg.getLoc());
    diag << "launcher '" << func.getSymName() << "' argument " << index
         << ": no xpl.buffer: ";
    return diag;
  };

  bool copiedIn = false, copiedOut = false;
  SmallVector<std::pair<Copy, bool>> uses; // (copy, to the device)
  for (const Copy &copy : copies) {
    auto [dst, dstPartial] = getBaseBuffer(copy.dst);
    auto [src, srcPartial] = getBaseBuffer(copy.src);
    bool isSrc = src == arg, isDst = dst == arg;
    if (!isSrc && !isDst)
      continue;
    Value other = isSrc ? copy.dst : copy.src;
    auto otherType = cast<BaseMemRefType>(other.getType());
    if (isSrc && isDst) {
      warn() << "copied onto itself";
      return;
    }
    if (!otherType.getMemorySpace()) {
      warn().attachNote(copy.op->getLoc())
          << "copied to or from another host buffer here";
      return;
    }
    if ((isSrc && srcPartial) || (isDst && dstPartial)) {
      InFlightDiagnostic diag = warn();
      diag << "only part of it is copied (through a view), the size of "
              "the whole buffer is unknown";
      diag.attachNote(copy.op->getLoc()) << "the partial copy";
      return;
    }
    copiedIn |= isSrc;
    copiedOut |= isDst;
    uses.push_back({copy, isSrc});
  }
  if (uses.empty()) {
    if (!arg.use_empty())
      warn() << "it is never copied to or from the device";
    return;
  }

  std::optional<int64_t> elementBytes =
      getElementBytes(type.getElementType());
  if (!elementBytes || *elementBytes <= 0) {
    warn() << "element type " << type.getElementType()
           << " has no known size";
    return;
  }

  AffineExpr size;
  Operation *sizeOp = nullptr;
  for (auto &[copy, toDevice] : uses) {
    Value culprit;
    AffineExpr bytes = reader.read(copy.bytes, culprit);
    if (!bytes) {
      InFlightDiagnostic diag = warn();
      diag << "the byte count of its copy "
           << (toDevice ? "to the device" : "from the device")
           << " is not an affine function of the launcher's arguments";
      diag.attachNote(copy.op->getLoc()) << "the copy";
      warnNotAffine(std::move(diag), culprit);
      return;
    }
    AffineExpr elements = divideExactly(bytes, *elementBytes);
    if (!elements)
      elements = bytes.ceilDiv(*elementBytes);
    elements = simplifyAffineExpr(elements, 0, reader.getNumSymbols());
    if (!size) {
      size = elements;
      sizeOp = copy.op;
      continue;
    }
    if (size == elements)
      continue;
    auto a = dyn_cast<AffineConstantExpr>(size);
    auto b = dyn_cast<AffineConstantExpr>(elements);
    if (a && b) {
      // Constant sizes: the buffer spans the larger.
      if (b.getValue() > a.getValue())
        size = elements;
      continue;
    }
    InFlightDiagnostic diag = warn();
    diag << "its copies have different sizes (" << toString(size) << " and "
         << toString(elements) << " elements)";
    diag.attachNote(sizeOp->getLoc())
        << "copy of " << toString(size) << " elements";
    diag.attachNote(copy.op->getLoc())
        << "copy of " << toString(elements) << " elements";
    return;
  }
  if (auto c = dyn_cast<AffineConstantExpr>(size); c && c.getValue() < 0) {
    warn() << "its copies have a negative size";
    return;
  }

  xpl::BufferDirection direction =
      copiedIn && copiedOut ? xpl::BufferDirection::inout
      : copiedIn            ? xpl::BufferDirection::in
                            : xpl::BufferDirection::out;
  AffineMap map = AffineMap::get(0, reader.getNumSymbols(), size,
                                 &getContext());
  func.setArgAttr(index, name,
                  xpl::BufferAttr::get(&getContext(), direction, map));
}

void XplDescribeLaunchPass::describeShape(AffineReader &reader,
                                          const Launch &launch) {
  launch.op->removeAttr(xpl::XplDialect::kLaunchShapeAttrName);
  auto readAll = [&](ArrayRef<Value> values, StringRef what,
                     SmallVectorImpl<SmallVector<AffineExpr>> &extents)
      -> LogicalResult {
    for (auto [i, value] : llvm::enumerate(values)) {
      Value culprit;
      SmallVector<AffineExpr> terms = reader.readMin(value, culprit);
      if (terms.empty()) {
        InFlightDiagnostic diag = emitWarning(launch.op->getLoc());
        diag << "launch of '" << launch.kernel << "': no xpl.launch_shape: "
             << what << " extent " << i
             << " is not an affine function of the launcher's arguments";
        warnNotAffine(std::move(diag), culprit);
        return failure();
      }
      for (AffineExpr term : terms) {
        auto c = dyn_cast<AffineConstantExpr>(term);
        if (c && c.getValue() <= 0) {
          emitWarning(launch.op->getLoc())
              << "launch of '" << launch.kernel << "': no xpl.launch_shape: "
              << what << " extent " << i << " is " << c.getValue();
          return failure();
        }
      }
      extents.push_back(std::move(terms));
    }
    return success();
  };
  bool isBang = launch.unionClusters.has_value();
  SmallVector<SmallVector<AffineExpr>, 3> grid, block;
  if (failed(readAll(launch.grid, isBang ? "task" : "grid", grid)) ||
      failed(readAll(launch.block, "block", block)))
    return;
  MLIRContext *context = &getContext();
  unsigned numSymbols = reader.getNumSymbols();
  SmallVector<AffineMap> blockMaps;
  if (!isBang)
    blockMaps = getExtentMaps(block, numSymbols, context);
  launch.op->setAttr(
      xpl::XplDialect::kLaunchShapeAttrName,
      xpl::LaunchShapeAttr::get(context,
                                getExtentMaps(grid, numSymbols, context),
                                blockMaps, launch.unionClusters));
}

void XplDescribeLaunchPass::describeLauncher(func::FuncOp func,
                                             ArrayRef<Launch> launches) {
  func->setAttr(xpl::XplDialect::kLauncherAttrName,
                UnitAttr::get(&getContext()));
  SmallVector<Copy> copies;
  func.walk([&](Operation *op) {
    if (std::optional<Copy> copy = getCopy(op))
      copies.push_back(*copy);
  });
  AffineReader reader(func);
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    auto type = dyn_cast<BaseMemRefType>(func.getArgument(i).getType());
    // Host buffers only: device memory handed in has no copies to read.
    if (type && !type.getMemorySpace())
      describeBuffer(func, reader, i, copies);
  }
  for (const Launch &launch : launches)
    describeShape(reader, launch);
}

/// The `__launch_bounds__` maximum of a kernel, if it has one.
std::optional<int64_t> getLaunchBoundsThreads(func::FuncOp kernel) {
  if (auto bounds = kernel->getAttrOfType<cuda::LaunchBoundsAttr>(
          cuda::CudaDialect::kLaunchBoundsAttrName))
    return bounds.getMaxThreads();
  if (auto bounds = kernel->getAttrOfType<DenseI32ArrayAttr>(
          hip::HipDialect::kLaunchBoundsAttrName))
    if (!bounds.empty())
      return bounds[0];
  return std::nullopt;
}

LogicalResult XplDescribeLaunchPass::describeUnlaunchedKernels(
    ModuleOp module, const llvm::StringSet<> &launched) {
  for (auto [name, extents] :
       {std::pair<StringRef, ArrayRef<int64_t>>("grid", grid),
        std::pair<StringRef, ArrayRef<int64_t>>("block", block)}) {
    if (extents.size() > 3 ||
        llvm::any_of(extents, [](int64_t e) { return e <= 0; }))
      return module.emitError()
             << "xpl-describe-launch: '" << name
             << "' must be 1 to 3 positive extents, got "
             << llvm::interleaved(extents, ",");
  }
  MLIRContext *context = &getContext();
  auto toMaps = [&](ArrayRef<int64_t> extents) {
    SmallVector<SmallVector<AffineExpr>, 3> exprs;
    for (int64_t e : extents)
      exprs.push_back({getAffineConstantExpr(e, context)});
    return getExtentMaps(exprs, 0, context);
  };
  bool applied = false;
  for (func::FuncOp kernel : module.getOps<func::FuncOp>()) {
    if (!isKernel(kernel) || launched.contains(kernel.getSymName()))
      continue;
    applied = true;
    bool isBang = kernel->hasAttr(bang::BangDialect::kKernelAttrName);
    if (isBang && !block.empty())
      return kernel.emitError()
             << "xpl-describe-launch: 'block' does not apply to the BANG "
                "kernel '"
             << kernel.getSymName()
             << "' (its block is 1 x 1 x 1; 'grid' is its task dimension)";
    SmallVector<int64_t, 3> blockExtents(block.begin(), block.end());
    if (blockExtents.empty())
      if (std::optional<int64_t> threads = getLaunchBoundsThreads(kernel))
        blockExtents.push_back(*threads);
    kernel->removeAttr(xpl::XplDialect::kLaunchShapeAttrName);
    if (grid.empty() && blockExtents.empty())
      continue;
    kernel->setAttr(xpl::XplDialect::kLaunchShapeAttrName,
                    xpl::LaunchShapeAttr::get(context, toMaps(grid),
                                              toMaps(blockExtents),
                                              std::nullopt));
  }
  if (!applied && (!grid.empty() || !block.empty()))
    module.emitWarning() << "xpl-describe-launch: 'grid' and 'block' apply "
                            "to kernels without a launcher, and there is none";
  return success();
}

void XplDescribeLaunchPass::runOnOperation() {
  ModuleOp module = getOperation();
  MLIRContext *context = &getContext();
  llvm::StringSet<> launched;
  for (func::FuncOp func : module.getOps<func::FuncOp>()) {
    if (isKernel(func))
      func->setAttr(xpl::XplDialect::kKernelAttrName, UnitAttr::get(context));
    SmallVector<Launch> launches;
    func.walk([&](Operation *op) {
      if (std::optional<Launch> launch = getLaunch(op))
        launches.push_back(std::move(*launch));
    });
    if (launches.empty())
      continue;
    for (const Launch &launch : launches) {
      launched.insert(launch.kernel);
      if (auto kernel = module.lookupSymbol<func::FuncOp>(launch.kernel))
        kernel->setAttr(xpl::XplDialect::kKernelAttrName,
                        UnitAttr::get(context));
    }
    describeLauncher(func, launches);
  }
  if (failed(describeUnlaunchedKernels(module, launched)))
    return signalPassFailure();
}
} // namespace
