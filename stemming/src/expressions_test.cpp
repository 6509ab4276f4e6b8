#include "fouille/stemming/expressions.h"

#include <string>

#include <gtest/gtest.h>

namespace fouille::stemming {
namespace {

class ExpressionsTest : public ::testing::Test {
 protected:
  // The keys found in `text`, space-separated, in order of occurrence.
  std::string found(std::string_view text) {
    std::vector<Token> tokens;
    analyzer.analyze(text, tokens);
    std::vector<std::string_view> keys;
    expressions.find(tokens, keys);
    std::string out;
    for (auto k : keys) out += (out.empty() ? "" : " | ") + std::string(k);
    return out;
  }

  Analyzer analyzer;
  Synonyms synonyms{
      "ONG|NGO|société civile|organisation non gouvernementale\n"
      "migration de main-d'œuvre|labour migration|travailleurs migrants\n"
      "traite|lutte contre la traite\n",
      analyzer};
  Expressions expressions{synonyms};
};

TEST_F(ExpressionsTest, KeepsSeveralWordSpellingsOnly) {
  std::vector<std::string> keys;
  for (const auto& e : expressions.entries()) keys.push_back(e.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"2:societ civil", "3:organis non gouvernemental", "4:migrat de main oeuvr",
                                            "2:labour migrat", "2:travailleur migr", "4:lutt contr la trait"}));
}

TEST_F(ExpressionsTest, FindsThemWhereTheirPhraseMatches) {
  EXPECT_EQ(found("La Société civile et les ONG"), "2:societ civil");
  EXPECT_EQ(found("société, civile"), "2:societ civil");  // punctuation leaves no gap
  EXPECT_EQ(found("société très civile"), "");
  EXPECT_EQ(found("civile société"), "");
  EXPECT_EQ(found("société civile, société civile"), "2:societ civil | 2:societ civil");
  // Stop words match only themselves ("des" is folded and stemmed to "de").
  EXPECT_EQ(found("migration de main-d'œuvre"), "4:migrat de main oeuvr");
  EXPECT_EQ(found("migrations des mains-d'œuvre"), "4:migrat de main oeuvr");
  EXPECT_EQ(found("migration du main-d'œuvre"), "");
  EXPECT_EQ(found("migration main-d'œuvre"), "");
  EXPECT_EQ(found("migration de la main-d'œuvre"), "");
  EXPECT_EQ(found("la lutte contre la traite des personnes"), "4:lutt contr la trait");
  EXPECT_EQ(found("la lutte contre une traite"), "");
  EXPECT_EQ(found("la lutte efficace contre la traite"), "");
  // Repeated first words: each start is tried.
  EXPECT_EQ(found("société société civile"), "2:societ civil");
}

TEST_F(ExpressionsTest, KnowsAPhraseByItsShape) {
  EXPECT_EQ(expressions.key(make_phrase({"societ", "civil"})), "2:societ civil");
  EXPECT_EQ(expressions.key(make_phrase({"migrat", "de", "main", "oeuvr"}, {false, true, false, false})),
            "4:migrat de main oeuvr");
  EXPECT_EQ(expressions.key(make_phrase({"migrat", "du", "main", "oeuvr"}, {false, true, false, false})), "");
  EXPECT_EQ(expressions.key(make_phrase({"migrat", "main", "oeuvr"})), "");  // a tighter phrase
  EXPECT_EQ(expressions.key(make_phrase({"ong"})), "");
}

// « provinces du Sud-Est » must not match « provinces du Sud-Ouest »: a stop
// word in a phrase is checked like any word.
TEST(MakePhrase, StopWordsAreChecked) {
  Phrase p = make_phrase({"lutt", "contr", "la", "trait"}, {false, true, true, false});
  EXPECT_EQ(p.terms, (std::vector<std::string>{"lutt", "contr", "la", "trait"}));
  EXPECT_EQ(p.window, 4u);
  p = make_phrase({"de", "la", "trait"}, {true, true, false});
  EXPECT_EQ(p.terms, (std::vector<std::string>{"de", "la", "trait"}));
  EXPECT_EQ(p.window, 3u);
}

TEST(AnalysisSignature, IsStableAndHex) {
  EXPECT_EQ(analysis_signature(), analysis_signature());
  EXPECT_EQ(analysis_signature().size(), 16u);
  EXPECT_EQ(analysis_signature().find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace fouille::stemming
