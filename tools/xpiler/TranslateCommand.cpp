//===- TranslateCommand.cpp - `xpiler FILE --to LANG` ---------------------===//
//
// The translation a user asks for: source in, target source out, and the
// oracle's verdict on the emitted text (re-imported, so the emitter is
// checked too). Nothing is written unless the verdict is "equivalent" or
// the user chose --no-verify, in which case the file says so at its top.
//
//===----------------------------------------------------------------------===//

#include "TranslateCommand.h"
#include "ToolContext.h"
#include "ExecCommands.h"

#include "xpiler/Exec/Lowering.h"
#include "xpiler/Exec/Verify.h"
#include "xpiler/InitAll.h"
#include "xpiler/Passes/Pipelines.h"
#include "xpiler/Target/Export.h"

#include "xpiler/Exec/Engine.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"

#include <chrono>

using namespace llvm;
using namespace xpiler;

namespace {
/// Wall-clock seconds of the translation's steps, for --timings.
struct StepTimes {
  using Clock = std::chrono::steady_clock;
  Clock::time_point last = Clock::now();
  std::vector<std::pair<const char *, double>> steps;
  void done(const char *step) {
    Clock::time_point now = Clock::now();
    steps.push_back({step, std::chrono::duration<double>(now - last).count()});
    last = now;
  }
  void print() const {
    errs() << "stats:";
    double total = 0;
    for (auto &[step, seconds] : steps) {
      errs() << formatv(" {0} {1:f3} s,", step, seconds);
      total += seconds;
    }
    errs() << formatv(" total {0:f3} s\n", total);
  }
};
} // namespace

/// The comment that opens an output nobody checked.
static std::string unverifiedBanner(StringRef input) {
  return ("// UNVERIFIED: translated by xpiler from " +
          sys::path::filename(input) +
          " with --no-verify; the oracle did not check that it computes what "
          "the source computes.\n")
      .str();
}

int xpiler::runTranslate(const TranslateRequest &request) {
  StringRef from = getLanguageName(request.import.language);
  StringRef to = getLanguageName(request.target);
  std::string pipelineName =
      getTranslationPipelineName(request.import.language, request.target);
  registerAllPasses();
  const mlir::PassPipelineInfo *pipelineInfo =
      mlir::PassPipelineInfo::lookup(pipelineName);
  if (!pipelineInfo) {
    errs() << "error: translation from " << from << " to " << to
           << " is not implemented yet (no '" << pipelineName
           << "' pipeline)\n";
    return 2;
  }
  exec::VerifyOptions verifyOptions;
  if (request.verify && !parseVerifyOptions(verifyOptions))
    return 2;
  if (request.verify && request.target == Language::Hip &&
      getAmdWavefrontSize(request.arch) == 32) {
    errs() << "error: the oracle runs HIP with 64-lane wavefronts and cannot "
           << "verify code for " << request.arch
           << " (32 lanes); --no-verify writes it unverified\n";
    return 2;
  }

  std::string message;
  std::unique_ptr<MemoryBuffer> input =
      mlir::openInputFile(request.inputFile, &message);
  if (!input) {
    errs() << request.inputFile << ": error: " << message << "\n";
    return 1;
  }
  std::unique_ptr<mlir::MLIRContext> ownedContext = createToolContext();
  mlir::MLIRContext &context = *ownedContext;
  SourceMgr sourceMgr;
  StringRef source = input->getBuffer();
  sourceMgr.AddNewSourceBuffer(std::move(input), SMLoc());
  mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);
  StepTimes times;

  mlir::OwningOpRef<mlir::ModuleOp> reference =
      importSource(source, request.inputFile, request.import, &context);
  if (!reference)
    return 1;
  times.done("import");

  mlir::OwningOpRef<mlir::ModuleOp> translated = reference->clone();
  mlir::PassManager pm(&context);
  std::string pipelineText = pipelineName;
  if (!request.arch.empty())
    pipelineText += "{arch=" + request.arch + "}";
  if (failed(mlir::parsePassPipeline(pipelineText, pm, errs())))
    return 2;
  if (failed(pm.run(*translated))) {
    errs() << request.inputFile << ": error: the " << from << " to " << to
           << " translation failed (see the errors above)\n";
    return 1;
  }
  times.done("translate");

  std::string output;
  raw_string_ostream os(output);
  if (failed(exportSource(*translated, request.target, os)))
    return 1;
  times.done("emit");

  std::string verdict;
  if (request.verify) {
    // The emitted text itself is checked: re-import it, then run both.
    std::string outputName =
        request.outputFile == "-"
            ? ("<output>" + getLanguageExtension(request.target)).str()
            : request.outputFile;
    ImportOptions candidateImport;
    candidateImport.language = request.target;
    mlir::OwningOpRef<mlir::ModuleOp> candidate =
        importSource(output, outputName, candidateImport, &context);
    if (!candidate) {
      errs() << "error: xpiler cannot read back its own " << to
             << " output (an emitter or importer bug); nothing written\n";
      return 1;
    }
    std::string entry;
    if (auto fn = exec::findEntry(*reference, "")) {
      if (candidate->lookupSymbol(fn->getSymName()))
        entry = fn->getSymName().str();
    } else {
      consumeError(fn.takeError());
    }
    exec::VerifyReport report = exec::verifyEquivalent(
        *reference, *candidate, verifyOptions, "", entry);
    times.done("verify");
    for (const std::string &note : report.notes)
      errs() << "note: " << note << "\n";
    verdict = describeVerdict(report);
    if (report.verdict == exec::VerifyReport::Verdict::Different) {
      errs() << request.inputFile << ": error: the " << to
             << " translation is not equivalent to the source; nothing "
                "written\n"
             << verdict << "\n";
      return 1;
    }
    if (report.verdict == exec::VerifyReport::Verdict::CouldNotRun) {
      errs() << request.inputFile << ": error: the translation could not be "
             << "verified (" << verdict << "); nothing written (--no-verify "
             << "writes it unverified)\n";
      return 2;
    }
  }

  std::unique_ptr<ToolOutputFile> file =
      mlir::openOutputFile(request.outputFile, &message);
  if (!file) {
    errs() << request.outputFile << ": error: " << message << "\n";
    return 1;
  }
  if (!request.verify)
    file->os() << unverifiedBanner(request.inputFile);
  file->os() << output;
  file->keep();
  if (request.verify)
    errs() << "verified: " << verdict << "\n";
  else
    errs() << "warning: not verified (--no-verify)\n";
  if (request.printTimes)
    times.print();
  return 0;
}
