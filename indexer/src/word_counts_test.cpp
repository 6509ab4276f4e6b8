#include "word_counts.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

namespace fouille::indexer {
namespace {

std::map<std::string, Xapian::termcount> contents(const WordCounts& counts) {
  std::map<std::string, Xapian::termcount> out;
  counts.for_each([&](std::string_view word, Xapian::termcount n) {
    EXPECT_TRUE(out.emplace(std::string(word), n).second) << "listed twice: " << word;
  });
  return out;
}

TEST(WordCounts, CountsEachWordAsWritten) {
  struct Case {
    std::string word;
    Xapian::termcount n;
  };
  // Short and long words (over the 23 bytes kept in a slot), accents, case.
  const Case adds[] = {{"été", 1},
                       {"Été", 1},
                       {"été", 2},
                       {"développement", 1},
                       {"anticonstitutionnellement", 1},
                       {"anticonstitutionnellement", 4},
                       {"exactement-vingt-trois!", 1},  // 23 bytes: the longest kept in a slot
                       {"exactement-vingt-trois!!", 1},
                       {"œuvre", 1}};
  WordCounts counts;
  for (const auto& c : adds) counts.add(c.word, c.n);
  const std::map<std::string, Xapian::termcount> expected = {{"anticonstitutionnellement", 5},
                                                             {"développement", 1},
                                                             {"exactement-vingt-trois!", 1},
                                                             {"exactement-vingt-trois!!", 1},
                                                             {"été", 3},
                                                             {"Été", 1},
                                                             {"œuvre", 1}};
  EXPECT_EQ(contents(counts), expected);
  EXPECT_EQ(counts.size(), expected.size());
}

TEST(WordCounts, KeepsEveryWordWhenTheTableGrows) {
  WordCounts counts;
  std::map<std::string, Xapian::termcount> expected;
  for (int i = 0; i < 50000; ++i) {
    const std::string word = "mot" + std::to_string(i % 20011);
    counts.add(word);
    ++expected[word];
  }
  EXPECT_EQ(counts.size(), expected.size());
  EXPECT_EQ(contents(counts), expected);
}

TEST(WordCounts, ClearForgetsEverything) {
  WordCounts counts;
  counts.add("projet");
  counts.add("anticonstitutionnellement");
  counts.clear();
  EXPECT_EQ(counts.size(), 0u);
  EXPECT_TRUE(contents(counts).empty());
  counts.add("projet");
  EXPECT_EQ(contents(counts), (std::map<std::string, Xapian::termcount>{{"projet", 1}}));
}

}  // namespace
}  // namespace fouille::indexer
