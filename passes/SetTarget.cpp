//===- SetTarget.cpp - record a module's target ---------------------------===//
//
// Implements `xpl-set-target`: validates a language/architecture pair and
// stores it as the module's `xpl.target` attribute.
//
//===----------------------------------------------------------------------===//

#include "xpiler/Dialect/Xpl/Xpl.h"
#include "xpiler/Passes/Passes.h"

namespace xpiler {
#define GEN_PASS_DEF_XPLSETTARGET
#include "xpiler/Passes/Passes.h.inc"
} // namespace xpiler

using namespace mlir;
using namespace xpiler;
using namespace xpiler::xpl;

namespace {
/// The newest architecture xpiler knows for each language.
StringRef getDefaultArch(Language language) {
  switch (language) {
  case Language::cuda:
    return "sm_90";
  case Language::hip:
    return "gfx942";
  case Language::bang:
    return "mtp_592";
  case Language::vnni:
    return "avx512vnni";
  }
  llvm_unreachable("unknown language");
}

struct XplSetTargetPass
    : public xpiler::impl::XplSetTargetBase<XplSetTargetPass> {
  using XplSetTargetBase::XplSetTargetBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<Language> lang = symbolizeLanguage(language);
    if (!lang) {
      module.emitError() << "xpl-set-target: unknown language '" << language
                         << "' (expected cuda, hip, bang or vnni)";
      return signalPassFailure();
    }
    StringRef archName = arch.empty() ? getDefaultArch(*lang) : StringRef(arch);
    auto target = TargetAttr::getChecked(
        [&] { return module.emitError() << "xpl-set-target: "; },
        &getContext(), *lang, archName);
    if (!target)
      return signalPassFailure();
    module->setAttr(XplDialect::kTargetAttrName, target);
  }
};
} // namespace
