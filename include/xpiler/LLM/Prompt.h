//===- Prompt.h - meta-prompts, documentation retrieval, replies -*- C++ -*-===//
//
// Each pass an LLM can propose for has a meta-prompt (prompts/passes/*.md,
// compiled into the library): the pass's goal and rules, with slots for the
// current code (emitted as readable source), the languages, the pass
// options and the target's intrinsic documentation. The documentation
// (prompts/docs/<language>.md, written from the vendors' public manuals) is
// split into entries at `## ` headings and the entries most relevant to the
// code are retrieved into the prompt (BM25 over identifiers).
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LLM_PROMPT_H
#define XPILER_LLM_PROMPT_H

#include "xpiler/LLM/ChatClient.h"
#include "xpiler/Support/Language.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace xpiler::llm {

/// The passes that have a meta-prompt, in a fixed order.
std::vector<std::string> getPromptedPasses();

/// One retrievable piece of the documentation set.
struct DocEntry {
  std::string title;
  std::string text;
  double score = 0;
};

/// The entries of `language`'s documentation that best match `query`, best
/// first, at most `budget` characters of text in all.
std::vector<DocEntry> retrieveDocs(Language language, llvm::StringRef query,
                                   size_t budget = 6000);

struct PromptInputs {
  std::string pass;
  Language source = Language::Cuda;
  Language target = Language::Cuda;
  /// The code the pass works on, as readable source of `source`.
  std::string code;
  /// The pass options, as `name=value` text (may be empty).
  std::string options;
  unsigned candidates = 1;
};

/// The chat request for `inputs`; an error for a pass without a meta-prompt.
llvm::Expected<ChatRequest> buildPrompt(const PromptInputs &inputs);

/// The code of a reply: the first fenced block tagged with `language` (or
/// an alias: cu, cpp, c++, mlu ...), else the first fenced block; an error
/// when the reply has none.
llvm::Expected<std::string> extractCode(llvm::StringRef reply,
                                        Language language);

} // namespace xpiler::llm

#endif // XPILER_LLM_PROMPT_H
