//===- ChatClient.h - OpenAI-compatible chat completions --------*- C++ -*-===//
//
// A client for the chat-completion endpoints that OpenAI, vLLM, the llama.cpp
// server and Ollama all speak (POST <endpoint>/chat/completions), on libcurl
// with TLS verification on, a timeout per request and bounded retries with
// exponential backoff on 429 and 5xx answers. The API key is sent only in
// the Authorization header; no message this client produces contains it.
//
//===----------------------------------------------------------------------===//

#ifndef XPILER_LLM_CHATCLIENT_H
#define XPILER_LLM_CHATCLIENT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace xpiler::llm {

/// Where and how to ask.
struct EndpointConfig {
  /// Base URL, e.g. https://api.openai.com/v1 or http://127.0.0.1:8080/v1;
  /// the client appends /chat/completions.
  std::string endpoint;
  std::string model;
  /// Empty: no Authorization header (local servers).
  std::string apiKey;
  /// Whole-request limit, connection included.
  unsigned timeoutSeconds = 120;
  /// Retries after the first attempt, on 429 and 5xx only.
  unsigned maxRetries = 3;
  /// First backoff; it doubles per retry (a Retry-After header wins, capped
  /// at 60 s).
  unsigned backoffMilliseconds = 500;
};

/// The configuration from XPILER_LLM_ENDPOINT, XPILER_LLM_MODEL,
/// XPILER_LLM_API_KEY (and XPILER_LLM_TIMEOUT, seconds), with non-empty
/// `endpoint`/`model` arguments taking precedence. std::nullopt when no
/// endpoint is configured; an error when an endpoint has no model or a
/// setting is malformed.
llvm::Expected<std::optional<EndpointConfig>>
getEndpointConfig(llvm::StringRef endpoint = "", llvm::StringRef model = "");

struct ChatMessage {
  std::string role; // "system", "user" or "assistant"
  std::string content;
};

struct ChatRequest {
  std::vector<ChatMessage> messages;
  /// Number of candidates asked for. Servers that ignore `n` answer with
  /// one choice; the client then asks again until it has `n`.
  unsigned candidates = 1;
  double temperature = 0.2;
};

/// The JSON body of `request` for `model`: what is sent, and what the reply
/// cache hashes.
std::string serializeRequest(const ChatRequest &request,
                             llvm::StringRef model);

/// Sends `request` and returns the content of every choice (at least one).
llvm::Expected<std::vector<std::string>>
complete(const EndpointConfig &config, const ChatRequest &request);

/// `url` without a user:password@ part, for messages.
std::string redactUrl(llvm::StringRef url);

} // namespace xpiler::llm

#endif // XPILER_LLM_CHATCLIENT_H
