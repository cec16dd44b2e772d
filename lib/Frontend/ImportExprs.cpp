//===- ImportExprs.cpp - expressions --------------------------------------===//
//
// C expressions over scalars, pointers (a buffer plus an element offset) and
// dim3 values. Signedness comes from the Clang type, since MLIR integers are
// signless; constant expressions (macros, constexpr, sizeof, enumerators,
// FLT_MAX, numeric_limits) are folded by Clang.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace mlir;
using namespace xpiler;

static bool isUnsignedInt(clang::QualType t) {
  return t->isUnsignedIntegerOrEnumerationType() || t->isBooleanType();
}

Value FunctionImporter::toIndex(Value v, bool isUnsigned, Location l) {
  if (v.getType().isIndex())
    return v;
  if (isUnsigned)
    return b.create<arith::IndexCastUIOp>(l, b.getIndexType(), v);
  return b.create<arith::IndexCastOp>(l, b.getIndexType(), v);
}

Value FunctionImporter::castScalar(Value v, clang::QualType from,
                                   clang::QualType to, Location l) {
  Type target = convertType(to, nullptr);
  if (!target || v.getType() == target)
    return v;
  Type source = v.getType();
  bool fromFloat = isa<FloatType>(source), toFloat = isa<FloatType>(target);
  if (target.isInteger(1) && !source.isInteger(1)) {
    Value zero = b.create<arith::ConstantOp>(l, b.getZeroAttr(source));
    if (fromFloat)
      return b.create<arith::CmpFOp>(l, arith::CmpFPredicate::UNE, v, zero);
    return b.create<arith::CmpIOp>(l, arith::CmpIPredicate::ne, v, zero);
  }
  if (fromFloat && toFloat) {
    if (source.getIntOrFloatBitWidth() < target.getIntOrFloatBitWidth())
      return b.create<arith::ExtFOp>(l, target, v);
    return b.create<arith::TruncFOp>(l, target, v);
  }
  if (fromFloat)
    return isUnsignedInt(to) ? b.create<arith::FPToUIOp>(l, target, v)
                             : b.create<arith::FPToSIOp>(l, target, v).getResult();
  if (toFloat)
    return isUnsignedInt(from) ? b.create<arith::UIToFPOp>(l, target, v)
                               : b.create<arith::SIToFPOp>(l, target, v).getResult();
  unsigned sw = source.getIntOrFloatBitWidth(),
           tw = target.getIntOrFloatBitWidth();
  if (sw < tw)
    return isUnsignedInt(from) ? b.create<arith::ExtUIOp>(l, target, v)
                               : b.create<arith::ExtSIOp>(l, target, v).getResult();
  return b.create<arith::TruncIOp>(l, target, v);
}

FailureOr<Value> FunctionImporter::emitScalar(const clang::Expr *e) {
  FailureOr<ExprValue> v = emitExpr(e);
  if (failed(v))
    return failure();
  if (v->kind != ExprValue::Kind::Scalar)
    return error(e) << "expected a number here", failure();
  return v->scalar;
}

FailureOr<Value> FunctionImporter::emitIndex(const clang::Expr *e) {
  FailureOr<Value> v = emitScalar(e);
  if (failed(v))
    return failure();
  if (!v->getType().isIntOrIndex() || v->getType().isInteger(1))
    return error(e) << "expected an integer here", failure();
  return toIndex(*v, isUnsignedInt(e->getType()), loc(e));
}

FailureOr<Pointer> FunctionImporter::emitPointer(const clang::Expr *e) {
  FailureOr<ExprValue> v = emitExpr(e);
  if (failed(v))
    return failure();
  if (v->kind != ExprValue::Kind::Pointer)
    return error(e) << "expected a pointer here", failure();
  if (!v->pointer.base)
    return error(e) << "pointer is used before it points to a buffer",
           failure();
  return v->pointer;
}

/// A pointer passed where a whole buffer is expected (kernel arguments,
/// runtime calls): it must point at the buffer's start.
FailureOr<Value> FunctionImporter::emitBuffer(const clang::Expr *e) {
  FailureOr<Pointer> p = emitPointer(e);
  if (failed(p))
    return failure();
  std::optional<int64_t> off = getConstantIntValue(p->offset);
  if (off && *off == 0)
    return p->base;
  if (off || !p->offset.getDefiningOp<memref::LoadOp>())
    return error(e) << "only pointers to the start of a buffer can be passed "
                       "here (an offset pointer is not supported yet)",
           failure();
  // A pointer variable that is reassigned (`d = cond ? d_a : d_null;`): its
  // offset is known only once the clean-up has forwarded its stores, where
  // this check folds away; a nonzero offset at run time stops the program.
  Location l = loc(e);
  Value isStart = b.create<arith::CmpIOp>(l, arith::CmpIPredicate::eq,
                                          p->offset, constantIndex(0, l));
  b.create<cf::AssertOp>(l, isStart,
                         "only pointers to the start of a buffer can be "
                         "passed here");
  return p->base;
}

/// The memref from pointer `p` on: the buffer itself at offset 0, else a
/// subview from the offset to the buffer's end.
FailureOr<Value> FunctionImporter::makeView(const Pointer &p,
                                           const clang::Expr *where) {
  if (std::optional<int64_t> off = getConstantIntValue(p.offset);
      off && *off == 0)
    return p.base;
  // Pointer bases are 1-D: arrays decay only when one-dimensional.
  auto type = cast<MemRefType>(p.base.getType());
    Location l = loc(where);
  Value extent = type.isDynamicDim(0)
                     ? b.create<memref::DimOp>(l, p.base, 0).getResult()
                     : constantIndex(type.getDimSize(0), l);
  Value size = b.create<arith::SubIOp>(l, extent, p.offset);
  return b
      .create<memref::SubViewOp>(
          l, p.base, ArrayRef<OpFoldResult>{getAsOpFoldResult(p.offset)},
          ArrayRef<OpFoldResult>{size},
          ArrayRef<OpFoldResult>{b.getIndexAttr(1)})
      .getResult();
}

/// The memref a builtin's pointer argument designates. `c ? p : q` between
/// buffers of one memory space is an arith.select of the two views.
FailureOr<Value> FunctionImporter::emitView(const clang::Expr *e) {
  const clang::Expr *inner = e->IgnoreParenCasts();
  if (const auto *c = dyn_cast<clang::ConditionalOperator>(inner);
      c && (c->getType()->isPointerType() || c->getType()->isArrayType())) {
    clang::ASTContext &ast = module.getAST();
    if (c->getTrueExpr()->HasSideEffects(ast) ||
        c->getFalseExpr()->HasSideEffects(ast))
      return error(c) << "a pointer conditional with side effects is not "
                           "supported",
             failure();
    Location l = loc(c);
    FailureOr<Value> cond = emitScalar(c->getCond());
    if (failed(cond))
      return failure();
    Value flag = castScalar(*cond, c->getCond()->getType(), ast.BoolTy, l);
    FailureOr<Value> a = emitView(c->getTrueExpr());
    if (failed(a))
      return failure();
    FailureOr<Value> other = emitView(c->getFalseExpr());
    if (failed(other))
      return failure();
    if (a->getType() != other->getType()) {
      auto ta = cast<MemRefType>(a->getType());
      auto tb = cast<MemRefType>(other->getType());
      if (ta.getElementType() != tb.getElementType() ||
          ta.getMemorySpace() != tb.getMemorySpace() || ta.getRank() != 1 ||
          tb.getRank() != 1)
        return error(c) << "the two pointers of this conditional are in "
                             "different memory spaces or of different types",
               failure();
      auto common = MemRefType::get(
          {ShapedType::kDynamic}, ta.getElementType(),
          StridedLayoutAttr::get(b.getContext(),
                                 ShapedType::kDynamic, {1}),
          ta.getMemorySpace());
      a = b.create<memref::CastOp>(l, common, *a).getResult();
      other = b.create<memref::CastOp>(l, common, *other).getResult();
    }
    return b.create<arith::SelectOp>(l, flag, *a, *other).getResult();
  }
  FailureOr<Pointer> p = emitPointer(e);
  if (failed(p))
    return failure();
  return makeView(*p, e);
}

FailureOr<ExprValue> FunctionImporter::emitConstant(const clang::Expr *e) {
  clang::Expr::EvalResult result;
  clang::ASTContext &ast = module.getAST();
  if (!e->EvaluateAsRValue(result, ast) || result.HasSideEffects)
    return failure();
  Type t = convertType(e->getType(), e);
  if (!t)
    return failure();
  Location l = loc(e);
  if (result.Val.isInt())
    return ExprValue::ofScalar(b.create<arith::ConstantOp>(
        l, b.getIntegerAttr(t, result.Val.getInt().getSExtValue())));
  if (result.Val.isFloat()) {
    llvm::APFloat f = result.Val.getFloat();
    bool lost;
    f.convert(cast<FloatType>(t).getFloatSemantics(),
              llvm::APFloat::rmNearestTiesToEven, &lost);
    return ExprValue::ofScalar(
        b.create<arith::ConstantOp>(l, b.getFloatAttr(t, f)));
  }
  return failure();
}

FailureOr<ExprValue> FunctionImporter::emitExpr(const clang::Expr *e) {
  e = e->IgnoreParens();
  NestingGuard guard(nesting);
  if (nesting > kMaxNesting)
    return error(e) << "code nested more than " << kMaxNesting
                    << " levels deep is not supported",
           failure();
  // Constants first: folds macros, constexpr, enumerators, sizeof, limits.
  if (e->getType()->isArithmeticType() && !e->HasSideEffects(module.getAST()) &&
      !isa<clang::DeclRefExpr>(e) && !isa<clang::CUDAKernelCallExpr>(e))
    if (FailureOr<ExprValue> c = emitConstant(e); succeeded(c))
      return c;
  if (const auto *d = dyn_cast<clang::DeclRefExpr>(e)) {
    if (e->getType()->isArithmeticType())
      if (isa<clang::EnumConstantDecl>(d->getDecl()) ||
          (isa<clang::VarDecl>(d->getDecl()) &&
           !lookup(d->getDecl())))
        if (FailureOr<ExprValue> c = emitConstant(e); succeeded(c))
          return c;
    return emitDeclRef(d);
  }
  if (const auto *c = dyn_cast<clang::CastExpr>(e))
    return emitCast(c);
  if (const auto *k = dyn_cast<clang::CUDAKernelCallExpr>(e))
    return emitKernelLaunch(*this, k);
  if (const auto *c = dyn_cast<clang::CallExpr>(e))
    return emitCall(c);
  if (const auto *bo = dyn_cast<clang::BinaryOperator>(e)) {
    if (bo->isLogicalOp())
      return emitLogical(bo);
    if (bo->isAssignmentOp())
      return emitAssign(bo);
    if (bo->getOpcode() == clang::BO_Comma) {
      if (failed(emitExpr(bo->getLHS())))
        return failure();
      return emitExpr(bo->getRHS());
    }
    return emitBinary(bo);
  }
  if (const auto *u = dyn_cast<clang::UnaryOperator>(e))
    return emitUnary(u);
  if (const auto *c = dyn_cast<clang::AbstractConditionalOperator>(e))
    return emitConditional(c);
  if (const auto *m = dyn_cast<clang::MemberExpr>(e))
    return emitMember(m);
  if (isa<clang::ArraySubscriptExpr>(e)) {
    FailureOr<LValue> lv = emitElementAddress(e);
    if (failed(lv))
      return failure();
    return ExprValue::ofScalar(load(*lv, loc(e)));
  }
  // `floatx4{a, b, c, d}` (the emitters write vector literals so): one
  // element per initializer, the remaining lanes zero.
  if (const auto *init = dyn_cast<clang::InitListExpr>(e);
      init && e->getType()->isVectorType()) {
    auto type = dyn_cast_or_null<VectorType>(convertType(e->getType(), e));
    const auto *vt = e->getType()->getAs<clang::VectorType>();
    if (!type || !vt || type.getRank() != 1 ||
        init->getNumInits() > (unsigned)type.getNumElements())
      return error(e) << "this vector initializer is not supported", failure();
    Location l = loc(e);
    SmallVector<Value> elements;
    for (const clang::Expr *element : init->inits()) {
      if (element->getType()->isVectorType())
        return error(element) << "vector initializers of vectors are not "
                                 "supported",
               failure();
      FailureOr<Value> v = emitScalar(element);
      if (failed(v))
        return failure();
      elements.push_back(
          castScalar(*v, element->getType(), vt->getElementType(), l));
    }
    Type elementType = type.getElementType();
    while (elements.size() < (size_t)type.getNumElements())
      elements.push_back(b.create<arith::ConstantOp>(
          l, elementType, b.getZeroAttr(elementType)));
    return ExprValue::ofScalar(
        b.create<vector::FromElementsOp>(l, type, elements));
  }
  if (const auto *m = dyn_cast<clang::MaterializeTemporaryExpr>(e))
    return emitExpr(m->getSubExpr());
  if (const auto *c = dyn_cast<clang::ExprWithCleanups>(e))
    return emitExpr(c->getSubExpr());
  if (const auto *d = dyn_cast<clang::CXXDefaultArgExpr>(e))
    return emitExpr(d->getExpr());
  if (const auto *c = dyn_cast<clang::ConstantExpr>(e))
    return emitExpr(c->getSubExpr());
  if (const auto *c = dyn_cast<clang::CXXConstructExpr>(e)) {
    if (const auto *rd = c->getType()->getAsCXXRecordDecl();
        rd && rd->getName() == "dim3") {
      FailureOr<std::array<Value, 3>> d = emitDim3(c);
      if (failed(d))
        return failure();
      return ExprValue::ofDim3(*d);
    }
  }
  // `new T[n]` and `delete[] p`: a host buffer, as the VNNI emitter writes
  // the heap buffers (std::vector scratch) it imported.
  if (const auto *n = dyn_cast<clang::CXXNewExpr>(e)) {
    std::optional<const clang::Expr *> size = n->getArraySize();
    if (!n->isArray() || !size || !*size || n->hasInitializer() ||
        n->getNumPlacementArgs() != 0)
      return error(e) << "only 'new T[n]' without initializer is supported",
             failure();
    Type elem = convertType(n->getAllocatedType(), e);
    if (!elem)
      return failure();
    if (!elem.isIntOrFloat())
      return error(e) << "'new' of " << elem << " is not supported",
             failure();
    FailureOr<Value> count = emitIndex(*size);
    if (failed(count))
      return failure();
    Location l = loc(e);
    Value buffer = b.create<memref::AllocOp>(
        l, MemRefType::get({ShapedType::kDynamic}, elem), ValueRange{*count});
    return ExprValue::ofPointer(
        Pointer{buffer, constantIndex(0, l)});
  }
  if (const auto *d = dyn_cast<clang::CXXDeleteExpr>(e)) {
    if (!d->isArrayForm())
      return error(e) << "only 'delete[]' is supported", failure();
    FailureOr<Pointer> p = emitPointer(d->getArgument());
    if (failed(p))
      return failure();
    b.create<memref::DeallocOp>(loc(e), p->base);
    return ExprValue();
  }
  if (isa<clang::CXXNullPtrLiteralExpr, clang::GNUNullExpr>(e))
    return error(e) << "null pointers are not supported", failure();
  if (const auto *s = dyn_cast<clang::StringLiteral>(e))
    return error(s) << "string literals are not supported", failure();
  return error(e) << "expression '" << e->getStmtClassName()
                  << "' is not supported",
         failure();
}

FailureOr<ExprValue> FunctionImporter::emitDeclRef(const clang::DeclRefExpr *e) {
  const clang::ValueDecl *d = e->getDecl();
  Variable *var = lookup(d);
  if (!var) {
    if (module.getOptions().language == Language::Bang)
      if (auto r = emitBangBuiltinVariable(*this, e))
        return *r;
    if (d->getName() == "warpSize" &&
        !module.getAST().getSourceManager().isWrittenInMainFile(
            module.getAST().getSourceManager().getExpansionLoc(
                d->getLocation()))) {
      Language lang = module.getOptions().language;
      if (lang == Language::Cuda)
        return ExprValue::ofScalar(b.create<cuda::WarpSizeOp>(loc(e), b.getI32Type()));
      if (lang == Language::Hip)
        return ExprValue::ofScalar(b.create<hip::WarpSizeOp>(loc(e), b.getI32Type()));
    }
    if (isa<clang::FunctionDecl>(d))
      return error(e) << "function '" << d->getName()
                      << "' used as a value is not supported",
             failure();
    return error(e) << "'" << d->getName()
                    << "' is not a local variable, parameter or constant",
           failure();
  }
  Location l = loc(e);
  switch (var->kind) {
  case Variable::Kind::Scalar:
    return ExprValue::ofScalar(b.create<memref::LoadOp>(l, var->slot));
  case Variable::Kind::Pointer: {
    Value offset = var->slot ? b.create<memref::LoadOp>(l, var->slot)
                             : var->offset;
    if (!offset)
      return error(e) << "pointer '" << d->getName()
                      << "' is used before it points to a buffer",
             failure();
    Value base = var->baseSlot
                     ? b.create<memref::LoadOp>(l, var->baseSlot).getResult()
                     : var->base;
    return ExprValue::ofPointer(Pointer{base, offset});
  }
  case Variable::Kind::Dim3:
    return ExprValue::ofDim3(var->dim3);
  case Variable::Kind::Stream:
    return error(e) << "a stream can only be passed to a launch or a stream "
                       "call",
           failure();
  case Variable::Kind::Array: {
    // An array used as a value decays to a pointer to its first element.
    auto type = cast<MemRefType>(var->slot.getType());
    if (type.getRank() != 1)
      return error(e) << "multi-dimensional array '" << d->getName()
                      << "' used as a pointer is not supported",
             failure();
    return ExprValue::ofPointer(Pointer{var->slot, constantIndex(0, l)});
  }
  }
  llvm_unreachable("unknown variable kind");
}

FailureOr<LValue> FunctionImporter::emitElementAddress(const clang::Expr *e) {
  e = e->IgnoreParens();
  Location l = loc(e);
  // v[i] on a vector: a lane of wherever the vector is stored.
  if (const auto *as = dyn_cast<clang::ArraySubscriptExpr>(e);
      as && as->getBase()->IgnoreParenImpCasts()->getType()->isVectorType()) {
    const clang::Expr *base = as->getBase()->IgnoreParenImpCasts();
    FailureOr<LValue> where = failure();
    if (const auto *dr = dyn_cast<clang::DeclRefExpr>(base)) {
      Variable *var = lookup(dr->getDecl());
      if (!var || var->kind != Variable::Kind::Scalar)
        return error(e) << "vector '" << dr->getDecl()->getName()
                        << "' is not a local variable",
               failure();
      where = LValue{var->slot, {}, {}};
    } else {
      where = emitElementAddress(base);
    }
    if (failed(where))
      return failure();
    FailureOr<Value> lane = emitIndex(as->getIdx());
    if (failed(lane))
      return failure();
    where->lane = *lane;
    return where;
  }
  // Multi-dimensional subscripts of a local array: a[i][j].
  SmallVector<const clang::Expr *> subscripts;
  const clang::Expr *base = e;
  while (const auto *as = dyn_cast<clang::ArraySubscriptExpr>(base)) {
    subscripts.insert(subscripts.begin(), as->getIdx());
    base = as->getBase()->IgnoreParenImpCasts();
  }
  if (!subscripts.empty()) {
    if (const auto *dr = dyn_cast<clang::DeclRefExpr>(base)) {
      Variable *var = lookup(dr->getDecl());
      if (var && var->kind == Variable::Kind::Array) {
        auto type = cast<MemRefType>(var->slot.getType());
        if (subscripts.size() != size_t(type.getRank()))
          return error(e) << "partial subscripts of a multi-dimensional array "
                             "are not supported",
                 failure();
        LValue lv{var->slot, {}};
        for (const clang::Expr *s : subscripts) {
          FailureOr<Value> idx = emitIndex(s);
          if (failed(idx))
            return failure();
          lv.indices.push_back(*idx);
        }
        return lv;
      }
    }
    // p[i]: pointer arithmetic.
    const auto *as = cast<clang::ArraySubscriptExpr>(e);
    FailureOr<Pointer> p = emitPointer(as->getBase());
    if (failed(p))
      return failure();
    FailureOr<Value> idx = emitIndex(as->getIdx());
    if (failed(idx))
      return failure();
    Value at = b.create<arith::AddIOp>(l, p->offset, *idx);
    return LValue{p->base, {at}};
  }
  // *p
  if (const auto *u = dyn_cast<clang::UnaryOperator>(e);
      u && u->getOpcode() == clang::UO_Deref) {
    FailureOr<Pointer> p = emitPointer(u->getSubExpr());
    if (failed(p))
      return failure();
    return LValue{p->base, {p->offset}};
  }
  return error(e) << "expression is not an element of a buffer", failure();
}

Value FunctionImporter::load(const LValue &lv, Location l) {
  Value element = b.create<memref::LoadOp>(l, lv.memref, lv.indices);
  if (!lv.lane)
    return element;
  return b.create<vector::ExtractOp>(l, element, ArrayRef<OpFoldResult>{lv.lane});
}

LogicalResult FunctionImporter::store(const LValue &lv, Value v, Location l) {
  if (lv.lane) {
    Value vec = b.create<memref::LoadOp>(l, lv.memref, lv.indices);
    v = b.create<vector::InsertOp>(l, v, vec, ArrayRef<OpFoldResult>{lv.lane});
  }
  b.create<memref::StoreOp>(l, v, lv.memref, lv.indices);
  return success();
}

LogicalResult FunctionImporter::definePointerBuffer(const clang::ValueDecl *var,
                                                    Value buffer,
                                                    const clang::Stmt *s) {
  Variable *v = lookup(var);
  Location l = loc(s);
  // The buffer is the variable's value from now on: name it after it.
  if (Operation *def = buffer.getDefiningOp();
      def && !isa<NameLoc>(def->getLoc()))
    def->setLoc(NameLoc::get(b.getStringAttr(var->getName()), def->getLoc()));
  if (!v->baseSlot && controlDepth != v->declDepth) {
    // Only a pointer that is null until then has a value on the other
    // paths (hipMalloc of 0 bytes is the null pointer).
    if (!v->nullBase || v->base)
      return error(s) << "allocating a buffer conditionally or in a loop is "
                         "not supported (allocate it unconditionally)";
    auto slotType = MemRefType::get({}, v->nullBase->getResult(0).getType());
    {
      OpBuilder::InsertionGuard guard(b);
      setInsertionPointToAllocas();
      v->baseSlot = b.create<memref::AllocaOp>(namedLoc(var), slotType);
      if (!v->slot)
        v->offset = constantIndex(0, l);
    }
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointAfter(v->nullBase);
    Location declLoc = v->nullBase->getLoc();
    b.create<memref::StoreOp>(declLoc, v->nullBase->getResult(0), v->baseSlot);
    if (v->slot)
      b.create<memref::StoreOp>(declLoc, constantIndex(0, declLoc), v->slot);
  }
  if (v->baseSlot) {
    if (buffer.getType() !=
        cast<MemRefType>(v->baseSlot.getType()).getElementType())
      return error(s) << "pointer '" << var->getName()
                      << "' is made to point into a buffer of another type";
    b.create<memref::StoreOp>(l, buffer, v->baseSlot);
    if (v->slot)
      b.create<memref::StoreOp>(l, constantIndex(0, l), v->slot);
    return success();
  }
  if (v->base)
    return error(s) << "pointer '" << var->getName() << "' is allocated twice";
  v->base = buffer;
  if (v->slot)
    b.create<memref::StoreOp>(l, constantIndex(0, l), v->slot);
  else
    v->offset = constantIndex(0, l);
  return success();
}

LogicalResult FunctionImporter::assignPointerVar(const clang::ValueDecl *var,
                                                 const Pointer &p,
                                                 const clang::Stmt *s) {
  Variable *v = lookup(var);
  if (!v->base && !v->baseSlot && controlDepth != v->declDepth) {
    // `T *p;` first assigned under a condition (`if (c) p = x; else p = y;`):
    // its buffer differs by path, so it lives in a slot.
    OpBuilder::InsertionGuard guard(b);
    setInsertionPointToAllocas();
    v->baseSlot = b.create<memref::AllocaOp>(
        namedLoc(var), MemRefType::get({}, p.base.getType()));
    // Pointers to the start of buffers keep offset 0 (and can be passed to
    // kernels); others need an offset slot.
    if (!v->slot && !v->offset && !isConstantIntValue(p.offset, 0))
      v->slot = b.create<memref::AllocaOp>(
          namedLoc(var), MemRefType::get({}, b.getIndexType()));
    else if (!v->slot && !v->offset)
      v->offset = constantIndex(0, loc(s));
  }
  if (v->baseSlot) {
    // A pointer whose buffer already differs by path.
    if (p.base.getType() !=
        cast<MemRefType>(v->baseSlot.getType()).getElementType())
      return error(s) << "pointer '" << var->getName()
                      << "' is made to point into a buffer of another type";
    if (!v->slot) {
      if (!isConstantIntValue(p.offset, 0) || !v->offset ||
          !isConstantIntValue(v->offset, 0))
        return error(s) << "pointer '" << var->getName()
                        << "' is assigned twice";
      b.create<memref::StoreOp>(loc(s), p.base, v->baseSlot);
      return success();
    }
    b.create<memref::StoreOp>(loc(s), p.base, v->baseSlot);
    b.create<memref::StoreOp>(loc(s), p.offset, v->slot);
    return success();
  }
  if (!v->base) {
    v->base = p.base;
  } else if (v->base != p.base) {
    return error(s) << "pointer '" << var->getName()
                    << "' is made to point into a different buffer; only "
                       "offsets within one buffer are supported";
  }
  if (v->slot) {
    b.create<memref::StoreOp>(loc(s), p.offset, v->slot);
  } else {
    if (v->offset)
      return error(s) << "pointer '" << var->getName()
                      << "' is assigned twice";
    v->offset = p.offset;
  }
  return success();
}

FailureOr<ExprValue> FunctionImporter::emitCast(const clang::CastExpr *e) {
  const clang::Expr *sub = e->getSubExpr();
  Location l = loc(e);
  switch (e->getCastKind()) {
  case clang::CK_LValueToRValue:
  case clang::CK_NoOp:
  case clang::CK_ArrayToPointerDecay:
  case clang::CK_FunctionToPointerDecay:
  case clang::CK_UserDefinedConversion:
  case clang::CK_ConstructorConversion:
    return emitExpr(sub);
  case clang::CK_BitCast: {
    // Pointer casts that keep the element type (`(float *)buf`).
    if (e->getType()->isPointerType() && sub->getType()->isPointerType()) {
      clang::QualType to = e->getType()->getPointeeType();
      clang::QualType from = sub->getType()->getPointeeType();
      // A void * carries the same buffer (runtime calls take void *).
      if (module.getAST().hasSameUnqualifiedType(to, from) ||
          to->isVoidType())
        return emitExpr(sub);
      // A void * back to the element type of the buffer it points into.
      if (from->isVoidType()) {
        FailureOr<ExprValue> v = emitExpr(sub);
        if (failed(v))
          return failure();
        if (v->kind == ExprValue::Kind::Pointer && v->pointer.base &&
            cast<MemRefType>(v->pointer.base.getType()).getElementType() ==
                convertType(to, e))
          return v;
      }
      return error(e) << "casting '" << sub->getType().getAsString()
                      << "' to '" << e->getType().getAsString()
                      << "' reinterprets memory, which is not supported",
             failure();
    }
    // Vector casts the intrinsic macros wrap their builtins in
    // (`(__m256i)__builtin_ia32_...`): a no-op when the value already has
    // the target type.
    if (e->getType()->isVectorType() && sub->getType()->isVectorType()) {
      FailureOr<ExprValue> v = emitExpr(sub);
      if (failed(v))
        return failure();
      if (v->kind == ExprValue::Kind::Scalar &&
          v->scalar.getType() == convertType(e->getType(), e))
        return v;
    }
    return error(e) << "bit cast from '" << sub->getType().getAsString()
                    << "' to '" << e->getType().getAsString()
                    << "' is not supported",
           failure();
  }
  case clang::CK_LValueToRValueBitCast: {
    // `__builtin_bit_cast(T, v)` between scalars or vectors of the same
    // width (how the HIP emitter passes f16 through shuffles and bf16
    // vectors to the mfma builtins, which take shorts).
    FailureOr<Value> v = emitScalar(sub);
    if (failed(v))
      return failure();
    Type to = convertType(e->getType(), e);
    Type from = v->getType();
    auto vectorFrom = dyn_cast<VectorType>(from);
    auto vectorTo = dyn_cast_or_null<VectorType>(to);
    Type elementFrom = vectorFrom ? vectorFrom.getElementType() : from;
    Type elementTo = vectorTo ? vectorTo.getElementType() : to;
    bool sameShape = vectorFrom && vectorTo
                         ? vectorFrom.getShape() == vectorTo.getShape()
                         : !vectorFrom && !vectorTo;
    if (to && sameShape && elementFrom.isIntOrFloat() &&
        elementTo.isIntOrFloat() &&
        elementFrom.getIntOrFloatBitWidth() ==
            elementTo.getIntOrFloatBitWidth())
      return ExprValue::ofScalar(b.create<arith::BitcastOp>(l, to, *v));
    return error(e) << "bit cast from '" << sub->getType().getAsString()
                    << "' to '" << e->getType().getAsString()
                    << "' is not supported",
           failure();
  }
  case clang::CK_IntegralCast:
  case clang::CK_IntegralToFloating:
  case clang::CK_FloatingToIntegral:
  case clang::CK_FloatingCast:
  case clang::CK_IntegralToBoolean:
  case clang::CK_FloatingToBoolean:
  case clang::CK_BooleanToSignedIntegral: {
    FailureOr<Value> v = emitScalar(sub);
    if (failed(v))
      return failure();
    Value r = castScalar(*v, sub->getType(), e->getType(), l);
    if (e->getCastKind() == clang::CK_BooleanToSignedIntegral)
      r = b.create<arith::SubIOp>(
          l, b.create<arith::ConstantOp>(l, b.getZeroAttr(r.getType())), r);
    return ExprValue::ofScalar(r);
  }
  case clang::CK_NullToPointer:
    return error(e) << "null pointers are not supported", failure();
  case clang::CK_ToVoid: {
    if (failed(emitExpr(sub)))
      return failure();
    return ExprValue();
  }
  case clang::CK_VectorSplat: {
    FailureOr<Value> v = emitScalar(sub);
    if (failed(v))
      return failure();
    Type t = convertType(e->getType(), e);
    return ExprValue::ofScalar(b.create<vector::BroadcastOp>(l, t, *v));
  }
  default:
    return error(e) << "cast '" << e->getCastKindName() << "' is not supported",
           failure();
  }
}

FailureOr<Value> FunctionImporter::emitArith(clang::BinaryOperatorKind op,
                                             Value lhs, Value rhs,
                                             clang::QualType type, Location l) {
  bool isFloat = isa<FloatType>(getElementTypeOrSelf(lhs.getType()));
  bool isUnsigned = isUnsignedInt(type);
  using BO = clang::BinaryOperatorKind;
  switch (op) {
  case BO::BO_Add:
    return isFloat ? b.create<arith::AddFOp>(l, lhs, rhs).getResult()
                   : b.create<arith::AddIOp>(l, lhs, rhs).getResult();
  case BO::BO_Sub:
    return isFloat ? b.create<arith::SubFOp>(l, lhs, rhs).getResult()
                   : b.create<arith::SubIOp>(l, lhs, rhs).getResult();
  case BO::BO_Mul:
    return isFloat ? b.create<arith::MulFOp>(l, lhs, rhs).getResult()
                   : b.create<arith::MulIOp>(l, lhs, rhs).getResult();
  case BO::BO_Div:
    if (isFloat)
      return b.create<arith::DivFOp>(l, lhs, rhs).getResult();
    return isUnsigned ? b.create<arith::DivUIOp>(l, lhs, rhs).getResult()
                      : b.create<arith::DivSIOp>(l, lhs, rhs).getResult();
  case BO::BO_Rem:
    if (isFloat)
      return b.create<arith::RemFOp>(l, lhs, rhs).getResult();
    return isUnsigned ? b.create<arith::RemUIOp>(l, lhs, rhs).getResult()
                      : b.create<arith::RemSIOp>(l, lhs, rhs).getResult();
  case BO::BO_Shl:
    return b.create<arith::ShLIOp>(l, lhs, rhs).getResult();
  case BO::BO_Shr:
    return isUnsigned ? b.create<arith::ShRUIOp>(l, lhs, rhs).getResult()
                      : b.create<arith::ShRSIOp>(l, lhs, rhs).getResult();
  case BO::BO_And:
    return b.create<arith::AndIOp>(l, lhs, rhs).getResult();
  case BO::BO_Or:
    return b.create<arith::OrIOp>(l, lhs, rhs).getResult();
  case BO::BO_Xor:
    return b.create<arith::XOrIOp>(l, lhs, rhs).getResult();
  default:
    break;
  }
  if (clang::BinaryOperator::isComparisonOp(op)) {
    if (isFloat) {
      arith::CmpFPredicate p;
      switch (op) {
      case BO::BO_LT: p = arith::CmpFPredicate::OLT; break;
      case BO::BO_GT: p = arith::CmpFPredicate::OGT; break;
      case BO::BO_LE: p = arith::CmpFPredicate::OLE; break;
      case BO::BO_GE: p = arith::CmpFPredicate::OGE; break;
      case BO::BO_EQ: p = arith::CmpFPredicate::OEQ; break;
      default: p = arith::CmpFPredicate::UNE; break;
      }
      return b.create<arith::CmpFOp>(l, p, lhs, rhs).getResult();
    }
    arith::CmpIPredicate p;
    switch (op) {
    case BO::BO_LT: p = isUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt; break;
    case BO::BO_GT: p = isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt; break;
    case BO::BO_LE: p = isUnsigned ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle; break;
    case BO::BO_GE: p = isUnsigned ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge; break;
    case BO::BO_EQ: p = arith::CmpIPredicate::eq; break;
    default: p = arith::CmpIPredicate::ne; break;
    }
    return b.create<arith::CmpIOp>(l, p, lhs, rhs).getResult();
  }
  return failure();
}

FailureOr<ExprValue>
FunctionImporter::emitPointerArith(clang::BinaryOperatorKind op,
                                   const clang::Expr *ptr,
                                   const clang::Expr *amount, Location l) {
  FailureOr<Pointer> p = emitPointer(ptr);
  if (failed(p))
    return failure();
  FailureOr<Value> n = emitIndex(amount);
  if (failed(n))
    return failure();
  Value offset = op == clang::BO_Sub
                     ? b.create<arith::SubIOp>(l, p->offset, *n).getResult()
                     : b.create<arith::AddIOp>(l, p->offset, *n).getResult();
  return ExprValue::ofPointer(Pointer{p->base, offset});
}

FailureOr<ExprValue> FunctionImporter::emitBinary(const clang::BinaryOperator *e) {
  Location l = loc(e);
  const clang::Expr *lhs = e->getLHS(), *rhs = e->getRHS();
  if (lhs->getType()->isPointerType() && rhs->getType()->isPointerType())
    return emitPointerComparison(e);
  if (lhs->getType()->isPointerType())
    return emitPointerArith(e->getOpcode(), lhs, rhs, l);
  if (rhs->getType()->isPointerType())
    return emitPointerArith(e->getOpcode(), rhs, lhs, l);
  FailureOr<Value> a = emitScalar(lhs);
  if (failed(a))
    return failure();
  FailureOr<Value> c = emitScalar(rhs);
  if (failed(c))
    return failure();
  // Comparisons take the signedness of the (converted) operands.
  clang::QualType type =
      e->isComparisonOp() ? lhs->getType() : e->getType();
  FailureOr<Value> r = emitArith(e->getOpcode(), *a, *c, type, l);
  if (failed(r))
    return error(e) << "operator '" << e->getOpcodeStr() << "' is not supported",
           failure();
  Value result = *r;
  // C comparisons yield int; keep i1 unless the expression type says so.
  if (e->isComparisonOp() && !e->getType()->isBooleanType())
    result = b.create<arith::ExtUIOp>(l, convertType(e->getType(), e), result);
  return ExprValue::ofScalar(result);
}

FailureOr<ExprValue> FunctionImporter::emitLogical(const clang::BinaryOperator *e) {
  // Short-circuit: the right operand runs only when it decides the result.
  Location l = loc(e);
  Block *rhsBlock = newBlock(), *join = newBlock();
  join->addArgument(b.getI1Type(), l);
  bool isAnd = e->getOpcode() == clang::BO_LAnd;
  Value shortValue = b.create<arith::ConstantIntOp>(l, isAnd ? 0 : 1, 1);
  Block *trueDest = isAnd ? rhsBlock : join;
  Block *falseDest = isAnd ? join : rhsBlock;
  FailureOr<Value> c = emitScalar(e->getLHS());
  if (failed(c))
    return failure();
  Value cond = castScalar(*c, e->getLHS()->getType(), module.getAST().BoolTy, l);
  if (isAnd)
    b.create<cf::CondBranchOp>(l, cond, trueDest, ValueRange{}, falseDest,
                               ValueRange{shortValue});
  else
    b.create<cf::CondBranchOp>(l, cond, trueDest, ValueRange{shortValue},
                               falseDest, ValueRange{});
  setBlock(rhsBlock);
  ++controlDepth;
  FailureOr<Value> r = emitScalar(e->getRHS());
  --controlDepth;
  if (failed(r))
    return failure();
  Value rv = castScalar(*r, e->getRHS()->getType(), module.getAST().BoolTy, l);
  b.create<cf::BranchOp>(l, join, ValueRange{rv});
  setBlock(join);
  Value result = join->getArgument(0);
  if (!e->getType()->isBooleanType())
    result = b.create<arith::ExtUIOp>(l, convertType(e->getType(), e), result);
  return ExprValue::ofScalar(result);
}

FailureOr<ExprValue> FunctionImporter::emitConditional(
    const clang::AbstractConditionalOperator *e) {
  Location l = loc(e);
  // Between pointers (or arrays, which decay after the choice): a select of
  // the two views.
  if (e->getType()->isPointerType() || e->getType()->isArrayType()) {
    FailureOr<Value> view = emitView(e);
    if (failed(view))
      return failure();
    return ExprValue::ofPointer(Pointer{*view, constantIndex(0, l)});
  }
  Type t = convertType(e->getType(), e);
  if (!t)
    return failure();
  Block *thenBlock = newBlock(), *elseBlock = newBlock(), *join = newBlock();
  join->addArgument(t, l);
  if (failed(emitBranchCondition(e->getCond(), thenBlock, elseBlock)))
    return failure();
  for (auto [block, arm] : {std::pair{thenBlock, e->getTrueExpr()},
                            std::pair{elseBlock, e->getFalseExpr()}}) {
    setBlock(block);
    FailureOr<Value> v = emitScalar(arm);
    if (failed(v))
      return failure();
    b.create<cf::BranchOp>(l, join, ValueRange{*v});
  }
  setBlock(join);
  return ExprValue::ofScalar(join->getArgument(0));
}

FailureOr<ExprValue> FunctionImporter::emitAssign(const clang::BinaryOperator *e) {
  Location l = loc(e);
  const clang::Expr *lhs = e->getLHS()->IgnoreParens();
  // Pointer variables: p = q, p += n.
  if (lhs->getType()->isPointerType()) {
    const auto *dr = dyn_cast<clang::DeclRefExpr>(lhs);
    if (!dr || !lookup(dr->getDecl()))
      return error(e) << "assignment to this pointer is not supported",
             failure();
    FailureOr<ExprValue> value =
        e->getOpcode() == clang::BO_Assign
            ? emitExpr(e->getRHS())
            : emitPointerArith(e->getOpcode() == clang::BO_AddAssign
                                   ? clang::BO_Add
                                   : clang::BO_Sub,
                               lhs, e->getRHS(), l);
    if (failed(value))
      return failure();
    if (value->kind != ExprValue::Kind::Pointer)
      return error(e) << "expected a pointer here", failure();
    if (failed(assignPointerVar(dr->getDecl(), value->pointer, e)))
      return failure();
    return value;
  }
  // Scalars: a variable or a buffer element.
  LValue lv;
  if (const auto *dr = dyn_cast<clang::DeclRefExpr>(lhs)) {
    Variable *var = lookup(dr->getDecl());
    if (!var || var->kind != Variable::Kind::Scalar)
      return error(e) << "assignment to '" << dr->getDecl()->getName()
                      << "' is not supported",
             failure();
    lv = LValue{var->slot, {}};
  } else {
    FailureOr<LValue> addr = emitElementAddress(lhs);
    if (failed(addr))
      return failure();
    lv = *addr;
  }
  FailureOr<Value> rhs = emitScalar(e->getRHS());
  if (failed(rhs))
    return failure();
  Value value = *rhs;
  if (const auto *ca = dyn_cast<clang::CompoundAssignOperator>(e)) {
    // a op= b computes in the promoted type, then converts back.
    Value old = load(lv, l);
    Value oldPromoted =
        castScalar(old, lhs->getType(), ca->getComputationLHSType(), l);
    Value rhsPromoted = castScalar(value, e->getRHS()->getType(),
                                   ca->getComputationLHSType(), l);
    FailureOr<Value> r =
        emitArith(clang::BinaryOperator::getOpForCompoundAssignment(
                      e->getOpcode()),
                  oldPromoted, rhsPromoted, ca->getComputationResultType(), l);
    if (failed(r))
      return error(e) << "operator '" << e->getOpcodeStr()
                      << "' is not supported",
             failure();
    value = castScalar(*r, ca->getComputationResultType(), lhs->getType(), l);
  }
  if (failed(store(lv, value, l)))
    return failure();
  return ExprValue::ofScalar(value);
}

FailureOr<ExprValue> FunctionImporter::emitIncDec(const clang::UnaryOperator *e) {
  Location l = loc(e);
  const clang::Expr *sub = e->getSubExpr()->IgnoreParens();
  bool inc = e->isIncrementOp();
  if (sub->getType()->isPointerType()) {
    const auto *dr = dyn_cast<clang::DeclRefExpr>(sub);
    if (!dr || !lookup(dr->getDecl()))
      return error(e) << "increment of this pointer is not supported",
             failure();
    FailureOr<Pointer> p = emitPointer(sub);
    if (failed(p))
      return failure();
    Value one = constantIndex(1, l);
    Value next = inc ? b.create<arith::AddIOp>(l, p->offset, one).getResult()
                     : b.create<arith::SubIOp>(l, p->offset, one).getResult();
    Pointer np{p->base, next};
    if (failed(assignPointerVar(dr->getDecl(), np, e)))
      return failure();
    return ExprValue::ofPointer(e->isPrefix() ? np : *p);
  }
  LValue lv;
  if (const auto *dr = dyn_cast<clang::DeclRefExpr>(sub)) {
    Variable *var = lookup(dr->getDecl());
    if (!var || var->kind != Variable::Kind::Scalar)
      return error(e) << "increment of '" << dr->getDecl()->getName()
                      << "' is not supported",
             failure();
    lv = LValue{var->slot, {}};
  } else {
    FailureOr<LValue> addr = emitElementAddress(sub);
    if (failed(addr))
      return failure();
    lv = *addr;
  }
  Value old = load(lv, l);
  Type t = old.getType();
  Value one = isa<FloatType>(t)
                  ? b.create<arith::ConstantOp>(l, b.getFloatAttr(t, 1.0))
                  : b.create<arith::ConstantOp>(l, b.getIntegerAttr(t, 1));
  FailureOr<Value> next = emitArith(inc ? clang::BO_Add : clang::BO_Sub, old,
                                    one, sub->getType(), l);
  if (failed(next) || failed(store(lv, *next, l)))
    return failure();
  return ExprValue::ofScalar(e->isPrefix() ? *next : old);
}

FailureOr<ExprValue> FunctionImporter::emitUnary(const clang::UnaryOperator *e) {
  Location l = loc(e);
  switch (e->getOpcode()) {
  case clang::UO_PreInc:
  case clang::UO_PreDec:
  case clang::UO_PostInc:
  case clang::UO_PostDec:
    return emitIncDec(e);
  case clang::UO_Plus:
    return emitExpr(e->getSubExpr());
  case clang::UO_Minus: {
    FailureOr<Value> v = emitScalar(e->getSubExpr());
    if (failed(v))
      return failure();
    if (isa<FloatType>(getElementTypeOrSelf(v->getType())))
      return ExprValue::ofScalar(b.create<arith::NegFOp>(l, *v));
    Value zero = b.create<arith::ConstantOp>(l, b.getZeroAttr(v->getType()));
    return ExprValue::ofScalar(b.create<arith::SubIOp>(l, zero, *v));
  }
  case clang::UO_Not: {
    FailureOr<Value> v = emitScalar(e->getSubExpr());
    if (failed(v))
      return failure();
    Value ones = b.create<arith::ConstantOp>(
        l, b.getIntegerAttr(v->getType(), -1));
    return ExprValue::ofScalar(b.create<arith::XOrIOp>(l, *v, ones));
  }
  case clang::UO_LNot: {
    FailureOr<Value> v = emitScalar(e->getSubExpr());
    if (failed(v))
      return failure();
    Value c = castScalar(*v, e->getSubExpr()->getType(),
                         module.getAST().BoolTy, l);
    Value t = b.create<arith::ConstantIntOp>(l, 1, 1);
    Value r = b.create<arith::XOrIOp>(l, c, t);
    if (!e->getType()->isBooleanType())
      r = b.create<arith::ExtUIOp>(l, convertType(e->getType(), e), r);
    return ExprValue::ofScalar(r);
  }
  case clang::UO_Deref: {
    FailureOr<LValue> lv = emitElementAddress(e);
    if (failed(lv))
      return failure();
    return ExprValue::ofScalar(load(*lv, l));
  }
  case clang::UO_AddrOf:
    return emitAddressOf(e);
  default:
    return error(e) << "operator '"
                    << clang::UnaryOperator::getOpcodeStr(e->getOpcode())
                    << "' is not supported",
           failure();
  }
}

FailureOr<ExprValue>
FunctionImporter::emitAddressOf(const clang::UnaryOperator *e) {
  Location l = loc(e);
  {
    const clang::Expr *sub = e->getSubExpr()->IgnoreParens();
    // &x of a scalar variable: a one-element view of its slot (which then
    // stays in memory).
    if (const auto *dr = dyn_cast<clang::DeclRefExpr>(sub))
      if (Variable *var = lookup(dr->getDecl());
          var && var->kind == Variable::Kind::Scalar &&
          dr->getType()->isArithmeticType() && !dr->getType()->isVectorType()) {
        auto slotType = cast<MemRefType>(var->slot.getType());
        auto viewType = MemRefType::get({1}, slotType.getElementType(),
                                        MemRefLayoutAttrInterface(),
                                        slotType.getMemorySpace());
        Value view = b.create<memref::ExpandShapeOp>(
            l, viewType, var->slot, ArrayRef<ReassociationIndices>{});
        return ExprValue::ofPointer(Pointer{view, constantIndex(0, l)});
      }
    // &a[i] is a pointer into a.
    if (const auto *as = dyn_cast<clang::ArraySubscriptExpr>(sub)) {
      const clang::Expr *base = as->getBase()->IgnoreParenImpCasts();
      if (isa<clang::ArraySubscriptExpr>(base))
        return error(e) << "the address of an element of a multi-dimensional "
                           "array is not supported",
               failure();
      return emitPointerArith(clang::BO_Add, as->getBase(), as->getIdx(), l);
    }
    return error(e) << "taking this address is not supported", failure();
  }
}

namespace {
/// Where a pointer points: a root buffer and an element offset into it, or
/// a choice (`arith.select`) between two such places.
struct Place {
  Value cond; // non-null for a choice
  Value root, offset;
  std::unique_ptr<Place> onTrue, onFalse;
};
} // namespace

/// Follows casts, 1-D unit-stride subviews and selects of `buffer` back to
/// the buffers they view.
static std::unique_ptr<Place> decompose(OpBuilder &b, Location l, Value buffer,
                                        Value offset) {
  while (true) {
    if (auto cast = buffer.getDefiningOp<memref::CastOp>()) {
      buffer = cast.getSource();
      continue;
    }
    if (auto sv = buffer.getDefiningOp<memref::SubViewOp>();
        sv && sv.getSourceType().getRank() == 1 &&
        isConstantIntValue(sv.getMixedStrides()[0], 1)) {
      OpFoldResult first = sv.getMixedOffsets()[0];
      Value start =
          isa<Value>(first)
              ? cast<Value>(first)
              : b.create<arith::ConstantIndexOp>(l, *getConstantIntValue(first))
                    .getResult();
      offset = b.create<arith::AddIOp>(l, start, offset);
      buffer = sv.getSource();
      continue;
    }
    break;
  }
  auto place = std::make_unique<Place>();
  if (auto select = buffer.getDefiningOp<arith::SelectOp>()) {
    place->cond = select.getCondition();
    place->onTrue = decompose(b, l, select.getTrueValue(), offset);
    place->onFalse = decompose(b, l, select.getFalseValue(), offset);
    return place;
  }
  place->root = buffer;
  place->offset = offset;
  return place;
}

/// Whether `v` is a fresh allocation (an array, a shared array, a device
/// buffer of known nonzero size), which no other allocation overlaps.
static bool isAllocation(Value v) {
  // hipMalloc of 0 bytes stands for the null pointer, equal to any other.
  if (auto malloc = v.getDefiningOp<hip::MallocOp>())
    if (std::optional<int64_t> size = getConstantIntValue(malloc.getSize());
        !size || *size == 0)
      return false;
  auto effects = dyn_cast_or_null<MemoryEffectOpInterface>(v.getDefiningOp());
  return effects &&
         effects.getEffectOnValue<MemoryEffects::Allocate>(v).has_value();
}

FailureOr<ExprValue>
FunctionImporter::emitPointerComparison(const clang::BinaryOperator *e) {
  Location l = loc(e);
  clang::BinaryOperatorKind op = e->getOpcode();
  bool equality = op == clang::BO_EQ || op == clang::BO_NE;
  if (!equality && !e->isRelationalOp() && op != clang::BO_Sub)
    return error(e) << "operator '" << e->getOpcodeStr()
                    << "' on pointers is not supported",
           failure();
  FailureOr<Pointer> p = emitPointer(e->getLHS());
  if (failed(p))
    return failure();
  FailureOr<Pointer> q = emitPointer(e->getRHS());
  if (failed(q))
    return failure();
  std::unique_ptr<Place> a = decompose(b, l, p->base, p->offset);
  std::unique_ptr<Place> c = decompose(b, l, q->base, q->offset);
  // Compares two places case by case: within one buffer, the offsets;
  // between distinct allocations, (in)equality is known.
  std::function<FailureOr<Value>(const Place &, const Place &)> compare =
      [&](const Place &x, const Place &y) -> FailureOr<Value> {
    if (x.cond || y.cond) {
      const Place &choice = x.cond ? x : y;
      auto arm = [&](const Place &side) {
        return x.cond ? compare(side, y) : compare(x, side);
      };
      FailureOr<Value> t = arm(*choice.onTrue);
      if (failed(t))
        return failure();
      FailureOr<Value> f = arm(*choice.onFalse);
      if (failed(f))
        return failure();
      return b.create<arith::SelectOp>(l, choice.cond, *t, *f).getResult();
    }
    if (x.root == y.root) {
      if (op == clang::BO_Sub)
        return b
            .create<arith::IndexCastOp>(
                l, b.getI64Type(),
                b.create<arith::SubIOp>(l, x.offset, y.offset))
            .getResult();
      FailureOr<Value> r =
          emitArith(op, x.offset, y.offset, module.getAST().LongTy, l);
      return r;
    }
    if (equality && isAllocation(x.root) && isAllocation(y.root))
      return b.create<arith::ConstantIntOp>(l, op == clang::BO_NE, 1)
          .getResult();
    return error(e) << (equality ? "comparing" : "ordering or subtracting")
                    << " pointers that may point into different buffers is "
                       "not supported",
           failure();
  };
  FailureOr<Value> r = compare(*a, *c);
  if (failed(r))
    return failure();
  Value result = *r;
  Type type = convertType(e->getType(), e);
  if (!type)
    return failure();
  if (op == clang::BO_Sub)
    result = castScalar(result, module.getAST().LongTy, e->getType(), l);
  else if (!e->getType()->isBooleanType())
    result = b.create<arith::ExtUIOp>(l, type, result);
  return ExprValue::ofScalar(result);
}

FailureOr<ExprValue> FunctionImporter::emitMember(const clang::MemberExpr *e) {
  if (auto builtin = emitBuiltinVariable(*this, e))
    return *builtin;
  // dim3 components.
  const clang::Expr *base = e->getBase()->IgnoreParenImpCasts();
  if (const auto *rd = base->getType()->getAsCXXRecordDecl();
      rd && rd->getName() == "dim3") {
    FailureOr<std::array<Value, 3>> d = emitDim3(base);
    if (failed(d))
      return failure();
    StringRef field = e->getMemberDecl()->getName();
    unsigned i = field == "x" ? 0 : field == "y" ? 1 : 2;
    Location l = loc(e);
    return ExprValue::ofScalar(
        b.create<arith::IndexCastUIOp>(l, b.getI32Type(), (*d)[i]));
  }
  return error(e) << "member access '" << e->getMemberDecl()->getName()
                  << "' is not supported",
         failure();
}

FailureOr<std::array<Value, 3>>
FunctionImporter::emitDim3(const clang::Expr *e) {
  e = e->IgnoreParenImpCasts();
  Location l = loc(e);
  if (const auto *t = dyn_cast<clang::MaterializeTemporaryExpr>(e))
    return emitDim3(t->getSubExpr());
  if (const auto *c = dyn_cast<clang::CXXFunctionalCastExpr>(e))
    return emitDim3(c->getSubExpr());
  if (const auto *c = dyn_cast<clang::CXXConstructExpr>(e)) {
    const auto *rd = c->getType()->getAsCXXRecordDecl();
    if (rd && rd->getName() == "dim3") {
      // Copy construction, or dim3(x[, y[, z]]).
      if (c->getNumArgs() == 1 && c->getArg(0)->getType()->getAsCXXRecordDecl())
        return emitDim3(c->getArg(0));
      std::array<Value, 3> d;
      for (unsigned i = 0; i < 3; ++i) {
        if (i < c->getNumArgs() && !isa<clang::CXXDefaultArgExpr>(c->getArg(i))) {
          FailureOr<Value> v = emitIndex(c->getArg(i));
          if (failed(v))
            return failure();
          d[i] = *v;
        } else {
          d[i] = constantIndex(1, l);
        }
      }
      return d;
    }
  }
  if (const auto *dr = dyn_cast<clang::DeclRefExpr>(e))
    if (Variable *var = lookup(dr->getDecl());
        var && var->kind == Variable::Kind::Dim3)
      return var->dim3;
  if (e->getType()->isIntegerType()) {
    FailureOr<Value> v = emitIndex(e);
    if (failed(v))
      return failure();
    return std::array<Value, 3>{*v, constantIndex(1, l), constantIndex(1, l)};
  }
  return error(e) << "expected a dim3 here", failure();
}

FailureOr<SmallVector<Value>>
FunctionImporter::emitLaunchArguments(const clang::CUDAKernelCallExpr *e,
                                      func::FuncOp kernel,
                                      StringRef allocator) {
  const clang::FunctionDecl *kernelDecl = e->getDirectCallee();
  FunctionType type = kernel.getFunctionType();
  SmallVector<Value> args;
  for (auto [i, arg] : llvm::enumerate(e->arguments())) {
    if (arg->getType()->isPointerType()) {
      FailureOr<Value> buffer = emitBuffer(arg);
      if (failed(buffer))
        return failure();
      if (buffer->getType() != type.getInput(i))
        return error(arg) << "kernel argument " << i
                          << " is not a device buffer of the kernel's "
                             "element type (allocate it with "
                          << allocator << ")",
               failure();
      args.push_back(*buffer);
      continue;
    }
    FailureOr<Value> v = emitScalar(arg);
    if (failed(v))
      return failure();
    args.push_back(castScalar(*v, arg->getType(),
                              kernelDecl->getParamDecl(i)->getType(),
                              loc(arg)));
  }
  return args;
}

FailureOr<Value> FunctionImporter::emitStream(const clang::Expr *e) {
  const auto *dr = dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  Variable *var = dr ? lookup(dr->getDecl()) : nullptr;
  if (!var || var->kind != Variable::Kind::Stream)
    return error(e) << "expected a stream variable here", failure();
  if (!var->slot)
    return error(e) << "stream '" << dr->getDecl()->getName()
                    << "' is used before it is created",
           failure();
  return var->slot;
}

FailureOr<ExprValue> FunctionImporter::emitCall(const clang::CallExpr *e) {
  const clang::FunctionDecl *callee = e->getDirectCallee();
  if (!callee)
    return error(e) << "indirect calls are not supported", failure();
  // constexpr calls (std::numeric_limits<float>::infinity()) fold.
  if (callee->isConstexpr() && e->getType()->isArithmeticType())
    if (FailureOr<ExprValue> c = emitConstant(e); succeeded(c))
      return c;
  std::string name = callee->getQualifiedNameAsString();
  const clang::SourceManager &sm = module.getAST().getSourceManager();
  bool userFunction =
      !callee->getBuiltinID() &&
      sm.isWrittenInMainFile(sm.getExpansionLoc(callee->getLocation()));
  if (!userFunction) {
    Language language = module.getOptions().language;
    if (language == Language::Vnni)
      if (auto r = emitVnniBuiltin(*this, e, name))
        return *r;
    if (language == Language::Bang)
      if (auto r = emitBangBuiltin(*this, e, name))
        return *r;
    if (language == Language::Cuda)
      if (auto r = emitWmmaBuiltin(*this, e, name))
        return *r;
    if (auto r = emitSimtBuiltin(*this, e, name))
      return *r;
    if (auto r = emitMathBuiltin(*this, e, name))
      return *r;
  }
  // A function of the file: a call.
  if (!callee->getDefinition() ||
      !module.getAST().getSourceManager().isWrittenInMainFile(
          module.getAST().getSourceManager().getExpansionLoc(
              callee->getDefinition()->getLocation())))
    return error(e) << "call to '" << name << "' is not supported", failure();
  FailureOr<func::FuncOp> f = module.getFunction(callee);
  if (failed(f))
    return failure();
  SmallVector<Value> args;
  for (auto [i, arg] : llvm::enumerate(e->arguments())) {
    if (arg->getType()->isPointerType()) {
      // `p + k` passes the buffer from k on; the callee is specialized for
      // the view's type.
      FailureOr<Value> view = emitView(arg);
      if (failed(view))
        return failure();
      args.push_back(*view);
      continue;
    }
    FailureOr<Value> v = emitScalar(arg);
    if (failed(v))
      return failure();
    args.push_back(castScalar(*v, arg->getType(),
                              callee->getParamDecl(i)->getType(), loc(arg)));
  }
  // Buffers in another memory space than the declaration's: a
  // specialization of the callee for these argument types.
  if (TypeRange(ValueRange(args)) != f->getFunctionType().getInputs()) {
    SmallVector<Type> inputs;
    for (Value a : args)
      inputs.push_back(a.getType());
    f = module.getSpecializedFunction(callee, inputs);
    if (failed(f))
      return failure();
  }
  auto call = b.create<func::CallOp>(loc(e), *f, args);
  if (call.getNumResults() == 0)
    return ExprValue();
  return ExprValue::ofScalar(call.getResult(0));
}
