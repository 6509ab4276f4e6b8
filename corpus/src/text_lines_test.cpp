#include "text_lines.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

namespace fouille::corpus::layout {
namespace {

// The plain form of word_count(): a word starts where a space ends.
std::size_t words_one_by_one(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

TEST(WordCount, CountsRunsBetweenSpacesAndTabs) {
  struct Case {
    const char* text;
    std::size_t words;
  };
  const Case cases[] = {
      {"", 0},
      {" ", 0},
      {"\t \t", 0},
      {"a", 1},
      {" a", 1},
      {"a ", 1},
      {"l'\xC3\xA9t\xC3\xA9 au Niger", 3},
      {"Budget\t:\t1 250 000", 5},
      {"un\xC2\xA0mot", 1},  // NBSP is no space here
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(word_count(c.text), c.words);
  }
}

TEST(WordCount, AgreesWithTheCountOneByteAtATime) {
  std::mt19937 rng(29);
  const char bytes[] = {' ', '\t', 'a', 'b', '\xC3', '\xA9', ':', '\n'};
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 70, ' ');
    for (char& c : s) c = bytes[rng() % sizeof bytes];
    ASSERT_EQ(word_count(s), words_one_by_one(s)) << "\"" << s << "\"";
  }
}

// Each bullet or dash before a line is a marker, stripped from its bare
// text; glued to a word it is part of the text.
TEST(Classify, StripsEveryMarker) {
  struct Case {
    const char* line;
    bool marker;
    const char* bare;
    Kind kind;
  };
  const Case cases[] = {
      {"\xE2\x80\xA2 Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"\xC2\xB7 Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"\xE2\x96\xAA Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"\xE2\x80\xA3 Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"\xE2\x80\x93 Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"\xE2\x80\x94 Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"- Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"* Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"> Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"-\xC2\xA0Pays : Mali", true, "Pays : Mali", Kind::kLabel},
      {"Pays : Mali", false, "Pays : Mali", Kind::kLabel},
      {"\xE2\x80\xA2", true, "", Kind::kMarker},
      {"-Pays : Mali", false, "-Pays : Mali", Kind::kText},
      {"\xC3\x89tat : Mali", false, "\xC3\x89tat : Mali", Kind::kText},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    const std::vector<Line> lines = classify(c.line);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].marker, c.marker);
    EXPECT_EQ(lines[0].bare, c.bare);
    EXPECT_EQ(lines[0].kind, c.kind);
  }
}

}  // namespace
}  // namespace fouille::corpus::layout
