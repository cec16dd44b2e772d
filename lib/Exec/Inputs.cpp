//===- Inputs.cpp - the arguments of the oracle's runs --------------------===//

#include "xpiler/Exec/Verify.h"

#include "mlir/IR/AffineExpr.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <cstring>
#include <random>

using namespace xpiler::exec;
using llvm::APFloat;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

//===----------------------------------------------------------------------===//
// Size expressions: integers, names, + - * / % and parentheses
//===----------------------------------------------------------------------===//

namespace {
class ExpressionParser {
public:
  ExpressionParser(llvm::StringRef text,
                   const std::map<std::string, int64_t> &names)
      : text(text), names(names) {}

  llvm::Expected<int64_t> parse() {
    llvm::Expected<int64_t> v = parseSum();
    if (!v)
      return v;
    skipSpaces();
    if (pos != text.size())
      return fail("unexpected '" + text.substr(pos, 1) + "'");
    return v;
  }

private:
  llvm::Error fail(const llvm::Twine &what) {
    return makeError("in '" + text + "': " + what);
  }
  void skipSpaces() {
    while (pos < text.size() && text[pos] == ' ')
      ++pos;
  }
  bool consume(char c) {
    skipSpaces();
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }
  llvm::Expected<int64_t> parseSum() {
    llvm::Expected<int64_t> lhs = parseProduct();
    while (lhs) {
      if (consume('+')) {
        llvm::Expected<int64_t> rhs = parseProduct();
        if (!rhs)
          return rhs;
        *lhs += *rhs;
      } else if (consume('-')) {
        llvm::Expected<int64_t> rhs = parseProduct();
        if (!rhs)
          return rhs;
        *lhs -= *rhs;
      } else {
        break;
      }
    }
    return lhs;
  }
  llvm::Expected<int64_t> parseProduct() {
    llvm::Expected<int64_t> lhs = parseAtom();
    while (lhs) {
      char op = 0;
      for (char c : {'*', '/', '%'})
        if (!op && consume(c))
          op = c;
      if (!op)
        break;
      llvm::Expected<int64_t> rhs = parseAtom();
      if (!rhs)
        return rhs;
      if (op != '*' && *rhs == 0)
        return fail("division by zero");
      *lhs = op == '*' ? *lhs * *rhs : op == '/' ? *lhs / *rhs : *lhs % *rhs;
    }
    return lhs;
  }
  llvm::Expected<int64_t> parseAtom() {
    skipSpaces();
    if (consume('(')) {
      llvm::Expected<int64_t> v = parseSum();
      if (v && !consume(')'))
        return fail("missing ')'");
      return v;
    }
    if (consume('-')) {
      llvm::Expected<int64_t> v = parseAtom();
      if (v)
        *v = -*v;
      return v;
    }
    size_t start = pos;
    if (pos < text.size() && llvm::isDigit(text[pos])) {
      while (pos < text.size() && llvm::isDigit(text[pos]))
        ++pos;
      int64_t v;
      if (text.substr(start, pos - start).getAsInteger(10, v))
        return fail("integer out of range");
      return v;
    }
    while (pos < text.size() && (llvm::isAlnum(text[pos]) || text[pos] == '_'))
      ++pos;
    if (start == pos)
      return fail("expected a number or a name");
    std::string name = text.substr(start, pos - start).str();
    auto it = names.find(name);
    if (it == names.end())
      return fail("unknown scalar '" + name + "'");
    return it->second;
  }

  llvm::StringRef text;
  const std::map<std::string, int64_t> &names;
  size_t pos = 0;
};
} // namespace

//===----------------------------------------------------------------------===//
// Element encoding
//===----------------------------------------------------------------------===//

static void writeElement(ArgValue &buffer, DType dtype, int64_t index,
                         double value) {
  uint8_t *p = buffer.bytes.data() + index * getDTypeBytes(dtype);
  switch (dtype) {
  case DType::I1: {
    uint8_t v = value != 0;
    std::memcpy(p, &v, 1);
    return;
  }
  case DType::I8: {
    int8_t v = (int8_t)(int64_t)value;
    std::memcpy(p, &v, 1);
    return;
  }
  case DType::I16: {
    int16_t v = (int16_t)(int64_t)value;
    std::memcpy(p, &v, 2);
    return;
  }
  case DType::I32: {
    int32_t v = (int32_t)(int64_t)value;
    std::memcpy(p, &v, 4);
    return;
  }
  case DType::I64: {
    int64_t v = (int64_t)value;
    std::memcpy(p, &v, 8);
    return;
  }
  case DType::F16:
  case DType::BF16: {
    APFloat f(value);
    bool lost;
    f.convert(dtype == DType::F16 ? APFloat::IEEEhalf() : APFloat::BFloat(),
              APFloat::rmNearestTiesToEven, &lost);
    uint16_t bits = (uint16_t)f.bitcastToAPInt().getZExtValue();
    std::memcpy(p, &bits, 2);
    return;
  }
  case DType::F32: {
    float v = (float)value;
    std::memcpy(p, &v, 4);
    return;
  }
  case DType::F64:
    std::memcpy(p, &value, 8);
    return;
  }
}

double xpiler::exec::readElement(const ArgValue &buffer, DType dtype,
                                 int64_t index) {
  const uint8_t *p = buffer.bytes.data() + index * getDTypeBytes(dtype);
  switch (dtype) {
  case DType::I1:
    return *p != 0;
  case DType::I8:
    return (int8_t)*p;
  case DType::I16: {
    int16_t v;
    std::memcpy(&v, p, 2);
    return v;
  }
  case DType::I32: {
    int32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case DType::I64: {
    int64_t v;
    std::memcpy(&v, p, 8);
    return (double)v;
  }
  case DType::F16:
  case DType::BF16: {
    uint16_t bits;
    std::memcpy(&bits, p, 2);
    APFloat f(dtype == DType::F16 ? APFloat::IEEEhalf() : APFloat::BFloat(),
              llvm::APInt(16, bits));
    bool lost;
    f.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
    return f.convertToDouble();
  }
  case DType::F32: {
    float v;
    std::memcpy(&v, p, 4);
    return v;
  }
  case DType::F64: {
    double v;
    std::memcpy(&v, p, 8);
    return v;
  }
  }
  return 0;
}

//===----------------------------------------------------------------------===//
// Random values
//===----------------------------------------------------------------------===//

/// One element of trial `trial`'s value profile for `dtype`.
static double randomValue(std::mt19937_64 &rng, DType dtype, unsigned trial,
                          std::optional<std::pair<double, double>> range) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  if (range) {
    double v = range->first + unit(rng) * (range->second - range->first);
    return isFloatDType(dtype) ? v : std::floor(v);
  }
  if (!isFloatDType(dtype)) {
    switch (dtype) {
    case DType::I1:
      return unit(rng) < 0.5;
    case DType::I8:
      return std::floor(-128 + unit(rng) * 256);
    case DType::I16:
      return std::floor(-512 + unit(rng) * 1024);
    default:
      return std::floor(-100 + unit(rng) * 200);
    }
  }
  switch (trial % 4) {
  case 0: // small, both signs
    return -1 + 2 * unit(rng);
  case 1: { // zeros and tiny values among [-4, 4)
    double u = unit(rng);
    if (u < 0.1)
      return 0.0;
    if (u < 0.15)
      return (unit(rng) < 0.5 ? -1e-3 : 1e-3) * unit(rng);
    return -4 + 8 * unit(rng);
  }
  case 2: { // magnitudes from 1e-3 to 1e3, both signs
    double magnitude = std::pow(10.0, -3 + 6 * unit(rng));
    return unit(rng) < 0.5 ? -magnitude : magnitude;
  }
  default: // positive
    return 8 * unit(rng);
  }
}

llvm::Expected<std::vector<ArgValue>>
xpiler::exec::makeInputs(const EntrySignature &signature,
                         const InputOptions &options, unsigned trial,
                         std::vector<std::string> *notes) {
  std::vector<ArgValue> args(signature.params.size());
  auto isParameter = [&](const std::string &name) {
    for (auto [i, param] : llvm::enumerate(signature.params))
      if (param.name == name || "arg" + std::to_string(i) == name)
        return true;
    return false;
  };
  for (const auto &[name, value] : options.args)
    if (!isParameter(name))
      return makeError("--arg " + name + ": '" + signature.name +
                       "' has no parameter '" + name + "'");
  for (const auto &[name, value] : options.ranges)
    if (!isParameter(name))
      return makeError("--range " + name + ": '" + signature.name +
                       "' has no parameter '" + name + "'");
  std::map<std::string, int64_t> scalars;
  std::vector<int64_t> symbolValues(signature.params.size(), 0);

  // Scalars first: buffer sizes depend on them.
  for (auto [i, param] : llvm::enumerate(signature.params)) {
    if (param.isBuffer)
      continue;
    std::string positional = "arg" + std::to_string(i);
    auto it = options.args.find(param.name);
    if (it == options.args.end())
      it = options.args.find(positional);
    ArgValue &arg = args[i];
    if (it == options.args.end()) {
      if (isFloatDType(param.dtype)) {
        arg.floatValue = 0.75;
      } else {
        arg.intValue = param.dtype == DType::I1 ? 1 : 64;
      }
      if (notes && trial == 0)
        notes->push_back(llvm::formatv(
            "scalar '{0}' = {1} (not given; set it with --arg {0}=VALUE)",
            param.name,
            isFloatDType(param.dtype) ? std::string("0.75")
                                      : std::to_string(arg.intValue)));
    } else if (isFloatDType(param.dtype)) {
      double v;
      if (llvm::StringRef(it->second).getAsDouble(v))
        return makeError("--arg " + param.name + "=" + it->second +
                         ": expected a number");
      arg.floatValue = v;
    } else {
      ExpressionParser parser(it->second, scalars);
      llvm::Expected<int64_t> v = parser.parse();
      if (!v)
        return v.takeError();
      arg.intValue = *v;
    }
    // Half scalars travel as their bits.
    if (param.dtype == DType::F16 || param.dtype == DType::BF16) {
      ArgValue bits;
      bits.bytes.resize(2);
      writeElement(bits, param.dtype, 0, arg.floatValue);
      uint16_t b;
      std::memcpy(&b, bits.bytes.data(), 2);
      arg.intValue = b;
    }
    if (!isFloatDType(param.dtype)) {
      scalars[param.name] = arg.intValue;
      scalars[positional] = arg.intValue;
      symbolValues[i] = arg.intValue;
    }
  }

  for (auto [i, param] : llvm::enumerate(signature.params)) {
    if (!param.isBuffer)
      continue;
    std::string positional = "arg" + std::to_string(i);
    int64_t count;
    auto given = options.args.find(param.name);
    if (given == options.args.end())
      given = options.args.find(positional);
    auto content = options.contents.find(param.name);
    if (given != options.args.end()) {
      ExpressionParser parser(given->second, scalars);
      llvm::Expected<int64_t> v = parser.parse();
      if (!v)
        return v.takeError();
      count = *v;
    } else if (content != options.contents.end()) {
      count = content->second.count;
    } else if (param.staticSize) {
      count = *param.staticSize;
    } else if (param.sizeMap && param.sizeMap->getNumResults() == 1 &&
               param.sizeMap->getNumSymbols() == symbolValues.size()) {
      mlir::AffineExpr expr = param.sizeMap->getResult(0);
      llvm::SmallVector<mlir::AffineExpr> symbols;
      for (int64_t v : symbolValues)
        symbols.push_back(mlir::getAffineConstantExpr(v, expr.getContext()));
      expr = expr.replaceSymbols(symbols);
      auto constant = llvm::dyn_cast<mlir::AffineConstantExpr>(expr);
      if (!constant)
        return makeError("cannot evaluate the size of buffer '" + param.name +
                         "'");
      count = constant.getValue();
    } else {
      return makeError("the size of buffer '" + param.name +
                       "' is unknown: pass --arg " + param.name +
                       "=ELEMENTS (a number or an expression of the scalars)");
    }
    if (count < 0 || count > (int64_t(1) << 31))
      return makeError(llvm::formatv("buffer '{0}' would have {1} elements",
                                     param.name, count)
                           .str());
    ArgValue &arg = args[i];
    arg.count = count;
    arg.bytes.assign((size_t)count * getDTypeBytes(param.dtype), 0);
    if (content != options.contents.end()) {
      if (content->second.count != count)
        return makeError(llvm::formatv("buffer '{0}' has {1} elements but its "
                                       "input file {2}",
                                       param.name, count, content->second.count)
                             .str());
      arg.bytes = content->second.bytes;
      continue;
    }
    if (param.isOutput && !param.isInput) {
      std::fill(arg.bytes.begin(), arg.bytes.end(), 0xff);
      continue;
    }
    std::mt19937_64 rng(options.seed * 0x9E3779B97F4A7C15ull + trial * 7919 +
                        i * 104729);
    std::optional<std::pair<double, double>> range;
    auto r = options.ranges.find(param.name);
    if (r != options.ranges.end())
      range = r->second;
    for (int64_t e = 0; e < count; ++e)
      writeElement(arg, param.dtype, e,
                   randomValue(rng, param.dtype, trial, range));
  }
  return args;
}
