//===- PromptTest.cpp - meta-prompts, retrieval and reply parsing ---------===//

#include "xpiler/LLM/ChatClient.h"
#include "xpiler/LLM/Prompt.h"

#include "gtest/gtest.h"

using namespace xpiler;
using namespace xpiler::llm;

namespace {

TEST(PromptTest, EveryPassOfTheIssueHasAMetaPrompt) {
  std::vector<std::string> passes = getPromptedPasses();
  for (const char *pass :
       {"loop-recovery", "detensorize", "split", "fuse", "reorder",
        "contract", "bind", "promote", "tensorize", "pipeline"})
    EXPECT_NE(std::find(passes.begin(), passes.end(), pass), passes.end())
        << pass;
}

TEST(PromptTest, RetrievalRanksTheEntryThatNamesTheIntrinsic) {
  std::vector<DocEntry> docs =
      retrieveDocs(Language::Vnni, "acc = _mm512_dpbusd_epi32(acc, a, b);");
  ASSERT_FALSE(docs.empty());
  EXPECT_NE(docs.front().title.find("dpbusd"), std::string::npos)
      << docs.front().title;
  std::vector<DocEntry> bang =
      retrieveDocs(Language::Bang, "__memcpy(dst, src, n, GDRAM2NRAM);");
  ASSERT_FALSE(bang.empty());
  EXPECT_NE(bang.front().title.find("__memcpy"), std::string::npos)
      << bang.front().title;
}

TEST(PromptTest, RetrievalStaysWithinTheBudget) {
  std::vector<DocEntry> docs = retrieveDocs(
      Language::Cuda, "threadIdx blockIdx __syncthreads wmma __shared__", 900);
  size_t total = 0;
  for (const DocEntry &entry : docs)
    total += entry.text.size();
  EXPECT_LE(total, 900u);
}

TEST(PromptTest, PromptCarriesCodeOptionsAndLanguages) {
  PromptInputs inputs;
  inputs.pass = "split";
  inputs.source = Language::Cuda;
  inputs.target = Language::Hip;
  inputs.code = "__global__ void k(float *x) { x[threadIdx.x] = 0; }";
  inputs.options = "loop=i factor=16";
  inputs.candidates = 3;
  llvm::Expected<ChatRequest> request = buildPrompt(inputs);
  ASSERT_TRUE(bool(request)) << llvm::toString(request.takeError());
  ASSERT_EQ(request->messages.size(), 2u);
  EXPECT_EQ(request->candidates, 3u);
  const std::string &system = request->messages[0].content;
  const std::string &user = request->messages[1].content;
  EXPECT_NE(system.find("tagged `hip`"), std::string::npos);
  EXPECT_NE(user.find("loop=i factor=16"), std::string::npos);
  EXPECT_NE(user.find("```cuda\n__global__ void k"), std::string::npos);
  EXPECT_EQ(user.find("{{"), std::string::npos) << "unfilled slot";
}

TEST(PromptTest, UnknownPassIsAnError) {
  PromptInputs inputs;
  inputs.pass = "vectorise";
  llvm::Expected<ChatRequest> request = buildPrompt(inputs);
  ASSERT_FALSE(bool(request));
  EXPECT_NE(llvm::toString(request.takeError()).find("no meta-prompt"),
            std::string::npos);
}

TEST(PromptTest, ExtractPrefersTheTargetsFence) {
  llvm::Expected<std::string> code = extractCode(
      "text\n```python\nprint(1)\n```\nthen\n```hip\nint x;\n```\n",
      Language::Hip);
  ASSERT_TRUE(bool(code));
  EXPECT_EQ(*code, "int x;\n");
  llvm::Expected<std::string> first =
      extractCode("```\nint y;\n```", Language::Bang);
  ASSERT_TRUE(bool(first));
  EXPECT_EQ(*first, "int y;\n");
}

TEST(PromptTest, ExtractRejectsRepliesWithoutCode) {
  llvm::Expected<std::string> none = extractCode("no code", Language::Cuda);
  ASSERT_FALSE(bool(none));
  llvm::consumeError(none.takeError());
  llvm::Expected<std::string> open =
      extractCode("```cuda\nint x;", Language::Cuda);
  ASSERT_FALSE(bool(open));
  EXPECT_NE(llvm::toString(open.takeError()).find("unterminated"),
            std::string::npos);
}

TEST(ChatClientTest, RedactsCredentialsInUrls) {
  EXPECT_EQ(redactUrl("https://user:secret@example.com/v1"),
            "https://<redacted>@example.com/v1");
  EXPECT_EQ(redactUrl("http://127.0.0.1:8080/v1"), "http://127.0.0.1:8080/v1");
}

TEST(ChatClientTest, RequestBodyHasModelMessagesAndN) {
  ChatRequest request;
  request.messages.push_back({"user", "hi \"there\""});
  request.candidates = 2;
  std::string body = serializeRequest(request, "m1");
  EXPECT_NE(body.find("\"model\":\"m1\""), std::string::npos);
  EXPECT_NE(body.find("\"n\":2"), std::string::npos);
  EXPECT_NE(body.find("hi \\\"there\\\""), std::string::npos);
}

} // namespace
