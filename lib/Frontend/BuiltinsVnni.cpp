//===- BuiltinsVnni.cpp - AVX-512 / VNNI intrinsics -----------------------===//
//
// Maps the intrinsic vector types (__m512i, __m512, ...) and the AVX-512 /
// VNNI intrinsics of <immintrin.h> to the vnni dialect, one call to one op.
//
// Intrinsics are recognised by name: most are inline functions of Clang's
// headers, so the call names them directly (`_mm512_dpbusd_epi32`). A few
// are macros around a `__builtin_ia32_*` call (the 128/256-bit dot products,
// the extracts); those are recognised by the builtin's name, and errors name
// the macro the user wrote. Pointer arguments are looked through their casts
// (`(const __m512i *)(a + k)`, `(void *)p`) to the typed buffer they point
// into, and the access is made at the pointer's element offset.
//
// Every function that uses an intrinsic gets `vnni.target_features`: the
// AVX-512 features Clang enables for it (command line and
// `__attribute__((target(...)))`), which the ops' verifiers check.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "xpiler/Dialect/Vnni/Vnni.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/Lex/Lexer.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace xpiler;

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

/// The vnni type of an `<immintrin.h>` typedef name, or null.
static Type getTypeOfTypedefName(StringRef name, MLIRContext *ctx) {
  name.consume_back("_u"); // __m512i_u and friends: unaligned variants.
  return llvm::StringSwitch<std::function<Type()>>(name)
      .Case("__m512i", [&] { return vnni::M512iType::get(ctx); })
      .Case("__m256i", [&] { return vnni::M256iType::get(ctx); })
      .Case("__m128i", [&] { return vnni::M128iType::get(ctx); })
      .Case("__m512", [&] { return vnni::M512Type::get(ctx); })
      .Case("__m256", [&] { return vnni::M256Type::get(ctx); })
      .Case("__m128", [&] { return vnni::M128Type::get(ctx); })
      .Default([] { return Type(); })();
}

std::optional<Type> xpiler::convertVnniType(clang::QualType t,
                                            MLIRContext *context) {
  // Walk the typedef chain: `typedef __m512i vec_t;` is still an __m512i.
  while (!t.isNull()) {
    const auto *tt = t->getAs<clang::TypedefType>();
    if (!tt)
      return std::nullopt;
    if (Type type = getTypeOfTypedefName(tt->getDecl()->getName(), context))
      return type;
    t = tt->getDecl()->getUnderlyingType();
  }
  return std::nullopt;
}

/// The vnni type of any Clang vector type of 128, 256 or 512 bits (the
/// `__v16si`-style types of the builtins behind macro intrinsics): integer
/// elements give `!vnni.m*i`, float elements `!vnni.m*`.
static Type getVnniTypeOfVector(clang::QualType t, clang::ASTContext &ast,
                                MLIRContext *ctx) {
  if (std::optional<Type> v = convertVnniType(t, ctx))
    return *v;
  const auto *vt = t.getCanonicalType()->getAs<clang::VectorType>();
  if (!vt)
    return {};
  uint64_t bits = ast.getTypeSize(t);
  clang::QualType elem = vt->getElementType();
  bool isFloat = elem->isSpecificBuiltinType(clang::BuiltinType::Float);
  if (!isFloat && !elem->isIntegerType())
    return {};
  switch (bits) {
  case 512:
    return isFloat ? Type(vnni::M512Type::get(ctx))
                   : Type(vnni::M512iType::get(ctx));
  case 256:
    return isFloat ? Type(vnni::M256Type::get(ctx))
                   : Type(vnni::M256iType::get(ctx));
  case 128:
    return isFloat ? Type(vnni::M128Type::get(ctx))
                   : Type(vnni::M128iType::get(ctx));
  default:
    return {};
  }
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

namespace {
/// Emits the operands and ops of one intrinsic call.
class IntrinsicEmitter {
public:
  IntrinsicEmitter(FunctionImporter &f, const clang::CallExpr *call,
                   StringRef name)
      : f(f), b(f.builder()), call(call), name(name), l(f.loc(call)),
        ctx(b.getContext()) {}

  FunctionImporter &f;
  OpBuilder &b;
  const clang::CallExpr *call;
  std::string name; // the intrinsic as the user wrote it
  Location l;
  MLIRContext *ctx;

  InFlightDiagnostic error() {
    return f.error(call) << "intrinsic '" << name << "' ";
  }

  /// The vnni type of the call's result.
  Type resultType() {
    return getVnniTypeOfVector(call->getType(), f.getModule().getAST(), ctx);
  }

  /// A vector argument; when `expected` is given, a vector of another kind
  /// but the same width (a cast the macro forms apply) is reinterpreted.
  FailureOr<Value> vector(unsigned i, Type expected = {}) {
    const clang::Expr *arg = call->getArg(i);
    // Casts between vector types of the same width (`(__v16si)(__m512i)(A)`
    // in the macro forms) carry the same bits.
    while (true) {
      arg = arg->IgnoreParens();
      const auto *c = dyn_cast<clang::CastExpr>(arg);
      if (!c || !c->getType()->isVectorType() ||
          !c->getSubExpr()->getType()->isVectorType() ||
          (c->getCastKind() != clang::CK_BitCast &&
           c->getCastKind() != clang::CK_NoOp))
        break;
      arg = c->getSubExpr();
    }
    FailureOr<Value> v = f.emitScalar(arg);
    if (failed(v))
      return failure();
    Type type = v->getType();
    unsigned bits = vnni::getVectorBitWidth(type);
    if (!bits || (expected && bits != vnni::getVectorBitWidth(expected))) {
      InFlightDiagnostic diag = f.error(call->getArg(i));
      diag << "argument " << i + 1 << " of intrinsic '" << name
           << "' must be ";
      if (expected)
        diag << "of type " << expected;
      else
        diag << "an intrinsic vector";
      diag << ", got " << type;
      return failure();
    }
    // Same width, the other kind (`(__v16sf)(__m512i)x` in a macro form).
    if (expected && type != expected)
      return Value(vnni::CastOp::create(b, l, expected, *v));
    return v;
  }

  /// An integer constant argument (an immediate or a mask).
  std::optional<int64_t> constant(unsigned i) {
    clang::Expr::EvalResult result;
    if (!call->getArg(i)->EvaluateAsInt(result, f.getModule().getAST()))
      return std::nullopt;
    return result.Val.getInt().getSExtValue();
  }

  /// The buffer and indices of a pointer argument, looked through the casts
  /// to `void *` or to a vector pointer (`(const __m512i *)(a + k)`).
  FailureOr<std::pair<Value, SmallVector<Value>>> address(unsigned i,
                                                          Type vector) {
    const clang::Expr *arg = call->getArg(i);
    while (true) {
      arg = arg->IgnoreParens();
      const auto *c = dyn_cast<clang::CastExpr>(arg);
      if (!c || !c->getType()->isPointerType() ||
          !c->getSubExpr()->getType()->isPointerType() ||
          (c->getCastKind() != clang::CK_BitCast &&
           c->getCastKind() != clang::CK_NoOp))
        break;
      arg = c->getSubExpr();
    }
    FailureOr<Pointer> p = f.emitPointer(arg);
    if (failed(p))
      return failure();
    auto memref = cast<MemRefType>(p->base.getType());
    Type elem = memref.getElementType();
    bool fits = vnni::isFloatVector(vector)
                    ? elem.isF32()
                    : llvm::any_of(ArrayRef<unsigned>{8, 16, 32, 64},
                                   [&](unsigned w) {
                                     return elem.isSignlessInteger(w);
                                   });
    if (!fits)
      return error() << "cannot access a buffer of " << elem << " (needs "
                     << (vnni::isFloatVector(vector)
                             ? "f32"
                             : "i8, i16, i32 or i64")
                     << " elements)",
             failure();
    if (memref.getRank() != 1 || !vnni::isAccessibleBuffer(memref))
      return error() << "needs a pointer into a one-dimensional buffer, got "
                     << memref,
             failure();
    return std::make_pair(p->base, SmallVector<Value>{p->offset});
  }
};
} // namespace

/// The vnni type of an intrinsic name prefix and vector suffix: `_mm512`
/// and an `si`/`epi` suffix give `!vnni.m512i`, a `ps` suffix `!vnni.m512`.
static Type getVectorType(unsigned bits, bool isFloat, MLIRContext *ctx) {
  switch (bits) {
  case 512:
    return isFloat ? Type(vnni::M512Type::get(ctx))
                   : Type(vnni::M512iType::get(ctx));
  case 256:
    return isFloat ? Type(vnni::M256Type::get(ctx))
                   : Type(vnni::M256iType::get(ctx));
  default:
    return isFloat ? Type(vnni::M128Type::get(ctx))
                   : Type(vnni::M128iType::get(ctx));
  }
}

static std::optional<vnni::Lane> parseLane(StringRef s) {
  return llvm::StringSwitch<std::optional<vnni::Lane>>(s)
      .Case("epi8", vnni::Lane::epi8)
      .Case("epi16", vnni::Lane::epi16)
      .Case("epi32", vnni::Lane::epi32)
      .Case("epi64", vnni::Lane::epi64)
      .Case("ps", vnni::Lane::ps)
      .Default(std::nullopt);
}

/// The intrinsic the user wrote for a call: the callee, or for a builtin
/// expanded from a macro (`_mm256_dpbusd_epi32(...)` is
/// `__builtin_ia32_vpdpbusd256(...)`), the outermost `_mm*` macro name.
static std::string getWrittenName(FunctionImporter &f,
                                  const clang::CallExpr *call,
                                  StringRef callee) {
  clang::ASTContext &ast = f.getModule().getAST();
  const clang::SourceManager &sm = ast.getSourceManager();
  std::string written = callee.str();
  clang::SourceLocation loc = call->getBeginLoc();
  while (loc.isMacroID()) {
    StringRef macro =
        clang::Lexer::getImmediateMacroName(loc, sm, ast.getLangOpts());
    if (macro.starts_with("_mm"))
      written = macro.str();
    loc = sm.getImmediateMacroCallerLoc(loc);
  }
  return written;
}

/// The function declaration whose body holds `s`.
static const clang::FunctionDecl *
getEnclosingFunction(clang::ASTContext &ast, const clang::Stmt *s) {
  clang::DynTypedNodeList parents = ast.getParents(*s);
  while (!parents.empty()) {
    const clang::DynTypedNode &node = parents[0];
    if (const auto *fd = node.get<clang::FunctionDecl>())
      return fd;
    if (const auto *st = node.get<clang::Stmt>())
      parents = ast.getParents(*st);
    else if (const auto *d = node.get<clang::Decl>())
      parents = ast.getParents(*d);
    else
      return nullptr;
  }
  return nullptr;
}

namespace xpiler {
/// The `vnni.target_features` of a function: the AVX-512 features Clang
/// enables for it (command line and `__attribute__((target(...)))`),
/// `avx512f` first, the others sorted. Without a declaration, the command
/// line's. (Not declared in Importer.h yet: ModuleImporter::getFunction could
/// set it on every imported function, not only those calling intrinsics.)
std::string getVnniTargetFeatures(clang::ASTContext &ast,
                                  const clang::FunctionDecl *fd) {
  llvm::StringMap<bool> featureMap;
  if (fd)
    ast.getFunctionFeatureMap(featureMap, clang::GlobalDecl(fd));
  else
    featureMap = ast.getTargetInfo().getTargetOpts().FeatureMap;
  SmallVector<std::string> features;
  for (const auto &entry : featureMap)
    if (entry.getValue() && entry.getKey().starts_with("avx512") &&
        entry.getKey() != "avx512f")
      features.push_back(entry.getKey().str());
  llvm::sort(features);
  features.insert(features.begin(), "avx512f");
  return llvm::join(features, ",");
}
} // namespace xpiler

/// Sets `vnni.target_features` on the function being imported, once.
static void setTargetFeatures(FunctionImporter &f,
                              const clang::CallExpr *call) {
  Region *region = f.builder().getBlock()->getParent();
  auto func = region->getParentOfType<func::FuncOp>();
  if (!func)
    return;
  StringRef attrName = vnni::VnniDialect::kTargetFeaturesAttrName;
  if (func->hasAttr(attrName))
    return;
  clang::ASTContext &ast = f.getModule().getAST();
  func->setAttr(attrName,
                StringAttr::get(func.getContext(),
                                xpiler::getVnniTargetFeatures(
                                    ast, getEnclosingFunction(ast, call))));
}

//===----------------------------------------------------------------------===//
// Intrinsics
//===----------------------------------------------------------------------===//

/// One intrinsic call; std::nullopt when the dialect does not model it.
static std::optional<FailureOr<ExprValue>>
emitIntrinsic(IntrinsicEmitter &e, StringRef callee) {
  OpBuilder &b = e.b;
  Location l = e.l;
  MLIRContext *ctx = e.ctx;
  auto scalar = [](Value v) { return FailureOr<ExprValue>(ExprValue::ofScalar(v)); };

  // Builtins behind macro intrinsics.
  if (callee.consume_front("__builtin_ia32_")) {
    // Dot products: vpdpbusd256 and friends (the 512-bit forms are
    // functions, matched by name below).
    if (callee.consume_front("vp")) {
      std::optional<vnni::DotKind> kind;
      for (vnni::DotKind k : {vnni::DotKind::dpbusd, vnni::DotKind::dpbusds,
                              vnni::DotKind::dpwssd, vnni::DotKind::dpwssds})
        if (callee == (vnni::stringifyDotKind(k) + "128").str() ||
            callee == (vnni::stringifyDotKind(k) + "256").str() ||
            callee == (vnni::stringifyDotKind(k) + "512").str())
          kind = k;
      if (!kind)
        return std::nullopt;
      Type type = e.resultType();
      if (!type)
        return std::nullopt;
      FailureOr<Value> acc = e.vector(0, type), x = e.vector(1, type),
                       y = e.vector(2, type);
      if (failed(acc) || failed(x) || failed(y))
        return FailureOr<ExprValue>(failure());
      return scalar(vnni::DpOp::create(
          b, l, type, vnni::DotKindAttr::get(ctx, *kind), *acc, *x, *y));
    }
    // Float compares into a mask: cmpps512_mask(a, b, p, mask, rounding)
    // behind _mm512_cmp_ps_mask, cmpps256_mask/cmpps128_mask(a, b, p, mask)
    // behind _mm256_/_mm_cmp_ps_mask; unmasked only.
    if (callee == "cmpps512_mask" || callee == "cmpps256_mask" ||
        callee == "cmpps128_mask") {
      unsigned bits = callee == "cmpps512_mask"   ? 512
                      : callee == "cmpps256_mask" ? 256
                                                  : 128;
      Type type = getVectorType(bits, true, ctx);
      uint64_t lanes = bits / 32, all = (uint64_t(1) << lanes) - 1;
      std::optional<int64_t> predicate = e.constant(2), mask = e.constant(3);
      if (!mask || (uint64_t(*mask) & all) != all)
        return std::nullopt; // _mm*_mask_cmp_ps_mask
      // _mm512_cmp_round_ps_mask with other than _MM_FROUND_CUR_DIRECTION.
      if (bits == 512 && e.constant(4) != std::optional<int64_t>(4))
        return std::nullopt;
      if (!predicate || *predicate < 0 || *predicate > 31)
        return e.error() << "needs a constant predicate in [0, 31]",
               FailureOr<ExprValue>(failure());
      FailureOr<Value> x = e.vector(0, type), y = e.vector(1, type);
      if (failed(x) || failed(y))
        return FailureOr<ExprValue>(failure());
      return scalar(vnni::CmpOp::create(
          b, l, b.getIntegerType(bits == 512 ? 16 : 8),
          vnni::CmpPredicateAttr::get(
              ctx, static_cast<vnni::CmpPredicate>(*predicate)),
          *x, *y));
    }
    // Gathers: gathersiv16sf/gathersiv16si(src, addr, index, mask, scale)
    // behind _mm512_i32gather_ps/_epi32 (the mask is all ones, src unused);
    // the masked forms are not modelled.
    if (callee == "gathersiv16sf" || callee == "gathersiv16si") {
      bool isFloat = callee == "gathersiv16sf";
      if (e.name != (isFloat ? "_mm512_i32gather_ps" : "_mm512_i32gather_epi32"))
        return std::nullopt;
      std::optional<int64_t> mask = e.constant(3), scale = e.constant(4);
      if (!mask || (uint64_t(*mask) & 0xffff) != 0xffff)
        return std::nullopt;
      if (!scale || (*scale != 1 && *scale != 2 && *scale != 4 && *scale != 8))
        return e.error() << "needs a constant scale of 1, 2, 4 or 8",
               FailureOr<ExprValue>(failure());
      Type type = getVectorType(512, isFloat, ctx);
      FailureOr<Value> index = e.vector(2, vnni::M512iType::get(ctx));
      if (failed(index))
        return FailureOr<ExprValue>(failure());
      auto addr = e.address(1, type);
      if (failed(addr))
        return FailureOr<ExprValue>(failure());
      return scalar(vnni::GatherOp::create(
          b, l, type,
          vnni::LaneAttr::get(ctx, isFloat ? vnni::Lane::ps : vnni::Lane::epi32),
          *index, addr->first, addr->second, b.getI32IntegerAttr(*scale)));
    }
    // Extracts, unmasked only (the mask is all ones).
    std::optional<Type> source;
    if (callee == "extracti32x4_mask" || callee == "extracti64x4_mask")
      source = vnni::M512iType::get(ctx);
    else if (callee == "extracti32x4_256_mask")
      source = vnni::M256iType::get(ctx);
    if (!source)
      return std::nullopt;
    Type type = e.resultType();
    std::optional<int64_t> mask = e.constant(3), index = e.constant(1);
    if (!type || !mask || !index || (*mask & 0xff) != 0xff)
      return std::nullopt; // the mask_/maskz_ forms
    FailureOr<Value> v = e.vector(0, *source);
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    int64_t parts = vnni::getVectorBitWidth(*source) /
                    vnni::getVectorBitWidth(type);
    // The instruction reads the immediate's low bits only.
    return scalar(vnni::ExtractOp::create(
        b, l, type, *v, b.getI32IntegerAttr(*index & (parts - 1))));
  }

  // _mm512_..., _mm256_..., _mm_...: the width, then the operation.
  unsigned bits;
  if (callee.consume_front("_mm512_"))
    bits = 512;
  else if (callee.consume_front("_mm256_"))
    bits = 256;
  else if (callee.consume_front("_mm_"))
    bits = 128;
  else
    return std::nullopt;
  std::string widthSuffix = bits == 128 ? "si128" : "si" + std::to_string(bits);
  Type intType = getVectorType(bits, false, ctx);
  Type floatType = getVectorType(bits, true, ctx);

  // Dot products.
  for (vnni::DotKind k : {vnni::DotKind::dpbusd, vnni::DotKind::dpbusds,
                          vnni::DotKind::dpwssd, vnni::DotKind::dpwssds}) {
    if (callee != (vnni::stringifyDotKind(k) + "_epi32").str())
      continue;
    FailureOr<Value> acc = e.vector(0, intType), x = e.vector(1, intType),
                     y = e.vector(2, intType);
    if (failed(acc) || failed(x) || failed(y))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::DpOp::create(
        b, l, intType, vnni::DotKindAttr::get(ctx, k), *acc, *x, *y));
  }

  // Loads and stores: load[u]_si512, load[u]_ps, and the unmasked
  // load[u]_epi32/epi64 (AVX-512F/VL), loadu_epi8/epi16 (AVX-512BW) forms
  // that move the same bytes.
  auto parseAccess = [&](StringRef verb, bool &aligned, bool &isFloat) {
    StringRef rest = callee;
    if (!rest.consume_front(verb))
      return false;
    aligned = !rest.consume_front("u");
    if (!rest.consume_front("_"))
      return false;
    isFloat = rest == "ps";
    if (isFloat || rest == widthSuffix)
      return true;
    if (bits == 128 && !aligned && (rest == "si16" || rest == "si32" ||
                                    rest == "si64"))
      return false; // _mm_loadu_si32: a partial load
    if (rest == "epi32" || rest == "epi64")
      return true;
    return !aligned && (rest == "epi8" || rest == "epi16");
  };
  bool aligned = false, isFloat = false;
  if (parseAccess("load", aligned, isFloat)) {
    Type type = isFloat ? floatType : intType;
    auto addr = e.address(0, type);
    if (failed(addr))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::LoadOp::create(b, l, type, addr->first, addr->second,
                                         aligned ? b.getUnitAttr()
                                                 : UnitAttr()));
  }
  if (parseAccess("store", aligned, isFloat)) {
    Type type = isFloat ? floatType : intType;
    auto addr = e.address(0, type);
    if (failed(addr))
      return FailureOr<ExprValue>(failure());
    FailureOr<Value> v = e.vector(1, type);
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    vnni::StoreOp::create(b, l, *v, addr->first, addr->second,
                            aligned ? b.getUnitAttr() : UnitAttr());
    return FailureOr<ExprValue>(ExprValue());
  }

  // Masked loads and stores: mask_load[u]_<lane>(src, k, p),
  // maskz_load[u]_<lane>(k, p), mask_store[u]_<lane>(p, k, v).
  {
    StringRef rest = callee;
    bool merge = rest.consume_front("mask_");
    bool zero = !merge && rest.consume_front("maskz_");
    bool isLoad = rest.consume_front("load");
    bool isStore = merge && !isLoad && rest.consume_front("store");
    if ((merge || zero) && (isLoad || isStore)) {
      bool aligned = !rest.consume_front("u");
      std::optional<vnni::Lane> lane;
      if (rest.consume_front("_"))
        lane = parseLane(rest);
      if (!lane)
        return std::nullopt;
      Type type = *lane == vnni::Lane::ps ? floatType : intType;
      UnitAttr alignedAttr = aligned ? b.getUnitAttr() : UnitAttr();
      vnni::LaneAttr laneAttr = vnni::LaneAttr::get(ctx, *lane);
      if (isStore) {
        auto addr = e.address(0, type);
        if (failed(addr))
          return FailureOr<ExprValue>(failure());
        FailureOr<Value> k = e.f.emitScalar(e.call->getArg(1));
        FailureOr<Value> v = e.vector(2, type);
        if (failed(k) || failed(v))
          return FailureOr<ExprValue>(failure());
        vnni::MaskedStoreOp::create(b, l, laneAttr, *v, addr->first,
                                    addr->second, *k, alignedAttr);
        return FailureOr<ExprValue>(ExprValue());
      }
      unsigned first = merge ? 1 : 0;
      Value passthru;
      if (merge) {
        FailureOr<Value> src = e.vector(0, type);
        if (failed(src))
          return FailureOr<ExprValue>(failure());
        passthru = *src;
      }
      FailureOr<Value> k = e.f.emitScalar(e.call->getArg(first));
      if (failed(k))
        return FailureOr<ExprValue>(failure());
      auto addr = e.address(first + 1, type);
      if (failed(addr))
        return FailureOr<ExprValue>(failure());
      return scalar(vnni::MaskedLoadOp::create(b, l, type, laneAttr,
                                               addr->first, addr->second, *k,
                                               passthru, alignedAttr));
    }
  }

  // Blends: mask_blend_<lane>(k, a, b).
  if (callee.starts_with("mask_blend_")) {
    std::optional<vnni::Lane> lane = parseLane(callee.drop_front(11));
    if (!lane)
      return std::nullopt;
    Type type = *lane == vnni::Lane::ps ? floatType : intType;
    FailureOr<Value> k = e.f.emitScalar(e.call->getArg(0));
    if (failed(k))
      return FailureOr<ExprValue>(failure());
    FailureOr<Value> x = e.vector(1, type), y = e.vector(2, type);
    if (failed(x) || failed(y))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::BlendOp::create(
        b, l, type, vnni::LaneAttr::get(ctx, *lane), *k, *x, *y));
  }

  // One scalar per lane: setr_<lane>(e0, e1, ...), set_<lane>(..., e1, e0)
  // (epi64x at 256 bits).
  if (callee.starts_with("setr_") || callee.starts_with("set_")) {
    bool reversed = callee.starts_with("set_");
    StringRef suffix = callee.drop_front(reversed ? 4 : 5);
    if (bits == 256 && suffix == "epi64x")
      suffix = "epi64";
    else if (bits != 512 && suffix == "epi64")
      return std::nullopt; // _mm_set_epi64 takes __m64s
    std::optional<vnni::Lane> lane = parseLane(suffix);
    if (!lane || (bits == 128 && *lane == vnni::Lane::epi64) ||
        (bits == 512 &&
         (*lane == vnni::Lane::epi8 || *lane == vnni::Lane::epi16)))
      return std::nullopt;
    SmallVector<Value> elements;
    for (unsigned i = 0, n = e.call->getNumArgs(); i < n; ++i) {
      FailureOr<Value> v = e.f.emitScalar(e.call->getArg(i));
      if (failed(v))
        return FailureOr<ExprValue>(failure());
      elements.push_back(*v);
    }
    if (reversed)
      std::reverse(elements.begin(), elements.end());
    return scalar(vnni::SetrOp::create(
        b, l, *lane == vnni::Lane::ps ? floatType : intType,
        vnni::LaneAttr::get(ctx, *lane), elements));
  }

  // Constants.
  if (callee == "setzero_" + widthSuffix || callee == "setzero_ps" ||
      (bits == 512 && callee == "setzero_epi32"))
    return scalar(vnni::SetZeroOp::create(
        b, l, callee == "setzero_ps" ? floatType : intType));
  if (callee.starts_with("set1_")) {
    StringRef suffix = callee.drop_front(5);
    if (bits != 512 && suffix == "epi64x")
      suffix = "epi64"; // _mm256_set1_epi64x
    else if (bits != 512 && suffix == "epi64")
      return std::nullopt; // _mm_set1_epi64 takes an __m64
    std::optional<vnni::Lane> lane = parseLane(suffix);
    if (!lane)
      return std::nullopt;
    FailureOr<Value> v = e.f.emitScalar(e.call->getArg(0));
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::Set1Op::create(
        b, l, *lane == vnni::Lane::ps ? floatType : intType,
        vnni::LaneAttr::get(ctx, *lane), *v));
  }

  // Lane-wise binary arithmetic: add/sub/mullo/mul/max/min/div/scalef,
  // plain, mask_ (src, k, a, b) or maskz_ (k, a, b).
  {
    StringRef rest = callee;
    bool merge = rest.consume_front("mask_");
    bool zero = !merge && rest.consume_front("maskz_");
    auto [op, suffix] = rest.rsplit('_');
    std::optional<vnni::Lane> lane = parseLane(suffix);
    std::optional<vnni::BinaryKind> kind =
        llvm::StringSwitch<std::optional<vnni::BinaryKind>>(op)
            .Case("add", vnni::BinaryKind::add)
            .Case("sub", vnni::BinaryKind::sub)
            .Case("mullo", vnni::BinaryKind::mullo)
            .Case("mul", vnni::BinaryKind::mul)
            .Case("max", vnni::BinaryKind::max)
            .Case("min", vnni::BinaryKind::min)
            .Case("div", vnni::BinaryKind::div)
            .Case("scalef", vnni::BinaryKind::scalef)
            .Default(std::nullopt);
    if (lane && kind && !suffix.empty()) {
      bool isPs = *lane == vnni::Lane::ps;
      bool floatOnly = *kind == vnni::BinaryKind::mul ||
                       *kind == vnni::BinaryKind::div ||
                       *kind == vnni::BinaryKind::scalef;
      // _mm512_mul_epi32 (widening), div_epi32 (SVML) and mullo_epi8 do not
      // exist in the op.
      if ((floatOnly && !isPs) ||
          (*kind == vnni::BinaryKind::mullo &&
           (isPs || *lane == vnni::Lane::epi8)))
        return std::nullopt;
      Type type = isPs ? floatType : intType;
      unsigned first = merge ? 2 : zero ? 1 : 0;
      Value passthru, mask;
      if (merge) {
        FailureOr<Value> src = e.vector(0, type);
        if (failed(src))
          return FailureOr<ExprValue>(failure());
        passthru = *src;
      }
      if (merge || zero) {
        FailureOr<Value> k = e.f.emitScalar(e.call->getArg(first - 1));
        if (failed(k))
          return FailureOr<ExprValue>(failure());
        mask = *k;
      }
      FailureOr<Value> x = e.vector(first, type), y = e.vector(first + 1, type);
      if (failed(x) || failed(y))
        return FailureOr<ExprValue>(failure());
      return scalar(vnni::BinaryOp::create(
          b, l, type, vnni::BinaryKindAttr::get(ctx, *kind),
          vnni::LaneAttr::get(ctx, *lane), *x, *y, mask, passthru));
    }
  }
  if (callee == "fmadd_ps") {
    FailureOr<Value> x = e.vector(0, floatType), y = e.vector(1, floatType),
                     z = e.vector(2, floatType);
    if (failed(x) || failed(y) || failed(z))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::FmaddOp::create(b, l, floatType, *x, *y, *z));
  }

  // Horizontal reductions (512-bit only).
  if (bits == 512 && callee.starts_with("reduce_")) {
    auto [op, suffix] = callee.drop_front(7).rsplit('_');
    std::optional<vnni::Lane> lane = parseLane(suffix);
    std::optional<vnni::ReduceKind> kind =
        llvm::StringSwitch<std::optional<vnni::ReduceKind>>(op)
            .Case("add", vnni::ReduceKind::add)
            .Case("mul", vnni::ReduceKind::mul)
            .Case("max", vnni::ReduceKind::max)
            .Case("min", vnni::ReduceKind::min)
            .Default(std::nullopt);
    if (!lane || !kind || *lane == vnni::Lane::epi8 ||
        *lane == vnni::Lane::epi16)
      return std::nullopt;
    Type type = *lane == vnni::Lane::ps ? floatType : intType;
    FailureOr<Value> v = e.vector(0, type);
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    Type result = e.f.convertType(e.call->getType(), e.call);
    if (!result)
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::ReduceOp::create(
        b, l, result, vnni::ReduceKindAttr::get(ctx, *kind),
        vnni::LaneAttr::get(ctx, *lane), *v));
  }

  // Conversions.
  if (std::optional<vnni::CvtKind> kind = vnni::symbolizeCvtKind(callee)) {
    Type result = e.resultType();
    if (!result)
      return std::nullopt;
    Type source;
    switch (*kind) {
    case vnni::CvtKind::cvtepi32_ps:
      source = intType;
      break;
    case vnni::CvtKind::cvtps_epi32:
    case vnni::CvtKind::cvttps_epi32:
      source = floatType;
      break;
    case vnni::CvtKind::cvtepi8_epi32:
    case vnni::CvtKind::cvtepu8_epi32:
      source = vnni::M128iType::get(ctx);
      break;
    case vnni::CvtKind::cvtepi16_epi32:
    case vnni::CvtKind::cvtepu16_epi32:
      source = getVectorType(std::max(128u, bits / 2), false, ctx);
      break;
    }
    FailureOr<Value> v = e.vector(0, source);
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::CvtOp::create(
        b, l, result, vnni::CvtKindAttr::get(ctx, *kind), *v));
  }

  // Casts that keep or truncate the bits (widening casts leave the upper
  // bits undefined and are not modelled).
  if (callee.starts_with("cast")) {
    static constexpr StringLiteral kCasts[] = {
        "castps_si512",    "castsi512_ps",    "castps_si256",
        "castsi256_ps",    "castps_si128",    "castsi128_ps",
        "castsi512_si256", "castsi512_si128", "castsi256_si128",
        "castps512_ps256", "castps512_ps128", "castps256_ps128"};
    if (!llvm::is_contained(kCasts, callee))
      return std::nullopt;
    Type result = e.resultType();
    const clang::Expr *arg = e.call->getArg(0);
    Type source =
        getVnniTypeOfVector(arg->getType(), e.f.getModule().getAST(), ctx);
    if (!result || !source)
      return std::nullopt;
    FailureOr<Value> v = e.vector(0, source);
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    return scalar(vnni::CastOp::create(b, l, result, *v));
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// memcpy
//===----------------------------------------------------------------------===//

/// `e` without the pointer casts a `void *` parameter adds.
static const clang::Expr *stripPointerCasts(const clang::Expr *e) {
  while (true) {
    e = e->IgnoreParens();
    const auto *c = dyn_cast<clang::CastExpr>(e);
    if (!c || !c->getType()->isPointerType() ||
        !c->getSubExpr()->getType()->isPointerType() ||
        (c->getCastKind() != clang::CK_BitCast &&
         c->getCastKind() != clang::CK_NoOp))
      return e;
    e = c->getSubExpr();
  }
}

/// `&x` for a local scalar variable `x`: its slot; null otherwise.
static Value getScalarSlot(FunctionImporter &f, const clang::Expr *e) {
  const auto *u = dyn_cast<clang::UnaryOperator>(e->IgnoreParens());
  if (!u || u->getOpcode() != clang::UO_AddrOf)
    return {};
  const auto *dr =
      dyn_cast<clang::DeclRefExpr>(u->getSubExpr()->IgnoreParens());
  Variable *var = dr ? f.lookup(dr->getDecl()) : nullptr;
  if (!var || var->kind != Variable::Kind::Scalar ||
      !cast<MemRefType>(var->slot.getType()).getElementType().isIntOrFloat())
    return {};
  return var->slot;
}

/// `memcpy(dst, src, n)` with a constant `n`, as exact element moves (the
/// bytes land where memcpy puts them on little-endian x86):
///
/// * between a local scalar `x` (`&x`) and a buffer of narrower or equal
///   elements: the `sizeof(x) / sizeof(elem)` elements from the pointer,
///   lowest address in the least significant bits of `x`;
/// * between two buffers of one element type, `n` a multiple of its size:
///   a memref.copy of the two `n / sizeof(elem)`-element subviews.
static FailureOr<ExprValue> emitMemcpy(FunctionImporter &f,
                                       const clang::CallExpr *call) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  clang::Expr::EvalResult count;
  if (call->getNumArgs() != 3 ||
      !call->getArg(2)->EvaluateAsInt(count, f.getModule().getAST()))
    return f.error(call) << "memcpy needs a constant byte count", failure();
  int64_t bytes = count.Val.getInt().getSExtValue();
  const clang::Expr *dstExpr = stripPointerCasts(call->getArg(0));
  const clang::Expr *srcExpr = stripPointerCasts(call->getArg(1));
  Value dstSlot = getScalarSlot(f, dstExpr);
  Value srcSlot = getScalarSlot(f, srcExpr);
  if (dstSlot && srcSlot)
    return f.error(call) << "memcpy between two scalars is not supported",
           failure();
  if (!dstSlot && !srcSlot) {
    // Buffer to buffer.
    FailureOr<Pointer> dst = f.emitPointer(dstExpr);
    if (failed(dst))
      return failure();
    FailureOr<Pointer> src = f.emitPointer(srcExpr);
    if (failed(src))
      return failure();
    auto dstType = cast<MemRefType>(dst->base.getType());
    auto srcType = cast<MemRefType>(src->base.getType());
    Type elem = dstType.getElementType();
    if (elem != srcType.getElementType() || !elem.isIntOrFloat() ||
        dstType.getRank() != 1 || srcType.getRank() != 1)
      return f.error(call) << "memcpy between buffers of " << dstType
                           << " and " << srcType
                           << " is not supported (needs one element type)",
             failure();
    int64_t size = elem.getIntOrFloatBitWidth() / 8;
    if (bytes % size != 0)
      return f.error(call) << "memcpy of " << bytes
                           << " bytes copies part of an element of " << elem,
             failure();
    auto view = [&](const Pointer &p) {
      return memref::SubViewOp::create(
                 b, l, p.base, ArrayRef<OpFoldResult>{p.offset},
                 ArrayRef<OpFoldResult>{b.getIndexAttr(bytes / size)},
                 ArrayRef<OpFoldResult>{b.getIndexAttr(1)})
          .getResult();
    };
    Value from = view(*src);
    Value to = view(*dst);
    memref::CopyOp::create(b, l, from, to);
    return ExprValue();
  }
  // Between a scalar and a buffer.
  Value slot = dstSlot ? dstSlot : srcSlot;
  FailureOr<Pointer> p = f.emitPointer(dstSlot ? srcExpr : dstExpr);
  if (failed(p))
    return failure();
  Type scalarType = cast<MemRefType>(slot.getType()).getElementType();
  auto bufType = cast<MemRefType>(p->base.getType());
  Type elem = bufType.getElementType();
  unsigned scalarBits = scalarType.getIntOrFloatBitWidth();
  unsigned elemBits = elem.isIntOrFloat() ? elem.getIntOrFloatBitWidth() : 0;
  if (bytes * 8 != scalarBits)
    return f.error(call) << "memcpy of " << bytes << " bytes to or from a "
                         << scalarType << " variable is not supported "
                         << "(only its whole size is)",
           failure();
  if (!elemBits || elemBits % 8 != 0 || scalarBits % elemBits != 0 ||
      bufType.getRank() != 1)
    return f.error(call) << "memcpy between a " << scalarType
                         << " variable and a buffer of " << elem
                         << " is not supported",
           failure();
  Type wide = b.getIntegerType(scalarBits);
  Type narrow = b.getIntegerType(elemBits);
  unsigned parts = scalarBits / elemBits;
  auto index = [&](unsigned k) -> Value {
    if (k == 0)
      return p->offset;
    return arith::AddIOp::create(b, l, p->offset,
                                 arith::ConstantIndexOp::create(b, l, k));
  };
  if (dstSlot) {
    // Load the elements and assemble them, the first in the low bits.
    Value acc;
    for (unsigned k = 0; k < parts; ++k) {
      Value e = memref::LoadOp::create(b, l, p->base, index(k));
      if (!e.getType().isInteger())
        e = arith::BitcastOp::create(b, l, narrow, e);
      if (parts == 1) {
        acc = e;
        break;
      }
      Value w = arith::ExtUIOp::create(b, l, wide, e);
      if (k)
        w = arith::ShLIOp::create(
            b, l, w,
            arith::ConstantOp::create(
                b, l, b.getIntegerAttr(wide, k * elemBits)));
      acc = acc ? Value(arith::OrIOp::create(b, l, acc, w)) : w;
    }
    if (acc.getType() != scalarType)
      acc = arith::BitcastOp::create(b, l, scalarType, acc);
    memref::StoreOp::create(b, l, acc, slot);
    return ExprValue();
  }
  // Split the scalar into elements, the low bits first.
  Value v = memref::LoadOp::create(b, l, slot);
  if (!scalarType.isInteger())
    v = arith::BitcastOp::create(b, l, wide, v);
  for (unsigned k = 0; k < parts; ++k) {
    Value e = v;
    if (parts != 1) {
      if (k)
        e = arith::ShRUIOp::create(
            b, l, e,
            arith::ConstantOp::create(
                b, l, b.getIntegerAttr(wide, k * elemBits)));
      e = arith::TruncIOp::create(b, l, narrow, e);
    }
    if (e.getType() != elem)
      e = arith::BitcastOp::create(b, l, elem, e);
    memref::StoreOp::create(b, l, e, p->base, index(k));
  }
  return ExprValue();
}

//===----------------------------------------------------------------------===//
// std::vector
//===----------------------------------------------------------------------===//

/// The element type of a `std::vector<T>` (with the default allocator), or
/// a null type.
static clang::QualType getStdVectorElement(clang::QualType t) {
  const auto *spec = dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      t->getAsCXXRecordDecl());
  if (!spec || spec->getName() != "vector" || !spec->isInStdNamespace() ||
      spec->getTemplateArgs().size() < 1 ||
      spec->getTemplateArgs()[0].getKind() != clang::TemplateArgument::Type)
    return {};
  return spec->getTemplateArgs()[0].getAsType();
}

/// The first return, goto, or break/continue leaving `s` (ignoring those of
/// loops and switches inside it), or null.
static const clang::Stmt *findScopeExit(const clang::Stmt *s, bool inLoop,
                                        bool inSwitch) {
  if (!s || isa<clang::LambdaExpr>(s))
    return nullptr;
  if (isa<clang::ReturnStmt, clang::GotoStmt, clang::IndirectGotoStmt>(s) ||
      (isa<clang::BreakStmt>(s) && !inLoop && !inSwitch) ||
      (isa<clang::ContinueStmt>(s) && !inLoop))
    return s;
  inLoop |= isa<clang::ForStmt, clang::WhileStmt, clang::DoStmt,
                clang::CXXForRangeStmt>(s);
  inSwitch |= isa<clang::SwitchStmt>(s);
  if (const auto *omp = dyn_cast<clang::OMPExecutableDirective>(s))
    return omp->hasAssociatedStmt()
               ? findScopeExit(omp->getAssociatedStmt(), inLoop, inSwitch)
               : nullptr;
  if (const auto *cs = dyn_cast<clang::CapturedStmt>(s))
    return findScopeExit(cs->getCapturedStmt(), inLoop, inSwitch);
  for (const clang::Stmt *child : s->children())
    if (const clang::Stmt *exit = findScopeExit(child, inLoop, inSwitch))
      return exit;
  return nullptr;
}

std::optional<LogicalResult> xpiler::emitVnniStdVector(FunctionImporter &f,
                                                        const clang::VarDecl *v) {
  clang::QualType elemType = getStdVectorElement(v->getType());
  if (elemType.isNull())
    return std::nullopt;
  OpBuilder &b = f.builder();
  Location l = f.loc(v);
  const auto *init = dyn_cast_or_null<clang::CXXConstructExpr>(
      v->getInit() ? v->getInit()->IgnoreImplicit() : nullptr);
  // vector(n) and vector(n, value), with the default allocator.
  unsigned numArgs = 0;
  if (init)
    for (const clang::Expr *arg : init->arguments())
      if (!isa<clang::CXXDefaultArgExpr>(arg))
        ++numArgs;
  if (!init || numArgs < 1 || numArgs > 2 ||
      !init->getArg(0)->getType()->isIntegerType() ||
      (numArgs == 2 && !f.getModule().getAST().hasSameUnqualifiedType(
                           init->getArg(1)->getType(), elemType)))
    return LogicalResult(
        f.error(v) << "std::vector '" << v->getName()
                   << "' must be constructed with a size (and a value)");
  // The destructor runs where the enclosing block ends: nothing may leave
  // the block earlier.
  clang::ASTContext &ast = f.getModule().getAST();
  clang::DynTypedNodeList parents = ast.getParents(*v);
  const clang::CompoundStmt *scope = nullptr;
  if (!parents.empty())
    if (const auto *ds = parents[0].get<clang::DeclStmt>())
      if (clang::DynTypedNodeList up = ast.getParents(*ds); !up.empty())
        scope = up[0].get<clang::CompoundStmt>();
  if (!scope)
    return LogicalResult(f.error(v) << "std::vector '" << v->getName()
                                    << "' must be declared in a block");
  if (const clang::Stmt *exit = findScopeExit(scope, false, false))
    return LogicalResult(
        f.error(exit) << "leaving the block of std::vector '" << v->getName()
                      << "' early is not supported");
  Type elem = f.convertType(elemType, init);
  if (!elem)
    return LogicalResult(failure());
  if (!elem.isIntOrFloat())
    return LogicalResult(f.error(v) << "std::vector of " << elem
                                    << " is not supported");
  FailureOr<Value> size = f.emitIndex(init->getArg(0));
  if (failed(size))
    return LogicalResult(failure());
  Value fill;
  if (numArgs == 2) {
    FailureOr<Value> value = f.emitScalar(init->getArg(1));
    if (failed(value))
      return LogicalResult(failure());
    fill = *value;
  } else {
    fill = arith::ConstantOp::create(b, l, b.getZeroAttr(elem)); // value-initialized
  }
  auto type = MemRefType::get({ShapedType::kDynamic}, elem);
  Value buffer = memref::AllocOp::create(b, l, type, ValueRange{*size});
  Value zero = arith::ConstantIndexOp::create(b, l, 0);
  Value one = arith::ConstantIndexOp::create(b, l, 1);
  scf::ForOp::create(b, l, zero, *size, one, ValueRange{},
                     [&](OpBuilder &nb, Location nl, Value i, ValueRange) {
                       memref::StoreOp::create(nb, nl, fill, buffer, i);
                       scf::YieldOp::create(nb, nl);
                     });
  f.defineVariable(v, Variable{Variable::Kind::Pointer, {}, buffer, {}, zero});
  return LogicalResult(success());
}

void xpiler::endVnniScope(FunctionImporter &f, const clang::CompoundStmt *c) {
  OpBuilder &b = f.builder();
  Block *block = b.getBlock();
  if (!block->empty() && block->back().hasTrait<OpTrait::IsTerminator>())
    return; // the block ends with a jump (only into a loop's own targets)
  SmallVector<Value> buffers;
  for (const clang::Stmt *child : c->body())
    if (const auto *ds = dyn_cast<clang::DeclStmt>(child))
      for (const clang::Decl *d : ds->decls())
        if (const auto *v = dyn_cast<clang::VarDecl>(d);
            v && !getStdVectorElement(v->getType()).isNull())
          if (Variable *var = f.lookup(v))
            buffers.push_back(var->base);
  // Destroyed in the reverse order of construction.
  for (Value buffer : llvm::reverse(buffers))
    memref::DeallocOp::create(b, f.getModule().loc(c->getRBracLoc()), buffer);
}

/// `v.data()` and `v.size()` on a std::vector variable.
static std::optional<FailureOr<ExprValue>>
emitStdVectorCall(FunctionImporter &f, const clang::CallExpr *call) {
  const auto *mc = dyn_cast<clang::CXXMemberCallExpr>(call);
  if (!mc || getStdVectorElement(
                 mc->getImplicitObjectArgument()->getType()).isNull())
    return std::nullopt;
  StringRef method = mc->getMethodDecl()->getName();
  const auto *dr = dyn_cast<clang::DeclRefExpr>(
      mc->getImplicitObjectArgument()->IgnoreParenImpCasts());
  Variable *var = dr ? f.lookup(dr->getDecl()) : nullptr;
  if (!var || var->kind != Variable::Kind::Pointer || !var->base ||
      (method != "data" && method != "size"))
    return FailureOr<ExprValue>(
        (f.error(call) << "std::vector::" << method
                       << " is not supported (only data() and size() of a "
                          "local vector are)",
         failure()));
  if (method == "data")
    return FailureOr<ExprValue>(
        ExprValue::ofPointer(Pointer{var->base, var->offset}));
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  Value n = memref::DimOp::create(b, l, var->base, 0);
  Type t = f.convertType(call->getType(), call);
  if (!t)
    return FailureOr<ExprValue>(failure());
  return FailureOr<ExprValue>(
      ExprValue::ofScalar(arith::IndexCastUIOp::create(b, l, t, n)));
}

std::optional<FailureOr<ExprValue>>
xpiler::emitVnniBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                        StringRef callee) {
  if (auto r = emitStdVectorCall(f, call))
    return r;
  if (callee == "memcpy" || callee == "std::memcpy" ||
      callee == "__builtin_memcpy")
    return emitMemcpy(f, call);
  // Error reporting as the C emitters write it (a failed host assertion):
  // printing is dropped, exiting traps.
  {
    StringRef name = callee;
    name.consume_front("std::");
    Location l = f.loc(call);
    if (name == "fprintf" || name == "printf" || name == "puts" ||
        name == "fputs" || name == "fflush")
      return FailureOr<ExprValue>(ExprValue::ofScalar(
          f.builder().create<arith::ConstantIntOp>(l, 0, 32)));
    if (name == "exit" || name == "abort") {
      Value no = f.builder().create<arith::ConstantIntOp>(l, 0, 1);
      f.builder().create<cf::AssertOp>(l, no, "host code exits");
      return FailureOr<ExprValue>(ExprValue());
    }
  }
  bool isIntrinsic =
      callee.starts_with("_mm") || callee.starts_with("__builtin_ia32_");
  if (!isIntrinsic)
    return std::nullopt;
  IntrinsicEmitter e(f, call, getWrittenName(f, call, callee));
  std::optional<FailureOr<ExprValue>> r = emitIntrinsic(e, callee);
  if (!r)
    return FailureOr<ExprValue>(
        (f.error(call) << "intrinsic '" << e.name
                       << "' is not supported (the vnni dialect does not "
                          "model it)",
         failure()));
  if (succeeded(*r))
    setTargetFeatures(f, call);
  return r;
}
