//===- xpiler.cpp - the driver a user types -------------------------------===//
//
// `xpiler FILE [--from LANG] [--emit=mlir] [-o OUT]` imports a source file
// (the language comes from the extension: .cu, .hip, .mlu, .cpp/.cc/.c, or
// --from) and prints the MLIR it becomes. `--grid`/`--block` give the launch
// shape of kernels without a host launcher. Translation (`--to LANG`) arrives
// with the translation pipelines; until then the driver says so and fails.
//
// `xpiler verify A B` and `xpiler run FILE` run programs on the CPU through
// the oracle (ExecCommands.cpp).
//
//===----------------------------------------------------------------------===//

#include "ExecCommands.h"
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
    fromLanguage("from", cl::desc("source language: cuda, hip, bang or vnni "
                                  "(default: from the file extension)"),
                 cl::init(""));
static cl::opt<std::string>
    toLanguage("to", cl::desc("target language: cuda, hip, bang or vnni"),
               cl::init(""));
static cl::opt<std::string> emit("emit", cl::desc("what to print: mlir"),
                                 cl::init("mlir"));
static cl::list<std::string> includeDirs("I", cl::desc("include directory"),
                                         cl::Prefix);
static cl::list<std::string> defines("D", cl::desc("macro definition"),
                                     cl::Prefix);
static cl::opt<std::string> entry("entry",
                                  cl::desc("import only this function"),
                                  cl::init(""));
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
  if (!toLanguage.empty()) {
    if (!xpiler::parseLanguageName(toLanguage)) {
      errs() << "error: unknown language '" << toLanguage
             << "' (expected cuda, hip, bang or vnni)\n";
      return 1;
    }
    errs() << "error: translation to " << toLanguage
           << " is not implemented yet; this xpiler imports (--emit=mlir)\n";
    return 2;
  }

  std::string message;
  std::unique_ptr<MemoryBuffer> input = mlir::openInputFile(inputFile, &message);
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
