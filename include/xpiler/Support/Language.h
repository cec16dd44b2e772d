//===- Language.h - the four programming models -----------------*- C++ -*-===//
//
// The languages xpiler reads and writes, with their names and file
// extensions. Kept free of MLIR and Clang types so tools and APIs share it.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_SUPPORT_LANGUAGE_H
#define XPILER_SUPPORT_LANGUAGE_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace xpiler {

enum class Language { Cuda, Hip, Bang, Vnni };

/// "cuda", "hip", "bang" or "vnni".
llvm::StringRef getLanguageName(Language language);

/// Parses a language name (as accepted by `--from`/`--to`).
std::optional<Language> parseLanguageName(llvm::StringRef name);

/// The language a file extension implies: .cu, .hip, .mlu, .cpp/.cc/.cxx/.c.
std::optional<Language> getLanguageFromPath(llvm::StringRef path);

} // namespace xpiler

#endif // XPILER_SUPPORT_LANGUAGE_H
