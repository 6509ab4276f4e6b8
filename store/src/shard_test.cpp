#include "fouille/store/shard.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::store {
namespace {

TEST(ShardSpec, ReadsOnlyIOfL) {
  struct Case {
    const char* text;
    std::optional<ShardSpec> expected;
  };
  const Case cases[] = {
      {"1/2", ShardSpec{1, 2}}, {"2/2", ShardSpec{2, 2}}, {"1/1", ShardSpec{1, 1}}, {"256/256", ShardSpec{256, 256}},
      {"3/2", std::nullopt},    {"0/2", std::nullopt},    {"1/0", std::nullopt},    {"x", std::nullopt},
      {"", std::nullopt},       {"1/", std::nullopt},     {"/2", std::nullopt},     {"1/257", std::nullopt},
      {"+1/2", std::nullopt},   {"-1/2", std::nullopt},   {" 1/2", std::nullopt},   {"1/2/3", std::nullopt},
      {"1.0/2", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(read_shard_spec(c.text), c.expected);
    if (c.expected) EXPECT_EQ(encode_shard_spec(*c.expected), c.text);
  }
  EXPECT_EQ(encode_shard_spec(ShardSpec{}), "");
}

TEST(ShardSpec, BadSyntaxIsAUsageErrorNamingTheOption) {
  try {
    parse_shard_spec("--shard", "3/2");
    ADD_FAILURE() << "3/2 accepted";
  } catch (const UsageError& e) {
    ASSERT_NE(e.message(), nullptr);
    EXPECT_EQ(e.message()->id, "shard.bad_spec");
    const std::string text = describe(e, Lang::kEn);
    EXPECT_NE(text.find("--shard 3/2"), std::string::npos) << text;
  }
}

// The hash is FNV-1a, stable across builds: these shards are written on
// disk by every sharded index, so they must never change.
TEST(ShardOf, IsStableAndSpreadsFiles) {
  EXPECT_EQ(shard_of("/d/a.txt", 0), 1u);
  EXPECT_EQ(shard_of("/d/a.txt", 1), 1u);
  EXPECT_EQ(shard_of("/d/a.txt", 2), 2u);
  EXPECT_EQ(shard_of("/d/b.txt", 2), 1u);
  EXPECT_EQ(shard_of("/d/a.txt", 7), 3u);
  std::map<unsigned, int> counts;
  for (int i = 0; i < 1000; ++i) ++counts[shard_of("/srv/projets/fiche-" + std::to_string(i) + ".txt", 4)];
  ASSERT_EQ(counts.size(), 4u);
  for (const auto& [shard, n] : counts) {
    EXPECT_GE(shard, 1u);
    EXPECT_LE(shard, 4u);
    EXPECT_GT(n, 200) << shard;
    EXPECT_LT(n, 300) << shard;
  }
  EXPECT_TRUE(holds(ShardSpec{}, "/d/a.txt"));
  EXPECT_TRUE(holds(ShardSpec{shard_of("/d/a.txt", 3), 3}, "/d/a.txt"));
  EXPECT_FALSE(holds(ShardSpec{shard_of("/d/a.txt", 3) % 3 + 1, 3}, "/d/a.txt"));
}

}  // namespace
}  // namespace fouille::store
