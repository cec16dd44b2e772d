//===- BuiltinsMath.cpp - C/C++ math functions ----------------------------===//
//
// libm, CUDA's device math and std:: math map to the math and arith
// dialects. Exact C semantics where they differ between spellings:
// fmaxf/CUDA max are NaN-ignoring (maxnumf), std::max is `a < b ? b : a`.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace xpiler;

namespace {
enum class MathOp {
  None, Exp, Exp2, Log, Log2, Sqrt, Rsqrt, Tanh, Erf, Sin, Cos, Tan, Floor,
  Ceil, Round, Trunc, Abs, Pow, MaxNum, MinNum, Fmod, Fma, Div, Max, Min,
  StdMax, StdMin, LRound
};
} // namespace

static MathOp classify(StringRef name) {
  name.consume_front("std::");
  // Float and fast-math spellings share the operation: expf, __expf, exp.
  StringRef base = name;
  base.consume_front("__");
  if (base != "max" && base != "min" && base.ends_with("f") &&
      !base.ends_with("_rn") && base.size() > 2 && base != "erf" &&
      base != "fmaf")
    base = base.drop_back();
  if (base == "frsqrt_rn")
    base = "rsqrt";
  if (base == "fdivide" || base == "fdividef")
    return MathOp::Div;
  return llvm::StringSwitch<MathOp>(base)
      .Case("exp", MathOp::Exp)
      .Case("exp2", MathOp::Exp2)
      .Case("log", MathOp::Log)
      .Case("log2", MathOp::Log2)
      .Case("sqrt", MathOp::Sqrt)
      .Case("rsqrt", MathOp::Rsqrt)
      .Case("tanh", MathOp::Tanh)
      .Case("erf", MathOp::Erf)
      .Case("sin", MathOp::Sin)
      .Case("cos", MathOp::Cos)
      .Case("tan", MathOp::Tan)
      .Case("floor", MathOp::Floor)
      .Case("ceil", MathOp::Ceil)
      .Case("round", MathOp::Round)
      .Case("trunc", MathOp::Trunc)
      .Cases("fabs", "abs", MathOp::Abs)
      .Case("pow", MathOp::Pow)
      .Case("fmax", MathOp::MaxNum)
      .Case("fmin", MathOp::MinNum)
      .Case("fmod", MathOp::Fmod)
      .Cases("fma", "fmaf", MathOp::Fma)
      .Case("max", MathOp::Max)
      .Case("min", MathOp::Min)
      .Case("lround", MathOp::LRound)
      .Default(MathOp::None);
}

std::optional<FailureOr<ExprValue>>
xpiler::emitMathBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                        StringRef callee) {
  MathOp op = classify(callee);
  if (op == MathOp::None)
    return std::nullopt;
  if (callee.starts_with("std::") && (op == MathOp::Max || op == MathOp::Min))
    op = op == MathOp::Max ? MathOp::StdMax : MathOp::StdMin;
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  SmallVector<Value> args;
  for (const clang::Expr *arg : call->arguments()) {
    FailureOr<Value> v = f.emitScalar(arg);
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    args.push_back(*v);
  }
  auto expect = [&](unsigned n) -> bool {
    if (args.size() == n)
      return true;
    f.error(call) << "'" << callee << "' expects " << n << " arguments";
    return false;
  };
  bool isFloat = !args.empty() && isa<FloatType>(args[0].getType());
  bool isUnsigned =
      call->getNumArgs() && call->getArg(0)->getType()->isUnsignedIntegerType();
  auto result = [](Value v) {
    return std::optional<FailureOr<ExprValue>>(ExprValue::ofScalar(v));
  };
  if (!isFloat && op != MathOp::Max && op != MathOp::Min &&
      op != MathOp::StdMax && op != MathOp::StdMin && op != MathOp::Abs) {
    f.error(call) << "'" << callee << "' on integers is not supported";
    return FailureOr<ExprValue>(failure());
  }
  switch (op) {
  case MathOp::Exp:
    return expect(1) ? result(b.create<math::ExpOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Exp2:
    return expect(1) ? result(b.create<math::Exp2Op>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Log:
    return expect(1) ? result(b.create<math::LogOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Log2:
    return expect(1) ? result(b.create<math::Log2Op>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Sqrt:
    return expect(1) ? result(b.create<math::SqrtOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Rsqrt:
    return expect(1) ? result(b.create<math::RsqrtOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Tanh:
    return expect(1) ? result(b.create<math::TanhOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Erf:
    return expect(1) ? result(b.create<math::ErfOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Sin:
    return expect(1) ? result(b.create<math::SinOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Cos:
    return expect(1) ? result(b.create<math::CosOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Tan:
    return expect(1) ? result(b.create<math::TanOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Floor:
    return expect(1) ? result(b.create<math::FloorOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Ceil:
    return expect(1) ? result(b.create<math::CeilOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Round:
    return expect(1) ? result(b.create<math::RoundOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Trunc:
    return expect(1) ? result(b.create<math::TruncOp>(l, args[0])) : FailureOr<ExprValue>(failure());
  case MathOp::Abs:
    if (!expect(1))
      return FailureOr<ExprValue>(failure());
    return isFloat ? result(b.create<math::AbsFOp>(l, args[0]))
                   : result(b.create<math::AbsIOp>(l, args[0]));
  case MathOp::Pow:
    return expect(2) ? result(b.create<math::PowFOp>(l, args[0], args[1])) : FailureOr<ExprValue>(failure());
  case MathOp::MaxNum:
    return expect(2) ? result(b.create<arith::MaxNumFOp>(l, args[0], args[1])) : FailureOr<ExprValue>(failure());
  case MathOp::MinNum:
    return expect(2) ? result(b.create<arith::MinNumFOp>(l, args[0], args[1])) : FailureOr<ExprValue>(failure());
  case MathOp::Fmod:
    return expect(2) ? result(b.create<arith::RemFOp>(l, args[0], args[1])) : FailureOr<ExprValue>(failure());
  case MathOp::Div:
    return expect(2) ? result(b.create<arith::DivFOp>(l, args[0], args[1])) : FailureOr<ExprValue>(failure());
  case MathOp::Fma:
    return expect(3) ? result(b.create<math::FmaOp>(l, args[0], args[1], args[2])) : FailureOr<ExprValue>(failure());
  case MathOp::LRound: {
    if (!expect(1))
      return FailureOr<ExprValue>(failure());
    Value r = b.create<math::RoundOp>(l, args[0]);
    Type to = f.convertType(call->getType(), call);
    return result(b.create<arith::FPToSIOp>(l, to, r));
  }
  case MathOp::Max:
  case MathOp::Min: {
    if (!expect(2))
      return FailureOr<ExprValue>(failure());
    bool max = op == MathOp::Max;
    if (isFloat)
      return max ? result(b.create<arith::MaxNumFOp>(l, args[0], args[1]))
                 : result(b.create<arith::MinNumFOp>(l, args[0], args[1]));
    if (isUnsigned)
      return max ? result(b.create<arith::MaxUIOp>(l, args[0], args[1]))
                 : result(b.create<arith::MinUIOp>(l, args[0], args[1]));
    return max ? result(b.create<arith::MaxSIOp>(l, args[0], args[1]))
               : result(b.create<arith::MinSIOp>(l, args[0], args[1]));
  }
  case MathOp::StdMax:
  case MathOp::StdMin: {
    // std::max(a, b) = (a < b) ? b : a; std::min(a, b) = (b < a) ? b : a.
    if (!expect(2))
      return FailureOr<ExprValue>(failure());
    bool max = op == MathOp::StdMax;
    Value lhs = max ? args[0] : args[1], rhs = max ? args[1] : args[0];
    Value less;
    if (isFloat)
      less = b.create<arith::CmpFOp>(l, arith::CmpFPredicate::OLT, lhs, rhs);
    else
      less = b.create<arith::CmpIOp>(l, isUnsigned ? arith::CmpIPredicate::ult
                                                   : arith::CmpIPredicate::slt,
                                     lhs, rhs);
    return result(b.create<arith::SelectOp>(l, less, args[1], args[0]));
  }
  case MathOp::None:
    break;
  }
  return std::nullopt;
}
