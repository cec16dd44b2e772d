//===- ReplyCache.h - on-disk cache of LLM replies --------------*- C++ -*-===//
//
// Replies are stored under a directory, one JSON file per request, named by
// the SHA-256 of the request body (model, messages, candidates,
// temperature), so a rerun asks nothing and sees the same replies. Entries
// hold the model and the replies only: never the endpoint's key.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LLM_REPLYCACHE_H
#define XPILER_LLM_REPLYCACHE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace xpiler::llm {

class ReplyCache {
public:
  explicit ReplyCache(std::string directory) : directory(std::move(directory)) {}

  /// $XPILER_LLM_CACHE, else $XDG_CACHE_HOME/xpiler/llm, else
  /// ~/.cache/xpiler/llm.
  static std::string getDefaultDirectory();

  /// Hex SHA-256 of a serialized request.
  static std::string keyOf(llvm::StringRef requestBody);

  /// The cached replies, std::nullopt on a miss; an error when the entry
  /// exists but cannot be read.
  llvm::Expected<std::optional<std::vector<std::string>>>
  lookup(llvm::StringRef key) const;

  /// Writes the entry atomically (temporary file, then rename).
  llvm::Error store(llvm::StringRef key, llvm::StringRef model,
                    const std::vector<std::string> &replies) const;

private:
  std::string pathOf(llvm::StringRef key) const;
  std::string directory;
};

} // namespace xpiler::llm

#endif // XPILER_LLM_REPLYCACHE_H
