//===- ExecCommands.cpp - `xpiler verify` and `xpiler run` ----------------===//
//
// `xpiler verify A B` runs two programs (sources in any of the four
// languages, or .mlir files) on the same random inputs and prints
// `equivalent` or the first difference; exit 0/1/2 for equivalent/different/
// could not run. `xpiler run FILE` runs one program and can write its
// buffers as .npy files.
//
//===----------------------------------------------------------------------===//

#include "ExecCommands.h"

#include "xpiler/Exec/Verify.h"
#include "xpiler/Frontend/Import.h"
#include "xpiler/InitAll.h"
#include "xpiler/Support/Language.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

using namespace llvm;
using namespace xpiler::exec;

/// %g with enough digits to tell float values apart.
static std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", v);
  return text;
}

cl::SubCommand xpiler::verifyCommand("verify",
                                     "run two programs on the same inputs "
                                     "and compare their buffers");
cl::SubCommand xpiler::runCommand("run", "run one program on the CPU");
// Defined here so that the verification options below can name it (static
// initialisation order within one file is defined).
cl::SubCommand xpiler::proposeCommand(
    "propose", "ask an LLM to perform a pass, and keep the first proposal "
               "the oracle proves equivalent");

static cl::SubCommand &verifyCmd = xpiler::verifyCommand;
static cl::SubCommand &runCmd = xpiler::runCommand;
static cl::SubCommand &proposeCmd = xpiler::proposeCommand;

static cl::list<std::string> files(cl::Positional, cl::desc("<file>..."),
                                   cl::sub(verifyCmd), cl::sub(runCmd));
static cl::list<std::string>
    argValues("arg",
              cl::desc("scalar value or buffer element count (an expression "
                       "of the scalars), by parameter name or argN"),
              cl::value_desc("name=value"), cl::sub(verifyCmd), cl::sub(runCmd),
              cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::list<std::string>
    ranges("range", cl::desc("range [lo, hi) of a buffer's random values"),
           cl::value_desc("name=lo:hi"), cl::sub(verifyCmd), cl::sub(runCmd),
           cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::opt<unsigned> trials("trials", cl::desc("number of random inputs"),
                                cl::init(4), cl::sub(verifyCmd),
                                cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::opt<uint64_t> seed("seed", cl::desc("seed of the random inputs"),
                              cl::init(1), cl::sub(verifyCmd), cl::sub(runCmd),
                              cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::opt<double> relTolerance("rtol",
                                    cl::desc("relative tolerance of floats"),
                                    cl::init(-1), cl::sub(verifyCmd),
                                    cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::opt<double> absTolerance("atol",
                                    cl::desc("absolute tolerance of floats"),
                                    cl::init(-1), cl::sub(verifyCmd),
                                    cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::opt<double> timeout("timeout",
                               cl::desc("time limit of one run, in seconds"),
                               cl::init(20), cl::sub(verifyCmd),
                               cl::sub(runCmd),
                               cl::sub(proposeCmd), cl::sub(cl::SubCommand::getTopLevel()));
static cl::opt<std::string> entry("entry", cl::desc("entry function"),
                                  cl::init(""), cl::sub(verifyCmd),
                                  cl::sub(runCmd));
static cl::list<std::string> includeDirs("I", cl::desc("include directory"),
                                         cl::Prefix, cl::sub(verifyCmd),
                                         cl::sub(runCmd));
static cl::list<std::string> macros("D", cl::desc("macro definition"),
                                    cl::Prefix, cl::sub(verifyCmd),
                                    cl::sub(runCmd));
static cl::opt<bool> stats("stats",
                           cl::desc("print where the time went (stderr)"),
                           cl::init(false), cl::sub(verifyCmd));
static cl::list<std::string>
    inputs("input", cl::desc("a buffer's contents from a .npy file"),
           cl::value_desc("name=file.npy"), cl::sub(runCmd));
static cl::opt<std::string>
    outputDir("output-dir",
              cl::desc("write every output buffer as DIR/<name>.npy"),
              cl::value_desc("dir"), cl::init(""), cl::sub(runCmd));

/// Imports a source file or parses an .mlir file; diagnostics are printed.
static mlir::OwningOpRef<mlir::ModuleOp>
loadProgram(StringRef path, mlir::MLIRContext &context, SourceMgr &sourceMgr,
            raw_ostream &errs = llvm::errs()) {
  std::string message;
  std::unique_ptr<MemoryBuffer> input = mlir::openInputFile(path, &message);
  if (!input) {
    errs << path << ": error: " << message << "\n";
    return nullptr;
  }
  StringRef source = input->getBuffer();
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(input), SMLoc());
  if (path.ends_with(".mlir"))
    return mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  (void)id;
  std::optional<xpiler::Language> language = xpiler::getLanguageFromPath(path);
  if (!language) {
    errs << path << ": error: cannot tell the language from the extension "
         << "(.cu, .hip, .mlu, .cpp or .mlir)\n";
    return nullptr;
  }
  xpiler::ImportOptions options;
  options.language = *language;
  options.includeDirs.assign(includeDirs.begin(), includeDirs.end());
  options.defines.assign(macros.begin(), macros.end());
  return xpiler::importSource(source, path, options, &context);
}

/// Fills `options` from --arg/--range; prints the error.
static bool parseInputOptions(InputOptions &options) {
  for (StringRef arg : argValues) {
    auto [name, value] = arg.split('=');
    if (name.empty() || value.empty() || !arg.contains('=')) {
      errs() << "error: --arg expects name=value, got '" << arg << "'\n";
      return false;
    }
    options.args[name.trim().str()] = value.trim().str();
  }
  for (StringRef arg : ranges) {
    auto [name, value] = arg.split('=');
    auto [lo, hi] = value.split(':');
    double l, h;
    if (name.empty() || lo.trim().getAsDouble(l) || hi.trim().getAsDouble(h) ||
        !(l < h)) {
      errs() << "error: --range expects name=lo:hi with lo < hi, got '" << arg
             << "'\n";
      return false;
    }
    options.ranges[name.trim().str()] = {l, h};
  }
  options.seed = seed;
  return true;
}

static mlir::DialectRegistry makeRegistry() {
  mlir::DialectRegistry registry;
  registerExecutionDialects(registry);
  xpiler::registerImportDialects(registry);
  return registry;
}

namespace {
/// One program of `xpiler verify`, imported and compiled in its own context
/// (the two programs are prepared on two threads).
struct PreparedProgram {
  mlir::MLIRContext context{makeRegistry()};
  SourceMgr sourceMgr;
  std::string diagnostics;
  llvm::raw_string_ostream os{diagnostics};
  std::unique_ptr<mlir::SourceMgrDiagnosticHandler> handler;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  std::unique_ptr<Program> program;
  double seconds = 0;

  template <typename Fn> void timed(Fn &&fn) {
    auto start = std::chrono::steady_clock::now();
    fn();
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
  }
  void load(StringRef path) {
    timed([&] {
      context.loadAllAvailableDialects();
      handler = std::make_unique<mlir::SourceMgrDiagnosticHandler>(
          sourceMgr, &context, os);
      module = loadProgram(path, context, sourceMgr, os);
    });
  }
  void compile(StringRef path, StringRef entryName) {
    timed([&] {
      auto compiled = Program::compile(*module, entryName);
      if (compiled)
        program = std::move(*compiled);
      else
        os << path << ": error: " << toString(compiled.takeError()) << "\n";
    });
  }
};
} // namespace

bool xpiler::parseVerifyOptions(VerifyOptions &options) {
  if (!parseInputOptions(options.inputs))
    return false;
  options.trials = std::max(1u, (unsigned)trials);
  if (relTolerance >= 0)
    options.rtol = relTolerance;
  if (absTolerance >= 0)
    options.atol = absTolerance;
  options.run.timeoutSeconds = timeout;
  return true;
}

std::string xpiler::describeVerdict(const VerifyReport &report) {
  std::string errors = "max abs error " + num(report.maxAbsError) +
                       ", max rel error " + num(report.maxRelError);
  switch (report.verdict) {
  case VerifyReport::Verdict::Equivalent:
    return formatv("equivalent ({0} trials, {1} elements compared, {2})",
                   report.trials, report.elementsCompared, errors);
  case VerifyReport::Verdict::Different:
    return "different: " + report.message + "\n" + errors;
  case VerifyReport::Verdict::CouldNotRun:
    return "could not run: " + report.message;
  }
  return "";
}

int xpiler::runVerifyCommand() {
  if (files.size() != 2) {
    errs() << "error: verify expects two files: xpiler verify A B\n";
    return 2;
  }
  VerifyOptions options;
  if (!parseVerifyOptions(options))
    return 2;

  auto start = std::chrono::steady_clock::now();
  PreparedProgram a, b;
  std::thread loader([&] { b.load(files[1]); });
  a.load(files[0]);
  loader.join();
  if (!a.module || !b.module) {
    errs() << a.diagnostics << b.diagnostics;
    return 2;
  }
  // Without --entry, the candidate's entry is the function named like the
  // reference's when it has one (helpers it exports are not entries).
  std::string entryA = entry, entryB = entry;
  if (entry.empty()) {
    if (auto fn = findEntry(*a.module, "")) {
      if (b.module->lookupSymbol(fn->getSymName()))
        entryB = fn->getSymName().str();
    } else {
      consumeError(fn.takeError());
    }
  }
  std::thread compiler([&] { b.compile(files[1], entryB); });
  a.compile(files[0], entryA);
  compiler.join();
  errs() << a.diagnostics << b.diagnostics;
  if (!a.program || !b.program)
    return 2;
  auto programA = &a.program;
  auto programB = &b.program;
  auto runStart = std::chrono::steady_clock::now();
  VerifyReport report = verifyEquivalent(**programA, **programB, options);
  for (const std::string &note : report.notes)
    errs() << "note: " << note << "\n";
  if (stats) {
    auto now = std::chrono::steady_clock::now();
    errs() << formatv("stats: import+compile {0:f3} s and {1:f3} s (on two "
                      "threads), {2} trials {3:f3} s, total {4:f3} s\n",
                      a.seconds, b.seconds, report.trials,
                      std::chrono::duration<double>(now - runStart).count(),
                      std::chrono::duration<double>(now - start).count());
  }
  switch (report.verdict) {
  case VerifyReport::Verdict::Equivalent:
    outs() << describeVerdict(report) << "\n";
    return 0;
  case VerifyReport::Verdict::Different:
    outs() << describeVerdict(report) << "\n";
    return 1;
  case VerifyReport::Verdict::CouldNotRun:
    errs() << "error: " << describeVerdict(report) << "\n";
    return 2;
  }
  return 2;
}

int xpiler::runRunCommand() {
  if (files.size() != 1) {
    errs() << "error: run expects one file: xpiler run FILE\n";
    return 2;
  }
  mlir::MLIRContext context(makeRegistry());
  context.loadAllAvailableDialects();
  SourceMgr sourceMgr;
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  auto module = loadProgram(files[0], context, sourceMgr);
  if (!module)
    return 2;
  InputOptions inputOptions;
  if (!parseInputOptions(inputOptions))
    return 2;
  auto program = Program::compile(*module, entry);
  if (!program) {
    errs() << files[0] << ": error: " << toString(program.takeError()) << "\n";
    return 2;
  }
  const EntrySignature &signature = (*program)->getSignature();
  for (StringRef input : inputs) {
    auto [name, path] = input.split('=');
    const EntryParam *param = nullptr;
    for (const EntryParam &p : signature.params)
      if (p.name == name && p.isBuffer)
        param = &p;
    if (!param) {
      errs() << "error: --input " << input << ": '" << name
             << "' is not a buffer parameter of '" << signature.name << "'\n";
      return 2;
    }
    auto contents = readNpy(path, param->dtype);
    if (!contents) {
      errs() << "error: " << toString(contents.takeError()) << "\n";
      return 2;
    }
    inputOptions.contents[name.str()] = std::move(*contents);
  }
  std::vector<std::string> notes;
  auto args = makeInputs(signature, inputOptions, 0, &notes);
  for (const std::string &note : notes)
    errs() << "note: " << note << "\n";
  if (!args) {
    errs() << "error: " << toString(args.takeError()) << "\n";
    return 2;
  }
  RunOptions runOptions;
  runOptions.timeoutSeconds = timeout;
  RunResult result = (*program)->run(*args, runOptions);
  if (result.status != RunResult::Status::Ok) {
    errs() << result.message << "\n";
    return 1;
  }
  if (!outputDir.empty()) {
    if (std::error_code ec = sys::fs::create_directories(outputDir)) {
      errs() << outputDir << ": error: " << ec.message() << "\n";
      return 2;
    }
  }
  for (auto [i, param] : llvm::enumerate(signature.params)) {
    if (!param.isBuffer)
      continue;
    const ArgValue &buffer = result.buffers[i];
    double lo = INFINITY, hi = -INFINITY, sum = 0;
    int64_t nans = 0;
    for (int64_t e = 0; e < buffer.count; ++e) {
      double v = readElement(buffer, param.dtype, e);
      if (std::isnan(v)) {
        ++nans;
        continue;
      }
      lo = std::min(lo, v);
      hi = std::max(hi, v);
      sum += v;
    }
    outs() << formatv("{0}: {1} x {2}, min {3}, max {4}, sum {5}", param.name,
                      buffer.count, getDTypeName(param.dtype), num(lo), num(hi),
                      num(sum));
    if (nans)
      outs() << ", " << nans << " NaN";
    outs() << "\n";
    if (!outputDir.empty() && param.isOutput) {
      SmallString<128> path(outputDir);
      sys::path::append(path, param.name + ".npy");
      if (Error error = writeNpy(path, buffer, param.dtype)) {
        errs() << "error: " << toString(std::move(error)) << "\n";
        return 2;
      }
    }
  }
  return 0;
}
