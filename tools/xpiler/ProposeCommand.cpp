//===- ProposeCommand.cpp - `xpiler propose` ------------------------------===//
//
// The LLM proposer on its own: the source is imported (so it is in the
// kernel subset), emitted as readable source, put into the pass's
// meta-prompt with the target's documentation, and each reply's code is
// treated as untrusted input: imported (nothing outside the subset gets
// in) and run against the source by the oracle, never compiled or run
// natively.
//
//===----------------------------------------------------------------------===//

#include "ProposeCommand.h"
#include "ExecCommands.h"
#include "ToolContext.h"

#include "xpiler/Exec/Engine.h"
#include "xpiler/Exec/Lowering.h"
#include "xpiler/Exec/Verify.h"
#include "xpiler/Frontend/Import.h"
#include "xpiler/InitAll.h"
#include "xpiler/LLM/Prompt.h"
#include "xpiler/LLM/Proposer.h"
#include "xpiler/Passes/Passes.h"
#include "xpiler/Synth/Repair.h"
#include "xpiler/Support/Language.h"
#include "xpiler/Target/Export.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/ToolOutputFile.h"

#include <chrono>

using namespace llvm;
using namespace xpiler;

static cl::SubCommand &proposeCmd = proposeCommand;

static cl::opt<std::string> inputFile(cl::Positional, cl::desc("<source>"),
                                      cl::sub(proposeCmd));
static cl::opt<std::string>
    passName("pass", cl::desc("the pass to ask for (see --list-passes)"),
             cl::sub(proposeCmd));
static cl::opt<bool> listPasses("list-passes",
                                cl::desc("print the passes with a meta-prompt"),
                                cl::sub(proposeCmd));
static cl::opt<std::string>
    passOptions("pass-options",
                cl::desc("the pass's options, as text for the prompt "
                         "(e.g. \"loop=i factor=16\")"),
                cl::sub(proposeCmd));
static cl::opt<std::string> fromLanguage(
    "from", cl::desc("source language (default: from the extension)"),
    cl::sub(proposeCmd));
static cl::opt<std::string>
    toLanguage("to", cl::desc("language of the result (default: the source's)"),
               cl::sub(proposeCmd));
static cl::opt<unsigned> candidates("n", cl::desc("number of proposals"),
                                    cl::init(1), cl::sub(proposeCmd));
static cl::opt<std::string> outputFile("o", cl::desc("output file"),
                                       cl::init("-"), cl::sub(proposeCmd));
static cl::opt<std::string>
    llmEndpoint("llm-endpoint",
                cl::desc("chat-completion base URL (default: "
                         "$XPILER_LLM_ENDPOINT)"),
                cl::sub(proposeCmd));
static cl::opt<std::string>
    llmModel("llm-model", cl::desc("model (default: $XPILER_LLM_MODEL)"),
             cl::sub(proposeCmd));
static cl::opt<std::string>
    llmCache("llm-cache",
             cl::desc("reply cache directory (default: $XPILER_LLM_CACHE or "
                      "~/.cache/xpiler/llm)"),
             cl::sub(proposeCmd));
static cl::opt<bool>
    llmOffline("llm-offline",
               cl::desc("answer from the reply cache only, never ask"),
               cl::sub(proposeCmd));
static cl::opt<bool>
    explain("explain",
            cl::desc("print the outcome of every proposal (stderr)"),
            cl::sub(proposeCmd));
static cl::opt<bool>
    noRepair("no-repair",
             cl::desc("reject a proposal the oracle finds different instead "
                      "of repairing it with Z3"),
             cl::sub(proposeCmd));
static cl::opt<bool>
    printPrompt("print-prompt",
                cl::desc("print the prompt instead of asking (stdout)"),
                cl::sub(proposeCmd));

/// The language named by `name`, else the one `path` implies.
static std::optional<Language> chooseLanguage(StringRef name, StringRef path) {
  return name.empty() ? getLanguageFromPath(path) : parseLanguageName(name);
}

/// "file:line:col" of a location in a proposal.
static std::string describeLocation(mlir::Location loc) {
  if (auto named = dyn_cast<mlir::NameLoc>(loc))
    return describeLocation(named.getChildLoc());
  if (auto file = dyn_cast<mlir::FileLineColLoc>(loc))
    return (file.getFilename().getValue() + ":" + Twine(file.getLine()) + ":" +
            Twine(file.getColumn()))
        .str();
  std::string text;
  raw_string_ostream os(text);
  loc.print(os);
  return text;
}

/// `module` with counted loops as scf.for, as the repair models them.
static LogicalResult normalizeLoops(mlir::ModuleOp module) {
  mlir::PassManager pm(module.getContext());
  pm.addPass(createXplNormalizeLoops());
  pm.addPass(mlir::createCanonicalizerPass());
  return pm.run(module);
}

/// A repaired copy of `candidate` whose loop bounds and index arithmetic
/// agree with `reference`'s (per function of the same name), and what
/// changed; an error says why there is none.
static Expected<mlir::OwningOpRef<mlir::ModuleOp>>
repairCandidate(mlir::ModuleOp reference, mlir::ModuleOp candidate,
                std::vector<synth::RepairChange> &changes) {
  mlir::OwningOpRef<mlir::ModuleOp> referenceCopy = reference.clone();
  mlir::OwningOpRef<mlir::ModuleOp> repaired = candidate.clone();
  if (failed(normalizeLoops(*referenceCopy)) ||
      failed(normalizeLoops(*repaired)))
    return createStringError("the loops cannot be normalised for repair");
  std::string reasons;
  for (auto function : referenceCopy->getOps<mlir::func::FuncOp>()) {
    auto counterpart =
        repaired->lookupSymbol<mlir::func::FuncOp>(function.getSymName());
    if (!counterpart || function.isExternal() ||
        !synth::writesBuffers(function))
      continue;
    Expected<synth::RepairResult> result =
        synth::repairAccesses(function, counterpart);
    if (!result) {
      reasons += (reasons.empty() ? "" : "; ") + function.getSymName().str() +
                 ": " + toString(result.takeError());
      continue;
    }
    changes.insert(changes.end(), result->changes.begin(),
                   result->changes.end());
  }
  if (changes.empty())
    return createStringError(reasons.empty() ? "nothing to repair" : reasons);
  return std::move(repaired);
}

int xpiler::runProposeCommand() {
  if (listPasses) {
    for (const std::string &pass : llm::getPromptedPasses())
      outs() << pass << "\n";
    return 0;
  }
  if (inputFile.empty() || passName.empty()) {
    errs() << "error: xpiler propose needs a source file and --pass NAME\n";
    return 2;
  }
  std::optional<Language> source = chooseLanguage(fromLanguage, inputFile);
  if (!source) {
    errs() << inputFile << ": error: cannot tell the source language (use "
           << "--from cuda|hip|bang|vnni)\n";
    return 2;
  }
  std::optional<Language> target =
      toLanguage.empty() ? source : parseLanguageName(toLanguage);
  if (!target) {
    errs() << "error: unknown language '" << toLanguage
           << "' (expected cuda, hip, bang or vnni)\n";
    return 2;
  }
  exec::VerifyOptions verifyOptions;
  if (!parseVerifyOptions(verifyOptions))
    return 2;

  std::string message;
  std::unique_ptr<MemoryBuffer> input = mlir::openInputFile(inputFile, &message);
  if (!input) {
    errs() << inputFile << ": error: " << message << "\n";
    return 2;
  }
  std::unique_ptr<mlir::MLIRContext> ownedContext = createToolContext();
  mlir::MLIRContext &context = *ownedContext;
  SourceMgr sourceMgr;
  StringRef sourceText = input->getBuffer();
  sourceMgr.AddNewSourceBuffer(std::move(input), SMLoc());

  mlir::OwningOpRef<mlir::ModuleOp> reference;
  std::string code;
  {
    mlir::SourceMgrDiagnosticHandler handler(sourceMgr, &context);
    ImportOptions importOptions;
    importOptions.language = *source;
    reference = importSource(sourceText, inputFile, importOptions, &context);
    if (!reference)
      return 2;
    // The prompt shows the code as xpiler reads it, in readable source.
    raw_string_ostream os(code);
    if (failed(exportSource(*reference, *source, os)))
      return 2;
  }

  llm::PromptInputs promptInputs;
  promptInputs.pass = passName;
  promptInputs.source = *source;
  promptInputs.target = *target;
  promptInputs.code = code;
  promptInputs.options = passOptions;
  promptInputs.candidates = std::max(1u, unsigned(candidates));
  Expected<llm::ChatRequest> request = llm::buildPrompt(promptInputs);
  if (!request) {
    errs() << "error: " << toString(request.takeError()) << "\n";
    return 2;
  }
  if (printPrompt) {
    for (const llm::ChatMessage &m : request->messages)
      outs() << "### " << m.role << "\n" << m.content << "\n";
    return 0;
  }

  Expected<llm::ProposerOptions> proposer =
      llm::getProposerOptions(llmEndpoint, llmModel, llmCache, llmOffline);
  if (!proposer) {
    errs() << "error: " << toString(proposer.takeError()) << "\n";
    return 2;
  }
  Expected<llm::Replies> replies = llm::ask(*proposer, *request);
  if (!replies) {
    errs() << "error: " << toString(replies.takeError()) << "\n";
    return 2;
  }
  if (explain)
    errs() << "llm: " << replies->contents.size() << " proposal(s) "
           << (replies->fromCache ? "from the cache" : "from the endpoint")
           << "\n";

  std::string entry;
  if (auto fn = exec::findEntry(*reference, ""))
    entry = fn->getSymName().str();
  else
    consumeError(fn.takeError());

  std::optional<std::string> accepted;
  bool couldNotRun = false;
  for (auto [index, reply] : llvm::enumerate(replies->contents)) {
    std::string label = "proposal " + std::to_string(index + 1);
    Expected<std::string> proposal = llm::extractCode(reply, *target);
    if (!proposal) {
      errs() << label << ": rejected: " << toString(proposal.takeError())
             << "\n";
      continue;
    }
    // Untrusted text: the importer's diagnostics are the proposal's, so they
    // are collected as the reason, not reported as the user's errors.
    std::string diagnostics;
    mlir::OwningOpRef<mlir::ModuleOp> candidate;
    {
      mlir::ScopedDiagnosticHandler collect(
          &context, [&](mlir::Diagnostic &diag) {
            if (diag.getSeverity() == mlir::DiagnosticSeverity::Error &&
                diagnostics.empty())
              diagnostics = diag.str();
            return mlir::success();
          });
      ImportOptions importOptions;
      importOptions.language = *target;
      candidate = importSource(
          *proposal,
          "proposal-" + std::to_string(index + 1) +
              getLanguageExtension(*target).str(),
          importOptions, &context);
    }
    if (!candidate) {
      errs() << label << ": rejected: not in the kernel subset: "
             << (diagnostics.empty() ? "the importer refused it" : diagnostics)
             << "\n";
      continue;
    }
    std::string candidateEntry =
        !entry.empty() && candidate->lookupSymbol(entry) ? entry : "";
    exec::VerifyReport report = exec::verifyEquivalent(
        *reference, *candidate, verifyOptions, "", candidateEntry);
    std::string verdict = describeVerdict(report);
    if (report.verdict == exec::VerifyReport::Verdict::Equivalent) {
      if (explain)
        errs() << label << ": " << verdict << "\n";
      accepted = std::move(*proposal);
      break;
    }
    if (report.verdict == exec::VerifyReport::Verdict::CouldNotRun) {
      couldNotRun = true;
      errs() << label << ": rejected: " << verdict << "\n";
      continue;
    }
    if (noRepair) {
      errs() << label << ": rejected: " << verdict << "\n";
      continue;
    }
    // Almost right? Z3 looks for the small change to bounds and index
    // arithmetic that makes it agree, and the oracle checks the result.
    errs() << label << ": " << verdict << "\n";
    std::vector<synth::RepairChange> changes;
    auto repairStart = std::chrono::steady_clock::now();
    Expected<mlir::OwningOpRef<mlir::ModuleOp>> repaired =
        repairCandidate(*reference, *candidate, changes);
    double repairSeconds = std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - repairStart)
                               .count();
    if (!repaired) {
      errs() << label << ": rejected: no repair: "
             << toString(repaired.takeError()) << "\n";
      continue;
    }
    for (const synth::RepairChange &change : changes)
      errs() << label << ": repaired " << change.description << " at "
             << describeLocation(change.loc) << "\n";
    exec::VerifyReport again = exec::verifyEquivalent(
        *reference, **repaired, verifyOptions, "", candidateEntry);
    if (again.verdict != exec::VerifyReport::Verdict::Equivalent) {
      errs() << label << ": rejected: the repaired proposal is "
             << describeVerdict(again) << "\n";
      continue;
    }
    std::string text;
    raw_string_ostream os(text);
    if (failed(exportSource(**repaired, *target, os))) {
      errs() << label << ": rejected: the repaired proposal cannot be "
             << "emitted\n";
      continue;
    }
    errs() << label << ": repaired in " << format("%.2f", repairSeconds)
           << " s; " << describeVerdict(again) << "\n";
    accepted = std::move(text);
    break;
  }
  if (!accepted) {
    errs() << inputFile << ": error: no proposal for '" << passName
           << "' is equivalent to the source; nothing written\n";
    return couldNotRun ? 2 : 1;
  }
  std::unique_ptr<ToolOutputFile> file =
      mlir::openOutputFile(outputFile, &message);
  if (!file) {
    errs() << outputFile << ": error: " << message << "\n";
    return 2;
  }
  file->os() << *accepted;
  file->keep();
  errs() << "verified: the proposal for '" << passName
         << "' is equivalent to the source\n";
  return 0;
}
