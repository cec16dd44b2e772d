//===- VectorizeAvx512.cpp - innermost loops as AVX-512 vnni ops ----------===//
//
// Implements `xpl-vectorize-avx512`: an innermost counted `scf.for` whose
// body is f32 lane-wise arithmetic over loads and stores that move with the
// induction variable becomes a loop of 16-lane `vnni` ops (the C++ emitter
// writes them as `_mm512_*` intrinsics) plus a masked tail; f32 reductions
// carried in `iter_args` become vector accumulators reduced once after the
// loop; an i32 sum of products of u8 x s8 or s16 x s16 elements becomes
// `vnni.dp` (`_mm512_dpbusd_epi32`, `_mm512_dpwssd(s)_epi32`). Legality comes
// from the dependence analysis (xpiler/Analysis/Dependence.h): no dependence
// may cross iterations except through the recognised reductions. Every loop
// left scalar gets a remark that says why.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Analysis/Dependence.h"
#include "xpiler/Dialect/Vnni/Vnni.h"
#include "xpiler/Passes/LoopUtils.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"

#include <limits>
#include <set>

namespace xpiler {
#define GEN_PASS_DEF_XPLVECTORIZEAVX512
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;
namespace vnni = xpiler::vnni;

namespace {
constexpr StringLiteral kPass = "xpl-vectorize-avx512";
/// f32 lanes of a 512-bit vector.
constexpr int64_t kLanes = 16;

/// How a value of the scalar body is computed in the vector body.
enum class Shape {
  /// The same for every lane: the scalar op is kept (computed once per
  /// vector iteration) and broadcast where a vector needs it.
  Uniform,
  /// An integer `base + coeff * iv`: the scalar op is kept, computed for the
  /// first lane; only load/store subscripts may use it.
  Affine,
  /// Different per lane: an f32 vector (`!vnni.m512`) or a compare mask
  /// (`i16`).
  Vector,
};

/// The reduction an `iter_args` value is.
struct Reduction {
  Operation *combiner = nullptr; // addf/mulf/maxnumf/minnumf of the arg
  vnni::ReduceKind kind;
};

/// A recognised dot product `acc + ext(a[i]) * ext(b[i])`.
struct DotProduct {
  memref::LoadOp lhs, rhs; // lhs is the unsigned operand for dpbusd
  vnni::DotKind kind;
  Operation *add = nullptr;
  int64_t elements = 0; // elements per 512-bit vector
  Type elementType;
};

/// What the analysis found out about one loop.
struct LoopPlan {
  scf::ForOp loop;
  int64_t step = 1;
  DenseMap<Value, Shape> shapes;
  DenseMap<Value, int64_t> coeffs; // of Affine values
  /// Per vectorized load/store: the lane stride in elements.
  DenseMap<Operation *, int64_t> strides;
  SmallVector<Reduction> reductions;
  std::optional<DotProduct> dot;
};

/// Whether `value` is defined outside `loop`.
bool isOutside(Value value, scf::ForOp loop) {
  return !loop->isAncestor(value.getParentRegion()->getParentOp());
}

std::string typeString(Type type) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << type;
  return text;
}

std::string describe(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "'" << op->getName() << "'";
  return text;
}

/// Lane-wise f32 ops the dialect has an instruction (sequence) for.
bool isVectorizableFloatOp(Operation *op) {
  return isa<arith::AddFOp, arith::SubFOp, arith::MulFOp, arith::DivFOp,
             arith::MaxNumFOp, arith::MinNumFOp, arith::NegFOp, math::FmaOp,
             arith::CmpFOp, arith::SelectOp>(op);
}

std::optional<vnni::CmpPredicate> getCmpPredicate(arith::CmpFPredicate p) {
  using P = arith::CmpFPredicate;
  using V = vnni::CmpPredicate;
  switch (p) {
  case P::OEQ:
    return V::eq_oq;
  case P::OGT:
    return V::gt_oq;
  case P::OGE:
    return V::ge_oq;
  case P::OLT:
    return V::lt_oq;
  case P::OLE:
    return V::le_oq;
  case P::ONE:
    return V::neq_oq;
  case P::ORD:
    return V::ord_q;
  case P::UEQ:
    return V::eq_uq;
  case P::UGT:
    return V::nle_uq;
  case P::UGE:
    return V::nlt_uq;
  case P::ULT:
    return V::nge_uq;
  case P::ULE:
    return V::ngt_uq;
  case P::UNE:
    return V::neq_uq;
  case P::UNO:
    return V::unord_q;
  default:
    return std::nullopt;
  }
}

//===----------------------------------------------------------------------===//
// Analysis
//===----------------------------------------------------------------------===//

class Analyzer {
public:
  Analyzer(scf::ForOp loop, bool gather, bool dots)
      : gather(gather), dots(dots) {
    plan.loop = loop;
  }

  /// The plan, or failure with `reason` set.
  FailureOr<LoopPlan> run();
  std::string reason;
  /// Whether s16 x s16 sums use the saturating `dpwssds`.
  bool saturateWords = false;

private:
  LogicalResult fail(const Twine &why) {
    reason = why.str();
    return failure();
  }
  Shape shapeOf(Value value) {
    if (isOutside(value, plan.loop))
      return Shape::Uniform;
    auto it = plan.shapes.find(value);
    return it == plan.shapes.end() ? Shape::Uniform : it->second;
  }
  int64_t coeffOf(Value value) {
    return shapeOf(value) == Shape::Affine ? plan.coeffs.lookup(value) : 0;
  }
  LogicalResult checkDependences();
  LogicalResult classifyIntegerOp(Operation *op);
  LogicalResult classifyAccess(Operation *op, Value memref, ValueRange indices,
                               bool isStore);
  LogicalResult matchReductions();
  LogicalResult matchDotProduct();

  LoopPlan plan;
  bool gather, dots;
};

LogicalResult Analyzer::checkDependences() {
  scf::ForOp loop = plan.loop;
  DependenceAnalysis analysis(ArrayRef<Operation *>{loop.getOperation()});
  if (Operation *unknown = analysis.getUnknownEffectOp())
    return fail("unknown memory effects of " + describe(unknown));
  ArrayRef<MemoryAccess> accesses = analysis.getAccesses();
  for (const MemoryAccess &a : accesses) {
    for (const MemoryAccess &b : accesses) {
      if (!a.isWrite && !b.isWrite)
        continue;
      if (&b < &a)
        continue; // each unordered pair once (getDirections is symmetric)
      bool exact = true;
      for (const DirectionVector &v :
           analysis.getDirections(a, b, {{loop, loop}}, &exact)) {
        if (v[0] == Direction::Eq)
          continue;
        std::string text;
        llvm::raw_string_ostream os(text);
        os << "loop-carried dependence between " << describe(a.op) << " at "
           << a.op->getLoc() << " and " << describe(b.op) << " at "
           << b.op->getLoc() << " " << toString(v)
           << (exact ? "" : " (assumed: subscripts not affine)");
        return fail(text);
      }
    }
  }
  return success();
}

LogicalResult Analyzer::classifyIntegerOp(Operation *op) {
  Value result = op->getResult(0);
  auto setAffine = [&](int64_t coeff) {
    plan.shapes[result] = Shape::Affine;
    plan.coeffs[result] = coeff;
    return success();
  };
  auto constant = [](Value v) { return getConstantIntValue(v); };
  if (isa<arith::IndexCastOp, arith::IndexCastUIOp, arith::ExtSIOp,
          arith::ExtUIOp, arith::TruncIOp>(op))
    return setAffine(coeffOf(op->getOperand(0)));
  if (isa<arith::AddIOp>(op))
    return setAffine(coeffOf(op->getOperand(0)) + coeffOf(op->getOperand(1)));
  if (isa<arith::SubIOp>(op))
    return setAffine(coeffOf(op->getOperand(0)) - coeffOf(op->getOperand(1)));
  if (isa<arith::MulIOp>(op)) {
    Value lhs = op->getOperand(0), rhs = op->getOperand(1);
    if (shapeOf(lhs) != Shape::Affine)
      std::swap(lhs, rhs);
    if (shapeOf(rhs) == Shape::Affine)
      return fail("the subscript " + describe(op) +
                  " multiplies the induction variable by itself");
    std::optional<int64_t> factor = constant(rhs);
    if (!factor)
      return fail("the induction variable is scaled by a non-constant in " +
                  describe(op) + " (a lane stride unknown at compile time)");
    return setAffine(coeffOf(lhs) * *factor);
  }
  if (isa<arith::ShLIOp>(op) && shapeOf(op->getOperand(1)) == Shape::Uniform)
    if (std::optional<int64_t> shift = constant(op->getOperand(1));
        shift && *shift >= 0 && *shift < 32)
      return setAffine(coeffOf(op->getOperand(0)) << *shift);
  return fail("the induction variable reaches " + describe(op) +
              ", which is not affine (an indirect or non-linear subscript, "
              "or the index used as data)");
}

LogicalResult Analyzer::classifyAccess(Operation *op, Value memref,
                                       ValueRange indices, bool isStore) {
  auto type = cast<MemRefType>(memref.getType());
  if (!isStore && llvm::all_of(indices, [&](Value index) {
        return shapeOf(index) == Shape::Uniform;
      })) {
    plan.shapes[op->getResult(0)] = Shape::Uniform;
    return success();
  }
  for (Value index : indices.drop_back())
    if (shapeOf(index) != Shape::Uniform)
      return fail(describe(op) + " moves with the loop in a dimension other "
                                 "than the last");
  if (!vnni::isAccessibleBuffer(type))
    return fail(describe(op) + " accesses a memref with a non-identity "
                               "layout");
  // `&a[i][j]` of a C array: the C++ importer (which checks every VNNI
  // translation) takes addresses of 1-D buffers only.
  if (type.getRank() != 1)
    return fail(describe(op) + " accesses a memref of rank " +
                std::to_string(type.getRank()) +
                " (vector accesses take 1-D buffers)");
  int64_t stride = indices.empty() ? 0 : coeffOf(indices.back()) * plan.step;
  if (!type.getElementType().isF32())
    return fail(describe(op) + " accesses " +
                typeString(type.getElementType()) +
                " elements (only f32 arithmetic and the int8/int16 dot "
                "products are vectorized)");
  if (stride == 0) {
    if (isStore)
      return fail(describe(op) + " stores to a loop-invariant address");
    plan.shapes[op->getResult(0)] = Shape::Uniform;
    return success();
  }
  if (stride != 1) {
    if (isStore)
      return fail(describe(op) + " stores with lane stride " + Twine(stride) +
                  " (there is no scatter)");
    if (!gather)
      return fail(describe(op) + " loads with lane stride " + Twine(stride) +
                  " and gathers are disabled");
    if (type.getRank() != 1 || std::abs(stride) > (1 << 26))
      return fail(describe(op) + " loads with lane stride " + Twine(stride) +
                  " from a memref of rank " + Twine(type.getRank()) +
                  " (gathers take 1-D memrefs)");
  }
  plan.strides[op] = stride;
  if (!isStore)
    plan.shapes[op->getResult(0)] = Shape::Vector;
  return success();
}

LogicalResult Analyzer::matchReductions() {
  scf::ForOp loop = plan.loop;
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  for (auto [index, arg] : llvm::enumerate(loop.getRegionIterArgs())) {
    std::string what = "iteration argument #" + std::to_string(index);
    if (!arg.getType().isF32())
      return fail(what + " of type " + typeString(arg.getType()) +
                  " is not an f32 reduction or an int8/int16 dot product");
    Operation *combiner = yield.getOperand(index).getDefiningOp();
    if (!combiner || combiner->getBlock() != loop.getBody() ||
        !arg.hasOneUse() || *arg.getUsers().begin() != combiner ||
        !combiner->getResult(0).hasOneUse() ||
        combiner->getOperand(0) == combiner->getOperand(1))
      return fail(what + " is not a reduction (its update must be one "
                         "add/mul/max/min of it and another value)");
    vnni::ReduceKind kind;
    if (isa<arith::AddFOp>(combiner))
      kind = vnni::ReduceKind::add;
    else if (isa<arith::MulFOp>(combiner))
      kind = vnni::ReduceKind::mul;
    else if (isa<arith::MaxNumFOp>(combiner))
      kind = vnni::ReduceKind::max;
    else if (isa<arith::MinNumFOp>(combiner))
      kind = vnni::ReduceKind::min;
    else
      return fail(what + " is updated by " + describe(combiner) +
                  ", not an add/mul/maxnum/minnum reduction");
    plan.reductions.push_back({combiner, kind});
  }
  return success();
}

/// `acc + ext(a[i]) * ext(b[i])` with i32 `acc`, i8 or i16 elements.
LogicalResult Analyzer::matchDotProduct() {
  scf::ForOp loop = plan.loop;
  if (!dots)
    return fail("dot products are disabled");
  if (loop.getNumRegionIterArgs() != 1 || plan.step != 1)
    return fail("an integer reduction that is not a unit-step dot product");
  BlockArgument acc = loop.getRegionIterArgs()[0];
  auto yield = cast<scf::YieldOp>(loop.getBody()->getTerminator());
  auto add = yield.getOperand(0).getDefiningOp<arith::AddIOp>();
  if (!acc.getType().isInteger(32) || !add || !acc.hasOneUse() ||
      !add->hasOneUse())
    return fail("iteration argument #0 is not an i32 sum");
  Value product = add.getLhs() == acc ? add.getRhs() : add.getLhs();
  auto mul = product.getDefiningOp<arith::MulIOp>();
  if (!mul || !mul->hasOneUse() || (add.getLhs() != acc && add.getRhs() != acc))
    return fail("the i32 sum does not add a product");
  struct Operand {
    memref::LoadOp load;
    bool isSigned;
  };
  auto matchOperand = [&](Value v) -> std::optional<Operand> {
    Operation *ext = v.getDefiningOp();
    if (!ext || !isa<arith::ExtSIOp, arith::ExtUIOp>(ext) || !ext->hasOneUse())
      return std::nullopt;
    auto load = ext->getOperand(0).getDefiningOp<memref::LoadOp>();
    if (!load || !load->hasOneUse())
      return std::nullopt;
    return Operand{load, isa<arith::ExtSIOp>(ext)};
  };
  std::optional<Operand> a = matchOperand(mul.getLhs());
  std::optional<Operand> b = matchOperand(mul.getRhs());
  if (!a || !b)
    return fail("the product's operands are not extended loads (the "
                "arithmetic must be integer of the element width)");
  Type ta = a->load.getType(), tb = b->load.getType();
  DotProduct dot;
  dot.add = add;
  if (ta.isInteger(8) && tb.isInteger(8)) {
    if (a->isSigned == b->isSigned)
      return fail(Twine("a product of two ") +
                  (a->isSigned ? "signed" : "unsigned") +
                  " bytes (VNNI multiplies unsigned by signed bytes)");
    if (a->isSigned)
      std::swap(a, b);
    dot.kind = vnni::DotKind::dpbusd;
    dot.elements = 64;
  } else if (ta.isInteger(16) && tb.isInteger(16)) {
    if (!a->isSigned || !b->isSigned)
      return fail("a product of unsigned 16-bit values (VNNI multiplies "
                  "signed words)");
    dot.kind = saturateWords ? vnni::DotKind::dpwssds : vnni::DotKind::dpwssd;
    dot.elements = 32;
  } else {
    return fail("a product of " + typeString(ta) + " and " + typeString(tb) +
                " values (VNNI takes u8 x s8 or "
                "s16 x s16)");
  }
  dot.lhs = a->load;
  dot.rhs = b->load;
  dot.elementType = ta;
  // Every other op computes subscripts; both loads must be contiguous.
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (op.getNumResults() != 1)
      return fail("the dot-product loop also has " + describe(&op));
    if (&op == add || &op == mul || op.getResult(0) == mul.getLhs() ||
        op.getResult(0) == mul.getRhs())
      continue;
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      if (load != dot.lhs && load != dot.rhs)
        return fail("the dot-product loop also loads " + describe(&op));
      auto type = cast<MemRefType>(load.getMemRefType());
      ValueRange indices = load.getIndices();
      if (type.getRank() != 1 || !vnni::isAccessibleBuffer(type) ||
          llvm::any_of(indices.drop_back(),
                       [&](Value i) { return shapeOf(i) != Shape::Uniform; }) ||
          coeffOf(indices.back()) != 1)
        return fail("an operand of the dot product is not contiguous in the "
                    "loop");
      continue;
    }
    if (op.getNumResults() == 1 && op.getResult(0).getType().isIntOrIndex() &&
        isMemoryEffectFree(&op))
      continue;
    return fail("the dot-product loop also computes " + describe(&op));
  }
  plan.dot = dot;
  return success();
}

FailureOr<LoopPlan> Analyzer::run() {
  scf::ForOp loop = plan.loop;
  std::optional<int64_t> step = getConstantIntValue(loop.getStep());
  if (!step || *step <= 0)
    return (void)fail("the step is not a positive constant"), failure();
  if (!loop.getInductionVar().getType().isIndex())
    return (void)fail("the induction variable is not an index"), failure();
  plan.step = *step;
  for (Operation &op : loop.getBody()->without_terminator())
    if (op.getNumRegions())
      return (void)fail("the body has control flow (" + describe(&op) + ")"),
             failure();
  if (failed(checkDependences()))
    return failure();

  Value iv = loop.getInductionVar();
  plan.shapes[iv] = Shape::Affine;
  plan.coeffs[iv] = 1;
  bool integerReduction =
      llvm::any_of(loop.getRegionIterArgs(), [](BlockArgument a) {
        return isa<IntegerType>(a.getType());
      });
  // Integer reductions: only the dot product, whose body is checked whole.
  for (Operation &op : loop.getBody()->without_terminator()) {
    bool anyAffine = false, anyVector = false;
    for (Value operand : op.getOperands()) {
      Shape shape = shapeOf(operand);
      anyAffine |= shape == Shape::Affine;
      anyVector |= shape == Shape::Vector;
    }
    if (auto load = dyn_cast<memref::LoadOp>(op)) {
      if (integerReduction)
        continue;
      if (failed(classifyAccess(&op, load.getMemRef(), load.getIndices(),
                                /*isStore=*/false)))
        return failure();
      continue;
    }
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      if (shapeOf(store.getValueToStore()) == Shape::Affine)
        return (void)fail("the induction variable is stored as data"),
               failure();
      if (failed(classifyAccess(&op, store.getMemRef(), store.getIndices(),
                                /*isStore=*/true)))
        return failure();
      continue;
    }
    if (integerReduction) {
      if (op.getNumResults() == 1 && anyAffine &&
          failed(classifyIntegerOp(&op)))
        return failure();
      continue;
    }
    if (!isMemoryEffectFree(&op) || op.getNumResults() != 1)
      return (void)fail("the body has " + describe(&op)), failure();
    bool usesIterArg = llvm::any_of(op.getOperands(), [&](Value v) {
      return llvm::is_contained(loop.getRegionIterArgs(), v);
    });
    if (anyAffine) {
      if (!op.getResult(0).getType().isIntOrIndex())
        return (void)fail("the induction variable is used as data by " +
                          describe(&op)),
               failure();
      if (failed(classifyIntegerOp(&op)))
        return failure();
      continue;
    }
    if (!anyVector && !usesIterArg) {
      plan.shapes[op.getResult(0)] = Shape::Uniform;
      continue;
    }
    // Lane-wise data.
    Type type = op.getResult(0).getType();
    if (!isVectorizableFloatOp(&op))
      return (void)fail("no AVX-512 op for " + describe(&op) + " on " +
                        typeString(type)),
             failure();
    if (auto cmp = dyn_cast<arith::CmpFOp>(op)) {
      if (!cmp.getLhs().getType().isF32() ||
          !getCmpPredicate(cmp.getPredicate()))
        return (void)fail("unsupported compare " + describe(&op)), failure();
    } else if (auto select = dyn_cast<arith::SelectOp>(op)) {
      if (!type.isF32())
        return (void)fail(describe(&op) + " selects " + typeString(type) +
                          " values"),
               failure();
    } else if (!type.isF32()) {
      return (void)fail(describe(&op) + " computes " + typeString(type) +
                        " (only f32 arithmetic is vectorized)"),
             failure();
    }
    plan.shapes[op.getResult(0)] = Shape::Vector;
  }
  if (integerReduction) {
    if (failed(matchDotProduct()))
      return failure();
    return plan;
  }
  if (failed(matchReductions()))
    return failure();
  if (plan.strides.empty())
    return (void)fail("nothing in the body moves with the induction "
                      "variable"),
           failure();
  return plan;
}

//===----------------------------------------------------------------------===//
// Rewriting
//===----------------------------------------------------------------------===//

Value indexConstant(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantIndexOp::create(b, loc, v);
}

/// The low `count` bits set (count in [1, N)), as an `iN` write mask:
/// `all-ones >> (W - count)` in W = 32 or 64 bits, truncated to N. (A
/// logical shift of all ones, not `(1 << count) - 1`: C would compute the
/// latter in `int` for a literal 1.)
Value makeMask(OpBuilder &b, Location loc, Value count, unsigned bits) {
  unsigned width = bits <= 32 ? 32 : 64;
  Type wide = b.getIntegerType(width);
  Value n = arith::IndexCastOp::create(b, loc, wide, count);
  Value ones = arith::ConstantOp::create(b, loc, b.getIntegerAttr(wide, -1));
  Value w = arith::ConstantOp::create(b, loc, b.getIntegerAttr(wide, width));
  Value shift = arith::SubIOp::create(b, loc, w, n);
  Value mask = arith::ShRUIOp::create(b, loc, ones, shift);
  if (bits == width)
    return mask;
  return arith::TruncIOp::create(b, loc, b.getIntegerType(bits), mask);
}

/// The trip count `max(ceildiv(ub - lb, step), 0)`, the start of the tail
/// `lb + (tc - tc % lanes) * step` and the tail's length `tc % lanes`.
struct Split {
  Value mainEnd, remainder;
};
Split splitIterations(OpBuilder &b, scf::ForOp loop, int64_t step,
                      int64_t lanes) {
  Location loc = loop.getLoc();
  Value lb = loop.getLowerBound(), ub = loop.getUpperBound();
  Value zero = indexConstant(b, loc, 0);
  Value span = arith::SubIOp::create(b, loc, ub, lb);
  Value count = span;
  if (step != 1)
    count =
        arith::CeilDivSIOp::create(b, loc, span, indexConstant(b, loc, step));
  count = arith::MaxSIOp::create(b, loc, count, zero);
  Value remainder =
      arith::RemSIOp::create(b, loc, count, indexConstant(b, loc, lanes));
  Value full = arith::SubIOp::create(b, loc, count, remainder);
  if (step != 1)
    full = arith::MulIOp::create(b, loc, full, indexConstant(b, loc, step));
  Value mainEnd = arith::AddIOp::create(b, loc, lb, full);
  return {mainEnd, remainder};
}

class Vectorizer {
public:
  Vectorizer(LoopPlan &plan, bool maskedTail)
      : plan(plan), maskedTail(maskedTail) {}
  /// Rewrites the loop; returns the features the new ops need.
  void run(llvm::SetVector<StringRef> &features);

private:
  /// Emits one vector iteration at `laneIv` (the first lane's induction
  /// variable); `mask` is null in the main loop. Returns the new
  /// accumulators.
  SmallVector<Value> emitBody(OpBuilder &b, Value laneIv, Value mask,
                              ValueRange accs);
  Value vectorOf(OpBuilder &b, Value scalar);
  Value identity(OpBuilder &b, Location loc, vnni::ReduceKind kind);
  Value emitCombine(OpBuilder &b, Location loc, Operation *op, Value lhs,
                    Value rhs);
  void runDot(llvm::SetVector<StringRef> &features);
  SmallVector<Value> combineReductions(OpBuilder &b, Location loc,
                                       ValueRange accs);

  LoopPlan &plan;
  bool maskedTail;
  IRMapping map;
  DenseMap<Value, Value> vectors, broadcasts;
};

Value Vectorizer::vectorOf(OpBuilder &b, Value scalar) {
  if (Value v = vectors.lookup(scalar))
    return v;
  if (Value v = broadcasts.lookup(scalar))
    return v;
  Value mapped = map.lookupOrDefault(scalar);
  Location loc = scalar.getLoc();
  Type m512 = vnni::M512Type::get(b.getContext());
  Value v = vnni::Set1Op::create(b, loc, m512, vnni::Lane::ps, mapped);
  broadcasts[scalar] = v;
  return v;
}

Value Vectorizer::identity(OpBuilder &b, Location loc, vnni::ReduceKind kind) {
  float value = 0;
  switch (kind) {
  case vnni::ReduceKind::add:
    value = 0;
    break;
  case vnni::ReduceKind::mul:
    value = 1;
    break;
  case vnni::ReduceKind::max:
    value = -std::numeric_limits<float>::infinity();
    break;
  case vnni::ReduceKind::min:
    value = std::numeric_limits<float>::infinity();
    break;
  }
  Type m512 = vnni::M512Type::get(b.getContext());
  if (value == 0)
    return vnni::SetZeroOp::create(b, loc, m512);
  Value scalar = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(value));
  return vnni::Set1Op::create(b, loc, m512, vnni::Lane::ps, scalar);
}

/// The vector form of a lane-wise op with vector operands `lhs`, `rhs`.
/// `fmaxf`/`fminf` (maxnumf/minnumf) return the other operand when one is
/// NaN; `_mm512_max_ps(a, b)` returns `b` then, so the lanes where `b` is
/// NaN take `a`.
Value Vectorizer::emitCombine(OpBuilder &b, Location loc, Operation *op,
                              Value lhs, Value rhs) {
  Type m512 = vnni::M512Type::get(b.getContext());
  auto binary = [&](vnni::BinaryKind kind) -> Value {
    return vnni::BinaryOp::create(b, loc, m512, kind, vnni::Lane::ps, lhs, rhs,
                                  Value(), Value());
  };
  if (isa<arith::AddFOp>(op))
    return binary(vnni::BinaryKind::add);
  if (isa<arith::SubFOp>(op))
    return binary(vnni::BinaryKind::sub);
  if (isa<arith::MulFOp>(op))
    return binary(vnni::BinaryKind::mul);
  if (isa<arith::DivFOp>(op))
    return binary(vnni::BinaryKind::div);
  bool isMax = isa<arith::MaxNumFOp>(op);
  assert(isMax || isa<arith::MinNumFOp>(op));
  Value result = binary(isMax ? vnni::BinaryKind::max : vnni::BinaryKind::min);
  Value rhsNan = vnni::CmpOp::create(b, loc, b.getI16Type(),
                                     vnni::CmpPredicate::unord_q, rhs, rhs);
  return vnni::BlendOp::create(b, loc, m512, vnni::Lane::ps, rhsNan, result,
                               lhs);
}

SmallVector<Value> Vectorizer::emitBody(OpBuilder &b, Value laneIv, Value mask,
                                        ValueRange accs) {
  scf::ForOp loop = plan.loop;
  MLIRContext *ctx = b.getContext();
  Type m512 = vnni::M512Type::get(ctx), m512i = vnni::M512iType::get(ctx);
  map.clear();
  vectors.clear();
  broadcasts.clear();
  map.map(loop.getInductionVar(), laneIv);
  DenseMap<Operation *, unsigned> reductionIndex;
  for (auto [i, r] : llvm::enumerate(plan.reductions))
    reductionIndex[r.combiner] = i;
  SmallVector<Value> newAccs(accs.begin(), accs.end());

  for (Operation &op : loop.getBody()->without_terminator()) {
    Location loc = op.getLoc();
    auto mapped = [&](ValueRange values) {
      return llvm::map_to_vector(
          values, [&](Value v) { return map.lookupOrDefault(v); });
    };
    if (auto load = dyn_cast<memref::LoadOp>(op);
        load && plan.strides.count(&op)) {
      int64_t stride = plan.strides.lookup(&op);
      SmallVector<Value> indices = mapped(load.getIndices());
      Value v;
      if (stride == 1) {
        v = mask
                ? Value(vnni::MaskedLoadOp::create(b, loc, m512, vnni::Lane::ps,
                                                   load.getMemRef(), indices,
                                                   mask, Value()))
                : Value(vnni::LoadOp::create(b, loc, m512, load.getMemRef(),
                                             indices));
      } else {
        SmallVector<Value> offsets;
        for (int64_t k = 0; k < kLanes; ++k)
          offsets.push_back(arith::ConstantOp::create(
              b, loc, b.getI32IntegerAttr(int32_t(k * stride))));
        Value index =
            vnni::SetrOp::create(b, loc, m512i, vnni::Lane::epi32, offsets);
        // Lanes past the end read the first lane's (valid) element.
        if (mask)
          index = vnni::BlendOp::create(b, loc, m512i, vnni::Lane::epi32, mask,
                                        vnni::SetZeroOp::create(b, loc, m512i),
                                        index);
        v = vnni::GatherOp::create(b, loc, m512, vnni::Lane::ps, index,
                                   load.getMemRef(), indices, 4);
      }
      vectors[load.getResult()] = v;
      continue;
    }
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      SmallVector<Value> indices = mapped(store.getIndices());
      Value value = vectorOf(b, store.getValueToStore());
      if (mask)
        vnni::MaskedStoreOp::create(b, loc, vnni::Lane::ps, value,
                                    store.getMemRef(), indices, mask);
      else
        vnni::StoreOp::create(b, loc, value, store.getMemRef(), indices);
      continue;
    }
    Value result = op.getResult(0);
    auto shape = plan.shapes.find(result);
    bool isVector =
        shape != plan.shapes.end() && shape->second == Shape::Vector;
    if (!isVector) {
      b.clone(op, map);
      continue;
    }
    auto vec = [&](Value v) -> Value {
      if (auto arg = dyn_cast<BlockArgument>(v);
          arg && arg.getOwner() == loop.getBody() && arg.getArgNumber() > 0)
        return accs[arg.getArgNumber() - 1];
      return vectorOf(b, v);
    };
    Value v;
    if (auto cmp = dyn_cast<arith::CmpFOp>(op)) {
      v = vnni::CmpOp::create(b, loc, b.getI16Type(),
                              *getCmpPredicate(cmp.getPredicate()),
                              vec(cmp.getLhs()), vec(cmp.getRhs()));
    } else if (auto select = dyn_cast<arith::SelectOp>(op)) {
      Value condition = select.getCondition();
      Value bits;
      if (auto it = plan.shapes.find(condition);
          it != plan.shapes.end() && it->second == Shape::Vector) {
        bits = vectors.lookup(condition);
      } else {
        Value all = arith::ConstantOp::create(b, loc, b.getI16IntegerAttr(-1));
        Value none = arith::ConstantOp::create(b, loc, b.getI16IntegerAttr(0));
        bits = arith::SelectOp::create(b, loc, map.lookupOrDefault(condition),
                                       all, none);
      }
      v = vnni::BlendOp::create(b, loc, m512, vnni::Lane::ps, bits,
                                vec(select.getFalseValue()),
                                vec(select.getTrueValue()));
    } else if (isa<arith::NegFOp>(op)) {
      Value negZero =
          arith::ConstantOp::create(b, loc, b.getF32FloatAttr(-0.0f));
      v = vnni::BinaryOp::create(b, loc, m512, vnni::BinaryKind::sub,
                                 vnni::Lane::ps, vectorOf(b, negZero),
                                 vec(op.getOperand(0)), Value(), Value());
    } else if (auto fma = dyn_cast<math::FmaOp>(op)) {
      v = vnni::FmaddOp::create(b, loc, m512, vec(fma.getA()), vec(fma.getB()),
                                vec(fma.getC()));
    } else {
      v = emitCombine(b, loc, &op, vec(op.getOperand(0)),
                      vec(op.getOperand(1)));
    }
    vectors[result] = v;
    if (auto it = reductionIndex.find(&op); it != reductionIndex.end()) {
      // Masked-off lanes keep their accumulator.
      if (mask)
        v = vnni::BlendOp::create(b, loc, m512, vnni::Lane::ps, mask,
                                  accs[it->second], v);
      newAccs[it->second] = v;
    }
  }
  return newAccs;
}

/// `init <op> reduce(acc)` for every reduction, in the combiner's operand
/// order.
SmallVector<Value> Vectorizer::combineReductions(OpBuilder &b, Location loc,
                                                 ValueRange accs) {
  scf::ForOp loop = plan.loop;
  SmallVector<Value> results;
  for (auto [i, r] : llvm::enumerate(plan.reductions)) {
    Value total = vnni::ReduceOp::create(b, loc, b.getF32Type(), r.kind,
                                         vnni::Lane::ps, accs[i]);
    Value init = loop.getInitArgs()[i];
    Operation *combine = b.clone(*r.combiner);
    bool argFirst = r.combiner->getOperand(0) == loop.getRegionIterArgs()[i];
    combine->setOperand(argFirst ? 0 : 1, init);
    combine->setOperand(argFirst ? 1 : 0, total);
    results.push_back(combine->getResult(0));
  }
  return results;
}

void Vectorizer::run(llvm::SetVector<StringRef> &features) {
  if (plan.dot)
    return runDot(features);
  scf::ForOp loop = plan.loop;
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  Split split = splitIterations(b, loop, plan.step, kLanes);
  features.insert("avx512f");

  SmallVector<Value> inits;
  for (const Reduction &r : plan.reductions)
    inits.push_back(identity(b, loc, r.kind));
  Value vectorStep = indexConstant(b, loc, plan.step * kLanes);
  auto main = scf::ForOp::create(
      b, loc, loop.getLowerBound(), split.mainEnd, vectorStep, inits,
      [&](OpBuilder &nb, Location, Value iv, ValueRange accs) {
        SmallVector<Value> next = emitBody(nb, iv, Value(), accs);
        scf::YieldOp::create(nb, loc, next);
      });
  // The parallel attributes (and the loop's name) stay on the main loop,
  // unless it now carries accumulators.
  for (NamedAttribute attr : loop->getDiscardableAttrs())
    if (plan.reductions.empty() || !isParallelAttrName(attr.getName()))
      main->setAttr(attr.getName(), attr.getValue());

  SmallVector<Value> accs(main.getResults());
  SmallVector<Value> results;
  if (maskedTail) {
    Value zero = indexConstant(b, loc, 0);
    Value any = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                      split.remainder, zero);
    auto tail = scf::IfOp::create(
        b, loc, any,
        [&](OpBuilder &nb, Location) {
          Value mask = makeMask(nb, loc, split.remainder, 16);
          SmallVector<Value> next = emitBody(nb, split.mainEnd, mask, accs);
          scf::YieldOp::create(nb, loc, next);
        },
        plan.reductions.empty()
            ? function_ref<void(OpBuilder &, Location)>()
            : [&](OpBuilder &nb,
                  Location) { scf::YieldOp::create(nb, loc, accs); });
    accs.assign(tail.getResults().begin(), tail.getResults().end());
    results = combineReductions(b, loc, accs);
  } else {
    SmallVector<Value> partials = combineReductions(b, loc, accs);
    // The scalar loop runs the remaining iterations.
    auto rest = cast<scf::ForOp>(b.clone(*loop));
    rest.getLowerBoundMutable().assign(split.mainEnd);
    rest.getInitArgsMutable().assign(partials);
    dropParallelAttrs(rest);
    rest->removeAttr(kLoopNameAttrName);
    results.assign(rest.getResults().begin(), rest.getResults().end());
  }
  loop.replaceAllUsesWith(results);
  loop.erase();
}

void Vectorizer::runDot(llvm::SetVector<StringRef> &features) {
  scf::ForOp loop = plan.loop;
  DotProduct &dot = *plan.dot;
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  MLIRContext *ctx = b.getContext();
  Type m512i = vnni::M512iType::get(ctx);
  Split split = splitIterations(b, loop, 1, dot.elements);
  features.insert("avx512f");
  features.insert("avx512vnni");
  vnni::Lane lane = dot.elements == 64 ? vnni::Lane::epi8 : vnni::Lane::epi16;

  auto emit = [&](OpBuilder &nb, Value iv, Value mask, Value acc) -> Value {
    map.clear();
    map.map(loop.getInductionVar(), iv);
    Value operands[2];
    for (Operation &op : loop.getBody()->without_terminator()) {
      auto load = dyn_cast<memref::LoadOp>(op);
      if (load && (load == dot.lhs || load == dot.rhs)) {
        SmallVector<Value> indices = llvm::map_to_vector(
            load.getIndices(), [&](Value v) { return map.lookupOrDefault(v); });
        Value v = mask ? Value(vnni::MaskedLoadOp::create(
                             nb, loc, m512i, lane, load.getMemRef(), indices,
                             mask, Value()))
                       : Value(vnni::LoadOp::create(nb, loc, m512i,
                                                    load.getMemRef(), indices));
        operands[load == dot.lhs ? 0 : 1] = v;
        continue;
      }
      if (load || &op == dot.add || isa<arith::MulIOp>(op) ||
          (isa<arith::ExtSIOp, arith::ExtUIOp>(op) &&
           op.getOperand(0).getDefiningOp<memref::LoadOp>()))
        continue;
      nb.clone(op, map);
    }
    return vnni::DpOp::create(nb, loc, m512i, dot.kind, acc, operands[0],
                              operands[1]);
  };

  Value zeroVec = vnni::SetZeroOp::create(b, loc, m512i);
  auto main = scf::ForOp::create(
      b, loc, loop.getLowerBound(), split.mainEnd,
      indexConstant(b, loc, dot.elements), ValueRange{zeroVec},
      [&](OpBuilder &nb, Location, Value iv, ValueRange accs) {
        scf::YieldOp::create(nb, loc, emit(nb, iv, Value(), accs[0]));
      });
  for (NamedAttribute attr : loop->getDiscardableAttrs())
    if (!isParallelAttrName(attr.getName()))
      main->setAttr(attr.getName(), attr.getValue());
  Value acc = main.getResult(0);
  Value zero = indexConstant(b, loc, 0);
  Value any = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sgt,
                                    split.remainder, zero);
  features.insert("avx512bw"); // byte/word masked loads
  auto tail = scf::IfOp::create(
      b, loc, any,
      [&](OpBuilder &nb, Location) {
        Value mask = makeMask(nb, loc, split.remainder, dot.elements);
        scf::YieldOp::create(nb, loc, emit(nb, split.mainEnd, mask, acc));
      },
      [&](OpBuilder &nb, Location) { scf::YieldOp::create(nb, loc, acc); });
  Value total =
      vnni::ReduceOp::create(b, loc, b.getI32Type(), vnni::ReduceKind::add,
                             vnni::Lane::epi32, tail.getResult(0));
  Value result = arith::AddIOp::create(b, loc, loop.getInitArgs()[0], total);
  loop.getResult(0).replaceAllUsesWith(result);
  loop.erase();
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct XplVectorizeAvx512Pass
    : public xpiler::impl::XplVectorizeAvx512Base<XplVectorizeAvx512Pass> {
  using XplVectorizeAvx512Base::XplVectorizeAvx512Base;

  void runOnOperation() override {
    if (vectorWidth != kLanes) {
      getOperation().emitError()
          << kPass << ": vector-width must be 16 (f32 lanes of a 512-bit "
          << "vector), got " << vectorWidth;
      return signalPassFailure();
    }
    SmallVector<scf::ForOp> loops;
    getOperation().walk([&](scf::ForOp loop) {
      bool innermost = true;
      loop.getBody()->walk([&](scf::ForOp) { innermost = false; });
      if (innermost)
        loops.push_back(loop);
    });
    for (scf::ForOp loop : loops) {
      auto func = loop->getParentOfType<func::FuncOp>();
      Analyzer analyzer(loop, gather, dotProducts);
      analyzer.saturateWords = saturateWords;
      FailureOr<LoopPlan> plan = failure();
      if (isInCollapsedNest(loop))
        analyzer.reason = "the loop is part of an OpenMP collapse nest";
      else
        plan = analyzer.run();
      if (failed(plan)) {
        if (remarks)
          loop.emitRemark() << kPass << ": not vectorized: " << analyzer.reason;
        continue;
      }
      llvm::SetVector<StringRef> features;
      std::string summary;
      if (plan->dot)
        summary = (Twine("dot product (") +
                   vnni::stringifyDotKind(plan->dot->kind) + ")")
                      .str();
      else
        summary =
            (Twine(kLanes) + " lanes, " + Twine(plan->reductions.size()) +
             " reductions, " + (maskedTail ? "masked" : "scalar") + " tail")
                .str();
      if (remarks)
        loop.emitRemark() << kPass << ": vectorized: " << summary;
      Vectorizer(*plan, maskedTail).run(features);
      if (func)
        addFeatures(func, features);
    }
  }

  /// Whether `loop` is one of the loops an enclosing
  /// `xpl.omp_parallel_for = {collapse = n}` collapses (which must stay
  /// perfectly nested).
  static bool isInCollapsedNest(scf::ForOp loop) {
    int64_t depth = 0;
    for (Operation *op = loop; op; op = op->getParentOp()) {
      auto forOp = dyn_cast<scf::ForOp>(op);
      if (!forOp)
        continue;
      ++depth;
      auto omp = forOp->getAttrOfType<DictionaryAttr>("xpl.omp_parallel_for");
      if (!omp)
        continue;
      if (auto collapse = omp.getAs<IntegerAttr>("collapse"))
        if (forOp != loop && depth <= collapse.getInt())
          return true;
    }
    return false;
  }

  /// Adds `features` to the function's `vnni.target_features`.
  void addFeatures(func::FuncOp func,
                   const llvm::SetVector<StringRef> &features) {
    std::set<std::string> all;
    if (auto attr = func->getAttrOfType<StringAttr>(
            vnni::VnniDialect::kTargetFeaturesAttrName)) {
      SmallVector<StringRef> have;
      attr.getValue().split(have, ',', -1, false);
      for (StringRef f : have)
        all.insert(f.str());
    }
    for (StringRef f : features)
      all.insert(f.str());
    SmallVector<std::string> sorted(all.begin(), all.end());
    func->setAttr(vnni::VnniDialect::kTargetFeaturesAttrName,
                  StringAttr::get(func.getContext(), llvm::join(sorted, ",")));
  }
};
} // namespace
