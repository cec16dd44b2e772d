//===- VnniEmitter.cpp - the vnni dialect as C++ with AVX-512 intrinsics --===//
//
// C++ over host pointers with the intrinsics of <immintrin.h>: the vnni
// vector types become `__m512i`, `__m512` ..., every vnni op becomes the
// intrinsic its `getIntrinsicName()` names, with Intel's argument order.
// Public functions are `extern "C"`, private ones `static inline`; a
// function's `vnni.target_features` becomes
// `__attribute__((target("...")))`, so the output compiles with or without
// the `-mavx512*` flags. Loops that carry `xpl.omp_parallel_for` are
// written by the core with their `#pragma omp parallel for`.
//
// The intrinsics are table-driven: an op whose operands are the intrinsic's
// arguments in order is one entry of `emitIntrinsicCall`; loads and stores
// (which take a pointer) and immediates are the only special cases.
//
//===----------------------------------------------------------------------===//

#include "LanguageEmitters.h"

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace xpiler::target;
namespace vnni = xpiler::vnni;

namespace {

/// `name(arguments...)`.
std::string call(StringRef name, ArrayRef<std::string> arguments) {
  std::string text = name.str() + "(";
  for (auto [index, argument] : llvm::enumerate(arguments)) {
    if (index)
      text += ", ";
    text += argument;
  }
  return text + ")";
}

/// The C expressions of `values`, in order.
SmallVector<std::string> operands(CEmitter &emitter, ValueRange values) {
  SmallVector<std::string> texts;
  for (Value value : values)
    texts.push_back(emitter.operand(value));
  return texts;
}

/// `&base[indices]`: the address an intrinsic reads or writes. The 128- and
/// 256-bit integer loads and stores take a `__m128i *` / `__m256i *` (the
/// others a `void *` or `float *`), which C++ does not convert to
/// implicitly: their address is cast.
FailureOr<std::string> getAddress(CEmitter &emitter, Value base,
                                  ValueRange indices, Type vector,
                                  bool isConst, Location loc) {
  auto type = cast<MemRefType>(base.getType());
  std::string address;
  // A pointer at element 0 is the pointer itself.
  if (!CEmitter::isArrayType(type) &&
      llvm::all_of(indices, [](Value index) {
        auto constant = getConstantIntValue(index);
        return constant && *constant == 0;
      })) {
    address = emitter.operand(base, kPrecUnary);
  } else {
    FailureOr<std::string> element = emitter.getElement(base, indices, loc);
    if (failed(element))
      return failure();
    address = "&" + *element;
  }
  unsigned bits = vnni::getVectorBitWidth(vector);
  if (vnni::isIntegerVector(vector) && bits != 512)
    address = std::string("(") + (isConst ? "const " : "") + "__m" +
              std::to_string(bits) + "i *)" + address;
  return address;
}

/// The intrinsic call of a value-producing vnni op: its name and arguments
/// in Intel's order; nullopt for ops that are not such calls.
std::optional<FailureOr<std::string>> getIntrinsicCall(CEmitter &emitter,
                                                       Operation &op) {
  using Result = std::optional<FailureOr<std::string>>;
  return llvm::TypeSwitch<Operation *, Result>(&op)
      // Ops whose operands are the intrinsic's arguments, in order: a new
      // op of this kind is one more type here.
      .Case<vnni::DpOp, vnni::SetZeroOp, vnni::Set1Op, vnni::FmaddOp,
            vnni::ReduceOp, vnni::CvtOp, vnni::CastOp, vnni::SetrOp,
            vnni::BlendOp>(
          [&](auto intrinsic) -> Result {
            return call(intrinsic.getIntrinsicName(),
                        operands(emitter, intrinsic->getOperands()));
          })
      // Masked forms put the mask (and the pass-through) first:
      // `_mm512_mask_add_ps(src, k, a, b)`, `_mm512_maskz_add_ps(k, a, b)`.
      .Case([&](vnni::BinaryOp binary) -> Result {
        SmallVector<std::string> arguments;
        if (binary.getPassthru())
          arguments.push_back(emitter.operand(binary.getPassthru()));
        if (binary.getMask())
          arguments.push_back(emitter.operand(binary.getMask()));
        arguments.push_back(emitter.operand(binary.getLhs()));
        arguments.push_back(emitter.operand(binary.getRhs()));
        return call(binary.getIntrinsicName(), arguments);
      })
      // The predicate is the `_CMP_*` immediate.
      .Case([&](vnni::CmpOp cmp) -> Result {
        return call(cmp.getIntrinsicName(),
                    {emitter.operand(cmp.getLhs()),
                     emitter.operand(cmp.getRhs()),
                     "_CMP_" + StringRef(vnni::stringifyCmpPredicate(
                                             cmp.getPredicate()))
                                   .upper()});
      })
      // `_mm512_mask_loadu_ps(src, k, p)`, `_mm512_maskz_loadu_ps(k, p)`.
      .Case([&](vnni::MaskedLoadOp load) -> Result {
        FailureOr<std::string> address = getAddress(
            emitter, load.getBase(), load.getIndices(), load.getType(),
            /*isConst=*/true, load.getLoc());
        if (failed(address))
          return FailureOr<std::string>(failure());
        SmallVector<std::string> arguments;
        if (load.getPassthru())
          arguments.push_back(emitter.operand(load.getPassthru()));
        arguments.push_back(emitter.operand(load.getMask()));
        arguments.push_back(*address);
        return call(load.getIntrinsicName(), arguments);
      })
      // `_mm512_i32gather_ps(index, base, scale)`.
      .Case([&](vnni::GatherOp gather) -> Result {
        FailureOr<std::string> address = getAddress(
            emitter, gather.getBase(), gather.getIndices(), gather.getType(),
            /*isConst=*/true, gather.getLoc());
        if (failed(address))
          return FailureOr<std::string>(failure());
        return call(gather.getIntrinsicName(),
                    {emitter.operand(gather.getIndex()), *address,
                     std::to_string(gather.getScale())});
      })
      // An immediate after the vector.
      .Case([&](vnni::ExtractOp extract) -> Result {
        return call(extract.getIntrinsicName(),
                    {emitter.operand(extract.getSource()),
                     std::to_string(extract.getIndex())});
      })
      // A pointer.
      .Case([&](vnni::LoadOp load) -> Result {
        FailureOr<std::string> address = getAddress(
            emitter, load.getBase(), load.getIndices(), load.getType(),
            /*isConst=*/true, load.getLoc());
        if (failed(address))
          return FailureOr<std::string>(failure());
        return call(load.getIntrinsicName(), {*address});
      })
      .Default([](Operation *) -> Result { return std::nullopt; });
}

class VnniEmitter : public LanguageEmitter {
public:
  StringRef getName() override { return "C++/AVX-512"; }

  void emitPrelude(CEmitter &emitter, ModuleOp module) override {
    raw_indented_ostream &os = emitter.os();
    os << "// Generated by xpiler from MLIR; C++ with AVX-512 / VNNI "
          "intrinsics.\n";
    os << "#include <cmath>\n#include <cstdint>\n#include <cstdio>\n"
          "#include <cstdlib>\n#include <cstring>\n#include <immintrin.h>\n\n";
    // C has no rsqrt: raised GPU code (math.rsqrt) calls these.
    bool f32 = false, f64 = false;
    module.walk(
        [&](math::RsqrtOp op) { (op.getType().isF64() ? f64 : f32) = true; });
    if (f32)
      os << "static inline float xpl_rsqrtf(float x) { return 1.0f / "
            "std::sqrt(x); }\n";
    if (f64)
      os << "static inline double xpl_rsqrt(double x) { return 1.0 / "
            "std::sqrt(x); }\n";
    if (f32 || f64)
      os << "\n";
  }

  std::string getMathFunction(StringRef name, Type type) override {
    if (name == "rsqrt")
      return type.isF64() ? "xpl_rsqrt" : "xpl_rsqrtf";
    return LanguageEmitter::getMathFunction(name, type);
  }

  std::optional<std::string> getTypeName(Type type) override {
    // Half precision (raised CUDA/HIP code): GCC's and Clang's x86 _Float16.
    if (type.isF16())
      return std::string("_Float16");
    // `!vnni.m512i` is `__m512i`, and so on for every vnni type.
    if (!isa<vnni::VnniDialect>(type.getDialect()))
      return std::nullopt;
    std::string text;
    llvm::raw_string_ostream os(text);
    type.print(os);
    StringRef mnemonic = StringRef(text).drop_front(strlen("!vnni."));
    if (mnemonic.empty() || !llvm::all_of(mnemonic, [](char c) {
          return llvm::isAlnum(c) || c == '_';
        }))
      return std::nullopt;
    return "__" + mnemonic.str();
  }

  bool isDeviceFunction(func::FuncOp) override { return false; }

  std::string getFunctionPrefix(func::FuncOp func) override {
    std::string prefix = func.isPrivate() ? "static inline" : "extern \"C\"";
    if (auto features = func->getAttrOfType<StringAttr>(
            vnni::VnniDialect::kTargetFeaturesAttrName))
      if (!features.getValue().empty())
        prefix += " __attribute__((target(\"" + features.getValue().str() +
                  "\")))";
    return prefix;
  }

  bool isExpression(Operation &op) override {
    if (!isa<vnni::VnniDialect>(op.getDialect()) || op.getNumResults() != 1 ||
        op.getNumRegions() != 0)
      return false;
    // Loads are reads: the core inlines them only when nothing in between
    // writes memory.
    return isMemoryEffectFree(&op) ||
           isa<vnni::LoadOp, vnni::MaskedLoadOp, vnni::GatherOp>(op);
  }

  std::optional<Expr> getExpr(CEmitter &emitter, Operation &op) override {
    if (auto bitcast = dyn_cast<vnni::BitcastOp>(op)) {
      // GCC vector types and the intrinsic types convert bit for bit.
      FailureOr<std::string> type =
          emitter.getTypeName(bitcast.getType(), bitcast.getLoc());
      if (failed(type))
        return std::nullopt;
      return Expr{"(" + *type + ")" +
                      emitter.operand(bitcast.getSource(), kPrecUnary),
                  kPrecUnary};
    }
    std::optional<FailureOr<std::string>> text =
        getIntrinsicCall(emitter, op);
    if (!text || failed(*text))
      return std::nullopt;
    return Expr{**text, kPrecPostfix};
  }

  std::optional<LogicalResult> emitOp(CEmitter &emitter,
                                      Operation &op) override {
    if (auto store = dyn_cast<vnni::StoreOp>(op)) {
      FailureOr<std::string> address = getAddress(
          emitter, store.getBase(), store.getIndices(),
          store.getValue().getType(), /*isConst=*/false, store.getLoc());
      if (failed(address))
        return failure();
      emitter.statement(call(store.getIntrinsicName(),
                             {*address, emitter.operand(store.getValue())}));
      return success();
    }
    // `_mm512_mask_storeu_ps(p, k, v)`.
    if (auto store = dyn_cast<vnni::MaskedStoreOp>(op)) {
      FailureOr<std::string> address = getAddress(
          emitter, store.getBase(), store.getIndices(),
          store.getValue().getType(), /*isConst=*/false, store.getLoc());
      if (failed(address))
        return failure();
      emitter.statement(call(store.getIntrinsicName(),
                             {*address, emitter.operand(store.getMask()),
                              emitter.operand(store.getValue())}));
      return success();
    }
    // getExpr declined: an address that could not be written.
    if (std::optional<FailureOr<std::string>> text =
            getIntrinsicCall(emitter, op)) {
      if (failed(*text))
        return failure();
      return emitter.declare(op.getResult(0), {**text, kPrecPostfix});
    }
    return std::nullopt;
  }
};

} // namespace

std::unique_ptr<LanguageEmitter> xpiler::target::createVnniEmitter() {
  return std::make_unique<VnniEmitter>();
}
