//===- Export.cpp - exportSource, formatting, translation registration ----===//

#include "xpiler/Target/Export.h"

#include "LanguageEmitters.h"

#include "xpiler/InitAll.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <deque>

using namespace mlir;
using namespace xpiler;

void target::emitCheckMacro(raw_indented_ostream &os, StringRef macro,
                            StringRef errorType, StringRef success,
                            StringRef getErrorString) {
  os << "#define " << macro << "(call)                                   \\\n"
     << "  do {                                                        \\\n"
     << "    " << errorType << " status_ = (call);                         \\\n"
     << "    if (status_ != " << success << ") {                      \\\n"
     << "      std::fprintf(stderr, \"%s:%d: %s: %s\\n\", __FILE__, __LINE__, "
        "\\\n"
     << "                   #call, " << getErrorString << "(status_));    \\\n"
     << "      std::exit(1);                                         \\\n"
     << "    }                                                       \\\n"
     << "  } while (0)\n\n";
}

static std::unique_ptr<target::LanguageEmitter>
createEmitter(Language language) {
  switch (language) {
  case Language::Cuda:
    return target::createCudaEmitter();
  case Language::Hip:
    return target::createHipEmitter();
  case Language::Bang:
    return target::createBangEmitter();
  case Language::Vnni:
    return target::createVnniEmitter();
  }
  return nullptr;
}

/// clang-format, LLVM style.
static std::string format(StringRef code) {
  clang::format::FormatStyle style = clang::format::getLLVMStyle();
  style.Language = clang::format::FormatStyle::LK_Cpp;
  clang::tooling::Replacements replacements = clang::format::reformat(
      style, code, {clang::tooling::Range(0, code.size())}, "<output>");
  llvm::Expected<std::string> formatted =
      clang::tooling::applyAllReplacements(code, replacements);
  if (!formatted) {
    llvm::consumeError(formatted.takeError());
    return code.str();
  }
  return *formatted;
}

LogicalResult xpiler::exportSource(ModuleOp module, Language language,
                                   llvm::raw_ostream &os,
                                   const ExportOptions &options) {
  std::unique_ptr<target::LanguageEmitter> emitter = createEmitter(language);
  if (!emitter)
    return module.emitError("emitting ")
           << getLanguageName(language) << " is not implemented yet";
  std::string code;
  llvm::raw_string_ostream codeStream(code);
  target::CEmitter cEmitter(codeStream, *emitter);
  if (failed(cEmitter.emitModule(module)))
    return failure();
  os << (options.format ? format(code) : code);
  return success();
}

void xpiler::registerExportDialects(DialectRegistry &registry) {
  registerAllDialects(registry);
  registerUpstreamDialects(registry);
}

void xpiler::registerExportTranslations() {
  // Tests check unformatted output: line breaks do not move with it.
  static llvm::cl::opt<bool> noFormat(
      "emit-no-format",
      llvm::cl::desc("do not clang-format the emitted source"),
      llvm::cl::init(false));
  // The registry keeps only views of the names and descriptions.
  static std::deque<std::string> strings;
  for (Language language :
       {Language::Cuda, Language::Hip, Language::Bang, Language::Vnni}) {
    std::string name = getLanguageName(language).str();
    TranslateFromMLIRRegistration(
        strings.emplace_back("emit-" + name),
        strings.emplace_back("emit " + name + " source"),
        [language](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
          auto module = dyn_cast<ModuleOp>(op);
          if (!module)
            return op->emitError("expected a module");
          ExportOptions options;
          options.format = !noFormat;
          return exportSource(module, language, os, options);
        },
        [](DialectRegistry &registry) { registerExportDialects(registry); });
  }
}
