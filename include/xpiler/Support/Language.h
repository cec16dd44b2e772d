//===- Language.h - the four programming models -----------------*- C++ -*-===//
//
// The languages xpiler reads and writes, with their names and file
// extensions. Kept free of MLIR and Clang types so tools and APIs share it.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_SUPPORT_LANGUAGE_H
#define XPILER_SUPPORT_LANGUAGE_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>

namespace xpiler {

enum class Language { Cuda, Hip, Bang, Vnni };

/// "cuda", "hip", "bang" or "vnni".
llvm::StringRef getLanguageName(Language language);

/// Parses a language name (as accepted by `--from`/`--to`).
std::optional<Language> parseLanguageName(llvm::StringRef name);

/// The usual extension of `language`'s sources: ".cu", ".hip", ".mlu",
/// ".cpp".
llvm::StringRef getLanguageExtension(Language language);

/// The language a file extension implies: .cu, .hip, .mlu, .cpp/.cc/.cxx/.c.
std::optional<Language> getLanguageFromPath(llvm::StringRef path);

/// Lanes per wavefront of an AMD architecture: 64 for GCN/CDNA (`gfx8*`,
/// `gfx9*`), 32 for RDNA (`gfx10*`, `gfx11*`, `gfx12*`); nullopt if `arch`
/// is not an AMD architecture name.
std::optional<int64_t> getAmdWavefrontSize(llvm::StringRef arch);

} // namespace xpiler

#endif // XPILER_SUPPORT_LANGUAGE_H
