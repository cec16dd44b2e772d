//===- BuiltinsSimt.cpp - CUDA and HIP built-ins, runtime and launches ----===//
//
// Maps CUDA's and HIP's built-in variables, barriers, shuffles, votes,
// atomics, half conversions, runtime API calls and `<<<...>>>` launches to
// the cuda and hip dialects, one call to one op.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "xpiler/Dialect/Cuda/Cuda.h"
#include "xpiler/Dialect/Hip/Hip.h"
#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace xpiler;

static bool isHip(FunctionImporter &f) {
  return f.getModule().getOptions().language == Language::Hip;
}

static bool isSimt(FunctionImporter &f) {
  Language l = f.getModule().getOptions().language;
  return l == Language::Cuda || l == Language::Hip;
}

/// Whether `d` is declared by xpiler's shipped headers (a built-in), not by
/// the user.
static bool isBuiltinDecl(FunctionImporter &f, const clang::Decl *d) {
  if (const auto *fd = dyn_cast<clang::FunctionDecl>(d); fd && fd->getBuiltinID())
    return true;
  const clang::SourceManager &sm = f.getModule().getAST().getSourceManager();
  return !sm.isWrittenInMainFile(sm.getExpansionLoc(d->getLocation()));
}

std::optional<FailureOr<ExprValue>>
xpiler::emitBuiltinVariable(FunctionImporter &f, const clang::MemberExpr *e) {
  if (!isSimt(f))
    return std::nullopt;
  const auto *dr =
      dyn_cast<clang::DeclRefExpr>(e->getBase()->IgnoreParenImpCasts());
  if (!dr || !isBuiltinDecl(f, dr->getDecl()))
    return std::nullopt;
  StringRef var = dr->getDecl()->getName();
  StringRef field = e->getMemberDecl()->getName();
  if (!llvm::is_contained({"threadIdx", "blockIdx", "blockDim", "gridDim"},
                          var))
    return std::nullopt;
  unsigned dim = field == "x" ? 0 : field == "y" ? 1 : 2;
  OpBuilder &b = f.builder();
  Location l = f.loc(e);
  Value v;
  if (isHip(f)) {
    auto d = static_cast<hip::Dim>(dim);
    if (var == "threadIdx")
      v = b.create<hip::ThreadIdxOp>(l, b.getI32Type(), d);
    else if (var == "blockIdx")
      v = b.create<hip::BlockIdxOp>(l, b.getI32Type(), d);
    else if (var == "blockDim")
      v = b.create<hip::BlockDimOp>(l, b.getI32Type(), d);
    else
      v = b.create<hip::GridDimOp>(l, b.getI32Type(), d);
  } else {
    auto d = static_cast<cuda::Dimension>(dim);
    if (var == "threadIdx")
      v = b.create<cuda::ThreadIdxOp>(l, b.getI32Type(), d);
    else if (var == "blockIdx")
      v = b.create<cuda::BlockIdxOp>(l, b.getI32Type(), d);
    else if (var == "blockDim")
      v = b.create<cuda::BlockDimOp>(l, b.getI32Type(), d);
    else
      v = b.create<cuda::GridDimOp>(l, b.getI32Type(), d);
  }
  return FailureOr<ExprValue>(ExprValue::ofScalar(v));
}

/// `(void **)&ptr` -> the pointer variable `ptr`.
static const clang::DeclRefExpr *getAddressedVariable(const clang::Expr *e) {
  e = e->IgnoreParenCasts();
  if (const auto *u = dyn_cast<clang::UnaryOperator>(e);
      u && u->getOpcode() == clang::UO_AddrOf)
    return dyn_cast<clang::DeclRefExpr>(u->getSubExpr()->IgnoreParenCasts());
  return nullptr;
}

/// cudaMemcpyKind / hipMemcpyKind share their values.
static std::optional<int64_t> getConstantInt(FunctionImporter &f,
                                             const clang::Expr *e) {
  if (std::optional<llvm::APSInt> v =
          e->getIntegerConstantExpr(f.getModule().getAST()))
    return v->getExtValue();
  return std::nullopt;
}

static Value success32(FunctionImporter &f, Location l) {
  // Runtime calls are modelled as succeeding: their cudaError_t is 0.
  return f.builder().create<arith::ConstantIntOp>(l, 0, 32);
}

static FailureOr<ExprValue> emitRuntimeCall(FunctionImporter &f,
                                            const clang::CallExpr *call,
                                            StringRef name) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  bool hip = isHip(f);
  if (name == "Malloc") {
    const clang::DeclRefExpr *var = getAddressedVariable(call->getArg(0));
    Variable *slot = var ? f.lookup(var->getDecl()) : nullptr;
    if (!slot || slot->kind != Variable::Kind::Pointer)
      return f.error(call) << "the first argument must be the address of a "
                              "local pointer variable",
             failure();
    FailureOr<Value> bytes = f.emitIndex(call->getArg(1));
    if (failed(bytes))
      return failure();
    Type elem = f.convertType(
        var->getDecl()->getType()->getPointeeType(), call);
    if (!elem)
      return failure();
    auto type = MemRefType::get({ShapedType::kDynamic}, elem,
                                MemRefLayoutAttrInterface(),
                                f.getModule().getGlobalSpace());
    Value buffer = hip ? b.create<hip::MallocOp>(l, type, *bytes).getResult()
                       : b.create<cuda::MallocOp>(l, type, *bytes).getResult();
    if (failed(f.definePointerBuffer(var->getDecl(), buffer, call)))
      return failure();
    return ExprValue::ofScalar(success32(f, l));
  }
  if (name == "Memcpy") {
    FailureOr<Value> dst = f.emitBuffer(call->getArg(0));
    if (failed(dst))
      return failure();
    FailureOr<Value> src = f.emitBuffer(call->getArg(1));
    if (failed(src))
      return failure();
    FailureOr<Value> bytes = f.emitIndex(call->getArg(2));
    if (failed(bytes))
      return failure();
    std::optional<int64_t> kind = getConstantInt(f, call->getArg(3));
    if (!kind || *kind < 0 || *kind > 4)
      return f.error(call->getArg(3)) << "the copy direction must be a "
                                         "constant",
             failure();
    if (hip)
      b.create<hip::MemcpyOp>(l, static_cast<hip::MemcpyKind>(*kind), *dst,
                              *src, *bytes);
    else
      b.create<cuda::MemcpyOp>(l, static_cast<cuda::MemcpyKind>(*kind), *dst,
                               *src, *bytes);
    return ExprValue::ofScalar(success32(f, l));
  }
  if (name == "Free") {
    FailureOr<Value> buf = f.emitBuffer(call->getArg(0));
    if (failed(buf))
      return failure();
    if (hip)
      b.create<hip::FreeOp>(l, *buf);
    else
      b.create<cuda::FreeOp>(l, *buf);
    return ExprValue::ofScalar(success32(f, l));
  }
  if (name == "DeviceSynchronize") {
    if (hip)
      b.create<hip::DeviceSynchronizeOp>(l);
    else
      b.create<cuda::DeviceSynchronizeOp>(l);
    return ExprValue::ofScalar(success32(f, l));
  }
  if (name == "StreamCreate") {
    const clang::DeclRefExpr *var = getAddressedVariable(call->getArg(0));
    Variable *slot = var ? f.lookup(var->getDecl()) : nullptr;
    if (!slot || slot->kind != Variable::Kind::Stream)
      return f.error(call) << "the argument must be the address of a local "
                              "stream variable",
             failure();
    if (slot->slot)
      return f.error(call) << "stream '" << var->getDecl()->getName()
                           << "' is created twice",
             failure();
    if (hip)
      slot->slot = b.create<hip::StreamCreateOp>(
          l, hip::StreamType::get(b.getContext()));
    else
      slot->slot = b.create<cuda::StreamCreateOp>(
          l, cuda::StreamType::get(b.getContext()));
    return ExprValue::ofScalar(success32(f, l));
  }
  if (name == "StreamSynchronize" || name == "StreamDestroy") {
    FailureOr<Value> stream = f.emitStream(call->getArg(0));
    if (failed(stream))
      return failure();
    bool sync = name == "StreamSynchronize";
    if (hip && sync)
      b.create<hip::StreamSynchronizeOp>(l, *stream);
    else if (hip)
      b.create<hip::StreamDestroyOp>(l, *stream);
    else if (sync)
      b.create<cuda::StreamSynchronizeOp>(l, *stream);
    else
      b.create<cuda::StreamDestroyOp>(l, *stream);
    return ExprValue::ofScalar(success32(f, l));
  }
  if (name == "GetLastError" || name == "PeekAtLastError")
    return ExprValue::ofScalar(success32(f, l));
  return f.error(call) << "runtime call '" << (hip ? "hip" : "cuda") << name
                       << "' is not supported",
         failure();
}

static FailureOr<ExprValue> emitShuffle(FunctionImporter &f,
                                        const clang::CallExpr *call,
                                        StringRef name) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  bool hip = isHip(f);
  bool sync = name.ends_with("_sync");
  StringRef kindName = name.drop_front(strlen("__shfl"));
  if (sync)
    kindName = kindName.drop_back(strlen("_sync"));
  unsigned first = sync ? 1 : 0;
  SmallVector<Value> args;
  for (unsigned i = 0; i < call->getNumArgs(); ++i) {
    FailureOr<Value> v = f.emitScalar(call->getArg(i));
    if (failed(v))
      return failure();
    args.push_back(*v);
  }
  Value value = args[first];
  Value offset = args[first + 1];
  Value width = call->getNumArgs() > first + 2 ? args[first + 2] : Value();
  if (hip) {
    auto kind = llvm::StringSwitch<hip::ShuffleKind>(kindName)
                    .Case("_up", hip::ShuffleKind::up)
                    .Case("_down", hip::ShuffleKind::down)
                    .Case("_xor", hip::ShuffleKind::Xor)
                    .Default(hip::ShuffleKind::idx);
    Value mask;
    if (sync)
      mask = b.create<arith::ExtUIOp>(l, b.getI64Type(), args[0]);
    return ExprValue::ofScalar(b.create<hip::ShflOp>(
        l, value.getType(), kind, value, offset, width, mask));
  }
  if (!sync)
    return f.error(call) << "'" << name << "' is not a CUDA built-in (use the "
                                           "_sync form)",
           failure();
  auto kind = llvm::StringSwitch<cuda::ShuffleKind>(kindName)
                  .Case("_up", cuda::ShuffleKind::up)
                  .Case("_down", cuda::ShuffleKind::down)
                  .Case("_xor", cuda::ShuffleKind::butterfly)
                  .Default(cuda::ShuffleKind::idx);
  return ExprValue::ofScalar(b.create<cuda::ShflSyncOp>(
      l, value.getType(), kind, args[0], value, offset, width));
}

static FailureOr<ExprValue> emitAtomic(FunctionImporter &f,
                                       const clang::CallExpr *call,
                                       StringRef op) {
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  // The address operand is a pointer expression: &a[i], p + i or p.
  FailureOr<Pointer> p = f.emitPointer(call->getArg(0));
  if (failed(p))
    return failure();
  clang::QualType elemType = call->getArg(0)->getType()->getPointeeType();
  bool isUnsigned = elemType->isUnsignedIntegerType();
  if (op == "CAS") {
    FailureOr<Value> cmp = f.emitScalar(call->getArg(1));
    FailureOr<Value> val = f.emitScalar(call->getArg(2));
    if (failed(cmp) || failed(val))
      return failure();
    if (isHip(f))
      return ExprValue::ofScalar(b.create<hip::AtomicCASOp>(
          l, val->getType(), p->base, ValueRange{p->offset}, *cmp, *val));
    return ExprValue::ofScalar(b.create<cuda::AtomicCASOp>(
        l, val->getType(), *cmp, *val, p->base, ValueRange{p->offset},
        cuda::FenceScope::device));
  }
  FailureOr<Value> val = f.emitScalar(call->getArg(1));
  if (failed(val))
    return failure();
  if (isHip(f)) {
    auto kind = llvm::StringSwitch<std::optional<hip::AtomicKind>>(op)
                    .Case("Add", hip::AtomicKind::add)
                    .Case("Sub", hip::AtomicKind::sub)
                    .Case("Exch", hip::AtomicKind::exch)
                    .Case("Min", hip::AtomicKind::min)
                    .Case("Max", hip::AtomicKind::max)
                    .Case("Inc", hip::AtomicKind::inc)
                    .Case("Dec", hip::AtomicKind::dec)
                    .Case("And", hip::AtomicKind::And)
                    .Case("Or", hip::AtomicKind::Or)
                    .Case("Xor", hip::AtomicKind::Xor)
                    .Default(std::nullopt);
    if (!kind)
      return f.error(call) << "atomic '" << op << "' is not supported",
             failure();
    bool unsignedFlag = isUnsigned && (op == "Min" || op == "Max");
    return ExprValue::ofScalar(b.create<hip::AtomicOp>(
        l, val->getType(), *kind, p->base, ValueRange{p->offset}, *val,
        unsignedFlag));
  }
  auto kind = llvm::StringSwitch<std::optional<cuda::AtomicKind>>(op)
                  .Case("Add", cuda::AtomicKind::add)
                  .Case("Sub", cuda::AtomicKind::sub)
                  .Case("Exch", cuda::AtomicKind::exch)
                  .Case("Min", isUnsigned ? cuda::AtomicKind::umin
                                          : cuda::AtomicKind::min)
                  .Case("Max", isUnsigned ? cuda::AtomicKind::umax
                                          : cuda::AtomicKind::max)
                  .Case("Inc", cuda::AtomicKind::inc)
                  .Case("Dec", cuda::AtomicKind::dec)
                  .Case("And", cuda::AtomicKind::bit_and)
                  .Case("Or", cuda::AtomicKind::bit_or)
                  .Case("Xor", cuda::AtomicKind::bit_xor)
                  .Default(std::nullopt);
  if (!kind)
    return f.error(call) << "atomic '" << op << "' is not supported",
           failure();
  return ExprValue::ofScalar(b.create<cuda::AtomicRMWOp>(
      l, val->getType(), *kind, *val, p->base, ValueRange{p->offset},
      cuda::FenceScope::device));
}

std::optional<FailureOr<ExprValue>>
xpiler::emitSimtBuiltin(FunctionImporter &f, const clang::CallExpr *call,
                        StringRef callee) {
  if (!isSimt(f) || !isBuiltinDecl(f, call->getDirectCallee()))
    return std::nullopt;
  OpBuilder &b = f.builder();
  Location l = f.loc(call);
  bool hip = isHip(f);
  StringRef prefix = hip ? "hip" : "cuda";
  if (callee.starts_with(prefix) && callee.size() > prefix.size() &&
      llvm::isUpper(callee[prefix.size()]))
    return emitRuntimeCall(f, call, callee.drop_front(prefix.size()));
  if (callee == "__syncthreads") {
    if (hip)
      b.create<hip::SyncThreadsOp>(l);
    else
      b.create<cuda::SyncThreadsOp>(l);
    return FailureOr<ExprValue>(ExprValue());
  }
  if (callee == "__syncwarp" && !hip) {
    FailureOr<Value> mask = f.emitScalar(call->getArg(0));
    if (failed(mask))
      return FailureOr<ExprValue>(failure());
    b.create<cuda::SyncWarpOp>(l, *mask);
    return FailureOr<ExprValue>(ExprValue());
  }
  if (callee.starts_with("__threadfence")) {
    StringRef suffix = callee.drop_front(strlen("__threadfence"));
    unsigned scope = suffix == "_block" ? 0 : suffix == "_system" ? 2 : 1;
    if (hip)
      b.create<hip::ThreadFenceOp>(l, static_cast<hip::FenceScope>(scope));
    else
      b.create<cuda::ThreadFenceOp>(l, static_cast<cuda::FenceScope>(scope));
    return FailureOr<ExprValue>(ExprValue());
  }
  if (callee.starts_with("__shfl"))
    return emitShuffle(f, call, callee);
  if (hip && callee.consume_front("__builtin_amdgcn_mfma_")) {
    std::optional<hip::MfmaKind> kind = hip::symbolizeMfmaKind(callee);
    if (!kind || call->getNumArgs() != 6)
      return FailureOr<ExprValue>(f.error(call) << "mfma builtin '" << callee
                                                << "' is not supported");
    SmallVector<Value> operands;
    for (unsigned i = 0; i < 3; ++i) {
      FailureOr<Value> v = f.emitScalar(call->getArg(i));
      if (failed(v))
        return FailureOr<ExprValue>(failure());
      operands.push_back(*v);
    }
    SmallVector<int32_t> immediates;
    for (unsigned i = 3; i < 6; ++i) {
      std::optional<llvm::APSInt> imm =
          call->getArg(i)->getIntegerConstantExpr(f.getModule().getAST());
      if (!imm)
        return FailureOr<ExprValue>(
            f.error(call->getArg(i)) << "mfma immediates must be constants");
      immediates.push_back(imm->getExtValue());
    }
    return FailureOr<ExprValue>(ExprValue::ofScalar(b.create<hip::MfmaOp>(
        l, operands[2].getType(), *kind, operands[0], operands[1],
        operands[2], immediates[0], immediates[1], immediates[2])));
  }
  if (callee.starts_with("atomic"))
    return emitAtomic(f, call, callee.drop_front(strlen("atomic")));
  if (hip && (callee == "__ballot" || callee == "__any" || callee == "__all")) {
    // HIP's votes take an int predicate; __ballot returns 64 bits, __any and
    // __all an int. (The shipped HIP header has no _sync forms of them.)
    FailureOr<Value> pred = f.emitScalar(call->getArg(0));
    if (failed(pred))
      return FailureOr<ExprValue>(failure());
    Value zero = b.create<arith::ConstantIntOp>(
        l, 0, pred->getType().getIntOrFloatBitWidth());
    Value bit =
        b.create<arith::CmpIOp>(l, arith::CmpIPredicate::ne, *pred, zero);
    if (callee == "__ballot")
      return FailureOr<ExprValue>(ExprValue::ofScalar(
          b.create<hip::BallotOp>(l, b.getI64Type(), bit, Value())));
    auto kind = callee == "__any" ? hip::VoteKind::any : hip::VoteKind::all;
    Value vote = b.create<hip::VoteOp>(l, b.getI1Type(), kind, bit, Value());
    return FailureOr<ExprValue>(ExprValue::ofScalar(
        b.create<arith::ExtUIOp>(l, b.getI32Type(), vote)));
  }
  if (callee == "__ballot_sync" || callee == "__any_sync" ||
      callee == "__all_sync") {
    FailureOr<Value> mask = f.emitScalar(call->getArg(0));
    FailureOr<Value> pred = f.emitScalar(call->getArg(1));
    if (failed(mask) || failed(pred))
      return FailureOr<ExprValue>(failure());
    auto kind = callee == "__ballot_sync" ? cuda::VoteKind::ballot
                : callee == "__any_sync"  ? cuda::VoteKind::any
                                          : cuda::VoteKind::all;
    return FailureOr<ExprValue>(ExprValue::ofScalar(
        b.create<cuda::VoteSyncOp>(l, b.getI32Type(), kind, *mask, *pred)));
  }
  if (callee == "__float2half" || callee == "__float2half_rn" ||
      callee == "__float2bfloat16" || callee == "__half2float" ||
      callee == "__bfloat162float") {
    FailureOr<Value> v = f.emitScalar(call->getArg(0));
    if (failed(v))
      return FailureOr<ExprValue>(failure());
    Type to = f.convertType(call->getType(), call);
    if (callee.ends_with("float"))
      return FailureOr<ExprValue>(
          ExprValue::ofScalar(b.create<arith::ExtFOp>(l, to, *v)));
    return FailureOr<ExprValue>(
        ExprValue::ofScalar(b.create<arith::TruncFOp>(l, to, *v)));
  }
  // Host-side error reporting around runtime calls: modelled as unreachable
  // (runtime calls succeed), so printing is dropped and exiting traps.
  if (f.getSide() == FunctionSide::Host) {
    callee.consume_front("std::");
    if (llvm::is_contained({"printf", "fprintf", "puts", "fputs", "fflush"},
                           callee))
      return FailureOr<ExprValue>(ExprValue::ofScalar(success32(f, l)));
    if (llvm::is_contained({"exit", "abort", "std::exit", "std::abort"},
                           callee)) {
      Value no = b.create<arith::ConstantIntOp>(l, 0, 1);
      b.create<cf::AssertOp>(l, no, "host code exits");
      return FailureOr<ExprValue>(ExprValue());
    }
  }
  return std::nullopt;
}

FailureOr<ExprValue>
xpiler::emitKernelLaunch(FunctionImporter &f,
                         const clang::CUDAKernelCallExpr *e) {
  if (f.getModule().getOptions().language == Language::Bang)
    return emitBangKernelLaunch(f, e);
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
  FailureOr<std::array<Value, 3>> grid = f.emitDim3(config->getArg(0));
  if (failed(grid))
    return failure();
  FailureOr<std::array<Value, 3>> block = f.emitDim3(config->getArg(1));
  if (failed(block))
    return failure();
  Value shared;
  if (config->getNumArgs() > 2 &&
      !isa<clang::CXXDefaultArgExpr>(config->getArg(2))) {
    std::optional<int64_t> bytes = getConstantInt(f, config->getArg(2));
    if (!bytes || *bytes != 0) {
      FailureOr<Value> v = f.emitIndex(config->getArg(2));
      if (failed(v))
        return failure();
      shared = *v;
    }
  }
  Value stream;
  if (config->getNumArgs() > 3 &&
      !isa<clang::CXXDefaultArgExpr>(config->getArg(3))) {
    const clang::Expr *s = config->getArg(3)->IgnoreParenCasts();
    if (!isa<clang::IntegerLiteral, clang::CXXNullPtrLiteralExpr,
             clang::GNUNullExpr>(s)) {
      FailureOr<Value> v = f.emitStream(s);
      if (failed(v))
        return failure();
      stream = *v;
    }
  }
  FailureOr<SmallVector<Value>> args = f.emitLaunchArguments(
      e, *kernel, isHip(f) ? "hipMalloc" : "cudaMalloc");
  if (failed(args))
    return failure();
  auto [gx, gy, gz] = *grid;
  auto [bx, by, bz] = *block;
  if (isHip(f))
    b.create<hip::LaunchOp>(l, kernel->getSymName(), gx, gy, gz, bx, by, bz,
                            shared, stream, *args);
  else
    b.create<cuda::LaunchOp>(l, kernel->getSymName(), gx, gy, gz, bx, by, bz,
                             shared, stream, *args);
  return ExprValue();
}
