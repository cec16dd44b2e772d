//===- ReplyCache.cpp - on-disk cache of LLM replies ----------------------===//

#include "xpiler/LLM/ReplyCache.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using json = nlohmann::json;

namespace xpiler::llm {

std::string ReplyCache::getDefaultDirectory() {
  if (std::optional<std::string> dir = sys::Process::GetEnv("XPILER_LLM_CACHE");
      dir && !dir->empty())
    return *dir;
  SmallString<256> path;
  if (std::optional<std::string> xdg = sys::Process::GetEnv("XDG_CACHE_HOME");
      xdg && !xdg->empty())
    path = *xdg;
  else if (sys::path::home_directory(path))
    sys::path::append(path, ".cache");
  else
    path = ".";
  sys::path::append(path, "xpiler", "llm");
  return std::string(path);
}

std::string ReplyCache::keyOf(StringRef requestBody) {
  return toHex(SHA256::hash(arrayRefFromStringRef(requestBody)),
               /*LowerCase=*/true);
}

std::string ReplyCache::pathOf(StringRef key) const {
  SmallString<256> path(directory);
  sys::path::append(path, key + ".json");
  return std::string(path);
}

Expected<std::optional<std::vector<std::string>>>
ReplyCache::lookup(StringRef key) const {
  std::string path = pathOf(key);
  if (!sys::fs::exists(path))
    return std::optional<std::vector<std::string>>();
  ErrorOr<std::unique_ptr<MemoryBuffer>> file = MemoryBuffer::getFile(path);
  if (!file)
    return createStringError(file.getError(),
                             "cannot read the cached reply " + path + ": " +
                                 file.getError().message());
  json entry = json::parse((*file)->getBuffer(), nullptr, false);
  if (!entry.is_object() || !entry.contains("replies") ||
      !entry["replies"].is_array())
    return createStringError("the cached reply " + path + " is corrupt");
  std::vector<std::string> replies;
  for (const json &reply : entry["replies"]) {
    if (!reply.is_string())
      return createStringError("the cached reply " + path + " is corrupt");
    replies.push_back(reply.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(replies));
}

Error ReplyCache::store(StringRef key, StringRef model,
                        const std::vector<std::string> &replies) const {
  if (std::error_code ec = sys::fs::create_directories(directory))
    return createStringError(ec, "cannot create the LLM cache directory " +
                                     directory + ": " + ec.message());
  std::string path = pathOf(key);
  std::string temporary = path + ".tmp";
  {
    std::error_code ec;
    raw_fd_ostream os(temporary, ec);
    if (ec)
      return createStringError(ec, "cannot write " + temporary + ": " +
                                       ec.message());
    json entry = {{"model", model.str()}, {"replies", replies}};
    os << entry.dump(2) << "\n";
  }
  if (std::error_code ec = sys::fs::rename(temporary, path))
    return createStringError(ec, "cannot write " + path + ": " + ec.message());
  return Error::success();
}

} // namespace xpiler::llm
