//===- Proposer.cpp - ask an LLM, through the reply cache -----------------===//

#include "xpiler/LLM/Proposer.h"
#include "xpiler/LLM/ReplyCache.h"

#include "llvm/Support/Process.h"

using namespace llvm;

namespace xpiler::llm {

Expected<ProposerOptions> getProposerOptions(StringRef endpoint,
                                             StringRef model,
                                             StringRef cacheDirectory,
                                             bool offline) {
  ProposerOptions options;
  options.offline = offline;
  options.cacheDirectory = cacheDirectory.empty()
                               ? ReplyCache::getDefaultDirectory()
                               : cacheDirectory.str();
  if (!offline) {
    Expected<std::optional<EndpointConfig>> config =
        getEndpointConfig(endpoint, model);
    if (!config)
      return config.takeError();
    options.endpoint = std::move(*config);
  }
  if (options.endpoint)
    options.model = options.endpoint->model;
  else if (!model.empty())
    options.model = model.str();
  else if (std::optional<std::string> env =
               sys::Process::GetEnv("XPILER_LLM_MODEL"))
    options.model = *env;
  if (offline && options.model.empty())
    return createStringError("--llm-offline needs the model the cache was "
                             "filled with (XPILER_LLM_MODEL or --llm-model)");
  return options;
}

bool canAsk(const ProposerOptions &options) {
  return options.endpoint.has_value() ||
         (options.offline && !options.model.empty());
}

Expected<Replies> ask(const ProposerOptions &options,
                      const ChatRequest &request) {
  if (!canAsk(options))
    return createStringError(
        "no LLM endpoint is configured (set XPILER_LLM_ENDPOINT and "
        "XPILER_LLM_MODEL, or --llm-endpoint and --llm-model)");
  ReplyCache cache(options.cacheDirectory);
  std::string key = ReplyCache::keyOf(serializeRequest(request, options.model));
  Expected<std::optional<std::vector<std::string>>> cached = cache.lookup(key);
  if (!cached)
    return cached.takeError();
  if (*cached && (*cached)->size() >= request.candidates)
    return Replies{std::move(**cached), /*fromCache=*/true};
  if (options.offline)
    return createStringError("no cached reply for this prompt in " +
                             options.cacheDirectory + " (--llm-offline)");
  Expected<std::vector<std::string>> replies =
      complete(*options.endpoint, request);
  if (!replies)
    return replies.takeError();
  if (Error error = cache.store(key, options.model, *replies))
    return std::move(error);
  return Replies{std::move(*replies), /*fromCache=*/false};
}

} // namespace xpiler::llm
