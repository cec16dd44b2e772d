//===- ImportStmts.cpp - statements, locals and function bodies -----------===//
//
// Statements become an unstructured CFG (cf.br / cf.cond_br) so that every
// C control-flow form, break/continue/early return included, maps directly;
// locals live in memref.alloca slots until mem2reg promotes them.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/StmtOpenMP.h"
#include "llvm/ADT/ScopeExit.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "xpiler/Dialect/Bang/Bang.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"

using namespace mlir;
using namespace xpiler;

FunctionImporter::FunctionImporter(ModuleImporter &module,
                                   const clang::FunctionDecl *decl,
                                   FunctionSide side, func::FuncOp func)
    : module(module), decl(decl), side(side), target(func),
      b(module.getContext()) {}

Location FunctionImporter::loc(const clang::Stmt *s) {
  return module.loc(s->getBeginLoc());
}
Location FunctionImporter::loc(const clang::Decl *d) {
  return module.loc(d->getLocation());
}
Location FunctionImporter::namedLoc(const clang::NamedDecl *d) {
  Location l = loc(d);
  if (d->getName().empty())
    return l;
  return NameLoc::get(StringAttr::get(b.getContext(), d->getName()), l);
}
InFlightDiagnostic FunctionImporter::error(const clang::Stmt *s) {
  return emitError(loc(s));
}
InFlightDiagnostic FunctionImporter::error(const clang::Decl *d) {
  return emitError(loc(d));
}

Type FunctionImporter::convertType(clang::QualType t, const clang::Stmt *where) {
  Attribute space =
      side == FunctionSide::Host ? Attribute() : module.getGlobalSpace();
  FailureOr<Type> r = module.convertType(
      t, space, where ? where->getBeginLoc() : decl->getLocation());
  return succeeded(r) ? *r : Type();
}

Variable *FunctionImporter::lookup(const clang::ValueDecl *d) {
  auto it = vars.find(d);
  return it == vars.end() ? nullptr : &it->second;
}

Block *FunctionImporter::newBlock() {
  // Owned by the region from the start, so that nothing leaks when an
  // error stops the import halfway; the order of blocks does not matter.
  auto *block = new Block();
  body->push_back(block);
  return block;
}

void FunctionImporter::setInsertionPointToAllocas() {
  if (!allocaBlock->empty() &&
      allocaBlock->back().hasTrait<OpTrait::IsTerminator>())
    b.setInsertionPoint(&allocaBlock->back());
  else
    b.setInsertionPointToEnd(allocaBlock);
}

void FunctionImporter::setBlock(Block *block) {
  if (!block->getParent())
    body->push_back(block);
  b.setInsertionPointToEnd(block);
}

bool FunctionImporter::blockIsTerminated() {
  Block *block = b.getInsertionBlock();
  return !block->empty() && block->back().hasTrait<OpTrait::IsTerminator>();
}

void FunctionImporter::branchTo(Block *dest, Location l) {
  if (!blockIsTerminated())
    b.create<cf::BranchOp>(l, dest);
}

Value FunctionImporter::constantIndex(int64_t v, Location l) {
  return b.create<arith::ConstantIndexOp>(l, v);
}

/// Collects the pointer variables `s` assigns or increments.
static void collectMutatedPointers(
    const clang::Stmt *s, llvm::DenseSet<const clang::ValueDecl *> &out,
    unsigned depth = 0) {
  // Deeper code is rejected by emitStmt/emitExpr's own limit.
  if (!s || depth > FunctionImporter::kMaxNesting)
    return;
  auto note = [&](const clang::Expr *target) {
    if (const auto *dr =
            dyn_cast<clang::DeclRefExpr>(target->IgnoreParenImpCasts()))
      if (dr->getType()->isPointerType())
        out.insert(dr->getDecl());
  };
  if (const auto *bo = dyn_cast<clang::BinaryOperator>(s);
      bo && bo->isAssignmentOp())
    note(bo->getLHS());
  if (const auto *uo = dyn_cast<clang::UnaryOperator>(s);
      uo && uo->isIncrementDecrementOp())
    note(uo->getSubExpr());
  for (const clang::Stmt *child : s->children())
    collectMutatedPointers(child, out, depth + 1);
}

LogicalResult FunctionImporter::import() {
  collectMutatedPointers(decl->getBody(), mutatedPointers);
  func::FuncOp func = target;
  if (!func) {
    FailureOr<func::FuncOp> funcOr = module.getFunction(decl);
    if (failed(funcOr))
      return failure();
    func = *funcOr;
  }
  body = &func.getBody();
  allocaBlock = func.addEntryBlock();
  setInsertionPointToAllocas();
  Location fl = loc(decl);

  // Parameters: scalars get a slot (C lets a function assign them),
  // pointers an offset slot over the buffer argument.
  for (auto [i, p] : llvm::enumerate(decl->parameters())) {
    Value arg = func.getArgument(i);
    Location pl = loc(p);
    arg.setLoc(namedLoc(p));
    if (isa<MemRefType>(arg.getType())) {
      Variable v{Variable::Kind::Pointer, {}, arg, {}};
      if (mutatedPointers.contains(p)) {
        v.slot = b.create<memref::AllocaOp>(
            namedLoc(p), MemRefType::get({}, b.getIndexType()));
        b.create<memref::StoreOp>(pl, constantIndex(0, pl), v.slot);
      } else {
        v.offset = constantIndex(0, pl);
      }
      vars[p] = v;
      continue;
    }
    Variable v{Variable::Kind::Scalar, {}, {}, {}};
    v.slot = b.create<memref::AllocaOp>(namedLoc(p),
                                        MemRefType::get({}, arg.getType()));
    b.create<memref::StoreOp>(pl, arg, v.slot);
    vars[p] = v;
  }

  exitBlock = newBlock();
  for (Type t : func.getFunctionType().getResults())
    exitBlock->addArgument(t, fl);
  Block *first = newBlock();
  b.create<cf::BranchOp>(fl, first);
  setBlock(first);
  if (failed(emitStmt(decl->getBody())))
    return failure();
  Location endLoc = module.loc(decl->getBody()->getEndLoc());
  if (!blockIsTerminated()) {
    if (exitBlock->getNumArguments() == 0) {
      b.create<cf::BranchOp>(endLoc, exitBlock);
    } else {
      // Falling off the end of a non-void function: C leaves the value
      // undefined; any value is a valid refinement.
      Type t = exitBlock->getArgument(0).getType();
      Value zero = b.create<arith::ConstantOp>(endLoc, b.getZeroAttr(t));
      b.create<cf::BranchOp>(endLoc, exitBlock, ValueRange{zero});
    }
  }
  body->getBlocks().splice(body->end(), body->getBlocks(),
                           exitBlock->getIterator());
  b.setInsertionPointToEnd(exitBlock);
  b.create<func::ReturnOp>(endLoc, exitBlock->getArguments());

  for (Operation *null : nullBases)
    if (null->use_empty()) {
      Operation *size = null->getOperand(0).getDefiningOp();
      null->erase();
      if (size && size->use_empty())
        size->erase();
    }

  // Blocks left open after a break/continue/return are unreachable.
  for (Block &block : *body)
    if (block.empty() || !block.back().hasTrait<OpTrait::IsTerminator>()) {
      b.setInsertionPointToEnd(&block);
      if (exitBlock->getNumArguments() == 0) {
        b.create<cf::BranchOp>(endLoc, exitBlock);
      } else {
        Type t = exitBlock->getArgument(0).getType();
        Value zero = b.create<arith::ConstantOp>(endLoc, b.getZeroAttr(t));
        b.create<cf::BranchOp>(endLoc, exitBlock, ValueRange{zero});
      }
    }
  return success();
}

LogicalResult FunctionImporter::emitStmt(const clang::Stmt *s) {
  if (!s)
    return success();
  NestingGuard guard(nesting);
  if (nesting > kMaxNesting)
    return error(s) << "code nested more than " << kMaxNesting
                    << " levels deep is not supported";
  // Code after a break/continue/return is unreachable but still C: emit it
  // into a fresh block that canonicalization drops.
  if (blockIsTerminated())
    setBlock(newBlock());
  if (const auto *e = dyn_cast<clang::Expr>(s))
    return failed(emitExpr(e)) ? failure() : success();
  if (const auto *c = dyn_cast<clang::CompoundStmt>(s)) {
    for (const clang::Stmt *child : c->body())
      if (failed(emitStmt(child)))
        return failure();
    if (module.getOptions().language == Language::Vnni)
      endVnniScope(*this, c);
    return success();
  }
  if (const auto *d = dyn_cast<clang::DeclStmt>(s)) {
    for (const clang::Decl *decl : d->decls()) {
      if (const auto *v = dyn_cast<clang::VarDecl>(decl)) {
        if (failed(emitDecl(v)))
          return failure();
      } else if (!isa<clang::TypedefNameDecl, clang::StaticAssertDecl>(decl)) {
        return error(decl) << "declaration of this kind is not supported in a "
                              "function body";
      }
    }
    return success();
  }
  if (const auto *i = dyn_cast<clang::IfStmt>(s))
    return emitIf(i);
  if (const auto *f = dyn_cast<clang::ForStmt>(s))
    return emitLoop(f->getInit(), f->getCond(), f->getInc(), f->getBody(),
                    /*testFirst=*/true, f);
  if (const auto *w = dyn_cast<clang::WhileStmt>(s)) {
    if (w->getConditionVariable())
      return error(w) << "a declaration in a while condition is not supported";
    return emitLoop(nullptr, w->getCond(), nullptr, w->getBody(), true, w);
  }
  if (const auto *d = dyn_cast<clang::DoStmt>(s))
    return emitLoop(nullptr, d->getCond(), nullptr, d->getBody(), false, d);
  if (isa<clang::BreakStmt>(s)) {
    if (loops.empty())
      return error(s) << "'break' outside a loop is not supported";
    b.create<cf::BranchOp>(loc(s), loops.back().breakTo);
    return success();
  }
  if (isa<clang::ContinueStmt>(s)) {
    b.create<cf::BranchOp>(loc(s), loops.back().continueTo);
    return success();
  }
  if (const auto *r = dyn_cast<clang::ReturnStmt>(s))
    return emitReturn(r);
  if (isa<clang::NullStmt>(s))
    return success();
  if (const auto *a = dyn_cast<clang::AttributedStmt>(s))
    return emitStmt(a->getSubStmt()); // #pragma unroll and friends
  if (const auto *omp = dyn_cast<clang::OMPExecutableDirective>(s))
    return emitOmpDirective(omp);
  return error(s) << "statement '" << s->getStmtClassName()
                  << "' is not supported";
}

/// `#pragma omp parallel for` is kept on its loop (`xpl.omp_parallel_for`)
/// with the clauses that do not name variables: `collapse(n)` and
/// `schedule(kind[, chunk])`, both constant; any other clause is an error.
/// Other directives are imported as the sequential code they contain, one
/// valid execution of a race-free program, with a warning.
LogicalResult
FunctionImporter::emitOmpDirective(const clang::OMPExecutableDirective *omp) {
  if (!omp->hasAssociatedStmt())
    return error(omp) << "OpenMP directive without a statement is not "
                         "supported";
  const clang::Stmt *inner = omp->getAssociatedStmt();
  while (const auto *cs = dyn_cast<clang::CapturedStmt>(inner))
    inner = cs->getCapturedStmt();
  StringRef directive =
      llvm::omp::getOpenMPDirectiveName(omp->getDirectiveKind());
  if (!isa<clang::OMPParallelForDirective>(omp)) {
    emitWarning(loc(omp)) << "'#pragma omp " << directive
                          << "' is not kept: the statement is imported as "
                             "sequential code";
    return emitStmt(inner);
  }
  clang::ASTContext &ast = module.getAST();
  SmallVector<NamedAttribute> clauses;
  for (const clang::OMPClause *clause : omp->clauses()) {
    Location cl = module.loc(clause->getBeginLoc());
    auto constant = [&](const clang::Expr *e) -> std::optional<int64_t> {
      std::optional<llvm::APSInt> value =
          e ? e->getIntegerConstantExpr(ast) : std::nullopt;
      if (!value || value->getSExtValue() < 1)
        return std::nullopt;
      return value->getSExtValue();
    };
    if (const auto *collapse = dyn_cast<clang::OMPCollapseClause>(clause)) {
      std::optional<int64_t> n = constant(collapse->getNumForLoops());
      if (!n)
        return emitError(cl) << "'collapse' needs a positive constant";
      clauses.push_back(b.getNamedAttr("collapse", b.getI64IntegerAttr(*n)));
      continue;
    }
    if (const auto *schedule = dyn_cast<clang::OMPScheduleClause>(clause)) {
      if (schedule->getFirstScheduleModifier() !=
              clang::OMPC_SCHEDULE_MODIFIER_unknown ||
          schedule->getSecondScheduleModifier() !=
              clang::OMPC_SCHEDULE_MODIFIER_unknown)
        return emitError(cl) << "'schedule' modifiers are not supported";
      StringRef kind;
      switch (schedule->getScheduleKind()) {
      case clang::OMPC_SCHEDULE_static:
        kind = "static";
        break;
      case clang::OMPC_SCHEDULE_dynamic:
        kind = "dynamic";
        break;
      case clang::OMPC_SCHEDULE_guided:
        kind = "guided";
        break;
      case clang::OMPC_SCHEDULE_auto:
        kind = "auto";
        break;
      case clang::OMPC_SCHEDULE_runtime:
        kind = "runtime";
        break;
      default:
        return emitError(cl) << "unknown 'schedule' kind";
      }
      clauses.push_back(b.getNamedAttr("schedule", b.getStringAttr(kind)));
      if (const clang::Expr *chunk = schedule->getChunkSize()) {
        std::optional<int64_t> n = constant(chunk);
        if (!n)
          return emitError(cl) << "'schedule' chunk size needs a positive "
                                  "constant";
        clauses.push_back(b.getNamedAttr("chunk", b.getI64IntegerAttr(*n)));
      }
      continue;
    }
    return emitError(cl)
           << "OpenMP clause '"
           << llvm::omp::getOpenMPClauseName(clause->getClauseKind())
           << "' is not supported on '#pragma omp " << directive << "'";
  }
  const auto *loop = dyn_cast<clang::ForStmt>(inner);
  if (!loop)
    return error(omp) << "'#pragma omp " << directive
                      << "' must be followed by a for loop";
  ompLoop = loop;
  ompClauses = b.getDictionaryAttr(clauses);
  return emitStmt(loop);
}

LogicalResult FunctionImporter::emitDecl(const clang::VarDecl *v) {
  Location l = loc(v);
  // The values that hold the variable carry its name.
  Location nl = namedLoc(v);
  if (v->isStaticLocal() && !v->hasAttr<clang::CUDASharedAttr>())
    return error(v) << "static local variable '" << v->getName()
                    << "' is not supported";
  clang::QualType t = v->getType();
  // extern __shared__ T name[]: the launch's dynamic shared memory.
  if (t->isIncompleteArrayType() && v->hasAttr<clang::CUDASharedAttr>()) {
    clang::QualType elemType =
        module.getAST().getAsIncompleteArrayType(t)->getElementType();
    FailureOr<Type> elem =
        module.convertType(elemType, Attribute(), v->getLocation());
    if (failed(elem))
      return failure();
    auto type = MemRefType::get({ShapedType::kDynamic}, *elem,
                                MemRefLayoutAttrInterface(),
                                module.getSharedSpace());
    OpBuilder::InsertionGuard guard(b);
    setInsertionPointToAllocas();
    Value array;
    if (module.getOptions().language == Language::Cuda)
      array = b.create<cuda::DynamicSharedOp>(nl, type,
                                              b.getStringAttr(v->getName()));
    else if (module.getOptions().language == Language::Hip)
      array = b.create<hip::DynamicSharedOp>(nl, type);
    else
      return error(v) << "extern __shared__ is not supported in this language";
    vars[v] = Variable{Variable::Kind::Array, array, {}, {}};
    return success();
  }
  // Streams: an opaque value that cudaStreamCreate defines.
  if (t->isPointerType())
    if (const auto *rd = t->getPointeeType()->getAsRecordDecl();
        rd && (rd->getName() == "CUstream_st" ||
               rd->getName() == "ihipStream_t" ||
               rd->getName() == "cnrtQueue")) {
      vars[v] = Variable{Variable::Kind::Stream, {}, {}, {}};
      return success();
    }
  // Fragments (and arrays of them, handled with arrays below) live in
  // memref slots.
  if (module.getOptions().language == Language::Cuda)
    if (std::optional<Type> frag = convertWmmaType(t, b.getContext())) {
      OpBuilder::InsertionGuard guard(b);
      setInsertionPointToAllocas();
      Value slot = b.create<memref::AllocaOp>(nl, MemRefType::get({}, *frag));
      vars[v] = Variable{Variable::Kind::Scalar, slot, {}, {}};
      return success();
    }
  if (module.getOptions().language == Language::Vnni)
    if (std::optional<LogicalResult> r = emitVnniStdVector(*this, v))
      return *r;
  // dim3 locals: an immutable triple.
  if (const auto *rd = t->getAsCXXRecordDecl()) {
    if (rd->getName() == "dim3" && v->getInit()) {
      FailureOr<std::array<Value, 3>> d = emitDim3(v->getInit());
      if (failed(d))
        return failure();
      vars[v] = Variable{Variable::Kind::Dim3, {}, {}, *d};
      return success();
    }
    return error(v) << "variable of type '" << t.getAsString()
                    << "' is not supported";
  }
  if (t->isConstantArrayType()) {
    bool shared = v->hasAttr<clang::CUDASharedAttr>();
    Attribute space = shared ? module.getSharedSpace() : Attribute();
    if (module.getOptions().language == Language::Bang) {
      // __nram__ / __wram__ / __mlu_shared__ arrays: bang.alloc.
      if (Attribute bangSpace = getBangArraySpace(v, b.getContext())) {
        FailureOr<Type> type =
            module.convertType(t, bangSpace, v->getLocation());
        if (failed(type))
          return failure();
        OpBuilder::InsertionGuard guard(b);
        setInsertionPointToAllocas();
        Value array =
            b.create<bang::AllocOp>(nl, *type, b.getStringAttr(v->getName()),
                                    /*file_scope=*/nullptr);
        vars[v] = Variable{Variable::Kind::Array, array, {}, {}};
        if (v->getInit())
          return error(v) << "an on-chip array cannot have an initializer";
        return success();
      }
    }
    FailureOr<Type> type = module.convertType(t, space, v->getLocation());
    if (failed(type))
      return failure();
    auto memrefType = cast<MemRefType>(*type);
    Value array;
    {
    OpBuilder::InsertionGuard guard(b);
    setInsertionPointToAllocas();
    if (shared && module.getOptions().language == Language::Cuda)
      array = b.create<cuda::SharedArrayOp>(nl, memrefType,
                                            b.getStringAttr(v->getName()));
    else if (shared && module.getOptions().language == Language::Hip)
      array = b.create<hip::SharedAllocOp>(nl, memrefType);
    else if (shared)
      return error(v) << "__shared__ is not supported in this language";
    else if (v->hasAttr<clang::AlignedAttr>())
      // `alignas(N)` survives: vector code may rely on it.
      array = b.create<memref::AllocaOp>(
          l, memrefType,
          b.getI64IntegerAttr(
              v->getASTContext().getDeclAlign(v).getQuantity()));
    else
      array = b.create<memref::AllocaOp>(nl, memrefType);
    }
    vars[v] = Variable{Variable::Kind::Array, array, {}, {}};
    // Arrays of fragments are default-constructed: nothing to store.
    if (v->getInit() && !isa<clang::CXXConstructExpr>(v->getInit())) {
      if (shared)
        return error(v) << "a __shared__ array cannot have an initializer";
      return emitArrayInit(v, array);
    }
    return success();
  }
  if (t->isPointerType()) {
    Variable var{Variable::Kind::Pointer, {}, {}, {}};
    if (mutatedPointers.contains(v)) {
      OpBuilder::InsertionGuard guard(b);
      setInsertionPointToAllocas();
      var.slot =
          b.create<memref::AllocaOp>(nl, MemRefType::get({}, b.getIndexType()));
    }
    const clang::Expr *init = v->getInit();
    // `T *p = nullptr;` declares a pointer that a later cudaMalloc/hipMalloc
    // defines.
    if (init &&
        init->isNullPointerConstant(module.getAST(),
                                    clang::Expr::NPC_ValueDependentIsNotNull)) {
      init = nullptr;
      // On the HIP host, the null device pointer is what hipMalloc of 0
      // bytes returns (and what hipFree ignores): kept as the value of the
      // paths that do not allocate, should an allocation be conditional.
      clang::QualType pointee = t->getPointeeType();
      if (module.getOptions().language == Language::Hip &&
          side == FunctionSide::Host && pointee->isArithmeticType() &&
          !pointee->isVectorType()) {
        Type elem = convertType(pointee, v->getInit());
        if (!elem)
          return failure();
        auto type = MemRefType::get({ShapedType::kDynamic}, elem,
                                    MemRefLayoutAttrInterface(),
                                    module.getGlobalSpace());
        var.nullBase = b.create<hip::MallocOp>(nl, type, constantIndex(0, l));
        nullBases.push_back(var.nullBase);
      }
    }
    defineVariable(v, var);
    if (init) {
      FailureOr<Pointer> p = emitPointer(init);
      if (failed(p))
        return failure();
      return assignPointerVar(v, *p, init);
    }
    return success();
  }
  FailureOr<Type> typeOr = module.convertType(t, Attribute(), v->getLocation());
  if (failed(typeOr))
    return failure();
  Type type = *typeOr;

  Variable var{Variable::Kind::Scalar, {}, {}, {}};
  if (v->hasAttr<clang::CUDASharedAttr>()) {
    // `__shared__ T x;`: one instance per block, a rank-0 shared array.
    if (v->getInit())
      return error(v) << "a __shared__ variable cannot have an initializer";
    auto memrefType = MemRefType::get({}, type, MemRefLayoutAttrInterface(),
                                      module.getSharedSpace());
    OpBuilder::InsertionGuard guard(b);
    setInsertionPointToAllocas();
    if (module.getOptions().language == Language::Cuda)
      var.slot = b.create<cuda::SharedArrayOp>(nl, memrefType,
                                               b.getStringAttr(v->getName()));
    else if (module.getOptions().language == Language::Hip)
      var.slot = b.create<hip::SharedAllocOp>(nl, memrefType);
    else
      return error(v) << "__shared__ is not supported in this language";
    defineVariable(v, var);
    return success();
  }
  {
    OpBuilder::InsertionGuard guard(b);
    setInsertionPointToAllocas();
    var.slot = b.create<memref::AllocaOp>(nl, MemRefType::get({}, type));
  }
  vars[v] = var;
  if (auto vectorType = dyn_cast<VectorType>(type);
      vectorType && v->getInit() &&
      isa<clang::InitListExpr>(v->getInit()->IgnoreImplicit())) {
    // `v = {}` / `v = {a, b}`: the listed lanes, zeros after them.
    const auto *list = cast<clang::InitListExpr>(v->getInit()->IgnoreImplicit());
    Value vec = b.create<arith::ConstantOp>(l, b.getZeroAttr(vectorType));
    for (unsigned i = 0; i < list->getNumInits(); ++i) {
      FailureOr<Value> lane = emitScalar(list->getInit(i));
      if (failed(lane))
        return failure();
      vec = b.create<vector::InsertOp>(l, *lane, vec, int64_t(i));
    }
    b.create<memref::StoreOp>(l, vec, var.slot);
    return success();
  }
  if (const clang::Expr *init = v->getInit()) {
    FailureOr<Value> value = emitScalar(init);
    if (failed(value))
      return failure();
    b.create<memref::StoreOp>(l, *value, var.slot);
  }
  return success();
}

LogicalResult FunctionImporter::emitArrayInit(const clang::VarDecl *v,
                                              Value array) {
  auto type = cast<MemRefType>(array.getType());
  const auto *list = dyn_cast<clang::InitListExpr>(v->getInit());
  if (!list)
    return error(v) << "array initializer must be a braced list";
  // Every element not listed is zero (C aggregate initialization).
  SmallVector<int64_t> shape(type.getShape());
  int64_t total = type.getNumElements();
  Location l = loc(v);
  Value zero = b.create<arith::ConstantOp>(
      l, b.getZeroAttr(type.getElementType()));
  SmallVector<Value> values(total, zero);
  std::function<LogicalResult(const clang::InitListExpr *, int64_t, unsigned)>
      fill = [&](const clang::InitListExpr *init, int64_t base,
                 unsigned dim) -> LogicalResult {
    int64_t stride = 1;
    for (unsigned d = dim + 1; d < shape.size(); ++d)
      stride *= shape[d];
    for (unsigned i = 0; i < init->getNumInits(); ++i) {
      const clang::Expr *e = init->getInit(i);
      if (const auto *sub = dyn_cast<clang::InitListExpr>(e)) {
        if (dim + 1 >= shape.size())
          return error(e) << "too many braces in array initializer";
        if (failed(fill(sub, base + i * stride, dim + 1)))
          return failure();
        continue;
      }
      if (isa<clang::ImplicitValueInitExpr>(e))
        continue;
      FailureOr<Value> value = emitScalar(e);
      if (failed(value))
        return failure();
      values[base + i * stride] = *value;
    }
    return success();
  };
  if (failed(fill(list, 0, 0)))
    return failure();
  for (int64_t linear = 0; linear < total; ++linear) {
    SmallVector<Value> indices;
    int64_t rest = linear;
    for (int64_t d = shape.size() - 1; d >= 0; --d) {
      indices.insert(indices.begin(), constantIndex(rest % shape[d], l));
      rest /= shape[d];
    }
    b.create<memref::StoreOp>(l, values[linear], array, indices);
  }
  return success();
}

LogicalResult FunctionImporter::emitBranchCondition(const clang::Expr *cond,
                                                    Block *trueBlock,
                                                    Block *falseBlock) {
  FailureOr<Value> c = emitScalar(cond);
  if (failed(c))
    return failure();
  Value v = *c;
  Location l = loc(cond);
  if (v.getType() != b.getI1Type()) {
    Value zero = b.create<arith::ConstantOp>(l, b.getZeroAttr(v.getType()));
    if (isa<FloatType>(v.getType()))
      v = b.create<arith::CmpFOp>(l, arith::CmpFPredicate::UNE, v, zero);
    else
      v = b.create<arith::CmpIOp>(l, arith::CmpIPredicate::ne, v, zero);
  }
  b.create<cf::CondBranchOp>(l, v, trueBlock, falseBlock);
  return success();
}

LogicalResult FunctionImporter::emitIf(const clang::IfStmt *s) {
  if (s->getConditionVariable() || s->getInit())
    return error(s) << "a declaration in an if condition is not supported";
  if (s->isConsteval())
    return error(s) << "'if consteval' is not supported";
  if (s->isConstexpr()) {
    // Only the taken branch exists.
    std::optional<llvm::APSInt> taken =
        s->getCond()->getIntegerConstantExpr(module.getAST());
    if (!taken)
      return error(s) << "'if constexpr' condition is not a constant";
    return emitStmt(taken->getBoolValue() ? s->getThen() : s->getElse());
  }
  Block *thenBlock = newBlock(), *join = newBlock();
  Block *elseBlock = s->getElse() ? newBlock() : join;
  if (failed(emitBranchCondition(s->getCond(), thenBlock, elseBlock)))
    return failure();
  ++controlDepth;
  auto restore = llvm::make_scope_exit([&] { --controlDepth; });
  setBlock(thenBlock);
  if (failed(emitStmt(s->getThen())))
    return failure();
  branchTo(join, loc(s));
  if (s->getElse()) {
    setBlock(elseBlock);
    if (failed(emitStmt(s->getElse())))
      return failure();
    branchTo(join, loc(s));
  }
  setBlock(join);
  return success();
}

LogicalResult FunctionImporter::emitLoop(const clang::Stmt *init,
                                         const clang::Expr *cond,
                                         const clang::Expr *inc,
                                         const clang::Stmt *loopBody,
                                         bool testFirst,
                                         const clang::Stmt *where) {
  if (const auto *f = dyn_cast<clang::ForStmt>(where))
    if (f->getConditionVariable())
      return error(where) << "a declaration in a for condition is not supported";
  if (failed(emitStmt(init)))
    return failure();
  Location l = loc(where);
  if (where == ompLoop) {
    // Marks the loop for simplifyImportedModule, right before its header.
    ModuleOp moduleOp = module.getModule();
    auto marker = moduleOp.lookupSymbol<func::FuncOp>(kOmpMarkerName);
    if (!marker) {
      OpBuilder top = OpBuilder::atBlockEnd(moduleOp.getBody());
      marker = top.create<func::FuncOp>(moduleOp.getLoc(), kOmpMarkerName,
                                        top.getFunctionType({}, {}));
      marker.setPrivate();
    }
    auto call = b.create<func::CallOp>(l, marker, ValueRange{});
    call->setAttr(kOmpMarkerAttrName, ompClauses);
    ompLoop = nullptr;
  }
  Block *header = newBlock(), *bodyBlock = newBlock(), *latch = newBlock(),
        *exit = newBlock();
  branchTo(testFirst ? header : bodyBlock, l);
  setBlock(header);
  if (cond) {
    if (failed(emitBranchCondition(cond, bodyBlock, exit)))
      return failure();
  } else {
    b.create<cf::BranchOp>(l, bodyBlock);
  }
  setBlock(bodyBlock);
  loops.push_back({exit, latch});
  // A do-while body runs at least once and dominates what follows the loop
  // (`do { CHECK(cudaMalloc(...)); } while (0)` defines its buffer for good).
  unsigned depthIncrement = testFirst ? 1 : 0;
  controlDepth += depthIncrement;
  auto restore =
      llvm::make_scope_exit([&] { controlDepth -= depthIncrement; });
  LogicalResult r = emitStmt(loopBody);
  loops.pop_back();
  if (failed(r))
    return failure();
  branchTo(latch, l);
  setBlock(latch);
  if (inc && failed(emitExpr(inc)))
    return failure();
  branchTo(header, l);
  setBlock(exit);
  return success();
}

LogicalResult FunctionImporter::emitReturn(const clang::ReturnStmt *s) {
  Location l = loc(s);
  if (const clang::Expr *value = s->getRetValue()) {
    if (exitBlock->getNumArguments() == 0) {
      // `return f();` in a void function.
      if (failed(emitExpr(value)))
        return failure();
      b.create<cf::BranchOp>(l, exitBlock);
      return success();
    }
    FailureOr<Value> v = emitScalar(value);
    if (failed(v))
      return failure();
    Value r = castScalar(*v, value->getType(), decl->getReturnType(), l);
    b.create<cf::BranchOp>(l, exitBlock, ValueRange{r});
    return success();
  }
  b.create<cf::BranchOp>(l, exitBlock);
  return success();
}
