//===- BangDetensorize.cpp - __bang_* builtins to scalar loops ------------===//
//
// Implements `bang-detensorize`: every vector builtin of the bang dialect
// and `__memcpy` becomes the scf loops of scalar memref accesses it means,
// with the reference semantics of the oracle (lib/Exec/Runtime/
// BangRuntime.cpp, which uses the functors of runtime/bang/include/bang_emu):
//
// * elementwise builtins compute in `ComputeT<T>` (float for f16/bf16/f32,
//   int64 for i16/i32, wrapping) and round once to T; comparisons give 1/0;
//   `maximum`/`minimum` are `fmax`/`fmin` (arith.maxnumf/minnumf);
// * unary and active functions compute in float and round once; `gelu` and
//   `gelup` compute in double, as the emulator does;
// * pooling accumulates in double (max/min with fmax/fmin from -inf/+inf,
//   average divided by kernel_height * kernel_width);
// * matmul, mlp and conv accumulate products of float inputs (converted to
//   float then double) in double, or with fix_position products of i8/i16
//   inputs exactly in int64 scaled by 2^fix_position; bias added in double;
//   one rounding to the destination (int16: to nearest even, saturated);
// * `__bang_max`/`__bang_min` keep the first extreme value and store its
//   index as an unsigned integer of T's width in element slot 1;
// * `__memcpy` copies `segnum + 1` segments of `size` bytes element by
//   element; sizes and strides must be provably whole elements.
//
// Accesses through 1-D unit-stride subviews are folded into indices of the
// underlying buffer. Builtins whose reference implementation goes through a
// temporary (pool, transpose, matmul, mlp, conv) write the destination
// directly when it provably does not overlap a source (other memory space,
// other array), otherwise a temporary on-chip array (`nram_tmp`, declared at
// the start of the function) that is then copied to the destination.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <functional>

namespace xpiler {
#define GEN_PASS_DEF_BANGDETENSORIZE
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;

namespace {

/// A buffer operand: the memref accessed and the index (or null) added to
/// every access, after folding 1-D unit-stride subviews.
struct Access {
  Value base;
  Value offset;
};

/// Builds the scalar code of one builtin before it.
class Detensorizer {
public:
  Detensorizer(Operation *op) : b(op), loc(op->getLoc()) {}

  OpBuilder b;
  Location loc;

  Value cIndex(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  Value index(Value v) {
    if (v.getType().isIndex())
      return v;
    return arith::IndexCastOp::create(b, loc, b.getIndexType(), v);
  }
  Value add(Value x, Value y) {
    if (!x)
      return y;
    if (!y)
      return x;
    if (matchPattern(x, m_Zero()))
      return y;
    if (matchPattern(y, m_Zero()))
      return x;
    return arith::AddIOp::create(b, loc, x, y);
  }
  Value mul(Value x, Value y) {
    if (matchPattern(x, m_One()))
      return y;
    if (matchPattern(y, m_One()))
      return x;
    return arith::MulIOp::create(b, loc, x, y);
  }

  /// Folds a chain of 1-D unit-stride subviews.
  Access access(Value memref) {
    Value offset;
    while (auto subview = memref.getDefiningOp<memref::SubViewOp>()) {
      if (subview.getSourceType().getRank() != 1 ||
          subview.getType().getRank() != 1 ||
          subview.getStaticStrides()[0] != 1)
        break;
      Value o = subview.getOffsets().empty()
                    ? cIndex(subview.getStaticOffsets()[0])
                    : subview.getOffsets()[0];
      offset = add(offset, o);
      memref = subview.getSource();
    }
    return {memref, offset};
  }
  Value load(const Access &a, Value i) {
    return memref::LoadOp::create(b, loc, a.base, ValueRange{add(a.offset, i)});
  }
  void store(Value v, const Access &a, Value i) {
    memref::StoreOp::create(b, loc, v, a.base, ValueRange{add(a.offset, i)});
  }

  /// for (iv = lb; iv < ub; ++iv) body(iv); the builder then continues
  /// after the loop.
  void loop(Value lb, Value ub, function_ref<void(Value)> body) {
    auto forOp = scf::ForOp::create(b, loc, lb, ub, cIndex(1));
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(forOp.getBody());
    body(forOp.getInductionVar());
  }
  /// A loop with one loop-carried value: returns its final value.
  Value reduce(Value lb, Value ub, Value init,
               function_ref<Value(Value, Value)> body) {
    auto forOp =
        scf::ForOp::create(b, loc, lb, ub, cIndex(1), ValueRange{init});
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(forOp.getBody());
      Value next = body(forOp.getInductionVar(), forOp.getRegionIterArgs()[0]);
      scf::YieldOp::create(b, loc, next);
    }
    return forOp.getResult(0);
  }

  Value f32(Value v) {
    Type t = v.getType();
    if (t.isF32())
      return v;
    if (isa<FloatType>(t)) {
      if (t.getIntOrFloatBitWidth() < 32)
        return arith::ExtFOp::create(b, loc, b.getF32Type(), v);
      return arith::TruncFOp::create(b, loc, b.getF32Type(), v);
    }
    return arith::SIToFPOp::create(b, loc, b.getF32Type(), v);
  }
  Value f64(Value v) {
    if (v.getType().isF64())
      return v;
    if (isa<FloatType>(v.getType()))
      return arith::ExtFOp::create(b, loc, b.getF64Type(), v);
    return arith::SIToFPOp::create(b, loc, b.getF64Type(), v);
  }
  /// A float value converted (rounded once) to float type `t`.
  Value toFloat(Value v, Type t) {
    unsigned from = v.getType().getIntOrFloatBitWidth();
    unsigned to = t.getIntOrFloatBitWidth();
    if (v.getType() == t)
      return v;
    if (from > to)
      return arith::TruncFOp::create(b, loc, t, v);
    return arith::ExtFOp::create(b, loc, t, v);
  }
  Value fconst(Type t, double v) {
    return arith::ConstantOp::create(b, loc, t, b.getFloatAttr(t, v));
  }
  Value iconst(Type t, int64_t v) {
    return arith::ConstantOp::create(b, loc, t, b.getIntegerAttr(t, v));
  }
};

/// Whether `t` is an element type the elementwise builtins compute in float.
bool isFloatElement(Type t) { return t.isF16() || t.isBF16() || t.isF32(); }
bool isIntElement(Type t) { return t.isInteger(16) || t.isInteger(32); }

/// `op(a, b)` of the binary kind in the compute type of `a` and `b` (f32 or
/// i64), as bang_emu::op does.
FailureOr<Value> binaryCompute(Detensorizer &d, bang::BinaryKind kind, Value a,
                               Value b, Operation *op) {
  using K = bang::BinaryKind;
  OpBuilder &bb = d.b;
  Location loc = d.loc;
  Type t = a.getType();
  bool isFloat = isa<FloatType>(t);
  auto boolToValue = [&](Value c) -> Value {
    return arith::SelectOp::create(bb, loc, c,
                                   isFloat ? d.fconst(t, 1) : d.iconst(t, 1),
                                   isFloat ? d.fconst(t, 0) : d.iconst(t, 0));
  };
  auto compare = [&](arith::CmpFPredicate fp,
                     arith::CmpIPredicate ip) -> Value {
    if (isFloat)
      return boolToValue(arith::CmpFOp::create(bb, loc, fp, a, b));
    return boolToValue(arith::CmpIOp::create(bb, loc, ip, a, b));
  };
  auto nonZero = [&](Value v) -> Value {
    if (isFloat)
      return arith::CmpFOp::create(bb, loc, arith::CmpFPredicate::UNE, v,
                                   d.fconst(t, 0));
    return arith::CmpIOp::create(bb, loc, arith::CmpIPredicate::ne, v,
                                 d.iconst(t, 0));
  };
  switch (kind) {
  case K::add:
    return isFloat ? (Value)arith::AddFOp::create(bb, loc, a, b)
                   : (Value)arith::AddIOp::create(bb, loc, a, b);
  case K::sub:
    return isFloat ? (Value)arith::SubFOp::create(bb, loc, a, b)
                   : (Value)arith::SubIOp::create(bb, loc, a, b);
  case K::mul:
    return isFloat ? (Value)arith::MulFOp::create(bb, loc, a, b)
                   : (Value)arith::MulIOp::create(bb, loc, a, b);
  case K::div:
  case K::maximum:
  case K::maxequal:
  case K::minimum:
  case K::minequal:
    if (!isFloat) {
      op->emitOpError("cannot detensorize '")
          << bang::stringifyBinaryKind(kind) << "' on integers";
      return failure();
    }
    if (kind == K::div)
      return (Value)arith::DivFOp::create(bb, loc, a, b);
    if (kind == K::maximum || kind == K::maxequal)
      return (Value)arith::MaxNumFOp::create(bb, loc, a, b);
    return (Value)arith::MinNumFOp::create(bb, loc, a, b);
  case K::eq:
    return compare(arith::CmpFPredicate::OEQ, arith::CmpIPredicate::eq);
  case K::ne:
    return compare(arith::CmpFPredicate::UNE, arith::CmpIPredicate::ne);
  case K::gt:
    return compare(arith::CmpFPredicate::OGT, arith::CmpIPredicate::sgt);
  case K::ge:
    return compare(arith::CmpFPredicate::OGE, arith::CmpIPredicate::sge);
  case K::lt:
    return compare(arith::CmpFPredicate::OLT, arith::CmpIPredicate::slt);
  case K::le:
    return compare(arith::CmpFPredicate::OLE, arith::CmpIPredicate::sle);
  case K::logical_and:
    return boolToValue(arith::AndIOp::create(bb, loc, nonZero(a), nonZero(b)));
  case K::logical_or:
    return boolToValue(arith::OrIOp::create(bb, loc, nonZero(a), nonZero(b)));
  case K::logical_xor:
    return boolToValue(arith::XOrIOp::create(bb, loc, nonZero(a), nonZero(b)));
  }
  op->emitOpError("unknown binary kind");
  return failure();
}

/// The element loaded as ComputeT<T>.
Value toCompute(Detensorizer &d, Value v) {
  Type t = v.getType();
  if (isa<FloatType>(t))
    return d.f32(v);
  return arith::ExtSIOp::create(d.b, d.loc, d.b.getI64Type(), v);
}
/// fromCompute<T>.
Value fromCompute(Detensorizer &d, Value v, Type t) {
  if (isa<FloatType>(t))
    return d.toFloat(v, t);
  return arith::TruncIOp::create(d.b, d.loc, t, v);
}

/// bang_emu::fn applied to a float.
FailureOr<Value> unaryCompute(Detensorizer &d, bang::UnaryKind kind, Value x,
                              Operation *op) {
  using K = bang::UnaryKind;
  OpBuilder &b = d.b;
  Location loc = d.loc;
  Type f32 = b.getF32Type();
  auto one = [&] { return d.fconst(f32, 1.0); };
  switch (kind) {
  case K::recip:
  case K::active_recip:
  case K::active_recip_greater_1:
  case K::active_reciphp:
    return (Value)arith::DivFOp::create(b, loc, one(), x);
  case K::sqrt:
  case K::active_sqrt:
    return (Value)math::SqrtOp::create(b, loc, x);
  case K::rsqrt:
  case K::active_rsqrt:
  case K::active_rsqrthp: {
    Value numerator = one();
    Value root = math::SqrtOp::create(b, loc, x);
    return (Value)arith::DivFOp::create(b, loc, numerator, root);
  }
  case K::sin:
  case K::active_sin:
    return (Value)math::SinOp::create(b, loc, x);
  case K::cos:
  case K::active_cos:
    return (Value)math::CosOp::create(b, loc, x);
  case K::sigmoid:
  case K::active_sigmoid: {
    Value e = math::ExpOp::create(b, loc, arith::NegFOp::create(b, loc, x));
    Value numerator = one();
    Value denominator = arith::AddFOp::create(b, loc, one(), e);
    return (Value)arith::DivFOp::create(b, loc, numerator, denominator);
  }
  case K::square:
    return (Value)arith::MulFOp::create(b, loc, x, x);
  case K::log:
  case K::active_log:
  case K::active_loghp:
    return (Value)math::LogOp::create(b, loc, x);
  case K::abs:
  case K::active_abs:
    return (Value)math::AbsFOp::create(b, loc, x);
  case K::active_exp:
  case K::active_exphp:
  case K::active_exp_less_0:
    return (Value)math::ExpOp::create(b, loc, x);
  case K::active_pow2:
    return (Value)math::Exp2Op::create(b, loc, x);
  case K::active_relu: {
    Value zero = d.fconst(f32, 0.0);
    Value positive =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
    return (Value)arith::SelectOp::create(b, loc, positive, x, zero);
  }
  case K::active_gelu: {
    // float(0.5 * d * (1.0 + tanh(k * (d + 0.044715 * d * d * d)))), in
    // double.
    Type f64 = b.getF64Type();
    Value dv = d.f64(x);
    Value cube = arith::MulFOp::create(
        b, loc,
        arith::MulFOp::create(
            b, loc, arith::MulFOp::create(b, loc, d.fconst(f64, 0.044715), dv),
            dv),
        dv);
    Value inner =
        arith::MulFOp::create(b, loc, d.fconst(f64, 0.7978845608028654),
                              arith::AddFOp::create(b, loc, dv, cube));
    Value t = arith::AddFOp::create(b, loc, d.fconst(f64, 1.0),
                                    math::TanhOp::create(b, loc, inner));
    Value r = arith::MulFOp::create(
        b, loc, arith::MulFOp::create(b, loc, d.fconst(f64, 0.5), dv), t);
    return (Value)arith::TruncFOp::create(b, loc, f32, r);
  }
  case K::active_gelup: {
    // float(0.5 * d * (1.0 + erf(d / sqrt(2)))), in double.
    Type f64 = b.getF64Type();
    Value dv = d.f64(x);
    Value e = math::ErfOp::create(
        b, loc,
        arith::DivFOp::create(b, loc, dv, d.fconst(f64, 1.4142135623730951)));
    Value r = arith::MulFOp::create(
        b, loc, arith::MulFOp::create(b, loc, d.fconst(f64, 0.5), dv),
        arith::AddFOp::create(b, loc, d.fconst(f64, 1.0), e));
    return (Value)arith::TruncFOp::create(b, loc, f32, r);
  }
  case K::active_sign: {
    Value zero = d.fconst(f32, 0.0);
    Value positive =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, x, zero);
    Value negative =
        arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OLT, x, zero);
    Value inner =
        arith::SelectOp::create(b, loc, negative, d.fconst(f32, -1.0), zero);
    return (Value)arith::SelectOp::create(b, loc, positive, one(), inner);
  }
  case K::active_tanh:
    return (Value)math::TanhOp::create(b, loc, x);
  }
  op->emitOpError("unknown unary kind");
  return failure();
}

/// The allocations `memref` may be a view of (through views, `select`s and
/// `scf.if` results); false when one of them is not an allocation.
bool collectRoots(Value memref, SmallVectorImpl<Operation *> &roots,
                  unsigned depth = 0) {
  if (depth > 16)
    return false;
  if (auto result = dyn_cast<OpResult>(memref)) {
    Operation *def = result.getOwner();
    if (auto view = dyn_cast<ViewLikeOpInterface>(def))
      return collectRoots(view.getViewSource(), roots, depth + 1);
    if (auto select = dyn_cast<arith::SelectOp>(def))
      return collectRoots(select.getTrueValue(), roots, depth + 1) &&
             collectRoots(select.getFalseValue(), roots, depth + 1);
    if (auto ifOp = dyn_cast<scf::IfOp>(def)) {
      unsigned i = result.getResultNumber();
      return !ifOp.getElseRegion().empty() &&
             collectRoots(ifOp.thenYield().getOperand(i), roots, depth + 1) &&
             collectRoots(ifOp.elseYield().getOperand(i), roots, depth + 1);
    }
    if (isa<bang::AllocOp, memref::AllocaOp, memref::AllocOp>(def)) {
      roots.push_back(def);
      return true;
    }
  }
  return false;
}

/// Whether two allocations are the same memory: the same op, or file-scope
/// arrays of one name.
bool isSameArray(Operation *a, Operation *b) {
  if (a == b)
    return true;
  auto x = dyn_cast<bang::AllocOp>(a);
  auto y = dyn_cast<bang::AllocOp>(b);
  return x && y && x.getFileScope() && y.getFileScope() && x.getName() &&
         x.getName() == y.getName();
}

/// Whether `dst` provably does not overlap any of `sources`: they are in
/// different memory spaces (NRAM and WRAM, say), or views of different
/// arrays.
bool isDisjoint(Value dst, ArrayRef<Value> sources) {
  auto spaceOf = [](Value v) {
    return dyn_cast_or_null<bang::MemorySpaceAttr>(
        cast<MemRefType>(v.getType()).getMemorySpace());
  };
  SmallVector<Operation *> dstRoots;
  bool dstKnown = collectRoots(dst, dstRoots);
  for (Value src : sources) {
    if (!src)
      continue;
    auto a = spaceOf(dst), b = spaceOf(src);
    if (a && b && a.getValue() != b.getValue())
      continue;
    SmallVector<Operation *> srcRoots;
    if (!dstKnown || !collectRoots(src, srcRoots))
      return false;
    for (Operation *x : dstRoots)
      for (Operation *y : srcRoots)
        if (isSameArray(x, y))
          return false;
  }
  return true;
}

/// Where a builtin that the reference computes through a temporary writes:
/// `dst` itself when it provably does not overlap `sources`, otherwise an
/// on-chip array of the destination's (static) type declared at the start
/// of the function, copied to `dst` by `finish` afterwards.
struct Destination {
  Access target;
  Access dst;
  bool isTemporary = false;

  static FailureOr<Destination> get(Detensorizer &d, Operation *op,
                                    Value dstMemref, ArrayRef<Value> sources) {
    Destination r;
    r.dst = d.access(dstMemref);
    r.target = r.dst;
    if (isDisjoint(dstMemref, sources))
      return r;
    auto type = cast<MemRefType>(r.dst.base.getType());
    if (!type.hasStaticShape() || type.getRank() != 1) {
      op->emitOpError("cannot detensorize: the destination may overlap a "
                      "source and has no static size for a temporary");
      return failure();
    }
    auto func = op->getParentOfType<FunctionOpInterface>();
    OpBuilder b(&func.getFunctionBody().front(),
                func.getFunctionBody().front().begin());
    auto space =
        bang::MemorySpaceAttr::get(op->getContext(), bang::MemorySpace::nram);
    auto temp = bang::AllocOp::create(
        b, op->getLoc(),
        MemRefType::get(type.getShape(), type.getElementType(), AffineMap(),
                        space),
        b.getStringAttr("nram_tmp"), /*file_scope=*/UnitAttr());
    r.target = Access{temp, r.dst.offset};
    r.isTemporary = true;
    return r;
  }
  /// Copies `count` elements of the temporary to the destination.
  void finish(Detensorizer &d, Value count) {
    if (!isTemporary)
      return;
    d.loop(d.cIndex(0), count,
           [&](Value i) { d.store(d.load(target, i), dst, i); });
  }
};

/// `value` / `unit` when `value` is provably a multiple of `unit` (a
/// constant, or a product with a constant multiple of it, through integer
/// casts); null otherwise. Built at `d`'s insertion point, as an index.
Value exactQuotient(Detensorizer &d, Value value, int64_t unit) {
  if (unit == 1)
    return d.index(value);
  APInt constant;
  if (matchPattern(value, m_ConstantInt(&constant))) {
    int64_t c = constant.getSExtValue();
    if (c % unit == 0)
      return d.cIndex(c / unit);
    return nullptr;
  }
  Operation *def = value.getDefiningOp();
  if (!def)
    return nullptr;
  if (isa<arith::TruncIOp, arith::ExtSIOp, arith::ExtUIOp, arith::IndexCastOp>(
          def))
    return exactQuotient(d, def->getOperand(0), unit);
  if (isa<arith::MulIOp>(def)) {
    for (int side = 0; side < 2; ++side) {
      APInt factor;
      if (matchPattern(def->getOperand(side), m_ConstantInt(&factor))) {
        int64_t f = factor.getSExtValue();
        if (f % unit == 0) {
          Value other = d.index(def->getOperand(1 - side));
          return d.mul(other, d.cIndex(f / unit));
        }
      }
      // (x * unit') * y with unit' a multiple of unit.
      if (Value q = exactQuotient(d, def->getOperand(side), unit)) {
        Value other = d.index(def->getOperand(1 - side));
        return d.mul(q, other);
      }
    }
    return nullptr;
  }
  if (isa<arith::AddIOp, arith::SubIOp>(def)) {
    Value x = exactQuotient(d, def->getOperand(0), unit);
    Value y = x ? exactQuotient(d, def->getOperand(1), unit) : nullptr;
    if (!x || !y)
      return nullptr;
    if (isa<arith::AddIOp>(def))
      return d.add(x, y);
    return arith::SubIOp::create(d.b, d.loc, x, y);
  }
  return nullptr;
}

int64_t elementBytes(Type t) {
  return (int64_t)llvm::divideCeil(t.getIntOrFloatBitWidth(), 8);
}

//===----------------------------------------------------------------------===//
// One builtin
//===----------------------------------------------------------------------===//

LogicalResult detensorize(bang::MemcpyOp op) {
  if (op.getAsync())
    return op.emitOpError("cannot detensorize __memcpy_async (its completion "
                          "point is the next __sync_*)");
  if (op.getDstCluster())
    return op.emitOpError(
        "cannot detensorize a copy into another cluster's SRAM");
  Type et = cast<MemRefType>(op.getDst().getType()).getElementType();
  if (cast<MemRefType>(op.getSrc().getType()).getElementType() != et)
    return op.emitOpError("cannot detensorize a copy between buffers of "
                          "different element types");
  Detensorizer d(op);
  int64_t unit = elementBytes(et);
  Value count = exactQuotient(d, op.getSize(), unit);
  if (!count)
    return op.emitOpError("cannot detensorize: the size is not provably a "
                          "whole number of ")
           << et << " elements";
  Access dst = d.access(op.getDst()), src = d.access(op.getSrc());
  if (!op.isStrided()) {
    d.loop(d.cIndex(0), count,
           [&](Value i) { d.store(d.load(src, i), dst, i); });
    return success();
  }
  Value dstStride = exactQuotient(d, op.getDstStride(), unit);
  Value srcStride = exactQuotient(d, op.getSrcStride(), unit);
  if (!dstStride || !srcStride)
    return op.emitOpError("cannot detensorize: a stride is not provably a "
                          "whole number of ")
           << et << " elements";
  Value segments = d.add(d.index(op.getSegnum()), d.cIndex(1));
  d.loop(d.cIndex(0), segments, [&](Value s) {
    Access dstSeg{dst.base, d.add(dst.offset, d.mul(s, dstStride))};
    Access srcSeg{src.base, d.add(src.offset, d.mul(s, srcStride))};
    d.loop(d.cIndex(0), count,
           [&](Value i) { d.store(d.load(srcSeg, i), dstSeg, i); });
  });
  return success();
}

LogicalResult detensorizeFill(Operation *op, Value dstMemref, Value countValue,
                              Value value) {
  Type et = cast<MemRefType>(dstMemref.getType()).getElementType();
  Detensorizer d(op);
  if (!value)
    value = isa<FloatType>(et) ? d.fconst(et, 0.0) : d.iconst(et, 0);
  if (value.getType() != et)
    return op->emitOpError("cannot detensorize a fill of ")
           << value.getType() << " values into a buffer of " << et;
  Access dst = d.access(dstMemref);
  d.loop(d.cIndex(0), d.index(countValue),
         [&](Value i) { d.store(value, dst, i); });
  return success();
}

LogicalResult detensorize(bang::BinaryOp op) {
  Type et = cast<MemRefType>(op.getDst().getType()).getElementType();
  if (!isFloatElement(et) && !isIntElement(et))
    return op.emitOpError("cannot detensorize on ") << et << " elements";
  Detensorizer d(op);
  Access dst = d.access(op.getDst()), a = d.access(op.getSrc0()),
         bb = d.access(op.getSrc1());
  LogicalResult result = success();
  d.loop(d.cIndex(0), d.index(op.getCount()), [&](Value i) {
    // One statement per op: the IR's order does not depend on the C++
    // compiler's order of evaluating arguments.
    Value x = toCompute(d, d.load(a, i));
    Value y = toCompute(d, d.load(bb, i));
    FailureOr<Value> r = binaryCompute(d, op.getKind(), x, y, op);
    if (failed(r)) {
      result = failure();
      return;
    }
    d.store(fromCompute(d, *r, et), dst, i);
  });
  return result;
}

LogicalResult detensorize(bang::BinaryScalarOp op) {
  Type et = cast<MemRefType>(op.getDst().getType()).getElementType();
  if (!isFloatElement(et) && !isIntElement(et))
    return op.emitOpError("cannot detensorize on ") << et << " elements";
  if (op.getValue().getType() != et)
    return op.emitOpError("cannot detensorize: the scalar is not of the "
                          "element type");
  Detensorizer d(op);
  Access dst = d.access(op.getDst()), src = d.access(op.getSrc());
  Value v = toCompute(d, op.getValue());
  LogicalResult result = success();
  d.loop(d.cIndex(0), d.index(op.getCount()), [&](Value i) {
    FailureOr<Value> r =
        binaryCompute(d, op.getKind(), toCompute(d, d.load(src, i)), v, op);
    if (failed(r)) {
      result = failure();
      return;
    }
    d.store(fromCompute(d, *r, et), dst, i);
  });
  return result;
}

LogicalResult detensorize(bang::CycleOp op) {
  Type et = cast<MemRefType>(op.getDst().getType()).getElementType();
  if (!isFloatElement(et) && !isIntElement(et))
    return op.emitOpError("cannot detensorize on ") << et << " elements";
  Detensorizer d(op);
  Access dst = d.access(op.getDst()), src = d.access(op.getSrc()),
         seg = d.access(op.getSeg());
  Value segCount = d.index(op.getSegCount());
  // src_count is a multiple of seg_count (the oracle traps otherwise):
  // i = s * seg_count + j.
  Value repeats =
      arith::DivSIOp::create(d.b, d.loc, d.index(op.getSrcCount()), segCount);
  LogicalResult result = success();
  d.loop(d.cIndex(0), repeats, [&](Value s) {
    Value base = d.mul(s, segCount);
    d.loop(d.cIndex(0), segCount, [&](Value j) {
      Value i = d.add(base, j);
      Value x = toCompute(d, d.load(src, i));
      Value y = toCompute(d, d.load(seg, j));
      FailureOr<Value> r = binaryCompute(d, op.getKind(), x, y, op);
      if (failed(r)) {
        result = failure();
        return;
      }
      d.store(fromCompute(d, *r, et), dst, i);
    });
  });
  return result;
}

LogicalResult detensorize(bang::UnaryOp op) {
  Type et = cast<MemRefType>(op.getDst().getType()).getElementType();
  if (!isFloatElement(et))
    return op.emitOpError("cannot detensorize on ") << et << " elements";
  Detensorizer d(op);
  Access dst = d.access(op.getDst()), src = d.access(op.getSrc());
  LogicalResult result = success();
  d.loop(d.cIndex(0), d.index(op.getCount()), [&](Value i) {
    FailureOr<Value> r =
        unaryCompute(d, op.getKind(), d.f32(d.load(src, i)), op);
    if (failed(r)) {
      result = failure();
      return;
    }
    d.store(d.toFloat(*r, et), dst, i);
  });
  return result;
}

LogicalResult detensorize(bang::ReduceOp op) {
  Type et = cast<MemRefType>(op.getSrc().getType()).getElementType();
  if (cast<MemRefType>(op.getDst().getType()).getElementType() != et ||
      !(et.isF16() || et.isF32()))
    return op.emitOpError("cannot detensorize on ") << et << " elements";
  bool isMax = op.getKind() == bang::ReduceKind::max;
  Detensorizer d(op);
  Access dst = d.access(op.getDst()), src = d.access(op.getSrc());
  Value first = d.f32(d.load(src, d.cIndex(0)));
  auto forOp =
      scf::ForOp::create(d.b, d.loc, d.cIndex(1), d.index(op.getCount()),
                         d.cIndex(1), ValueRange{d.cIndex(0), first});
  {
    OpBuilder::InsertionGuard guard(d.b);
    d.b.setInsertionPointToStart(forOp.getBody());
    Value i = forOp.getInductionVar();
    Value bestIndex = forOp.getRegionIterArgs()[0];
    Value bestValue = forOp.getRegionIterArgs()[1];
    Value v = d.f32(d.load(src, i));
    Value better = arith::CmpFOp::create(d.b, d.loc,
                                         isMax ? arith::CmpFPredicate::OGT
                                               : arith::CmpFPredicate::OLT,
                                         v, bestValue);
    scf::YieldOp::create(
        d.b, d.loc,
        ValueRange{arith::SelectOp::create(d.b, d.loc, better, i, bestIndex),
                   arith::SelectOp::create(d.b, d.loc, better, v, bestValue)});
  }
  Value best = forOp.getResult(0);
  d.store(d.load(src, best), dst, d.cIndex(0));
  Type bits = d.b.getIntegerType(et.getIntOrFloatBitWidth());
  Value indexBits = arith::IndexCastUIOp::create(d.b, d.loc, bits, best);
  d.store(arith::BitcastOp::create(d.b, d.loc, et, indexBits), dst,
          d.cIndex(1));
  return success();
}

LogicalResult detensorize(bang::PoolOp op) {
  Type et = cast<MemRefType>(op.getDst().getType()).getElementType();
  if (!isFloatElement(et))
    return op.emitOpError("cannot detensorize on ") << et << " elements";
  Detensorizer d(op);
  FailureOr<Destination> out =
      Destination::get(d, op, op.getDst(), {op.getSrc()});
  if (failed(out))
    return failure();
  Access dst = out->target, src = d.access(op.getSrc());
  Value c = d.index(op.getChannel()), h = d.index(op.getHeight()),
        w = d.index(op.getWidth()), kh = d.index(op.getKernelHeight()),
        kw = d.index(op.getKernelWidth());
  Value sx = op.getStrideX() ? d.index(op.getStrideX()) : kw;
  Value sy = op.getStrideY() ? d.index(op.getStrideY()) : kh;
  auto div = [&](Value x, Value y) {
    return arith::DivSIOp::create(d.b, d.loc, x, y);
  };
  auto sub = [&](Value x, Value y) {
    return arith::SubIOp::create(d.b, d.loc, x, y);
  };
  Value outH = d.add(div(sub(h, kh), sy), d.cIndex(1));
  Value outW = d.add(div(sub(w, kw), sx), d.cIndex(1));
  Type f64 = d.b.getF64Type();
  bang::PoolKind kind = op.getKind();
  double init = kind == bang::PoolKind::max   ? -INFINITY
                : kind == bang::PoolKind::min ? INFINITY
                                              : 0.0;
  Value area;
  if (kind == bang::PoolKind::avg) {
    auto toF64 = [&](Value i) -> Value {
      return arith::SIToFPOp::create(
          d.b, d.loc, f64,
          arith::IndexCastOp::create(d.b, d.loc, d.b.getI64Type(), i));
    };
    Value fh = toF64(kh);
    Value fw = toF64(kw);
    area = arith::MulFOp::create(d.b, d.loc, fh, fw);
  }
  d.loop(d.cIndex(0), outH, [&](Value oh) {
    d.loop(d.cIndex(0), outW, [&](Value ow) {
      d.loop(d.cIndex(0), c, [&](Value ch) {
        Value acc = d.reduce(
            d.cIndex(0), kh, d.fconst(f64, init), [&](Value y, Value accY) {
              return d.reduce(d.cIndex(0), kw, accY, [&](Value x, Value accX) {
                Value row = d.add(d.mul(oh, sy), y);
                Value col = d.add(d.mul(ow, sx), x);
                Value at = d.add(d.mul(d.add(d.mul(row, w), col), c), ch);
                Value v = d.f64(d.f32(d.load(src, at)));
                switch (kind) {
                case bang::PoolKind::max:
                  return (Value)arith::MaxNumFOp::create(d.b, d.loc, accX, v);
                case bang::PoolKind::min:
                  return (Value)arith::MinNumFOp::create(d.b, d.loc, accX, v);
                default:
                  return (Value)arith::AddFOp::create(d.b, d.loc, accX, v);
                }
              });
            });
        if (area)
          acc = arith::DivFOp::create(d.b, d.loc, acc, area);
        Value at = d.add(d.mul(d.add(d.mul(oh, outW), ow), c), ch);
        d.store(d.toFloat(acc, et), dst, at);
      });
    });
  });
  out->finish(d, d.mul(d.mul(outH, outW), c));
  return success();
}

LogicalResult detensorize(bang::TransposeOp op) {
  if (cast<MemRefType>(op.getDst().getType()).getElementType() !=
      cast<MemRefType>(op.getSrc().getType()).getElementType())
    return op.emitOpError("cannot detensorize between element types");
  Detensorizer d(op);
  FailureOr<Destination> out =
      Destination::get(d, op, op.getDst(), {op.getSrc()});
  if (failed(out))
    return failure();
  Access dst = out->target, src = d.access(op.getSrc());
  Value h = d.index(op.getHeight()), w = d.index(op.getWidth());
  d.loop(d.cIndex(0), h, [&](Value i) {
    d.loop(d.cIndex(0), w, [&](Value j) {
      Value v = d.load(src, d.add(d.mul(i, w), j));
      d.store(v, dst, d.add(d.mul(j, h), i));
    });
  });
  out->finish(d, d.mul(h, w));
  return success();
}

/// The accumulation of a product builtin (bang_emu::Accumulator): products
/// of float inputs (converted to float, then double) summed in double, or
/// with `fix_position`, products of integer inputs summed exactly in int64
/// and scaled by 2^fix_position; the result is rounded once to the
/// destination type (bang_emu::toDestination).
struct Accumulator {
  Detensorizer &d;
  Value position; ///< i32, null for float inputs

  /// Checks the types (float inputs of one type without fix_position, i8/i16
  /// inputs with it; f16/f32/i16 destination).
  static FailureOr<Accumulator> get(Detensorizer &d, Operation *op, Value dst,
                                    Value a, Value b, Value position) {
    Type ta = cast<MemRefType>(a.getType()).getElementType();
    Type tb = cast<MemRefType>(b.getType()).getElementType();
    Type td = cast<MemRefType>(dst.getType()).getElementType();
    auto isFixedInput = [](Type t) {
      return t.isInteger(8) || t.isInteger(16);
    };
    bool inputsOk = position ? isFixedInput(ta) && isFixedInput(tb)
                             : ta == tb && (ta.isF16() || ta.isF32());
    if (!inputsOk || !(td.isF16() || td.isF32() || td.isInteger(16))) {
      op->emitOpError("cannot detensorize: inputs must be both f16 or both "
                      "f32 without fix_position, or i8/i16 with it, and the "
                      "destination f16, f32 or i16");
      return failure();
    }
    return Accumulator{d, position};
  }
  Value zero() {
    if (position)
      return d.iconst(d.b.getI64Type(), 0);
    return d.fconst(d.b.getF64Type(), 0.0);
  }
  /// sum + a * b.
  Value add(Value sum, Value a, Value b) {
    if (position) {
      Type i64 = d.b.getI64Type();
      Value x = arith::ExtSIOp::create(d.b, d.loc, i64, a);
      Value y = arith::ExtSIOp::create(d.b, d.loc, i64, b);
      return arith::AddIOp::create(d.b, d.loc, sum,
                                   arith::MulIOp::create(d.b, d.loc, x, y));
    }
    Value x = d.f64(d.f32(a));
    Value y = d.f64(d.f32(b));
    return arith::AddFOp::create(d.b, d.loc, sum,
                                 arith::MulFOp::create(d.b, d.loc, x, y));
  }
  /// The sum as a double (ldexp(sum, position) for integers).
  Value finish(Value sum) {
    if (!position)
      return sum;
    Type f64 = d.b.getF64Type();
    Value v = arith::SIToFPOp::create(d.b, d.loc, f64, sum);
    Value scale = math::Exp2Op::create(
        d.b, d.loc, arith::SIToFPOp::create(d.b, d.loc, f64, position));
    return arith::MulFOp::create(d.b, d.loc, v, scale);
  }
  /// toDestination<Td>(v): floats round to nearest even; int16 rounds to
  /// nearest even and saturates (NaN: 0).
  Value toDestination(Value v, Type td) {
    if (isa<FloatType>(td))
      return d.toFloat(v, td);
    Type f64 = d.b.getF64Type();
    Value r = math::RoundEvenOp::create(d.b, d.loc, v);
    r = arith::MaxNumFOp::create(d.b, d.loc, r, d.fconst(f64, -32768.0));
    r = arith::MinNumFOp::create(d.b, d.loc, r, d.fconst(f64, 32767.0));
    Value isNan =
        arith::CmpFOp::create(d.b, d.loc, arith::CmpFPredicate::UNO, v, v);
    r = arith::SelectOp::create(d.b, d.loc, isNan, d.fconst(f64, 0.0), r);
    return arith::FPToSIOp::create(d.b, d.loc, td, r);
  }
};

LogicalResult detensorize(bang::MatmulOp op) {
  Type td = cast<MemRefType>(op.getDst().getType()).getElementType();
  Detensorizer d(op);
  FailureOr<Accumulator> acc = Accumulator::get(
      d, op, op.getDst(), op.getLhs(), op.getRhs(), op.getFixPosition());
  if (failed(acc))
    return failure();
  FailureOr<Destination> out =
      Destination::get(d, op, op.getDst(), {op.getLhs(), op.getRhs()});
  if (failed(out))
    return failure();
  Access dst = out->target, lhs = d.access(op.getLhs()),
         rhs = d.access(op.getRhs());
  Value m = d.index(op.getM()), k = d.index(op.getK()), n = d.index(op.getN());
  d.loop(d.cIndex(0), m, [&](Value i) {
    d.loop(d.cIndex(0), n, [&](Value j) {
      Value sum = d.reduce(d.cIndex(0), k, acc->zero(), [&](Value p, Value s) {
        Value x = d.load(lhs, d.add(d.mul(i, k), p));
        Value y = d.load(rhs, d.add(d.mul(j, k), p));
        return acc->add(s, x, y);
      });
      Value result = acc->toDestination(acc->finish(sum), td);
      d.store(result, dst, d.add(d.mul(i, n), j));
    });
  });
  out->finish(d, d.mul(m, n));
  return success();
}

LogicalResult detensorize(bang::MlpOp op) {
  Type td = cast<MemRefType>(op.getDst().getType()).getElementType();
  Detensorizer d(op);
  FailureOr<Accumulator> acc = Accumulator::get(
      d, op, op.getDst(), op.getSrc(), op.getWeight(), op.getFixPosition());
  if (failed(acc))
    return failure();
  FailureOr<Destination> out = Destination::get(
      d, op, op.getDst(), {op.getSrc(), op.getWeight(), op.getBias()});
  if (failed(out))
    return failure();
  Access dst = out->target, src = d.access(op.getSrc()),
         weight = d.access(op.getWeight());
  std::optional<Access> bias;
  if (op.getBias())
    bias = d.access(op.getBias());
  Value height = d.index(op.getHeight()), width = d.index(op.getWidth());
  d.loop(d.cIndex(0), height, [&](Value h) {
    Value sum =
        d.reduce(d.cIndex(0), width, acc->zero(), [&](Value x, Value s) {
          Value wv = d.load(weight, d.add(d.mul(h, width), x));
          Value sv = d.load(src, x);
          return acc->add(s, wv, sv);
        });
    Value v = acc->finish(sum);
    if (bias)
      v = arith::AddFOp::create(d.b, d.loc, v, d.f64(d.load(*bias, h)));
    d.store(acc->toDestination(v, td), dst, h);
  });
  out->finish(d, height);
  return success();
}

LogicalResult detensorize(bang::ConvOp op) {
  Type td = cast<MemRefType>(op.getDst().getType()).getElementType();
  Detensorizer d(op);
  FailureOr<Accumulator> acc = Accumulator::get(
      d, op, op.getDst(), op.getSrc(), op.getKernel(), op.getFixPosition());
  if (failed(acc))
    return failure();
  FailureOr<Destination> out = Destination::get(
      d, op, op.getDst(), {op.getSrc(), op.getKernel(), op.getBias()});
  if (failed(out))
    return failure();
  Access dst = out->target, src = d.access(op.getSrc()),
         kernel = d.access(op.getKernel());
  std::optional<Access> bias;
  if (op.getBias())
    bias = d.access(op.getBias());
  Value ci = d.index(op.getChannelInput()), h = d.index(op.getHeight()),
        w = d.index(op.getWidth()), kh = d.index(op.getKernelHeight()),
        kw = d.index(op.getKernelWidth()), sx = d.index(op.getStrideX()),
        sy = d.index(op.getStrideY()), co = d.index(op.getChannelOutput());
  auto div = [&](Value x, Value y) {
    return arith::DivSIOp::create(d.b, d.loc, x, y);
  };
  auto sub = [&](Value x, Value y) {
    return arith::SubIOp::create(d.b, d.loc, x, y);
  };
  Value outH = d.add(div(sub(h, kh), sy), d.cIndex(1));
  Value outW = d.add(div(sub(w, kw), sx), d.cIndex(1));
  d.loop(d.cIndex(0), outH, [&](Value oh) {
    d.loop(d.cIndex(0), outW, [&](Value ow) {
      d.loop(d.cIndex(0), co, [&](Value o) {
        Value sum =
            d.reduce(d.cIndex(0), kh, acc->zero(), [&](Value y, Value sy0) {
              return d.reduce(d.cIndex(0), kw, sy0, [&](Value x, Value sx0) {
                Value row = d.add(d.mul(oh, sy), y);
                Value col = d.add(d.mul(ow, sx), x);
                Value in = d.mul(d.add(d.mul(row, w), col), ci);
                Value f =
                    d.mul(d.add(d.mul(d.add(d.mul(o, kh), y), kw), x), ci);
                return d.reduce(d.cIndex(0), ci, sx0, [&](Value c, Value s) {
                  Value a = d.load(src, d.add(in, c));
                  Value k = d.load(kernel, d.add(f, c));
                  return acc->add(s, a, k);
                });
              });
            });
        Value v = acc->finish(sum);
        if (bias)
          v = arith::AddFOp::create(d.b, d.loc, v, d.f64(d.load(*bias, o)));
        Value result = acc->toDestination(v, td);
        d.store(result, dst, d.add(d.mul(d.add(d.mul(oh, outW), ow), co), o));
      });
    });
  });
  out->finish(d, d.mul(d.mul(outH, outW), co));
  return success();
}

/// Erases `op` and the subviews only it used.
void eraseWithDeadViews(Operation *op) {
  SmallVector<Value> operands(op->getOperands());
  op->erase();
  for (Value v : operands) {
    while (v && v.use_empty()) {
      auto subview = v.getDefiningOp<memref::SubViewOp>();
      if (!subview)
        break;
      Value source = subview.getSource();
      subview.erase();
      v = source;
    }
  }
}

struct BangDetensorizePass
    : public xpiler::impl::BangDetensorizeBase<BangDetensorizePass> {
  void runOnOperation() override {
    SmallVector<Operation *> ops;
    getOperation().walk([&](Operation *op) {
      if (isa<bang::MemcpyOp, bang::FillOp, bang::WriteZeroOp, bang::BinaryOp,
              bang::BinaryScalarOp, bang::CycleOp, bang::UnaryOp,
              bang::ReduceOp, bang::PoolOp, bang::TransposeOp, bang::MatmulOp,
              bang::MlpOp, bang::ConvOp>(op))
        ops.push_back(op);
    });
    bool failed = false;
    for (Operation *op : ops) {
      // The builtins address their buffers linearly.
      if (llvm::any_of(op->getOperandTypes(), [](Type t) {
            auto memref = dyn_cast<MemRefType>(t);
            return memref && memref.getRank() != 1;
          })) {
        op->emitOpError("cannot detensorize a buffer of rank other than 1");
        failed = true;
        continue;
      }
      LogicalResult result =
          llvm::TypeSwitch<Operation *, LogicalResult>(op)
              .Case([](bang::FillOp fill) {
                return detensorizeFill(fill, fill.getDst(), fill.getCount(),
                                       fill.getValue());
              })
              .Case([](bang::WriteZeroOp zero) {
                return detensorizeFill(zero, zero.getDst(), zero.getCount(),
                                       Value());
              })
              .Case<bang::MemcpyOp, bang::BinaryOp, bang::BinaryScalarOp,
                    bang::CycleOp, bang::UnaryOp, bang::ReduceOp, bang::PoolOp,
                    bang::TransposeOp, bang::MatmulOp, bang::MlpOp,
                    bang::ConvOp>(
                  [](auto builtin) { return detensorize(builtin); });
      if (mlir::failed(result)) {
        failed = true;
        continue;
      }
      eraseWithDeadViews(op);
    }
    if (failed)
      signalPassFailure();
  }
};

} // namespace
