//===- Pipelines.cpp - the registry of translation pipelines --------------===//
//
// The identity directions (`--cuda-to-cuda` …) only record the target, so
// that `xpiler FILE --to` its own language is an import/emit round trip.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Passes/Pipelines.h"
#include "xpiler/Passes/Passes.h"

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include <memory>
#include <vector>

using namespace xpiler;

std::string xpiler::getTranslationPipelineName(Language from, Language to) {
  return (getLanguageName(from) + "-to-" + getLanguageName(to)).str();
}

static void registerIdentityPipelines() {
  for (Language language :
       {Language::Cuda, Language::Hip, Language::Bang, Language::Vnni}) {
    std::string name = getTranslationPipelineName(language, language);
    std::string summary = ("import/emit round trip of " +
                           getLanguageName(language) + " (records the target)")
                              .str();
    // The registry keeps the strings' views: give them static storage.
    static std::vector<std::unique_ptr<std::string>> keep;
    keep.push_back(std::make_unique<std::string>(std::move(name)));
    keep.push_back(std::make_unique<std::string>(std::move(summary)));
    std::string languageName = getLanguageName(language).str();
    mlir::PassPipelineRegistration<>(*keep[keep.size() - 2], *keep.back(),
                                     [languageName](mlir::OpPassManager &pm) {
                                       XplSetTargetOptions options;
                                       options.language = languageName;
                                       pm.addPass(createXplSetTarget(options));
                                     });
  }
}

void xpiler::registerTranslationPipelines() {
  static bool registered = false;
  if (registered)
    return;
  registered = true;
  registerIdentityPipelines();
  registerCudaHipPipelines();
  registerBangToVnniPipelines();
}
