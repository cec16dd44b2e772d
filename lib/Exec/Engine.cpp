//===- Engine.cpp - JIT-compile a program and run it in a child -----------===//

#include "xpiler/Exec/Engine.h"

#include "Runtime/Runtime.h"
#include "xpiler/Dialect/Xpl/Xpl.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/TargetSelect.h"

#include <sys/mman.h>
#include <sys/wait.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <thread>
#include <unistd.h>

using namespace mlir;
using namespace xpiler;
using namespace xpiler::exec;

llvm::StringRef xpiler::exec::getDTypeName(DType type) {
  switch (type) {
  case DType::I1:
    return "i1";
  case DType::I8:
    return "i8";
  case DType::I16:
    return "i16";
  case DType::I32:
    return "i32";
  case DType::I64:
    return "i64";
  case DType::F16:
    return "f16";
  case DType::BF16:
    return "bf16";
  case DType::F32:
    return "f32";
  case DType::F64:
    return "f64";
  }
  return "?";
}

size_t xpiler::exec::getDTypeBytes(DType type) {
  switch (type) {
  case DType::I1:
  case DType::I8:
    return 1;
  case DType::I16:
  case DType::F16:
  case DType::BF16:
    return 2;
  case DType::I32:
  case DType::F32:
    return 4;
  case DType::I64:
  case DType::F64:
    return 8;
  }
  return 1;
}

bool xpiler::exec::isFloatDType(DType type) {
  return type == DType::F16 || type == DType::BF16 || type == DType::F32 ||
         type == DType::F64;
}

static std::optional<DType> getDType(Type type) {
  if (type.isInteger(1))
    return DType::I1;
  if (type.isInteger(8))
    return DType::I8;
  if (type.isInteger(16))
    return DType::I16;
  if (type.isInteger(32))
    return DType::I32;
  if (type.isInteger(64) || type.isIndex())
    return DType::I64;
  if (type.isF16())
    return DType::F16;
  if (type.isBF16())
    return DType::BF16;
  if (type.isF32())
    return DType::F32;
  if (type.isF64())
    return DType::F64;
  return std::nullopt;
}

static std::string nameOf(Location loc) {
  std::string name;
  loc->walk([&](Location inner) {
    if (auto named = dyn_cast<NameLoc>(inner)) {
      name = named.getName().str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

//===----------------------------------------------------------------------===//
// Entry and signature
//===----------------------------------------------------------------------===//

llvm::Expected<func::FuncOp> xpiler::exec::findEntry(ModuleOp module,
                                                     StringRef entry) {
  auto error = [](const Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  };
  if (!entry.empty()) {
    auto fn = module.lookupSymbol<func::FuncOp>(entry);
    if (!fn || fn.isExternal())
      return error("no function '" + entry + "' to run");
    return fn;
  }
  SmallVector<func::FuncOp> launchers, roots;
  llvm::StringSet<> referenced;
  // Calls and launches: their callees are attributes or properties.
  module.walk([&](Operation *op) {
    auto note = [&](Attribute attr) {
      if (attr)
        attr.walk(
            [&](FlatSymbolRefAttr ref) { referenced.insert(ref.getValue()); });
    };
    note(op->getDiscardableAttrDictionary());
    note(op->getPropertiesAsAttribute());
  });
  for (auto fn : module.getOps<func::FuncOp>()) {
    if (fn.isExternal())
      continue;
    if (fn->hasAttr("xpl.launcher"))
      launchers.push_back(fn);
    else if (fn.isPublic() && !fn->hasAttr("xpl.kernel") &&
             !referenced.contains(fn.getSymName()))
      roots.push_back(fn);
  }
  SmallVector<func::FuncOp> &candidates = launchers.empty() ? roots : launchers;
  if (candidates.size() == 1)
    return candidates.front();
  if (candidates.empty())
    return error("no entry function: no host launcher and no function that "
                 "others do not call (name one with --entry)");
  std::string names;
  for (func::FuncOp fn : candidates)
    names += (names.empty() ? "'" : ", '") + fn.getSymName().str() + "'";
  return error("several entry functions (" + names +
               "); name one with --entry");
}

llvm::Expected<EntrySignature>
xpiler::exec::getEntrySignature(func::FuncOp fn) {
  EntrySignature signature;
  signature.name = fn.getSymName().str();
  if (fn.getNumResults() != 0)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "entry function '" + signature.name +
            "' returns a value; the oracle "
            "compares buffers written by functions returning void");
  for (BlockArgument arg : fn.getArguments()) {
    EntryParam param;
    param.name = nameOf(arg.getLoc());
    if (param.name.empty())
      param.name = "arg" + std::to_string(arg.getArgNumber());
    Type type = arg.getType();
    if (auto memref = dyn_cast<MemRefType>(type)) {
      param.isBuffer = true;
      std::optional<DType> dtype = getDType(memref.getElementType());
      if (!dtype || !memref.getLayout().isIdentity() ||
          (memref.getRank() != 1 && !memref.hasStaticShape()))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "parameter '" + param.name + "' of '" + signature.name +
                "' has a type the oracle cannot feed");
      param.dtype = *dtype;
      if (memref.hasStaticShape())
        param.staticSize = memref.getNumElements();
      if (auto buffer = fn.getArgAttrOfType<xpl::BufferAttr>(arg.getArgNumber(),
                                                             "xpl.buffer")) {
        param.sizeMap = buffer.getSize();
        param.isInput = buffer.getDirection() != xpl::BufferDirection::out;
        param.isOutput = buffer.getDirection() != xpl::BufferDirection::in;
      }
    } else {
      std::optional<DType> dtype = getDType(type);
      if (!dtype)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "parameter '" + param.name + "' of '" + signature.name +
                "' has a type the oracle cannot feed");
      param.dtype = *dtype;
    }
    signature.params.push_back(std::move(param));
  }
  return signature;
}

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

Program::~Program() = default;

llvm::Expected<std::unique_ptr<Program>>
Program::compile(ModuleOp module, StringRef entry, int optLevel) {
  auto error = [](const Twine &message) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  };
  static bool initialized = [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    return true;
  }();
  (void)initialized;

  std::unique_ptr<Program> program(new Program());
  OwningOpRef<ModuleOp> clone = module.clone();
  llvm::Expected<func::FuncOp> fn = findEntry(*clone, entry);
  if (!fn)
    return fn.takeError();
  llvm::Expected<EntrySignature> signature = getEntrySignature(*fn);
  if (!signature)
    return signature.takeError();
  program->signature = std::move(*signature);
  // The packed wrapper `_mlir_<name>` is created for public functions.
  fn->setPublic();

  if (failed(lowerForExecution(*clone, program->locations)))
    return error("cannot lower '" + program->signature.name +
                 "' for execution");

  ExecutionEngineOptions options;
  auto transformer = makeOptimizingTransformer(optLevel, 0, nullptr);
  options.transformer = transformer;
  options.jitCodeGenOptLevel = optLevel >= 2 ? llvm::CodeGenOptLevel::Default
                                             : llvm::CodeGenOptLevel::None;
  SmallVector<StringRef> libs = {XPILER_MLIR_C_RUNNER_UTILS};
  options.sharedLibPaths = libs;
  auto engine = ExecutionEngine::create(*clone, options);
  if (!engine)
    return engine.takeError();
  program->engine = std::move(*engine);
  program->engine->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap map;
    for (const rt::RuntimeSymbol &symbol : rt::getRuntimeSymbols())
      map[interner(symbol.name)] = {
          llvm::orc::ExecutorAddr::fromPtr(symbol.address),
          llvm::JITSymbolFlags::Exported};
    return map;
  });
  auto packed = program->engine->lookupPacked(program->signature.name);
  if (!packed)
    return packed.takeError();
  program->packedEntry = *packed;
  return std::move(program);
}

//===----------------------------------------------------------------------===//
// Runs
//===----------------------------------------------------------------------===//

static std::string describeTrapDetail(const rt::TrapReport &report,
                                      const LocationTable &locations) {
  std::string where = locations.getWhat(report.location);
  switch ((rt::TrapKind)report.kind) {
  case rt::TrapKind::OutOfBounds:
    if (report.c > 1)
      return llvm::formatv("{0}: access [{1}, {2}] is outside [0, {3})", where,
                           report.a - report.c + 1, report.a, report.b);
    return llvm::formatv("{0}: index {1} is outside [0, {2})", where, report.a,
                         report.b);
  case rt::TrapKind::DivisionByZero:
    return llvm::formatv("{0}: {1} divided by zero", where, report.a);
  case rt::TrapKind::Deadlock:
    return llvm::formatv("{0}: deadlock: {1} of {2} live units wait at a "
                         "barrier the others never reach",
                         where, report.a, report.b);
  case rt::TrapKind::InvalidLaunch:
    return llvm::formatv("{0}: invalid launch or allocation (value {1}, "
                         "field {2})",
                         where, report.a, report.b);
  case rt::TrapKind::Unsupported:
    return llvm::formatv("{0}: unsupported by the oracle (detail {1}, {2})",
                         where, report.a, report.b);
  case rt::TrapKind::AssertFailed:
    return where;
  case rt::TrapKind::SignedOverflow:
    return llvm::formatv("{0}: {1} / {2} overflows", where, report.a, report.b);
  case rt::TrapKind::Misaligned:
    return llvm::formatv("{0}: address {1:x} is not aligned to {2} bytes",
                         where, report.a, report.b);
  case rt::TrapKind::InvalidArgument:
    return llvm::formatv("{0}: invalid argument {1} (parameter {2})", where,
                         report.a, report.b);
  }
  return where + ": trap " + std::to_string(report.kind);
}

/// "FILE:LINE:COL: error: WHAT: DETAIL", the form of every diagnostic.
static std::string describeTrap(const rt::TrapReport &report,
                                const LocationTable &locations) {
  std::string where = locations.getWhere(report.location);
  std::string detail = describeTrapDetail(report, locations);
  return where.empty() ? "error: " + detail : where + ": error: " + detail;
}

/// Storage for the packed arguments of one call.
struct PackedArgs {
  std::vector<std::unique_ptr<uint64_t[]>> storage;
  std::vector<void *> pointers;

  void *slot() {
    storage.emplace_back(new uint64_t[1]{0});
    pointers.push_back(storage.back().get());
    return storage.back().get();
  }
  void addPointer(void *p) { std::memcpy(slot(), &p, sizeof(p)); }
  void addI64(int64_t v) { std::memcpy(slot(), &v, 8); }
};

RunResult Program::run(const std::vector<ArgValue> &args,
                       const RunOptions &options) const {
  RunResult result;
  if (args.size() != signature.params.size()) {
    result.message = "wrong number of arguments";
    return result;
  }
  // One shared mapping: the trap report, then every buffer (64-aligned).
  size_t total = 64;
  std::vector<size_t> offsets;
  for (auto [param, arg] : llvm::zip(signature.params, args)) {
    offsets.push_back(total);
    if (param.isBuffer)
      total += (arg.bytes.size() + 127) / 64 * 64;
  }
  void *shared = mmap(nullptr, total, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (shared == MAP_FAILED) {
    result.message = "cannot map " + std::to_string(total) + " bytes";
    return result;
  }
  char *base = static_cast<char *>(shared);
  auto *report = new (base) rt::TrapReport();

  PackedArgs packed;
  for (auto [i, param] : llvm::enumerate(signature.params)) {
    const ArgValue &arg = args[i];
    if (param.isBuffer) {
      char *data = base + offsets[i];
      std::memcpy(data, arg.bytes.data(), arg.bytes.size());
      packed.addPointer(data);
      packed.addPointer(data);
      packed.addI64(0);
      packed.addI64(arg.count);
      packed.addI64(1);
      continue;
    }
    void *slot = packed.slot();
    switch (param.dtype) {
    case DType::F32: {
      float f = (float)arg.floatValue;
      std::memcpy(slot, &f, 4);
      break;
    }
    case DType::F64:
      std::memcpy(slot, &arg.floatValue, 8);
      break;
    case DType::F16:
    case DType::BF16:
    default:
      // Integers (and half bits, converted by the caller) little-endian.
      std::memcpy(slot, &arg.intValue, 8);
      break;
    }
  }

  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid < 0) {
    munmap(shared, total);
    result.message = "cannot fork";
    return result;
  }
  if (pid == 0) {
    rt::setTrapReport(report);
    // A hang ends with SIGALRM; the parent also kills it past the limit.
    alarm((unsigned)std::max(1.0, options.timeoutSeconds + 1));
    packedEntry(packed.pointers.data());
    std::fflush(nullptr);
    _exit(0);
  }

  auto start = std::chrono::steady_clock::now();
  int status = 0;
  bool timedOut = false;
  auto wait = std::chrono::microseconds(20);
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid)
      break;
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (elapsed > options.timeoutSeconds) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      timedOut = true;
      break;
    }
    std::this_thread::sleep_for(wait);
    wait = std::min(wait * 2, std::chrono::microseconds(5000));
  }

  auto copyBuffers = [&] {
    for (auto [i, param] : llvm::enumerate(signature.params)) {
      ArgValue out;
      if (param.isBuffer) {
        out.count = args[i].count;
        out.bytes.assign(base + offsets[i],
                         base + offsets[i] + args[i].bytes.size());
      }
      result.buffers.push_back(std::move(out));
    }
  };
  if (timedOut || (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)) {
    result.status = RunResult::Status::TimedOut;
    result.message = llvm::formatv("'{0}' ran past the time limit of {1} s",
                                   signature.name, options.timeoutSeconds);
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    result.status = RunResult::Status::Ok;
    copyBuffers();
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 86 && report->kind) {
    result.status = RunResult::Status::Trapped;
    result.message = describeTrap(*report, locations);
    copyBuffers();
  } else if (WIFSIGNALED(status)) {
    result.status = RunResult::Status::Crashed;
    result.message = llvm::formatv("'{0}' crashed: {1}", signature.name,
                                   strsignal(WTERMSIG(status)));
  } else {
    result.status = RunResult::Status::Failed;
    result.message = llvm::formatv("'{0}' exited with status {1}",
                                   signature.name, WEXITSTATUS(status));
  }
  munmap(shared, total);
  return result;
}
