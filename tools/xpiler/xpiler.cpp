//===- xpiler.cpp - the driver a user types -------------------------------===//
//
// `xpiler FILE --to LANG [-o OUT] [--no-verify]` translates a source file
// (the language comes from the extension: .cu, .hip, .mlu, .cpp/.cc/.c, or
// --from) into LANG and proves the result equivalent with the oracle
// (TranslateCommand.cpp). Without --to it prints the MLIR the file imports
// to. `--grid`/`--block` give the launch shape of kernels without a host
// launcher.
//
// `xpiler verify A B` and `xpiler run FILE` run programs on the CPU through
// the oracle (ExecCommands.cpp).
//
//===----------------------------------------------------------------------===//

#include "ExecCommands.h"
#include "ProposeCommand.h"
#include "TranslateCommand.h"
#include "xpiler/Frontend/Import.h"
#include "xpiler/Support/Language.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

using namespace llvm;

static cl::opt<std::string> inputFile(cl::Positional, cl::desc("<source>"),
                                      cl::Required);
static cl::opt<std::string> outputFile("o", cl::desc("output file"),
                                       cl::value_desc("file"), cl::init("-"));
static cl::opt<std::string>
    fromLanguage("from",
                 cl::desc("source language: cuda, hip, bang or vnni "
                          "(default: from the file extension)"),
                 cl::init(""));
static cl::opt<std::string>
    toLanguage("to", cl::desc("target language: cuda, hip, bang or vnni"),
               cl::init(""));
static cl::opt<bool>
    noVerify("no-verify",
             cl::desc("write the translation without proving it equivalent "
                      "(it says so at its top)"),
             cl::init(false));
static cl::opt<bool> verifyOutput(
    "verify",
    cl::desc("prove the translation equivalent before writing it (default)"),
    cl::init(true));
static cl::opt<bool>
    timings("timings",
            cl::desc("print the time each translation step took (stderr)"),
            cl::init(false));
static cl::opt<std::string>
    arch("arch", cl::desc("target architecture (e.g. sm_80, gfx90a)"),
         cl::init(""));
static cl::opt<std::string> emit("emit", cl::desc("what to print: mlir"),
                                 cl::init("mlir"));
static cl::list<std::string> includeDirs("I", cl::desc("include directory"),
                                         cl::Prefix);
static cl::list<std::string> defines("D", cl::desc("macro definition"),
                                     cl::Prefix);
static cl::opt<std::string>
    entry("entry", cl::desc("import only this function"), cl::init(""));
static cl::opt<std::string>
    grid("grid",
         cl::desc("grid (BANG: task) extents of kernels without a launcher"),
         cl::value_desc("x[,y[,z]]"), cl::init(""));
static cl::opt<std::string>
    block("block",
          cl::desc("block extents of kernels without a launcher (default: "
                   "__launch_bounds__)"),
          cl::value_desc("x[,y[,z]]"), cl::init(""));

/// Parses `--grid`/`--block` into `extents`, printing the error.
static bool parseExtentsOption(const cl::opt<std::string> &opt,
                               std::vector<int64_t> &extents) {
  if (opt.getNumOccurrences() == 0)
    return true;
  Expected<std::vector<int64_t>> parsed =
      xpiler::parseLaunchExtents(opt, opt.ArgStr);
  if (!parsed) {
    errs() << "error: " << toString(parsed.takeError()) << "\n";
    return false;
  }
  extents = std::move(*parsed);
  return true;
}

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  mlir::registerAsmPrinterCLOptions();
  mlir::registerMLIRContextCLOptions();
  cl::ParseCommandLineOptions(argc, argv, "xpiler: translate tensor kernels\n");
  if (xpiler::verifyCommand)
    return xpiler::runVerifyCommand();
  if (xpiler::runCommand)
    return xpiler::runRunCommand();
  if (xpiler::proposeCommand)
    return xpiler::runProposeCommand();

  std::optional<xpiler::Language> language =
      fromLanguage.empty() ? xpiler::getLanguageFromPath(inputFile)
                           : xpiler::parseLanguageName(fromLanguage);
  if (!language) {
    if (fromLanguage.empty())
      errs() << inputFile << ": error: cannot tell the language from the "
             << "extension (use --from cuda|hip|bang|vnni)\n";
    else
      errs() << "error: unknown language '" << fromLanguage
             << "' (expected cuda, hip, bang or vnni)\n";
    return 1;
  }
  if (emit != "mlir") {
    errs() << "error: unknown --emit kind '" << emit << "' (expected mlir)\n";
    return 1;
  }
  std::optional<xpiler::Language> target;
  if (!toLanguage.empty()) {
    target = xpiler::parseLanguageName(toLanguage);
    if (!target) {
      errs() << "error: unknown language '" << toLanguage
             << "' (expected cuda, hip, bang or vnni)\n";
      return 1;
    }
  }

  std::string message;
  std::unique_ptr<MemoryBuffer> input =
      mlir::openInputFile(inputFile, &message);
  if (!input) {
    errs() << inputFile << ": error: " << message << "\n";
    return 1;
  }
  mlir::MLIRContext context;
  SourceMgr sourceMgr;
  StringRef source = input->getBuffer();
  sourceMgr.AddNewSourceBuffer(std::move(input), SMLoc());
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);

  xpiler::ImportOptions options;
  options.language = *language;
  options.includeDirs.assign(includeDirs.begin(), includeDirs.end());
  options.defines.assign(defines.begin(), defines.end());
  options.entry = entry;
  if (!parseExtentsOption(grid, options.grid) ||
      !parseExtentsOption(block, options.block))
    return 1;
  if (target) {
    xpiler::TranslateRequest request;
    request.inputFile = inputFile;
    request.import = options;
    request.target = *target;
    request.arch = arch;
    request.outputFile = outputFile;
    request.verify = verifyOutput && !noVerify;
    request.printTimes = timings;
    return xpiler::runTranslate(request);
  }
  mlir::OwningOpRef<mlir::ModuleOp> module =
      xpiler::importSource(source, inputFile, options, &context);
  if (!module)
    return 1;

  // Only now open the output: nothing is written on failure.
  std::unique_ptr<ToolOutputFile> output =
      mlir::openOutputFile(outputFile, &message);
  if (!output) {
    errs() << outputFile << ": error: " << message << "\n";
    return 1;
  }
  module->print(output->os());
  output->os() << "\n";
  output->keep();
  return 0;
}
