//===- ImportFuzzer.cpp - libFuzzer target for the importer ---------------===//
//
// Feeds arbitrary bytes to xpiler::importSource as CUDA, HIP, BANG C or
// C++/VNNI, each time in a fresh MLIRContext whose diagnostics a handler
// swallows, and checks the importer's contract for bad input:
//
//   * no crash and no hang (libFuzzer's -timeout catches the latter);
//   * a failed import reports at least one error at a file:line:col location
//     (what `xpiler-translate` prints as `file:line:col: error: ...`);
//   * a successful import reports no error and returns a module that
//     verifies and prints (no partial or invalid output).
//
// A broken contract aborts with a message, which libFuzzer reports as a
// crash and saves the input for.
//
// The language comes from XPILER_FUZZ_LANGUAGE: cuda, hip, bang, vnni, all
// (every input in all four) or auto (the default: guessed from the text, so
// one run over the whole seed corpus exercises each importer with its own
// seeds, and mutations move inputs between languages).
//
//===----------------------------------------------------------------------===//

#include "xpiler/Frontend/Import.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using xpiler::Language;

namespace {
enum class Mode { Auto, Fixed, All };
Mode mode = Mode::Auto;
Language fixedLanguage = Language::Cuda;
} // namespace

/// The language an input most likely is, from words only one language uses.
static Language guessLanguage(llvm::StringRef text) {
  if (text.contains("__mlu") || text.contains("__nram__") ||
      text.contains("__bang") || text.contains("cnrt"))
    return Language::Bang;
  if (text.contains("hip"))
    return Language::Hip;
  if (text.contains("_mm") || text.contains("immintrin") ||
      text.contains("#pragma omp"))
    return Language::Vnni;
  return Language::Cuda;
}

static const char *fileNameFor(Language language) {
  switch (language) {
  case Language::Cuda:
    return "fuzz.cu";
  case Language::Hip:
    return "fuzz.hip";
  case Language::Bang:
    return "fuzz.mlu";
  case Language::Vnni:
    return "fuzz.cpp";
  }
  return "fuzz.cu";
}

[[noreturn]] static void contractBroken(Language language, const char *what,
                                        const std::string &detail) {
  std::fprintf(stderr, "==xpiler-import-fuzzer== %s importer: %s\n%s\n",
               xpiler::getLanguageName(language).str().c_str(), what,
               detail.c_str());
  std::abort();
}

static void importOnce(llvm::StringRef text, Language language) {
  mlir::MLIRContext context(mlir::MLIRContext::Threading::DISABLED);
  unsigned errors = 0, locatedErrors = 0;
  std::string messages;
  mlir::ScopedDiagnosticHandler handler(
      &context, [&](mlir::Diagnostic &diag) -> llvm::LogicalResult {
        if (diag.getSeverity() != mlir::DiagnosticSeverity::Error)
          return mlir::success();
        ++errors;
        // What the SourceMgr handler prints as `file:line:col: error:`.
        if (diag.getLocation()->findInstanceOf<mlir::FileLineColLoc>())
          ++locatedErrors;
        if (messages.size() < 4096) {
          llvm::raw_string_ostream os(messages);
          os << diag.getLocation() << ": error: " << diag.str() << "\n";
        }
        return mlir::success();
      });

  xpiler::ImportOptions options;
  options.language = language;
  mlir::OwningOpRef<mlir::ModuleOp> module =
      xpiler::importSource(text, fileNameFor(language), options, &context);

  if (!module) {
    if (errors == 0)
      contractBroken(language, "import failed without reporting an error", "");
    if (locatedErrors == 0)
      contractBroken(language,
                     "import failed with no error at a file:line:col location",
                     messages);
    return;
  }
  if (errors != 0)
    contractBroken(language, "import reported errors but returned a module",
                   messages);
  if (mlir::failed(mlir::verify(*module)))
    contractBroken(language, "import returned a module that does not verify",
                   messages);
  // Printing is what `xpiler-translate` does next; it must not fail either.
  module->print(llvm::nulls());
}

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  const char *env = std::getenv("XPILER_FUZZ_LANGUAGE");
  llvm::StringRef name = env ? env : "auto";
  if (name == "auto") {
    mode = Mode::Auto;
  } else if (name == "all") {
    mode = Mode::All;
  } else if (std::optional<Language> language =
                 xpiler::parseLanguageName(name)) {
    mode = Mode::Fixed;
    fixedLanguage = *language;
  } else {
    std::fprintf(stderr,
                 "XPILER_FUZZ_LANGUAGE must be cuda, hip, bang, vnni, all or "
                 "auto, not '%s'\n",
                 env);
    std::exit(2);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  switch (mode) {
  case Mode::Auto:
    importOnce(text, guessLanguage(text));
    break;
  case Mode::Fixed:
    importOnce(text, fixedLanguage);
    break;
  case Mode::All:
    for (Language language : {Language::Cuda, Language::Hip, Language::Bang,
                              Language::Vnni})
      importOnce(text, language);
    break;
  }
  return 0;
}
