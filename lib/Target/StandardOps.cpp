//===- StandardOps.cpp - arith, math, memref, vector as C -----------------===//
//
// Types, literals and the upstream ops every language writes the same way.
// Signless MLIR integers become signed C types; unsigned operations cast
// their operands unless both are known non-negative.
//
//===----------------------------------------------------------------------===//

#include "CEmitter.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Format.h"

#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace xpiler::target;

//===----------------------------------------------------------------------===//
// Types and literals
//===----------------------------------------------------------------------===//

bool CEmitter::isArrayType(MemRefType type) {
  return type.hasStaticShape() && type.getLayout().isIdentity();
}

FailureOr<std::string> CEmitter::getTypeName(Type type, Location loc) {
  if (std::optional<std::string> name = language.getTypeName(type))
    return *name;
  if (auto integer = dyn_cast<IntegerType>(type)) {
    switch (integer.getWidth()) {
    case 1:
      return std::string("bool");
    case 8:
    case 16:
    case 32:
    case 64:
      return ("int" + llvm::Twine(integer.getWidth()) + "_t").str();
    default:
      break;
    }
  }
  if (isa<IndexType>(type))
    return std::string("int64_t");
  if (type.isF32())
    return std::string("float");
  if (type.isF64())
    return std::string("double");
  if (auto vector = dyn_cast<VectorType>(type)) {
    if (vector.getRank() == 1 && !vector.isScalable()) {
      FailureOr<std::string> element =
          getTypeName(vector.getElementType(), loc);
      if (failed(element))
        return failure();
      std::string base = *element;
      if (StringRef(base).ends_with("_t"))
        base.resize(base.size() - 2);
      std::string name =
          sanitizeIdentifier(base) + "x" + llvm::utostr(vector.getNumElements());
      int64_t bytes = vector.getNumElements() *
                      vector.getElementType().getIntOrFloatBitWidth() / 8;
      if (!vectorTypedefs.count(name))
        vectorTypedefs[name] = language.getVectorTypedef(
            name, *element, vector.getNumElements(), bytes);
      return name;
    }
  }
  if (auto memref = dyn_cast<MemRefType>(type)) {
    FailureOr<std::string> element = getTypeName(memref.getElementType(), loc);
    if (failed(element))
      return failure();
    return *element + " *";
  }
  emitError(loc) << "cannot emit type " << type << " as "
                 << language.getName() << " source";
  return failure();
}

FailureOr<std::string> CEmitter::getDeclaration(Type type, StringRef name,
                                                Location loc) {
  if (auto memref = dyn_cast<MemRefType>(type)) {
    FailureOr<std::string> element = getTypeName(memref.getElementType(), loc);
    if (failed(element))
      return failure();
    if (!isArrayType(memref))
      return *element + " *" + name.str();
    std::string text = *element + " " + name.str();
    if (memref.getRank() == 0)
      text += "[1]";
    for (int64_t size : memref.getShape())
      text += "[" + std::to_string(size) + "]";
    return text;
  }
  FailureOr<std::string> typeName = getTypeName(type, loc);
  if (failed(typeName))
    return failure();
  return *typeName + " " + name.str();
}

/// `%.*g` of `value`, made a floating literal.
static std::string formatFloat(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.*g", digits, value);
  std::string text = buffer;
  if (StringRef(text).find_first_of(".eEn") == StringRef::npos)
    text += ".0";
  return text;
}

FailureOr<std::string> CEmitter::getLiteral(Attribute value, Type type,
                                            Location loc) {
  if (auto integer = dyn_cast<IntegerAttr>(value)) {
    if (type.isInteger(1))
      return std::string(integer.getValue().isZero() ? "false" : "true");
    int64_t number = integer.getValue().getSExtValue();
    unsigned width = isa<IndexType>(type) ? 64 : type.getIntOrFloatBitWidth();
    if (width <= 32 && number == INT32_MIN)
      return std::string("(-2147483647 - 1)");
    if (number == INT64_MIN)
      return std::string("INT64_MIN");
    if (number < INT32_MIN || number > INT32_MAX)
      return "INT64_C(" + std::to_string(number) + ")";
    return std::to_string(number);
  }
  if (auto floating = dyn_cast<FloatAttr>(value)) {
    APFloat apValue = floating.getValue();
    bool isF32 = type.isF32();
    bool isF64 = type.isF64();
    std::string text;
    if (apValue.isInfinity()) {
      text = apValue.isNegative() ? "-INFINITY" : "INFINITY";
    } else if (apValue.isNaN()) {
      text = "NAN";
    } else if (isF64) {
      text = formatFloat(apValue.convertToDouble(), 17);
    } else {
      bool losesInfo;
      APFloat single = apValue;
      single.convert(APFloat::IEEEsingle(), APFloat::rmNearestTiesToEven,
                     &losesInfo);
      text = formatFloat(single.convertToFloat(), 9) + "f";
    }
    if (isF32 || isF64)
      return text;
    FailureOr<std::string> typeName = getTypeName(type, loc);
    if (failed(typeName))
      return failure();
    return "(" + *typeName + ")(" + text + ")";
  }
  if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    auto vector = dyn_cast<VectorType>(type);
    if (!vector) {
      emitError(loc) << "cannot emit constant " << value;
      return failure();
    }
    FailureOr<std::string> typeName = getTypeName(type, loc);
    if (failed(typeName))
      return failure();
    std::string text = *typeName + "{";
    Type elementType = vector.getElementType();
    for (int64_t i = 0, e = vector.getNumElements(); i < e; ++i) {
      Attribute element = dense.isSplat()
                              ? dense.getSplatValue<Attribute>()
                              : dense.getValues<Attribute>()[i];
      FailureOr<std::string> literal = getLiteral(element, elementType, loc);
      if (failed(literal))
        return failure();
      text += (i ? ", " : "") + *literal;
    }
    return text + "}";
  }
  emitError(loc) << "cannot emit constant " << value;
  return failure();
}

//===----------------------------------------------------------------------===//
// Memory
//===----------------------------------------------------------------------===//

std::string CEmitter::getPointer(Value memref) {
  auto type = cast<MemRefType>(memref.getType());
  if (!isArrayType(type) || type.getRank() < 2)
    return operand(memref);
  std::string text = "&" + operand(memref, kPrecPostfix);
  for (int64_t i = 0; i < type.getRank(); ++i)
    text += "[0]";
  return text;
}

FailureOr<std::string> CEmitter::getElement(Value memref, ValueRange indices,
                                            Location loc) {
  auto type = cast<MemRefType>(memref.getType());
  // `base[offset + i]` rather than `(base + offset)[i]` for an inlined
  // 1-D subview.
  if (auto subview = memref.getDefiningOp<memref::SubViewOp>()) {
    if (inlined.count(memref) && type.getRank() == 1 &&
        subview.getSourceType().getRank() == 1 && indices.size() == 1 &&
        subview.getStaticStrides()[0] == 1 &&
        (cast<MemRefType>(subview.getSourceType()).getLayout().isIdentity())) {
      std::string offset = subview.getOffsets().empty()
                               ? std::to_string(subview.getStaticOffsets()[0])
                               : operand(subview.getOffsets()[0], kPrecAdd);
      std::string index = operand(indices[0], kPrecAdd + 1);
      std::string linear = offset == "0" ? index : offset + " + " + index;
      return operand(subview.getSource(), kPrecPostfix) + "[" + linear + "]";
    }
  }
  std::string base = operand(memref, kPrecPostfix);
  if (type.getRank() == 0)
    return base + "[0]";
  if (isArrayType(type)) {
    std::string text = base;
    for (Value index : indices)
      text += "[" + operand(index) + "]";
    return text;
  }
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)) ||
      llvm::any_of(strides, ShapedType::isDynamic)) {
    emitError(loc) << "cannot emit an access to " << type
                   << " (dynamic strides)";
    return failure();
  }
  std::string linear;
  for (auto [index, stride] : llvm::zip(indices, strides)) {
    if (!linear.empty())
      linear += " + ";
    linear += stride == 1 ? operand(index, kPrecAdd)
                          : operand(index, kPrecMul) + " * " +
                                std::to_string(stride);
  }
  return base + "[" + linear + "]";
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

bool CEmitter::isNonNegative(Value value) {
  Operation *def = value.getDefiningOp();
  if (!def)
    return false;
  if (auto constant = dyn_cast<arith::ConstantOp>(def)) {
    if (auto integer = dyn_cast<IntegerAttr>(constant.getValue()))
      return !integer.getValue().isNegative();
    return false;
  }
  if (isa<arith::ExtUIOp>(def))
    return true;
  if (isa<arith::IndexCastUIOp>(def) &&
      def->getOperand(0).getType().isInteger() &&
      def->getOperand(0).getType().getIntOrFloatBitWidth() < 64)
    return true;
  // These keep a non-negative operand non-negative.
  if (isa<arith::IndexCastOp, arith::ExtSIOp, arith::DivUIOp, arith::RemUIOp,
          arith::ShRUIOp, arith::MinUIOp, arith::DivSIOp, arith::RemSIOp,
          arith::MinSIOp, arith::MaxSIOp>(def))
    return llvm::all_of(def->getOperands(),
                        [&](Value operand) { return isNonNegative(operand); });
  if (def->getNumOperands() == 0 && def->getDialect() &&
      def->getDialect()->getNamespace() != "arith")
    return language.isNonNegative(*def);
  return false;
}

static std::string getUnsignedType(Type type) {
  unsigned width = isa<IndexType>(type) ? 64 : type.getIntOrFloatBitWidth();
  return "uint" + std::to_string(width) + "_t";
}

static Expr binary(CEmitter &emitter, Value lhs, StringRef op, Value rhs,
                   int prec) {
  // Parentheses where C's precedence surprises readers (and GCC warns):
  // around any operand of a bitwise operator or shift, and around `&&`
  // inside `||`.
  int lhsPrec = prec, rhsPrec = prec + 1;
  if (prec == kPrecBitAnd || prec == kPrecBitOr || prec == kPrecBitXor ||
      prec == kPrecShift)
    lhsPrec = rhsPrec = kPrecUnary;
  else if (prec == kPrecLogOr)
    lhsPrec = rhsPrec = kPrecLogAnd + 1;
  return {emitter.operand(lhs, lhsPrec) + " " + op.str() + " " +
              emitter.operand(rhs, rhsPrec),
          prec};
}

/// `(int32_t)((uint32_t)a OP (uint32_t)b)`, or the signed form when both
/// operands are non-negative.
static std::optional<Expr> unsignedBinary(CEmitter &emitter, Operation &op,
                                          StringRef cOp, int prec,
                                          bool resultIsBool = false) {
  Value lhs = op.getOperand(0), rhs = op.getOperand(1);
  if (emitter.isNonNegative(lhs) && emitter.isNonNegative(rhs))
    return binary(emitter, lhs, cOp, rhs, prec);
  std::string unsignedType = getUnsignedType(lhs.getType());
  std::string text = "(" + unsignedType + ")" +
                     emitter.operand(lhs, kPrecUnary) + " " + cOp.str() +
                     " (" + unsignedType + ")" +
                     emitter.operand(rhs, kPrecUnary);
  if (resultIsBool)
    return Expr{text, prec};
  FailureOr<std::string> signedType =
      emitter.getTypeName(op.getResult(0).getType(), op.getLoc());
  if (failed(signedType))
    return std::nullopt;
  return Expr{"(" + *signedType + ")(" + text + ")", kPrecUnary};
}

static std::optional<Expr> cast(CEmitter &emitter, Operation &op,
                                bool zeroExtend = false) {
  Value input = op.getOperand(0);
  Type from = input.getType(), to = op.getResult(0).getType();
  FailureOr<std::string> toName = emitter.getTypeName(to, op.getLoc());
  if (failed(toName))
    return std::nullopt;
  FailureOr<std::string> fromName = emitter.getTypeName(from, op.getLoc());
  if (succeeded(fromName) && *toName == *fromName)
    return emitter.getExpr(input);
  std::string text = "(" + *toName + ")";
  if (zeroExtend && !from.isInteger(1) && !emitter.isNonNegative(input))
    text += "(" + getUnsignedType(from) + ")";
  return Expr{text + emitter.operand(input, kPrecUnary), kPrecUnary};
}

static std::optional<Expr> call(CEmitter &emitter, StringRef function,
                                ValueRange operands) {
  std::string text = function.str() + "(";
  for (auto [index, operand] : llvm::enumerate(operands))
    text += (index ? ", " : "") + emitter.operand(operand);
  return Expr{text + ")", kPrecPostfix};
}

static std::optional<Expr> compareFloats(CEmitter &emitter,
                                         arith::CmpFOp cmp) {
  Value lhs = cmp.getLhs(), rhs = cmp.getRhs();
  using P = arith::CmpFPredicate;
  auto rel = [&](StringRef op, int prec) {
    return binary(emitter, lhs, op, rhs, prec);
  };
  auto negate = [](Expr expr) {
    return Expr{"!(" + expr.text + ")", kPrecUnary};
  };
  std::string isnanLhs = "isnan(" + emitter.operand(lhs) + ")";
  std::string isnanRhs = "isnan(" + emitter.operand(rhs) + ")";
  switch (cmp.getPredicate()) {
  case P::AlwaysFalse:
    return Expr{"false"};
  case P::AlwaysTrue:
    return Expr{"true"};
  case P::OEQ:
    return rel("==", kPrecEq);
  case P::OGT:
    return rel(">", kPrecRel);
  case P::OGE:
    return rel(">=", kPrecRel);
  case P::OLT:
    return rel("<", kPrecRel);
  case P::OLE:
    return rel("<=", kPrecRel);
  case P::UNE:
    return rel("!=", kPrecEq);
  case P::ONE:
    return Expr{"(" + rel("<", kPrecRel).text + " || " +
                    rel(">", kPrecRel).text + ")",
                kPrecPrimary};
  case P::UEQ:
    return negate(Expr{rel("<", kPrecRel).text + " || " +
                       rel(">", kPrecRel).text});
  case P::UGT:
    return negate(rel("<=", kPrecRel));
  case P::UGE:
    return negate(rel("<", kPrecRel));
  case P::ULT:
    return negate(rel(">=", kPrecRel));
  case P::ULE:
    return negate(rel(">", kPrecRel));
  case P::ORD:
    return Expr{"!" + isnanLhs + " && !" + isnanRhs, kPrecLogAnd};
  case P::UNO:
    return Expr{isnanLhs + " || " + isnanRhs, kPrecLogOr};
  }
  return std::nullopt;
}

static std::optional<Expr> compareIntegers(CEmitter &emitter,
                                           arith::CmpIOp cmp) {
  using P = arith::CmpIPredicate;
  Value lhs = cmp.getLhs(), rhs = cmp.getRhs();
  switch (cmp.getPredicate()) {
  case P::eq:
    return binary(emitter, lhs, "==", rhs, kPrecEq);
  case P::ne:
    return binary(emitter, lhs, "!=", rhs, kPrecEq);
  case P::slt:
    return binary(emitter, lhs, "<", rhs, kPrecRel);
  case P::sle:
    return binary(emitter, lhs, "<=", rhs, kPrecRel);
  case P::sgt:
    return binary(emitter, lhs, ">", rhs, kPrecRel);
  case P::sge:
    return binary(emitter, lhs, ">=", rhs, kPrecRel);
  case P::ult:
    return unsignedBinary(emitter, *cmp, "<", kPrecRel, true);
  case P::ule:
    return unsignedBinary(emitter, *cmp, "<=", kPrecRel, true);
  case P::ugt:
    return unsignedBinary(emitter, *cmp, ">", kPrecRel, true);
  case P::uge:
    return unsignedBinary(emitter, *cmp, ">=", kPrecRel, true);
  }
  return std::nullopt;
}

/// `a OP b ? a : b` (operands are pure: repeating them is exact).
static Expr minMax(CEmitter &emitter, Operation &op, StringRef cOp,
                   bool isUnsigned) {
  Value lhs = op.getOperand(0), rhs = op.getOperand(1);
  std::string condition;
  if (isUnsigned && !(emitter.isNonNegative(lhs) && emitter.isNonNegative(rhs))) {
    std::string type = getUnsignedType(lhs.getType());
    condition = "(" + type + ")" + emitter.operand(lhs, kPrecUnary) + " " +
                cOp.str() + " (" + type + ")" +
                emitter.operand(rhs, kPrecUnary);
  } else {
    condition = binary(emitter, lhs, cOp, rhs, kPrecRel).text;
  }
  return {condition + " ? " + emitter.operand(lhs, kPrecCond + 1) + " : " +
              emitter.operand(rhs, kPrecCond + 1),
          kPrecCond};
}

std::optional<Expr> CEmitter::getStandardExpr(Operation &op) {
  Location loc = op.getLoc();
  auto bin = [&](StringRef cOp, int prec) {
    return binary(*this, op.getOperand(0), cOp, op.getOperand(1), prec);
  };
  // A shift's type is its promoted left operand's: a small literal there
  // would be an int, so a 64-bit one is cast first.
  auto shift = [&](StringRef cOp) -> std::optional<Expr> {
    Type type = op.getResult(0).getType();
    bool wide = type.isIndex() || type.getIntOrFloatBitWidth() > 32;
    if (!wide || !op.getOperand(0).getDefiningOp<arith::ConstantOp>())
      return bin(cOp, kPrecShift);
    FailureOr<std::string> typeName = getTypeName(type, loc);
    if (failed(typeName))
      return std::nullopt;
    return Expr{"(" + *typeName + ")" + operand(op.getOperand(0), kPrecUnary) +
                    " " + cOp.str() + " " +
                    operand(op.getOperand(1), kPrecUnary),
                kPrecShift};
  };
  bool isBool = op.getNumResults() == 1 && op.getResult(0).getType().isInteger(1);
  auto math = [&](StringRef name) {
    return call(*this, getMathFunction(name, op.getResult(0).getType()),
                op.getOperands());
  };
  return llvm::TypeSwitch<Operation *, std::optional<Expr>>(&op)
      .Case([&](arith::ConstantOp constant) -> std::optional<Expr> {
        FailureOr<std::string> literal =
            getLiteral(constant.getValue(), constant.getType(), loc);
        if (failed(literal))
          return std::nullopt;
        bool negative = StringRef(*literal).starts_with("-");
        return Expr{*literal, negative ? kPrecUnary : kPrecPrimary};
      })
      .Case<arith::AddIOp, arith::AddFOp>([&](auto) { return bin("+", kPrecAdd); })
      .Case<arith::SubIOp, arith::SubFOp>([&](auto) { return bin("-", kPrecAdd); })
      .Case<arith::MulIOp, arith::MulFOp>([&](auto) { return bin("*", kPrecMul); })
      .Case<arith::DivFOp, arith::DivSIOp>([&](auto) { return bin("/", kPrecMul); })
      .Case<arith::RemSIOp>([&](auto) { return bin("%", kPrecMul); })
      .Case<arith::RemFOp>([&](auto) { return math("fmod"); })
      .Case<arith::DivUIOp>([&](auto) { return unsignedBinary(*this, op, "/", kPrecMul); })
      .Case<arith::RemUIOp>([&](auto) { return unsignedBinary(*this, op, "%", kPrecMul); })
      .Case<arith::ShRUIOp>([&](auto) { return unsignedBinary(*this, op, ">>", kPrecShift); })
      .Case<arith::ShLIOp>([&](auto) { return shift("<<"); })
      .Case<arith::ShRSIOp>([&](auto) { return shift(">>"); })
      .Case<arith::AndIOp>([&](auto) {
        return isBool ? bin("&&", kPrecLogAnd) : bin("&", kPrecBitAnd);
      })
      .Case<arith::OrIOp>([&](auto) {
        return isBool ? bin("||", kPrecLogOr) : bin("|", kPrecBitOr);
      })
      .Case<arith::XOrIOp>([&](auto) {
        return isBool ? bin("!=", kPrecEq) : bin("^", kPrecBitXor);
      })
      .Case<arith::MaxSIOp>([&](auto) { return minMax(*this, op, ">", false); })
      .Case<arith::MinSIOp>([&](auto) { return minMax(*this, op, "<", false); })
      .Case<arith::MaxUIOp>([&](auto) { return minMax(*this, op, ">", true); })
      .Case<arith::MinUIOp>([&](auto) { return minMax(*this, op, "<", true); })
      .Case<arith::MaxNumFOp>([&](auto) { return math("fmax"); })
      .Case<arith::MinNumFOp>([&](auto) { return math("fmin"); })
      .Case<arith::NegFOp>([&](auto) {
        return Expr{"-" + operand(op.getOperand(0), kPrecUnary), kPrecUnary};
      })
      .Case([&](arith::CmpIOp cmp) { return compareIntegers(*this, cmp); })
      .Case([&](arith::CmpFOp cmp) { return compareFloats(*this, cmp); })
      .Case([&](arith::SelectOp select) -> std::optional<Expr> {
        if (!select.getCondition().getType().isInteger(1))
          return std::nullopt;
        return Expr{operand(select.getCondition(), kPrecLogOr) + " ? " +
                        operand(select.getTrueValue(), kPrecCond + 1) + " : " +
                        operand(select.getFalseValue(), kPrecCond + 1),
                    kPrecCond};
      })
      .Case<arith::ExtSIOp>([&](auto) -> std::optional<Expr> {
        if (op.getOperand(0).getType().isInteger(1))
          return Expr{"-(" + *getTypeName(op.getResult(0).getType(), loc) +
                          ")" + operand(op.getOperand(0), kPrecUnary),
                      kPrecUnary};
        return cast(*this, op);
      })
      .Case<arith::ExtUIOp, arith::IndexCastUIOp, arith::UIToFPOp>(
          [&](auto) { return cast(*this, op, /*zeroExtend=*/true); })
      .Case<arith::TruncIOp, arith::IndexCastOp, arith::SIToFPOp,
            arith::FPToSIOp, arith::FPToUIOp, arith::ExtFOp, arith::TruncFOp>(
          [&](auto) { return cast(*this, op); })
      .Case<arith::BitcastOp>([&](auto) -> std::optional<Expr> {
        FailureOr<std::string> type =
            getTypeName(op.getResult(0).getType(), loc);
        if (failed(type))
          return std::nullopt;
        return Expr{"__builtin_bit_cast(" + *type + ", " +
                        operand(op.getOperand(0)) + ")",
                    kPrecPostfix};
      })
      .Case<math::ExpOp>([&](auto) { return math("exp"); })
      .Case<math::Exp2Op>([&](auto) { return math("exp2"); })
      .Case<math::ExpM1Op>([&](auto) { return math("expm1"); })
      .Case<math::LogOp>([&](auto) { return math("log"); })
      .Case<math::Log2Op>([&](auto) { return math("log2"); })
      .Case<math::Log10Op>([&](auto) { return math("log10"); })
      .Case<math::Log1pOp>([&](auto) { return math("log1p"); })
      .Case<math::SqrtOp>([&](auto) { return math("sqrt"); })
      .Case<math::RsqrtOp>([&](auto) { return math("rsqrt"); })
      .Case<math::CbrtOp>([&](auto) { return math("cbrt"); })
      .Case<math::TanhOp>([&](auto) { return math("tanh"); })
      .Case<math::ErfOp>([&](auto) { return math("erf"); })
      .Case<math::SinOp>([&](auto) { return math("sin"); })
      .Case<math::CosOp>([&](auto) { return math("cos"); })
      .Case<math::TanOp>([&](auto) { return math("tan"); })
      .Case<math::AtanOp>([&](auto) { return math("atan"); })
      .Case<math::Atan2Op>([&](auto) { return math("atan2"); })
      .Case<math::PowFOp>([&](auto) { return math("pow"); })
      .Case<math::FloorOp>([&](auto) { return math("floor"); })
      .Case<math::CeilOp>([&](auto) { return math("ceil"); })
      .Case<math::RoundOp>([&](auto) { return math("round"); })
      .Case<math::RoundEvenOp>([&](auto) { return math("rint"); })
      .Case<math::TruncOp>([&](auto) { return math("trunc"); })
      .Case<math::AbsFOp>([&](auto) { return math("fabs"); })
      .Case<math::CopySignOp>([&](auto) { return math("copysign"); })
      .Case<math::FmaOp>([&](auto) { return math("fma"); })
      .Case<math::AbsIOp>([&](auto) -> std::optional<Expr> {
        Value input = op.getOperand(0);
        return Expr{operand(input, kPrecRel + 1) + " < 0 ? -" +
                        operand(input, kPrecUnary) + " : " +
                        operand(input, kPrecCond + 1),
                    kPrecCond};
      })
      .Case([&](memref::LoadOp load) -> std::optional<Expr> {
        FailureOr<std::string> element =
            getElement(load.getMemRef(), load.getIndices(), loc);
        if (failed(element))
          return std::nullopt;
        return Expr{*element, kPrecPostfix};
      })
      .Case([&](memref::SubViewOp subview) -> std::optional<Expr> {
        if (subview.getSourceType().getRank() != 1 ||
            subview.getStaticStrides()[0] != 1)
          return std::nullopt;
        std::string offset =
            subview.getOffsets().empty()
                ? std::to_string(subview.getStaticOffsets()[0])
                : operand(subview.getOffsets()[0], kPrecAdd + 1);
        if (offset == "0")
          return Expr{getPointer(subview.getSource()), kPrecPrimary};
        return Expr{operand(subview.getSource(), kPrecAdd) + " + " + offset,
                    kPrecAdd};
      })
      .Case<memref::CastOp>([&](auto) { return getExpr(op.getOperand(0)); })
      // Reshapes of contiguous memory into one dimension (`&scalar` as a
      // one-element buffer): the same address.
      .Case<memref::ExpandShapeOp, memref::CollapseShapeOp>(
          [&](auto reshape) -> std::optional<Expr> {
            if (reshape.getResultType().getRank() > 1)
              return std::nullopt;
            return Expr{getPointer(reshape.getSrc()), kPrecUnary};
          })
      .Case([&](vector::ExtractOp extract) -> std::optional<Expr> {
        if (extract.getNumIndices() != 1 ||
            cast<VectorType>(extract.getSource().getType()).getRank() != 1)
          return std::nullopt;
        OpFoldResult position = extract.getMixedPosition()[0];
        std::string index =
            isa<Attribute>(position)
                ? std::to_string(
                      cast<IntegerAttr>(cast<Attribute>(position)).getInt())
                : operand(cast<Value>(position));
        return Expr{operand(extract.getSource(), kPrecPostfix) + "[" + index +
                        "]",
                    kPrecPostfix};
      })
      .Case([&](vector::BroadcastOp broadcast) -> std::optional<Expr> {
        auto vector = dyn_cast<VectorType>(broadcast.getType());
        if (!vector || isa<VectorType>(broadcast.getSource().getType()))
          return std::nullopt;
        FailureOr<std::string> type = getTypeName(vector, loc);
        if (failed(type))
          return std::nullopt;
        std::string text = *type + "{";
        for (int64_t i = 0; i < vector.getNumElements(); ++i)
          text += (i ? ", " : "") + operand(broadcast.getSource(), kPrecAssign);
        return Expr{text + "}", kPrecPostfix};
      })
      .Case([&](ub::PoisonOp poison) -> std::optional<Expr> {
        FailureOr<std::string> type = getTypeName(poison.getType(), loc);
        if (failed(type))
          return std::nullopt;
        return Expr{*type + "{}", kPrecPostfix};
      })
      .Default([](Operation *) { return std::nullopt; });
}

LogicalResult CEmitter::emitStandardOp(Operation &op, bool &handled) {
  handled = true;
  Location loc = op.getLoc();
  if (auto store = dyn_cast<memref::StoreOp>(op)) {
    FailureOr<std::string> element =
        getElement(store.getMemRef(), store.getIndices(), loc);
    if (failed(element))
      return failure();
    statement(*element + " = " + operand(store.getValue(), kPrecAssign));
    return success();
  }
  if (auto alloca = dyn_cast<memref::AllocaOp>(op)) {
    if (!isArrayType(alloca.getType()))
      return alloca.emitError("cannot emit a dynamically sized local array");
    FailureOr<std::string> declaration = getDeclaration(
        alloca.getType(), assignName(alloca.getResult(), "buffer"), loc);
    if (failed(declaration))
      return failure();
    std::string qualifier =
        language.getArrayQualifier(alloca.getType().getMemorySpace());
    std::string alignment;
    if (std::optional<uint64_t> align = alloca.getAlignment())
      alignment = "alignas(" + std::to_string(*align) + ") ";
    statement((qualifier.empty() ? "" : qualifier + " ") + alignment +
              *declaration);
    return success();
  }
  // Heap buffers (`std::vector` scratch space in the source).
  if (auto alloc = dyn_cast<memref::AllocOp>(op)) {
    MemRefType type = alloc.getType();
    if (type.getRank() != 1 || !type.getLayout().isIdentity())
      return alloc.emitError("cannot emit a heap buffer of type ") << type;
    FailureOr<std::string> element = getTypeName(type.getElementType(), loc);
    if (failed(element))
      return failure();
    std::string count = type.hasStaticShape()
                            ? std::to_string(type.getNumElements())
                            : operand(alloc.getDynamicSizes()[0]);
    std::string name = assignName(alloc.getResult(), "heap");
    statement(*element + " *" + name + " = new " + *element + "[" + count +
              "]");
    return success();
  }
  if (auto dealloc = dyn_cast<memref::DeallocOp>(op)) {
    statement("delete[] " + operand(dealloc.getMemref(), kPrecUnary));
    return success();
  }
  if (auto copy = dyn_cast<memref::CopyOp>(op)) {
    auto source = cast<MemRefType>(copy.getSource().getType());
    auto target = cast<MemRefType>(copy.getTarget().getType());
    SmallVector<int64_t> strides;
    int64_t offset;
    auto unitStride = [&](MemRefType type) {
      return type.getRank() == 1 &&
             succeeded(type.getStridesAndOffset(strides, offset)) &&
             strides[0] == 1;
    };
    if (!source.hasStaticShape() || !unitStride(source) ||
        !unitStride(target) ||
        source.getElementType() != target.getElementType())
      return copy.emitError("cannot emit a copy from ")
             << source << " to " << target;
    FailureOr<std::string> element =
        getTypeName(source.getElementType(), loc);
    if (failed(element))
      return failure();
    statement("std::memcpy(" + getPointer(copy.getTarget()) + ", " +
              getPointer(copy.getSource()) + ", " +
              std::to_string(source.getNumElements()) + " * sizeof(" +
              *element + "))");
    return success();
  }
  if (auto insert = dyn_cast<vector::InsertOp>(op)) {
    if (insert.getNumIndices() != 1 ||
        insert.getDestVectorType().getRank() != 1 ||
        isa<VectorType>(insert.getValueToStoreType()))
      return insert.emitError("cannot emit this vector.insert");
    if (failed(declare(insert.getResult(), getExpr(insert.getDest()))))
      return failure();
    OpFoldResult position = insert.getMixedPosition()[0];
    std::string index =
        isa<Attribute>(position)
            ? std::to_string(
                  cast<IntegerAttr>(cast<Attribute>(position)).getInt())
            : operand(cast<Value>(position));
    statement(getName(insert.getResult()) + "[" + index +
              "] = " + operand(insert.getValueToStore(), kPrecAssign));
    return success();
  }
  if (auto assertOp = dyn_cast<cf::AssertOp>(op)) {
    std::string message;
    llvm::raw_string_ostream messageStream(message);
    messageStream << '"';
    llvm::printEscapedString(assertOp.getMsg(), messageStream);
    messageStream << '"';
    bool alwaysFails = false;
    if (auto constant =
            assertOp.getArg().getDefiningOp<arith::ConstantOp>())
      alwaysFails = cast<IntegerAttr>(constant.getValue()).getValue().isZero();
    bool device = language.isDeviceFunction(getFunction());
    std::string failure =
        device ? language.getTrap()
               : "std::fprintf(stderr, \"%s\\n\", " + message +
                     "); std::exit(1)";
    if (alwaysFails) {
      statement(failure);
    } else {
      *out << "if (!" << operand(assertOp.getArg(), kPrecUnary) << ") {\n";
      out->indent();
      statement(failure);
      out->unindent();
      *out << "}\n";
    }
    return success();
  }
  handled = false;
  return success();
}
