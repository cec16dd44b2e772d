//===- BuiltinsBang.cpp - BANG built-ins, CNRT and launches ---------------===//
//
// Maps BANG C's task indices, on-chip arrays, barriers, __memcpy, the
// __bang_* vector built-ins, the CNRT host API and `<<<dim, type, queue>>>`
// launches to the bang dialect, one call to one op. The declarations come
// from the shipped headers/bang.h and headers/cnrt.h.
//
// A pointer argument (a buffer plus an element offset) becomes the memref
// the op reads or writes from its first element on: the buffer itself at
// offset 0, else a 1-D `memref.subview` from the offset to the buffer's end.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "xpiler/Dialect/Bang/Bang.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace xpiler;

using Result = std::optional<FailureOr<ExprValue>>;

/// Whether `d` is declared by xpiler's shipped headers, not by the user.
static bool isBuiltinDecl(FunctionImporter &f, const clang::Decl *d) {
  const clang::SourceManager &sm = f.getModule().getAST().getSourceManager();
  return !sm.isWrittenInMainFile(sm.getExpansionLoc(d->getLocation()));
}

//===----------------------------------------------------------------------===//
// Memory spaces and builtin variables
//===----------------------------------------------------------------------===//

Attribute xpiler::getBangArraySpace(const clang::VarDecl *v,
                                    MLIRContext *context) {
  for (const auto *attr : v->specific_attrs<clang::AnnotateAttr>()) {
    std::optional<bang::MemorySpace> space =
        llvm::StringSwitch<std::optional<bang::MemorySpace>>(
            attr->getAnnotation())
            .Case("xpiler.nram", bang::MemorySpace::nram)
            .Case("xpiler.wram", bang::MemorySpace::wram)
            .Case("xpiler.sram", bang::MemorySpace::sram)
            .Case("xpiler.ldram", bang::MemorySpace::ldram)
            .Default(std::nullopt);
    if (space)
      return bang::MemorySpaceAttr::get(context, *space);
  }
  return {};
}

/// The op of a task-index variable, or null.
static Value createIndexOp(OpBuilder &b, Location l, StringRef name) {
  Type i32 = b.getI32Type();
  return llvm::StringSwitch<std::function<Value()>>(name)
      .Case("taskId", [&] { return b.create<bang::TaskIdOp>(l, i32); })
      .Case("taskIdX", [&] { return b.create<bang::TaskIdXOp>(l, i32); })
      .Case("taskIdY", [&] { return b.create<bang::TaskIdYOp>(l, i32); })
      .Case("taskIdZ", [&] { return b.create<bang::TaskIdZOp>(l, i32); })
      .Case("taskDim", [&] { return b.create<bang::TaskDimOp>(l, i32); })
      .Case("taskDimX", [&] { return b.create<bang::TaskDimXOp>(l, i32); })
      .Case("taskDimY", [&] { return b.create<bang::TaskDimYOp>(l, i32); })
      .Case("taskDimZ", [&] { return b.create<bang::TaskDimZOp>(l, i32); })
      .Case("clusterId", [&] { return b.create<bang::ClusterIdOp>(l, i32); })
      .Case("clusterDim",
            [&] { return b.create<bang::ClusterDimOp>(l, i32); })
      .Case("coreId", [&] { return b.create<bang::CoreIdOp>(l, i32); })
      .Case("coreDim", [&] { return b.create<bang::CoreDimOp>(l, i32); })
      .Default([] { return Value(); })();
}

/// The bang.alloc {file_scope} of file-scope array `v` in the function being
/// imported: one per function and array, in the entry block (the emitter
/// declares one array per name).
static FailureOr<Value> getFileScopeArray(FunctionImporter &f,
                                          const clang::VarDecl *v,
                                          Attribute space,
                                          const clang::Expr *use) {
  OpBuilder &b = f.builder();
  Block &entry = b.getInsertionBlock()->getParent()->front();
  for (auto alloc : entry.getOps<bang::AllocOp>())
    if (alloc.getFileScope() && alloc.getName() == v->getName())
      return alloc.getMemref();
  if (v->hasInit())
    return f.error(use) << "on-chip array '" << v->getName()
                        << "' cannot have an initializer",
           failure();
  FailureOr<Type> type =
      f.getModule().convertType(v->getType(), space, v->getLocation());
  if (failed(type))
    return failure();
  OpBuilder::InsertionGuard guard(b);
  if (!entry.empty() && entry.back().hasTrait<OpTrait::IsTerminator>())
    b.setInsertionPoint(&entry.back());
  else
    b.setInsertionPointToEnd(&entry);
  return b
      .create<bang::AllocOp>(f.namedLoc(v), *type,
                             b.getStringAttr(v->getName()),
                             /*file_scope=*/true)
      .getMemref();
}

Result xpiler::emitBangBuiltinVariable(FunctionImporter &f,
                                       const clang::DeclRefExpr *e) {
  const auto *v = dyn_cast<clang::VarDecl>(e->getDecl());
  if (!v)
    return std::nullopt;
  OpBuilder &b = f.builder();
  Location l = f.loc(e);
  if (isBuiltinDecl(f, v))
    if (Value index = createIndexOp(b, l, v->getName())) {
      if (f.getSide() == FunctionSide::Host)
        return FailureOr<ExprValue>(
            f.error(e) << "'" << v->getName()
                       << "' can only be used in device code");
      return FailureOr<ExprValue>(ExprValue::ofScalar(index));
    }
  if (!v->isFileVarDecl())
    return std::nullopt;
  Attribute space = getBangArraySpace(v, b.getContext());
  if (!space)
    return std::nullopt;
  if (f.getSide() == FunctionSide::Host)
    return FailureOr<ExprValue>(f.error(e) << "on-chip array '" << v->getName()
                                           << "' used in host code");
  FailureOr<Value> array = getFileScopeArray(f, v, space, e);
  if (failed(array))
    return FailureOr<ExprValue>(failure());
  if (cast<MemRefType>(array->getType()).getRank() != 1)
    return FailureOr<ExprValue>(
        f.error(e) << "multi-dimensional on-chip array '" << v->getName()
                   << "' is not supported");
  return FailureOr<ExprValue>(
      ExprValue::ofPointer(Pointer{*array, f.constantIndex(0, l)}));
}

//===----------------------------------------------------------------------===//
// Operands
//===----------------------------------------------------------------------===//


/// A C `int` argument as i32.
static FailureOr<Value> emitInt(FunctionImporter &f, const clang::Expr *e) {
  FailureOr<Value> v = f.emitScalar(e);
  if (failed(v))
    return failure();
  return f.castScalar(*v, e->getType(), f.getModule().getAST().IntTy,
                      f.loc(e));
}

/// Emits the arguments of `call` in order: a memref for each pointer, the
/// value for each scalar (converted to its parameter's type by Clang, so
/// `int` counts are i32 and a fill value has the chosen overload's type).
static FailureOr<SmallVector<Value>> emitArgs(FunctionImporter &f,
                                              const clang::CallExpr *call) {
  SmallVector<Value> args;
  for (const clang::Expr *arg : call->arguments()) {
    FailureOr<Value> v = arg->getType()->isPointerType() ? f.emitView(arg)
                                                         : f.emitScalar(arg);
    if (failed(v))
      return failure();
    args.push_back(*v);
  }
  return args;
}

static std::optional<int64_t> getConstantInt(FunctionImporter &f,
                                             const clang::Expr *e) {
  if (std::optional<llvm::APSInt> v =
          e->getIntegerConstantExpr(f.getModule().getAST()))
    return v->getExtValue();
  return std::nullopt;
}

/// A constant argument, or a local variable only ever assigned that
/// constant (`cnrtFunctionType_t type = cnrtFuncTypeUnion1;`).
static std::optional<int64_t> getConstantOrConstantVar(FunctionImporter &f,
                                                       const clang::Expr *e) {
  if (std::optional<int64_t> v = getConstantInt(f, e))
    return v;
  const auto *dr = dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  Variable *var = dr ? f.lookup(dr->getDecl()) : nullptr;
  if (!var || var->kind != Variable::Kind::Scalar)
    return std::nullopt;
  std::optional<int64_t> value;
  for (Operation *user : var->slot.getUsers()) {
    auto store = dyn_cast<memref::StoreOp>(user);
    if (!store)
      continue;
    std::optional<int64_t> stored = getConstantIntValue(store.getValue());
    if (!stored || (value && *value != *stored))
      return std::nullopt;
    value = stored;
  }
  return value;
}

//===----------------------------------------------------------------------===//
// Device builtins
//===----------------------------------------------------------------------===//

static FailureOr<ExprValue> emitMemcpy(FunctionImporter &f,
                                       const clang::CallExpr *call,
                                       bool async) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  unsigned n = call->getNumArgs();
  std::optional<int64_t> dir = getConstantInt(f, call->getArg(3));
  if (!dir || !bang::symbolizeMemcpyDir(*dir))
    return f.error(call->getArg(3))
               << "the copy direction must be a mluMemcpyDirection_t constant",
           failure();
  FailureOr<Value> dst = f.emitView(call->getArg(0));
  if (failed(dst))
    return failure();
  FailureOr<Value> src = f.emitView(call->getArg(1));
  if (failed(src))
    return failure();
  SmallVector<Value> ints;
  for (unsigned i = 2; i < n; ++i) {
    if (i == 3)
      continue;
    FailureOr<Value> v = emitInt(f, call->getArg(i));
    if (failed(v))
      return failure();
    ints.push_back(*v);
  }
  // ints: size [, dst_stride, src_stride, segnum] [, id_dst_cluster]
  Value dstStride, srcStride, segnum, cluster;
  if (n >= 7) {
    dstStride = ints[1];
    srcStride = ints[2];
    segnum = ints[3];
  }
  if (n == 5 || n == 8)
    cluster = ints.back();
  b.create<bang::MemcpyOp>(l, *dst, *src, ints[0],
                           *bang::symbolizeMemcpyDir(*dir), dstStride,
                           srcStride, segnum, cluster, async);
  return ExprValue();
}

static FailureOr<ExprValue> emitDeviceBuiltin(FunctionImporter &f,
                                              const clang::CallExpr *call,
                                              StringRef name) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  if (name.starts_with("__sync_")) {
    std::optional<bang::SyncKind> kind =
        bang::symbolizeSyncKind(name.drop_front(strlen("__sync_")));
    if (!kind)
      return f.error(call) << "barrier '" << name
                           << "' is not supported (no bang op)",
             failure();
    b.create<bang::SyncOp>(l, *kind);
    return ExprValue();
  }
  if (name == "__memcpy" || name == "__memcpy_async")
    return emitMemcpy(f, call, name == "__memcpy_async");

  FailureOr<SmallVector<Value>> argsOr = emitArgs(f, call);
  if (failed(argsOr))
    return failure();
  ArrayRef<Value> a = *argsOr;
  unsigned n = a.size();
  auto isPointer = [&](unsigned i) {
    return call->getArg(i)->getType()->isPointerType();
  };

  if (name == "__memset_nram" || name == "__bang_write_value") {
    b.create<bang::FillOp>(l,
                           name == "__memset_nram"
                               ? bang::FillKind::memset_nram
                               : bang::FillKind::write_value,
                           a[0], a[1], a[2]);
    return ExprValue();
  }
  if (name == "__bang_write_zero") {
    b.create<bang::WriteZeroOp>(l, a[0], a[1]);
    return ExprValue();
  }
  if (name == "__bang_max" || name == "__bang_min") {
    b.create<bang::ReduceOp>(l,
                             name == "__bang_max" ? bang::ReduceKind::max
                                                  : bang::ReduceKind::min,
                             a[0], a[1], a[2]);
    return ExprValue();
  }
  if (name == "__bang_transpose") {
    b.create<bang::TransposeOp>(l, a[0], a[1], a[2], a[3]);
    return ExprValue();
  }
  if (name == "__bang_matmul") {
    b.create<bang::MatmulOp>(l, a[0], a[1], a[2], a[3], a[4], a[5],
                             n == 7 ? a[6] : Value());
    return ExprValue();
  }
  if (name == "__bang_mlp") {
    // (dst, src, [bias,] weight, height, width[, fix_position])
    bool bias = isPointer(3);
    unsigned w = bias ? 3 : 2;
    b.create<bang::MlpOp>(l, a[0], a[1], bias ? a[2] : Value(), a[w],
                          a[w + 1], a[w + 2],
                          n == w + 4 ? a[w + 3] : Value());
    return ExprValue();
  }
  if (name == "__bang_conv") {
    // (dst, src, kernel, [bias,] ci, h, w, kh, kw, sx, sy, co[, pos])
    bool bias = isPointer(3);
    unsigned i = bias ? 4 : 3;
    b.create<bang::ConvOp>(l, a[0], a[1], a[2], bias ? a[3] : Value(), a[i],
                           a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5],
                           a[i + 6], a[i + 7],
                           n == i + 9 ? a[i + 8] : Value());
    return ExprValue();
  }
  StringRef rest = name.drop_front(strlen("__bang_"));
  if (rest.ends_with("pool")) {
    if (std::optional<bang::PoolKind> kind =
            bang::symbolizePoolKind(rest.drop_back(strlen("pool")))) {
      b.create<bang::PoolOp>(l, *kind, a[0], a[1], a[2], a[3], a[4], a[5],
                             a[6], n == 9 ? a[7] : Value(),
                             n == 9 ? a[8] : Value());
      return ExprValue();
    }
  }
  for (auto [suffix, form] :
       {std::pair{StringRef("_scalar"), bang::ScalarForm::scalar},
        std::pair{StringRef("_const"), bang::ScalarForm::const_}}) {
    if (!rest.ends_with(suffix))
      continue;
    if (std::optional<bang::BinaryKind> kind =
            bang::symbolizeBinaryKind(rest.drop_back(suffix.size()))) {
      b.create<bang::BinaryScalarOp>(l, *kind, form, a[0], a[1], a[2], a[3]);
      return ExprValue();
    }
  }
  if (rest.starts_with("cycle_"))
    if (std::optional<bang::BinaryKind> kind =
            bang::symbolizeBinaryKind(rest.drop_front(strlen("cycle_")))) {
      b.create<bang::CycleOp>(l, *kind, a[0], a[1], a[2], a[3], a[4]);
      return ExprValue();
    }
  if (std::optional<bang::BinaryKind> kind = bang::symbolizeBinaryKind(rest);
      kind && n == 4) {
    b.create<bang::BinaryOp>(l, *kind, a[0], a[1], a[2], a[3]);
    return ExprValue();
  }
  if (std::optional<bang::UnaryKind> kind = bang::symbolizeUnaryKind(rest);
      kind && n == 3) {
    b.create<bang::UnaryOp>(l, *kind, a[0], a[1], a[2]);
    return ExprValue();
  }
  return f.error(call) << "BANG builtin '" << name << "' is not supported",
         failure();
}

//===----------------------------------------------------------------------===//
// CNRT
//===----------------------------------------------------------------------===//

/// `&var` or `(void **)&var` -> the variable `var`.
static const clang::DeclRefExpr *getAddressedVariable(const clang::Expr *e) {
  e = e->IgnoreParenCasts();
  if (const auto *u = dyn_cast<clang::UnaryOperator>(e);
      u && u->getOpcode() == clang::UO_AddrOf)
    return dyn_cast<clang::DeclRefExpr>(u->getSubExpr()->IgnoreParenCasts());
  return nullptr;
}

/// A `size_t` argument as i64.
static FailureOr<Value> emitSize(FunctionImporter &f, const clang::Expr *e) {
  FailureOr<Value> v = f.emitScalar(e);
  if (failed(v))
    return failure();
  clang::ASTContext &ast = f.getModule().getAST();
  return f.castScalar(*v, e->getType(), ast.UnsignedLongLongTy, f.loc(e));
}

static FailureOr<ExprValue> emitCnrtCall(FunctionImporter &f,
                                         const clang::CallExpr *call,
                                         StringRef name) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  // Every call is modelled as succeeding: its cnrtRet_t is CNRT_RET_SUCCESS.
  auto ok = [&]() -> FailureOr<ExprValue> {
    return ExprValue::ofScalar(b.create<arith::ConstantIntOp>(l, 0, 32));
  };
  if (name == "cnrtQueueCreate" || name == "cnrtCreateQueue") {
    const clang::DeclRefExpr *var = getAddressedVariable(call->getArg(0));
    Variable *slot = var ? f.lookup(var->getDecl()) : nullptr;
    if (!slot || slot->kind != Variable::Kind::Stream)
      return f.error(call) << "the argument of '" << name
                           << "' must be the address of a local cnrtQueue_t "
                              "variable",
             failure();
    if (slot->slot)
      return f.error(call) << "queue '" << var->getDecl()->getName()
                           << "' is created twice",
             failure();
    slot->slot =
        b.create<bang::QueueCreateOp>(l, bang::QueueType::get(b.getContext()));
    return ok();
  }
  if (name == "cnrtQueueSync" || name == "cnrtSyncQueue" ||
      name == "cnrtQueueDestroy" || name == "cnrtDestroyQueue") {
    FailureOr<Value> queue = f.emitStream(call->getArg(0));
    if (failed(queue))
      return failure();
    if (name.contains("Sync"))
      b.create<bang::QueueSyncOp>(l, *queue);
    else
      b.create<bang::QueueDestroyOp>(l, *queue);
    return ok();
  }
  if (name == "cnrtMalloc") {
    const clang::DeclRefExpr *var = getAddressedVariable(call->getArg(0));
    Variable *slot = var ? f.lookup(var->getDecl()) : nullptr;
    if (!slot || slot->kind != Variable::Kind::Pointer)
      return f.error(call) << "the first argument of 'cnrtMalloc' must be the "
                              "address of a local pointer variable",
             failure();
    FailureOr<Value> bytes = emitSize(f, call->getArg(1));
    if (failed(bytes))
      return failure();
    Type elem =
        f.convertType(var->getDecl()->getType()->getPointeeType(), call);
    if (!elem)
      return failure();
    auto type = MemRefType::get({ShapedType::kDynamic}, elem,
                                MemRefLayoutAttrInterface(),
                                f.getModule().getGlobalSpace());
    Value buffer = b.create<bang::MallocOp>(l, type, *bytes);
    if (failed(f.definePointerBuffer(var->getDecl(), buffer, call)))
      return failure();
    return ok();
  }
  if (name == "cnrtFree") {
    FailureOr<Value> buffer = f.emitBuffer(call->getArg(0));
    if (failed(buffer))
      return failure();
    b.create<bang::FreeOp>(l, *buffer);
    return ok();
  }
  if (name == "cnrtMemcpy") {
    std::optional<int64_t> dir = getConstantInt(f, call->getArg(3));
    if (!dir || !bang::symbolizeMemTransDir(*dir))
      return f.error(call->getArg(3)) << "the copy direction must be a "
                                         "cnrtMemTransDir_t constant",
             failure();
    FailureOr<Value> dst = f.emitView(call->getArg(0));
    if (failed(dst))
      return failure();
    FailureOr<Value> src = f.emitView(call->getArg(1));
    if (failed(src))
      return failure();
    FailureOr<Value> bytes = emitSize(f, call->getArg(2));
    if (failed(bytes))
      return failure();
    b.create<bang::CnrtMemcpyOp>(l, *dst, *src, *bytes,
                                 *bang::symbolizeMemTransDir(*dir));
    return ok();
  }
  return f.error(call) << "CNRT call '" << name
                       << "' is not supported (no bang op)",
         failure();
}

Result xpiler::emitBangBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                               StringRef callee) {
  if (!isBuiltinDecl(f, call->getDirectCallee()))
    return std::nullopt;
  if (callee.starts_with("cnrt"))
    return emitCnrtCall(f, call, callee);
  if (callee.starts_with("__bang_") || callee.starts_with("__memcpy") ||
      callee == "__memset_nram" ||
      (callee.starts_with("__sync_") && call->getType()->isVoidType()))
    return emitDeviceBuiltin(f, call, callee); // Clang checked the side.
  // Host-side error reporting around CNRT calls: modelled as unreachable
  // (CNRT calls succeed), so printing is dropped and exiting traps.
  if (f.getSide() == FunctionSide::Host) {
    OpBuilder &b = f.builder();
    Location l = f.loc(call);
    StringRef name = callee;
    name.consume_front("std::");
    if (llvm::is_contained({"printf", "fprintf", "puts", "fputs", "fflush"},
                           name))
      return FailureOr<ExprValue>(
          ExprValue::ofScalar(b.create<arith::ConstantIntOp>(l, 0, 32)));
    if (llvm::is_contained({"exit", "abort"}, name)) {
      Value no = b.create<arith::ConstantIntOp>(l, 0, 1);
      b.create<cf::AssertOp>(l, no, "host code exits");
      return FailureOr<ExprValue>(ExprValue());
    }
  }
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Launches
//===----------------------------------------------------------------------===//

/// cnrtFunctionType_t values (Cambricon's: the cores of a union task).
static std::optional<bang::FuncType> getFuncType(int64_t value) {
  switch (value) {
  case 1:
    return bang::FuncType::block;
  case 4:
    return bang::FuncType::union1;
  case 8:
    return bang::FuncType::union2;
  case 16:
    return bang::FuncType::union4;
  case 32:
    return bang::FuncType::union8;
  case 64:
    return bang::FuncType::union16;
  default:
    return std::nullopt;
  }
}

FailureOr<ExprValue>
xpiler::emitBangKernelLaunch(FunctionImporter &f,
                             const clang::CUDAKernelCallExpr *e) {
  OpBuilder &b = f.builder();
  Location l = f.loc(e);
  const clang::FunctionDecl *kernelDecl = e->getDirectCallee();
  if (!kernelDecl)
    return f.error(e) << "only direct kernel launches are supported",
           failure();
  FailureOr<func::FuncOp> kernel = f.getModule().getFunction(kernelDecl);
  if (failed(kernel))
    return failure();
  const clang::CallExpr *config = e->getConfig();

  FailureOr<std::array<Value, 3>> dim = f.emitDim3(config->getArg(0));
  if (failed(dim))
    return failure();
  SmallVector<Value, 3> xyz;
  for (Value v : *dim)
    xyz.push_back(b.create<arith::IndexCastUIOp>(l, b.getI32Type(), v));
  Value dim3 = b.create<bang::Dim3Op>(l, bang::Dim3Type::get(b.getContext()),
                                      xyz[0], xyz[1], xyz[2]);

  const clang::Expr *typeArg = config->getArg(1);
  std::optional<int64_t> typeValue = getConstantOrConstantVar(f, typeArg);
  if (!typeValue)
    return f.error(typeArg) << "the kernel function type must be a constant "
                               "or a variable only assigned one",
           failure();
  std::optional<bang::FuncType> funcType = getFuncType(*typeValue);
  if (!funcType)
    return f.error(typeArg) << "unknown kernel function type " << *typeValue,
           failure();

  const clang::Expr *queueArg = config->getArg(2);
  if (queueArg->isNullPointerConstant(f.getModule().getAST(),
                                      clang::Expr::NPC_ValueDependentIsNull))
    return f.error(queueArg) << "a launch on the default (null) queue is not "
                                "supported; create a cnrtQueue_t",
           failure();
  FailureOr<Value> queue = f.emitStream(queueArg);
  if (failed(queue))
    return failure();

  FailureOr<SmallVector<Value>> args =
      f.emitLaunchArguments(e, *kernel, "cnrtMalloc");
  if (failed(args))
    return failure();
  b.create<bang::LaunchOp>(l, kernel->getSymName(), dim3, *funcType, *queue,
                           *args);
  return ExprValue();
}
