#include "snippet.h"

#include <string>

#include <gtest/gtest.h>

namespace fouille::searcher {
namespace {

// The snippet with its marked words in [brackets].
std::string marked(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& s : segments) out += s.match ? "[" + s.text + "]" : s.text;
  return out;
}

std::string term(stemming::Analyzer& analyzer, const std::string& word) {
  std::vector<stemming::Token> tokens;
  analyzer.analyze(word, tokens);
  return tokens.empty() ? std::string() : tokens.front().term;
}

TEST(Snippet, MarksEveryInflectionAndSpellingOfATerm) {
  stemming::Analyzer analyzer;
  const std::string text = "Les migrantes et le migrant, les MIGRANTS : tous migrants.";
  const auto s = make_snippet(text, analyzer, {term(analyzer, "migrant")}, {}, {});
  EXPECT_EQ(marked(s), "Les [migrantes] et le [migrant], les [MIGRANTS] : tous [migrants].");
}

TEST(Snippet, MarksAPhraseOnlyWhereItOccursWhole) {
  stemming::Analyzer analyzer;
  const std::string text = "La traite des personnes, puis la traite seule.";
  std::vector<std::vector<std::string>> phrases{
      {term(analyzer, "traite"), term(analyzer, "des"), term(analyzer, "personnes")}};
  const auto s = make_snippet(text, analyzer, {}, phrases, {});
  EXPECT_EQ(marked(s), "La [traite] [des] [personnes], puis la traite seule.");
}

TEST(Snippet, MarksWildcardPrefixesAndKeepsAWindowOfWords) {
  stemming::Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 50; ++i) text += "mot ";
  text += "trafiquants et trafic ";
  for (int i = 0; i < 20; ++i) text += "fin ";
  const auto s = make_snippet(text, analyzer, {}, {}, {"trafi"}, 10);
  const std::string m = marked(s);
  EXPECT_NE(m.find("[trafiquants]"), std::string::npos) << m;
  EXPECT_NE(m.find("[trafic]"), std::string::npos) << m;
  EXPECT_LT(m.size(), text.size());  // a window, not the whole text
}

// A window may end with the text: a match among its last words is shown.
TEST(Snippet, ShowsAMatchAmongTheLastWords) {
  stemming::Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 60; ++i) text += "mot ";
  text += "frontière fin";
  const std::string m = marked(make_snippet(text, analyzer, {term(analyzer, "frontière")}, {}, {}, 10));
  EXPECT_NE(m.find("[frontière]"), std::string::npos) << m;
  EXPECT_LT(m.size(), text.size());
}

TEST(Snippet, EmptyTextGivesNoSegments) {
  stemming::Analyzer analyzer;
  EXPECT_TRUE(make_snippet("", analyzer, {"migr"}, {}, {}).empty());
}

}  // namespace
}  // namespace fouille::searcher
