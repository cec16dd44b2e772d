//===- Prompt.cpp - meta-prompts, documentation retrieval, replies --------===//

#include "xpiler/LLM/Prompt.h"

#include "EmbeddedPrompts.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <algorithm>
#include <cmath>

using namespace llvm;

namespace xpiler::llm {

static std::optional<StringRef> findEmbedded(StringRef path) {
  for (const EmbeddedPrompt &file : getEmbeddedPrompts())
    if (file.path == path)
      return file.contents;
  return std::nullopt;
}

std::vector<std::string> getPromptedPasses() {
  std::vector<std::string> passes;
  for (const EmbeddedPrompt &file : getEmbeddedPrompts()) {
    StringRef path = file.path;
    if (path.consume_front("passes/") && path.consume_back(".md"))
      passes.push_back(path.str());
  }
  return passes;
}

/// Identifier-like words, lower-cased, for matching code against docs.
static std::vector<std::string> tokenize(StringRef text) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    if (!isAlnum(text[i]) && text[i] != '_') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && (isAlnum(text[i]) || text[i] == '_'))
      ++i;
    StringRef word = text.slice(start, i);
    if (word.size() >= 3 && !isDigit(word[0]))
      tokens.push_back(word.lower());
  }
  return tokens;
}

std::vector<DocEntry> retrieveDocs(Language language, StringRef query,
                                   size_t budget) {
  std::optional<StringRef> docs =
      findEmbedded("docs/" + getLanguageName(language).str() + ".md");
  if (!docs)
    return {};
  // Entries start at "## " headings; text before the first is a preamble.
  std::vector<DocEntry> entries;
  SmallVector<StringRef> lines;
  docs->split(lines, '\n');
  for (StringRef line : lines) {
    if (line.starts_with("## ")) {
      entries.push_back({line.drop_front(3).trim().str(), "", 0});
      continue;
    }
    if (!entries.empty())
      entries.back().text += (line + "\n").str();
  }
  if (entries.empty())
    return {};

  // BM25 with the query's distinct tokens.
  std::vector<std::vector<std::string>> entryTokens;
  StringMap<unsigned> documentFrequency;
  double averageLength = 0;
  for (const DocEntry &entry : entries) {
    entryTokens.push_back(tokenize(entry.title + " " + entry.text));
    StringSet<> seen;
    for (const std::string &token : entryTokens.back())
      if (seen.insert(token).second)
        ++documentFrequency[token];
    averageLength += entryTokens.back().size();
  }
  averageLength /= entries.size();
  StringSet<> queryTokens;
  for (const std::string &token : tokenize(query))
    queryTokens.insert(token);
  const double k1 = 1.2, b = 0.75;
  double n = entries.size();
  for (auto [entry, tokens] : llvm::zip(entries, entryTokens)) {
    StringMap<unsigned> frequency;
    for (const std::string &token : tokens)
      ++frequency[token];
    for (const auto &token : queryTokens) {
      auto it = frequency.find(token.getKey());
      if (it == frequency.end())
        continue;
      double df = documentFrequency[token.getKey()];
      double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
      double tf = it->second;
      entry.score += idf * tf * (k1 + 1) /
                     (tf + k1 * (1 - b + b * tokens.size() / averageLength));
    }
  }
  // Stable: equal scores keep the documentation's order.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const DocEntry &a, const DocEntry &b) {
                     return a.score > b.score;
                   });
  std::vector<DocEntry> chosen;
  size_t used = 0;
  for (DocEntry &entry : entries) {
    if (entry.score <= 0 || used + entry.text.size() > budget)
      continue;
    used += entry.text.size();
    chosen.push_back(std::move(entry));
  }
  return chosen;
}

/// Replaces every `{{name}}` of `text` by its value.
static std::string fillSlots(StringRef text,
                        ArrayRef<std::pair<StringRef, std::string>> values) {
  std::string out = text.str();
  for (const auto &[name, value] : values) {
    std::string slot = ("{{" + name + "}}").str();
    for (size_t at = 0; (at = out.find(slot, at)) != std::string::npos;
         at += value.size())
      out.replace(at, slot.size(), value);
  }
  return out;
}

/// The name of a language for people (the prompt's reader).
static StringRef describeLanguage(Language language) {
  switch (language) {
  case Language::Cuda:
    return "CUDA C++";
  case Language::Hip:
    return "HIP C++";
  case Language::Bang:
    return "Cambricon BANG C";
  case Language::Vnni:
    return "C++ with AVX-512 / VNNI intrinsics and OpenMP";
  }
  return "";
}

Expected<ChatRequest> buildPrompt(const PromptInputs &inputs) {
  std::optional<StringRef> user =
      findEmbedded("passes/" + inputs.pass + ".md");
  if (!user)
    return createStringError("no meta-prompt for the pass '" + inputs.pass +
                             "' (passes with one: " +
                             join(getPromptedPasses(), ", ") + ")");
  std::optional<StringRef> system = findEmbedded("system.md");
  if (!system)
    return createStringError("the shared system prompt is missing");

  std::string docs;
  for (const DocEntry &entry :
       retrieveDocs(inputs.target, inputs.code + " " + inputs.pass))
    docs += "### " + entry.title + "\n" + entry.text + "\n";
  if (docs.empty())
    docs = "(none retrieved)\n";
  std::pair<StringRef, std::string> values[] = {
      {"pass", inputs.pass},
      {"source_language", describeLanguage(inputs.source).str()},
      {"target_language", describeLanguage(inputs.target).str()},
      {"source_fence", getLanguageName(inputs.source).str()},
      {"fence", getLanguageName(inputs.target).str()},
      {"options", inputs.options.empty() ? "(defaults)" : inputs.options},
      {"docs", docs},
      {"code", inputs.code}};
  ChatRequest request;
  request.candidates = inputs.candidates;
  request.messages.push_back({"system", fillSlots(system->trim(), values)});
  request.messages.push_back({"user", fillSlots(user->trim(), values)});
  return request;
}

/// Fence tags that name `language`.
static bool tagNames(StringRef tag, Language language) {
  tag = tag.trim();
  std::string lower = tag.lower();
  StringRef t = lower;
  switch (language) {
  case Language::Cuda:
    return t == "cuda" || t == "cu" || t == "cpp" || t == "c++";
  case Language::Hip:
    return t == "hip" || t == "cpp" || t == "c++";
  case Language::Bang:
    return t == "bang" || t == "mlu" || t == "c" || t == "cpp" || t == "c++";
  case Language::Vnni:
    return t == "vnni" || t == "cpp" || t == "c++" || t == "c";
  }
  return false;
}

Expected<std::string> extractCode(StringRef reply, Language language) {
  struct Block {
    StringRef tag;
    StringRef code;
  };
  std::vector<Block> blocks;
  StringRef rest = reply;
  while (true) {
    size_t open = rest.find("```");
    if (open == StringRef::npos)
      break;
    StringRef afterOpen = rest.drop_front(open + 3);
    size_t lineEnd = afterOpen.find('\n');
    if (lineEnd == StringRef::npos)
      break;
    StringRef tag = afterOpen.take_front(lineEnd);
    StringRef body = afterOpen.drop_front(lineEnd + 1);
    size_t close = body.find("```");
    if (close == StringRef::npos)
      return createStringError("the reply has an unterminated code block");
    blocks.push_back({tag, body.take_front(close)});
    rest = body.drop_front(close + 3);
  }
  if (blocks.empty())
    return createStringError("the reply contains no fenced code block");
  for (const Block &block : blocks)
    if (tagNames(block.tag, language))
      return block.code.str();
  return blocks.front().code.str();
}

} // namespace xpiler::llm
