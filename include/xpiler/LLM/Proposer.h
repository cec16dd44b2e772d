//===- Proposer.h - ask an LLM, through the reply cache ---------*- C++ -*-===//
//
// The one entry point passes and tools use: answers come from the reply
// cache when it has the request, else from the endpoint (and are then
// cached). Offline, only the cache answers.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LLM_PROPOSER_H
#define XPILER_LLM_PROPOSER_H

#include "xpiler/LLM/ChatClient.h"

#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace xpiler::llm {

struct ProposerOptions {
  /// The endpoint; std::nullopt when none is configured.
  std::optional<EndpointConfig> endpoint;
  /// The model the cache is keyed by (the endpoint's, or XPILER_LLM_MODEL /
  /// --llm-model when offline without an endpoint).
  std::string model;
  /// Empty: ReplyCache::getDefaultDirectory().
  std::string cacheDirectory;
  /// Answer from the cache only; a miss is an error.
  bool offline = false;
};

/// The options from the environment and the tool's flags (flags win).
llvm::Expected<ProposerOptions>
getProposerOptions(llvm::StringRef endpoint, llvm::StringRef model,
                   llvm::StringRef cacheDirectory, bool offline);

struct Replies {
  std::vector<std::string> contents;
  bool fromCache = false;
};

/// Whether `options` can answer at all (an endpoint, or offline with a
/// model).
bool canAsk(const ProposerOptions &options);

llvm::Expected<Replies> ask(const ProposerOptions &options,
                            const ChatRequest &request);

} // namespace xpiler::llm

#endif // XPILER_LLM_PROPOSER_H
