//===- BuiltinsWmma.cpp - nvcuda::wmma fragments and their functions ------===//
//
// `nvcuda::wmma::fragment<Use, m, n, k, T, Layout>` becomes
// !cuda.fragment; fragment variables and arrays of fragments live in memrefs
// of fragments; fill/load/mma/store_matrix_sync become the cuda.wmma ops.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "clang/AST/DeclTemplate.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "xpiler/Dialect/Cuda/Cuda.h"

using namespace mlir;
using namespace xpiler;

/// The record's name if it is declared in namespace nvcuda::wmma (or
/// nvcuda::wmma::precision).
static std::optional<StringRef> getWmmaName(const clang::RecordDecl *rd) {
  if (!rd)
    return std::nullopt;
  std::string qualified = rd->getQualifiedNameAsString();
  if (!StringRef(qualified).starts_with("nvcuda::wmma::"))
    return std::nullopt;
  return rd->getName();
}

std::optional<Type> xpiler::convertWmmaType(clang::QualType t,
                                            MLIRContext *context) {
  const auto *spec = dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(
      t->getAsRecordDecl());
  if (!spec || getWmmaName(spec) != StringRef("fragment"))
    return std::nullopt;
  const clang::TemplateArgumentList &args = spec->getTemplateArgs();
  if (args.size() < 5)
    return std::nullopt;
  std::optional<StringRef> use = getWmmaName(args[0].getAsType()->getAsRecordDecl());
  std::optional<cuda::FragmentUse> fragmentUse =
      use ? cuda::symbolizeFragmentUse(*use) : std::nullopt;
  if (!fragmentUse)
    return std::nullopt;
  int64_t m = args[1].getAsIntegral().getExtValue();
  int64_t n = args[2].getAsIntegral().getExtValue();
  int64_t k = args[3].getAsIntegral().getExtValue();
  clang::QualType elem = args[4].getAsType().getCanonicalType();
  Type elementType;
  Builder b(context);
  if (std::optional<StringRef> p = getWmmaName(elem->getAsRecordDecl());
      p && *p == "tf32")
    elementType = b.getTF32Type();
  else if (elem->isFloat16Type() || elem->isHalfType())
    elementType = b.getF16Type();
  else if (elem->isBFloat16Type())
    elementType = b.getBF16Type();
  else if (elem->isSpecificBuiltinType(clang::BuiltinType::Float))
    elementType = b.getF32Type();
  else if (elem->isSpecificBuiltinType(clang::BuiltinType::Double))
    elementType = b.getF64Type();
  else if (elem->isSpecificBuiltinType(clang::BuiltinType::Int))
    elementType = b.getI32Type();
  else if (elem->isSpecificBuiltinType(clang::BuiltinType::SChar))
    elementType = b.getIntegerType(8, /*isSigned=*/true);
  else if (elem->isSpecificBuiltinType(clang::BuiltinType::UChar))
    elementType = b.getIntegerType(8, /*isSigned=*/false);
  else
    return std::nullopt;
  cuda::FragmentLayout layout = cuda::FragmentLayout::none;
  if (args.size() > 5 && !args[5].getAsType()->isVoidType()) {
    std::optional<StringRef> l =
        getWmmaName(args[5].getAsType()->getAsRecordDecl());
    std::optional<cuda::FragmentLayout> parsed =
        l ? cuda::symbolizeFragmentLayout(*l) : std::nullopt;
    if (!parsed)
      return std::nullopt;
    layout = *parsed;
  }
  return cuda::FragmentType::getChecked(
      [&] { return emitError(UnknownLoc::get(context)); }, context,
      *fragmentUse, m, n, k, elementType, layout);
}

/// A fragment variable or array element: where it is stored.
static FailureOr<LValue> emitFragmentSlot(FunctionImporter &f,
                                          const clang::Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *dr = dyn_cast<clang::DeclRefExpr>(e))
    if (Variable *var = f.lookup(dr->getDecl());
        var && var->kind == Variable::Kind::Scalar)
      return LValue{var->slot, {}};
  return f.emitElementAddress(e);
}

/// The tile a load/store addresses: `&tile[r][c]`, `p + off` or `p`.
static FailureOr<LValue> emitTileAddress(FunctionImporter &f,
                                         const clang::Expr *e) {
  const clang::Expr *bare = e->IgnoreParenImpCasts();
  if (const auto *u = dyn_cast<clang::UnaryOperator>(bare);
      u && u->getOpcode() == clang::UO_AddrOf)
    return f.emitElementAddress(u->getSubExpr());
  FailureOr<Pointer> p = f.emitPointer(e);
  if (failed(p))
    return failure();
  return LValue{p->base, {p->offset}};
}

std::optional<FailureOr<ExprValue>>
xpiler::emitWmmaBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                        StringRef callee) {
  if (!callee.consume_front("nvcuda::wmma::"))
    return std::nullopt;
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  auto fail = [] { return std::optional<FailureOr<ExprValue>>(failure()); };
  auto done = [] { return std::optional<FailureOr<ExprValue>>(ExprValue()); };
  auto fragmentType = [&](const clang::Expr *e) -> cuda::FragmentType {
    std::optional<Type> t = convertWmmaType(
        e->getType().getNonReferenceType(), b.getContext());
    return t ? dyn_cast<cuda::FragmentType>(*t) : cuda::FragmentType();
  };
  if (callee == "fill_fragment") {
    FailureOr<LValue> slot = emitFragmentSlot(f, call->getArg(0));
    FailureOr<Value> value = f.emitScalar(call->getArg(1));
    cuda::FragmentType type = fragmentType(call->getArg(0));
    if (failed(slot) || failed(value) || !type)
      return fail();
    Value v = *value;
    Type storage = type.getElementType();
    if (isa<FloatType>(storage) && v.getType() != storage)
      v = f.castScalar(v, call->getArg(1)->getType(),
                       call->getArg(1)->getType(), l);
    Value frag = b.create<cuda::WmmaFillFragmentOp>(l, type, v);
    b.create<memref::StoreOp>(l, frag, slot->memref, slot->indices);
    return done();
  }
  if (callee == "load_matrix_sync") {
    FailureOr<LValue> slot = emitFragmentSlot(f, call->getArg(0));
    FailureOr<LValue> tile = emitTileAddress(f, call->getArg(1));
    FailureOr<Value> ldm = f.emitScalar(call->getArg(2));
    cuda::FragmentType type = fragmentType(call->getArg(0));
    if (failed(slot) || failed(tile) || failed(ldm) || !type)
      return fail();
    cuda::MemLayoutAttr layout;
    if (call->getNumArgs() > 3) {
      std::optional<llvm::APSInt> v =
          call->getArg(3)->getIntegerConstantExpr(f.getModule().getAST());
      if (!v)
        return f.error(call->getArg(3)) << "the memory layout must be a "
                                           "constant",
               fail();
      layout = cuda::MemLayoutAttr::get(
          b.getContext(), static_cast<cuda::MemLayout>(v->getExtValue()));
    }
    Value frag = b.create<cuda::WmmaLoadMatrixSyncOp>(
        l, type, tile->memref, tile->indices, *ldm, layout);
    b.create<memref::StoreOp>(l, frag, slot->memref, slot->indices);
    return done();
  }
  if (callee == "mma_sync") {
    SmallVector<Value> frags;
    SmallVector<LValue> slots;
    for (unsigned i = 0; i < 4; ++i) {
      FailureOr<LValue> slot = emitFragmentSlot(f, call->getArg(i));
      if (failed(slot))
        return fail();
      slots.push_back(*slot);
      if (i > 0)
        frags.push_back(
            b.create<memref::LoadOp>(l, slot->memref, slot->indices));
    }
    bool satf = false;
    if (call->getNumArgs() > 4 &&
        !isa<clang::CXXDefaultArgExpr>(call->getArg(4))) {
      std::optional<llvm::APSInt> v =
          call->getArg(4)->getIntegerConstantExpr(f.getModule().getAST());
      if (!v)
        return f.error(call->getArg(4)) << "satf must be a constant", fail();
      satf = v->getBoolValue();
    }
    cuda::FragmentType type = fragmentType(call->getArg(0));
    if (!type)
      return fail();
    Value d = b.create<cuda::WmmaMmaSyncOp>(l, type, frags[0], frags[1],
                                           frags[2], satf);
    b.create<memref::StoreOp>(l, d, slots[0].memref, slots[0].indices);
    return done();
  }
  if (callee == "store_matrix_sync") {
    FailureOr<LValue> tile = emitTileAddress(f, call->getArg(0));
    FailureOr<LValue> slot = emitFragmentSlot(f, call->getArg(1));
    FailureOr<Value> ldm = f.emitScalar(call->getArg(2));
    if (failed(slot) || failed(tile) || failed(ldm))
      return fail();
    std::optional<llvm::APSInt> v =
        call->getArg(3)->getIntegerConstantExpr(f.getModule().getAST());
    if (!v)
      return f.error(call->getArg(3)) << "the memory layout must be a "
                                         "constant",
             fail();
    Value frag = b.create<memref::LoadOp>(l, slot->memref, slot->indices);
    b.create<cuda::WmmaStoreMatrixSyncOp>(
        l, frag, tile->memref, tile->indices, *ldm,
        static_cast<cuda::MemLayout>(v->getExtValue()));
    return done();
  }
  // `a = b` between fragments of one type: a copy of the per-thread value.
  if (callee.starts_with("fragment<") && callee.ends_with("::operator=") &&
      call->getNumArgs() == 2 &&
      f.getModule().getAST().hasSameUnqualifiedType(
          call->getArg(0)->getType(), call->getArg(1)->getType())) {
    FailureOr<LValue> dst = emitFragmentSlot(f, call->getArg(0));
    FailureOr<LValue> src = emitFragmentSlot(f, call->getArg(1));
    if (failed(dst) || failed(src))
      return fail();
    Value frag = b.create<memref::LoadOp>(l, src->memref, src->indices);
    b.create<memref::StoreOp>(l, frag, dst->memref, dst->indices);
    return done();
  }
  return f.error(call) << "'nvcuda::wmma::" << callee << "' is not supported",
         fail();
}
