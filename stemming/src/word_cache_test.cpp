#include "word_cache.h"

#include <string>

#include <gtest/gtest.h>

namespace fouille::stemming::detail {
namespace {

TEST(WordCacheTest, FindsEveryWordAddedThroughGrowthAndNothingElse) {
  WordCache cache;
  EXPECT_EQ(cache.find("migration"), nullptr);
  // Far past the first table size: each growth places every word again.
  for (int i = 0; i < 50000; ++i) {
    const std::string word = "mot" + std::to_string(i);
    cache.add(word, WordEntry{"t" + std::to_string(i), "", i % 3 == 0});
  }
  EXPECT_EQ(cache.size(), 50000u);
  for (int i = 0; i < 50000; i += 7) {
    const WordEntry* e = cache.find("mot" + std::to_string(i));
    ASSERT_NE(e, nullptr) << i;
    EXPECT_EQ(e->term, "t" + std::to_string(i));
    EXPECT_EQ(e->stopword, i % 3 == 0);
  }
  EXPECT_EQ(cache.find("mot50000"), nullptr);
  EXPECT_EQ(cache.find("mot"), nullptr);  // a prefix of every word is not one
  EXPECT_EQ(cache.find(""), nullptr);
}

TEST(WordCacheTest, ClearForgetsAndTheCacheFillsAgain) {
  WordCache cache;
  cache.add("frontière", WordEntry{"frontier", "frontièr", false});
  cache.clear();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.find("frontière"), nullptr);
  EXPECT_EQ(cache.add("frontière", WordEntry{"frontier", "", false}).term, "frontier");
  EXPECT_EQ(cache.find("frontière")->term, "frontier");
}

}  // namespace
}  // namespace fouille::stemming::detail
