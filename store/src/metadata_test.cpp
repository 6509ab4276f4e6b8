#include "fouille/store/metadata.h"

#include <gtest/gtest.h>

namespace fouille::store {
namespace {

TEST(Metadata, KeysAreTheDatabases) {
  EXPECT_STREQ(kAnalysisKey, "fouille.analysis");
  EXPECT_STREQ(kPartialKey, "fouille.partial");
}

TEST(Metadata, PartialFilesAreOneALine) {
  const std::set<std::string> files = {"/d/b.jsonl", "/d/a b.jsonl"};
  EXPECT_EQ(encode_partial(files), "/d/a b.jsonl\n/d/b.jsonl");  // the bytes databases hold
  EXPECT_EQ(decode_partial(encode_partial(files)), files);
  EXPECT_EQ(encode_partial({}), "");
  EXPECT_TRUE(decode_partial("").empty());
  EXPECT_EQ(decode_partial("\n/d/a.jsonl\n\n"), std::set<std::string>{"/d/a.jsonl"});
}

TEST(Metadata, CompactionJoinsThePartialFilesOfEveryShard) {
  const std::string tags[] = {"/d/a.jsonl", "", "/d/c.jsonl\n/d/a.jsonl"};
  EXPECT_EQ(merge_metadata(kPartialKey, 3, tags), "/d/a.jsonl\n/d/c.jsonl");
  const std::string signatures[] = {"first", "second"};
  EXPECT_EQ(merge_metadata(kAnalysisKey, 2, signatures), "first");
}

}  // namespace
}  // namespace fouille::store
