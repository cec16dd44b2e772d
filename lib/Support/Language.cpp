//===- Language.cpp - the four programming models -------------------------===//

#include "xpiler/Support/Language.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"

using namespace xpiler;

llvm::StringRef xpiler::getLanguageName(Language language) {
  switch (language) {
  case Language::Cuda:
    return "cuda";
  case Language::Hip:
    return "hip";
  case Language::Bang:
    return "bang";
  case Language::Vnni:
    return "vnni";
  }
  llvm_unreachable("unknown language");
}

std::optional<Language> xpiler::parseLanguageName(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<Language>>(name.lower())
      .Case("cuda", Language::Cuda)
      .Case("hip", Language::Hip)
      .Case("bang", Language::Bang)
      .Case("vnni", Language::Vnni)
      .Default(std::nullopt);
}

llvm::StringRef xpiler::getLanguageExtension(Language language) {
  switch (language) {
  case Language::Cuda:
    return ".cu";
  case Language::Hip:
    return ".hip";
  case Language::Bang:
    return ".mlu";
  case Language::Vnni:
    return ".cpp";
  }
  llvm_unreachable("unknown language");
}

std::optional<Language> xpiler::getLanguageFromPath(llvm::StringRef path) {
  return llvm::StringSwitch<std::optional<Language>>(
             llvm::sys::path::extension(path).lower())
      .Case(".cu", Language::Cuda)
      .Case(".cuh", Language::Cuda)
      .Case(".hip", Language::Hip)
      .Case(".mlu", Language::Bang)
      .Cases(".cpp", ".cc", ".cxx", ".c", Language::Vnni)
      .Default(std::nullopt);
}

std::optional<int64_t> xpiler::getAmdWavefrontSize(llvm::StringRef arch) {
  if (!arch.consume_front("gfx") || arch.empty())
    return std::nullopt;
  if (arch.starts_with("10") || arch.starts_with("11") ||
      arch.starts_with("12"))
    return 32;
  if (arch.starts_with("9") || arch.starts_with("8"))
    return 64;
  return std::nullopt;
}
