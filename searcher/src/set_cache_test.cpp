#include "set_cache.h"

#include <memory>

#include <gtest/gtest.h>

namespace fouille::searcher {
namespace {

// A set of documents 1..639: ten words of 8 bytes.
std::shared_ptr<const DocSet> set_of(Xapian::docid member) {
  auto set = std::make_shared<DocSet>(639);
  set->add(member);
  return set;
}

TEST(SetCacheTest, KeepsTheMostRecentlyUsedWithinItsBudget) {
  SetCache cache(3 * 80);  // three sets
  cache.add("a", set_of(1));
  cache.add("b", set_of(2));
  cache.add("c", set_of(3));
  EXPECT_EQ(cache.bytes(), 240u);
  ASSERT_NE(cache.find("a"), nullptr);  // used: "b" is now the oldest
  cache.add("d", set_of(4));
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.find("b"), nullptr);
  ASSERT_NE(cache.find("a"), nullptr);
  EXPECT_TRUE(cache.find("a")->contains(1));
  EXPECT_TRUE(cache.find("d")->contains(4));
}

TEST(SetCacheTest, ReplacesAKeyAndRefusesASetOverTheBudget) {
  SetCache cache(100);
  cache.add("a", set_of(1));
  cache.add("a", set_of(2));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.bytes(), 80u);
  EXPECT_TRUE(cache.find("a")->contains(2));
  cache.add("big", std::make_shared<DocSet>(64 * 20));  // 168 bytes
  EXPECT_EQ(cache.find("big"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
}

}  // namespace
}  // namespace fouille::searcher
