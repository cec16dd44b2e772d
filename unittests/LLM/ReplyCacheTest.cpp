//===- ReplyCacheTest.cpp - the on-disk reply cache -----------------------===//

#include "xpiler/LLM/ReplyCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace xpiler::llm;

namespace {

/// A fresh directory, removed afterwards.
struct TempDir {
  llvm::SmallString<128> path;
  TempDir() { llvm::sys::fs::createUniqueDirectory("xpiler-cache", path); }
  ~TempDir() { llvm::sys::fs::remove_directories(path); }
};

TEST(ReplyCacheTest, KeysAreSha256OfTheRequest) {
  std::string a = ReplyCache::keyOf("{\"model\":\"m\"}");
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a, ReplyCache::keyOf("{\"model\":\"m\"}"));
  EXPECT_NE(a, ReplyCache::keyOf("{\"model\":\"n\"}"));
}

TEST(ReplyCacheTest, StoresAndReplays) {
  TempDir dir;
  ReplyCache cache((dir.path + "/nested").str());
  std::string key = ReplyCache::keyOf("request");
  auto miss = cache.lookup(key);
  ASSERT_TRUE(bool(miss));
  EXPECT_FALSE(miss->has_value());
  ASSERT_FALSE(bool(cache.store(key, "m", {"one", "two\n```"})));
  auto hit = cache.lookup(key);
  ASSERT_TRUE(bool(hit));
  ASSERT_TRUE(hit->has_value());
  EXPECT_EQ(**hit, (std::vector<std::string>{"one", "two\n```"}));
}

TEST(ReplyCacheTest, CorruptEntryIsAnError) {
  TempDir dir;
  ReplyCache cache(dir.path.str().str());
  std::string key = ReplyCache::keyOf("x");
  {
    std::error_code ec;
    llvm::raw_fd_ostream os((dir.path + "/" + key + ".json").str(), ec);
    os << "{not json";
  }
  auto entry = cache.lookup(key);
  ASSERT_FALSE(bool(entry));
  EXPECT_NE(llvm::toString(entry.takeError()).find("corrupt"),
            std::string::npos);
}

} // namespace
