//===- ChatClient.cpp - OpenAI-compatible chat completions ----------------===//

#include "xpiler/LLM/ChatClient.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Process.h"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

using namespace llvm;
using json = nlohmann::json;

namespace xpiler::llm {

static std::optional<std::string> getEnv(const char *name) {
  std::optional<std::string> value = sys::Process::GetEnv(name);
  if (value && value->empty())
    return std::nullopt;
  return value;
}

Expected<std::optional<EndpointConfig>> getEndpointConfig(StringRef endpoint,
                                                          StringRef model) {
  EndpointConfig config;
  if (!endpoint.empty())
    config.endpoint = endpoint.str();
  else if (std::optional<std::string> env = getEnv("XPILER_LLM_ENDPOINT"))
    config.endpoint = *env;
  else
    return std::optional<EndpointConfig>();
  if (!model.empty())
    config.model = model.str();
  else if (std::optional<std::string> env = getEnv("XPILER_LLM_MODEL"))
    config.model = *env;
  else
    return createStringError(
        "an LLM endpoint is configured but no model (set XPILER_LLM_MODEL or "
        "--llm-model)");
  if (std::optional<std::string> key = getEnv("XPILER_LLM_API_KEY"))
    config.apiKey = *key;
  if (std::optional<std::string> timeout = getEnv("XPILER_LLM_TIMEOUT")) {
    if (!to_integer(*timeout, config.timeoutSeconds, 10) ||
        config.timeoutSeconds == 0)
      return createStringError("XPILER_LLM_TIMEOUT must be a positive number "
                               "of seconds, not '" +
                               *timeout + "'");
  }
  StringRef scheme = StringRef(config.endpoint).split("://").first;
  if (scheme != "http" && scheme != "https")
    return createStringError("the LLM endpoint '" +
                             redactUrl(config.endpoint) +
                             "' is not an http:// or https:// URL");
  return std::optional<EndpointConfig>(std::move(config));
}

std::string redactUrl(StringRef url) {
  auto [scheme, rest] = url.split("://");
  if (rest.empty())
    return url.str();
  size_t slash = rest.find('/');
  StringRef authority = rest.substr(0, slash);
  size_t at = authority.rfind('@');
  if (at == StringRef::npos)
    return url.str();
  return (scheme + "://<redacted>@" + rest.substr(at + 1)).str();
}

std::string serializeRequest(const ChatRequest &request, StringRef model) {
  json messages = json::array();
  for (const ChatMessage &message : request.messages)
    messages.push_back({{"role", message.role}, {"content", message.content}});
  json body = {{"model", model.str()},
               {"messages", std::move(messages)},
               {"n", request.candidates},
               {"temperature", request.temperature}};
  return body.dump();
}

namespace {
/// One HTTP exchange's outcome.
struct HttpReply {
  long status = 0;
  std::string body;
  /// Seconds from a Retry-After header, when present and numeric.
  std::optional<unsigned> retryAfter;
};

/// Owns a curl handle and header list for one request.
struct CurlRequest {
  CURL *handle = curl_easy_init();
  curl_slist *headers = nullptr;
  ~CurlRequest() {
    curl_slist_free_all(headers);
    if (handle)
      curl_easy_cleanup(handle);
  }
};
} // namespace

static size_t appendBody(char *data, size_t size, size_t count, void *user) {
  static_cast<std::string *>(user)->append(data, size * count);
  return size * count;
}

static size_t readHeader(char *data, size_t size, size_t count, void *user) {
  StringRef line(data, size * count);
  auto [name, value] = line.split(':');
  unsigned seconds;
  if (name.trim().equals_insensitive("retry-after") &&
      to_integer(value.trim(), seconds, 10))
    static_cast<HttpReply *>(user)->retryAfter = seconds;
  return size * count;
}

/// POSTs `body` once. Errors are transport failures (no HTTP status).
static Expected<HttpReply> post(const EndpointConfig &config,
                                const std::string &url,
                                const std::string &body) {
  static std::once_flag initialized;
  std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CurlRequest request;
  if (!request.handle)
    return createStringError("cannot initialise libcurl");
  HttpReply reply;
  char errorBuffer[CURL_ERROR_SIZE] = {0};
  request.headers =
      curl_slist_append(request.headers, "Content-Type: application/json");
  if (!config.apiKey.empty()) {
    std::string authorization = "Authorization: Bearer " + config.apiKey;
    request.headers = curl_slist_append(request.headers, authorization.c_str());
  }
  CURL *h = request.handle;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, request.headers);
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, appendBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, readHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &reply);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(config.timeoutSeconds));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT,
                   static_cast<long>(std::min(config.timeoutSeconds, 30u)));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
  curl_easy_setopt(h, CURLOPT_USERAGENT, "xpiler");
  CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    std::string what = errorBuffer[0] ? errorBuffer : curl_easy_strerror(code);
    if (code == CURLE_OPERATION_TIMEDOUT)
      return createStringError("the LLM endpoint '" + redactUrl(config.endpoint) +
                               "' did not answer within " +
                               std::to_string(config.timeoutSeconds) + " s");
    return createStringError("cannot reach the LLM endpoint '" +
                             redactUrl(config.endpoint) + "': " + what);
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
  return reply;
}

/// A short, printable excerpt of a reply body for messages.
static std::string excerpt(StringRef text) {
  std::string out;
  for (char c : text.take_front(120))
    out += isPrint(c) ? c : ' ';
  if (text.size() > 120)
    out += "...";
  return out;
}

/// The contents of the choices of a 200 reply.
static Expected<std::vector<std::string>> parseChoices(const HttpReply &reply,
                                                       StringRef endpoint) {
  json parsed = json::parse(reply.body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded())
    return createStringError("the LLM endpoint '" + endpoint.str() +
                             "' answered with something that is not JSON: '" +
                             excerpt(reply.body) + "'");
  if (!parsed.is_object() || !parsed.contains("choices") ||
      !parsed["choices"].is_array() || parsed["choices"].empty())
    return createStringError("the LLM endpoint '" + endpoint.str() +
                             "' answered without choices: '" +
                             excerpt(reply.body) + "'");
  std::vector<std::string> contents;
  for (const json &choice : parsed["choices"]) {
    const json *content = nullptr;
    if (choice.is_object() && choice.contains("message") &&
        choice["message"].is_object() && choice["message"].contains("content"))
      content = &choice["message"]["content"];
    if (!content || !content->is_string())
      return createStringError("the LLM endpoint '" + endpoint.str() +
                               "' answered with a choice without text "
                               "content: '" +
                               excerpt(reply.body) + "'");
    contents.push_back(content->get<std::string>());
  }
  return contents;
}

/// The "error.message" of an error reply, when it has one.
static std::string errorMessageOf(const HttpReply &reply) {
  json parsed = json::parse(reply.body, nullptr, false);
  if (parsed.is_object() && parsed.contains("error")) {
    const json &error = parsed["error"];
    if (error.is_object() && error.contains("message") &&
        error["message"].is_string())
      return error["message"].get<std::string>();
    if (error.is_string())
      return error.get<std::string>();
  }
  return excerpt(reply.body);
}

/// One request with retries; the choices it got.
static Expected<std::vector<std::string>>
completeOnce(const EndpointConfig &config, const std::string &url,
             const std::string &body) {
  std::string endpoint = redactUrl(config.endpoint);
  unsigned backoff = config.backoffMilliseconds;
  for (unsigned attempt = 0;; ++attempt) {
    Expected<HttpReply> reply = post(config, url, body);
    if (!reply)
      return reply.takeError();
    if (reply->status == 200)
      return parseChoices(*reply, endpoint);
    bool retryable = reply->status == 429 || reply->status >= 500;
    if (!retryable || attempt == config.maxRetries)
      return createStringError(
          "the LLM endpoint '" + endpoint + "' answered HTTP " +
          std::to_string(reply->status) +
          (retryable ? " after " + std::to_string(attempt + 1) + " attempts"
                     : std::string()) +
          ": " + errorMessageOf(*reply));
    unsigned wait = reply->retryAfter ? std::min(*reply->retryAfter, 60u) * 1000
                                      : backoff;
    std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    backoff *= 2;
  }
}

/// Drops every occurrence of the key from `message` (defence in depth: no
/// path above puts it there).
static Error redactKey(Error error, const EndpointConfig &config) {
  if (config.apiKey.empty())
    return error;
  std::string message = toString(std::move(error));
  for (size_t at; (at = message.find(config.apiKey)) != std::string::npos;)
    message.replace(at, config.apiKey.size(), "<redacted>");
  return createStringError(message);
}

Expected<std::vector<std::string>> complete(const EndpointConfig &config,
                                            const ChatRequest &request) {
  std::string url = StringRef(config.endpoint).rtrim('/').str() +
                    "/chat/completions";
  std::vector<std::string> contents;
  unsigned wanted = std::max(request.candidates, 1u);
  // Servers that ignore `n` answer with one choice: ask again for the rest,
  // a bounded number of times.
  for (unsigned round = 0; contents.size() < wanted && round < wanted;
       ++round) {
    ChatRequest rest = request;
    rest.candidates = wanted - contents.size();
    Expected<std::vector<std::string>> choices =
        completeOnce(config, url, serializeRequest(rest, config.model));
    if (!choices)
      return redactKey(choices.takeError(), config);
    for (std::string &choice : *choices)
      if (contents.size() < wanted)
        contents.push_back(std::move(choice));
  }
  return contents;
}

} // namespace xpiler::llm
