//===- EmbeddedPrompts.h - prompts compiled into the library ----*- C++ -*-===//

#ifndef XPILER_LIB_LLM_EMBEDDEDPROMPTS_H
#define XPILER_LIB_LLM_EMBEDDEDPROMPTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace xpiler::llm {
struct EmbeddedPrompt {
  llvm::StringRef path;     // relative to prompts/, e.g. passes/split.md
  llvm::StringRef contents;
};
/// The files under prompts/ (meta-prompts and the documentation set), sorted
/// by path, so that the tools need no files at run time.
llvm::ArrayRef<EmbeddedPrompt> getEmbeddedPrompts();
} // namespace xpiler::llm

#endif // XPILER_LIB_LLM_EMBEDDEDPROMPTS_H
