#include "fouille/stemming/analyzer.h"

#include <fstream>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "fouille/stemming/fold.h"
#include "fouille/stemming/french_stemmer.h"

namespace fouille::stemming {
namespace {

// Renders tokens as "term" words: "/s" marks a stop word, a leading "-" a
// hyphen-joined part.
std::string render(Analyzer& analyzer, std::string_view text) {
  std::vector<Token> tokens;
  analyzer.analyze(text, tokens);
  std::string out;
  for (const auto& t : tokens) {
    if (!out.empty()) out += ' ';
    if (t.joined) out += '-';
    out += t.term;
    if (t.stopword) out += "/s";
  }
  return out;
}

struct Case {
  const char* input;
  const char* expected;
};

TEST(Analyzer, SegmentsFrenchText) {
  const Case cases[] = {
      // empty and blank input
      {"", ""},
      {"  \n\t ", ""},
      // elisions with the three apostrophes, any case
      {"l’OIM", "oim"},
      {"l'OIM", "oim"},
      {"lʼOIM", "oim"},
      {"L’Etat d’Azerbaïdjan", "etat azerbaidjan"},
      {"qu’il jusqu’à lorsqu’elle puisqu’on quoiqu’il", "il/s a/s elle/s on/s il/s"},
      {"j’ai m’a n’est s’est t’a c’est", "ai/s a/s est/s est/s a/s est/s"},
      // words that merely hold an apostrophe stay whole
      {"aujourd’hui", "aujourd'hui"},
      {"aujourd'hui", "aujourd'hui"},
      // capitals, accents and ligatures fold
      {"ÊTRES êtres etres", "etre etre etre"},
      {"Œuvre oeuvre", "oeuvr oeuvr"},
      {"Turkménistan TURKMENISTAN", "turkmenistan turkmenistan"},
      // hyphenated compounds: parts at consecutive positions, joined
      {"Sud-Est", "sud -est/s"},
      {"main-d’œuvre", "main -oeuvr"},
      {"non-punition", "non -punit"},
      {"Asie‐Pacifique", "asi -pacif"},  // U+2010 hyphen
      // codes and numbers stay whole
      {"PX.0432 TM10P0524", "px.0432 tm10p0524"},
      {"2014-2018 100000.00 200,000", "2014-2018 100000.00 200,000"},
      {"COVID-19", "covid-19"},
      {"en 2017, la", "en/s 2017 la/s"},
      // stop words are kept (phrases need them) and flagged
      {"lutte contre la traite", "lutt contr la/s trait"},
      // punctuation, symbols and emoji separate words
      {"traite—trafic «migrants» (OIM)", "trait trafic migr oim"},
      {"santé😀migrants", "sant migr"},
      // each ideograph is a word
      {"東京 migrants", "東 京 migr"},
      // invalid UTF-8 separates words and never crashes
      {"traite\xFF\xFEmigrants", "trait migr"},
      {"\xC3", ""},
  };
  Analyzer analyzer;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(render(analyzer, c.input), c.expected);
  }
}

TEST(Analyzer, GivesOffsetsOfTheWordWithoutItsElision) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  const std::string text = "Selon l’OIM, Sud-Est";
  analyzer.analyze(text, tokens);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "OIM");
  EXPECT_EQ(tokens[1].position, 1u);
  EXPECT_EQ(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin), "Est");
  EXPECT_EQ(tokens[3].position, 3u);
}

TEST(Analyzer, CountsInvalidBytes) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.analyze(
      "a\xFF"
      "b\xFE",
      tokens);
  EXPECT_EQ(analyzer.invalid_bytes(), 2u);
}

TEST(Analyzer, SurvivesLongAndRandomInput) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  std::string noise;
  unsigned x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1103515245 + 12345;
    noise.push_back(static_cast<char>(x >> 16));
  }
  analyzer.analyze(noise, tokens);
  analyzer.analyze(std::string(5000, 'a'), tokens);  // one over-long word: no term
  for (const auto& t : tokens) {
    EXPECT_LE(t.term.size(), 245u);
    EXPECT_LE(t.end, noise.size());
  }
}

// Folding can make a word many times longer (NFKC expands U+FDFA to 18
// letters, Hangul syllables decompose): the cap holds on the folded term, so
// no prefixed term reaches Xapian's limit of 245 bytes.
TEST(Analyzer, CapsTheFoldedTermNotTheRawWord) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  std::string ligatures, hangul;
  for (int i = 0; i < 8; ++i) ligatures += "\xEF\xB7\xBA";                        // U+FDFA, 3 bytes
  for (int i = 0; i < 13; ++i) hangul += "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4";  // 한국어
  for (const std::string& word : {ligatures, hangul}) {
    SCOPED_TRACE(word);
    tokens.clear();
    analyzer.analyze("avant " + word + " apres", tokens);
    for (const auto& t : tokens) EXPECT_LE(t.term.size() + 3, 245u) << t.term.size();
    ASSERT_EQ(tokens.size(), 2u);  // the over-long word is dropped, its neighbours stay
    EXPECT_EQ(tokens[1].term, analyzer.term("apres"));
  }
}

TEST(Analyzer, TermOfOneWord) {
  Analyzer analyzer;
  bool stop = false;
  EXPECT_EQ(analyzer.term("Renforcées", &stop), "renforc");
  EXPECT_FALSE(stop);
  EXPECT_EQ(analyzer.term("Les", &stop), "le");
  EXPECT_TRUE(stop);
}

// Property tests over Debian's French word list (wfrench).
class WordListProperty : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(FOUILLE_WORDLIST);
    ASSERT_TRUE(in) << FOUILLE_WORDLIST << " missing: run scripts/setup.sh (package wfrench)";
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.find_first_of("-' ") == std::string::npos) words_.push_back(line);
    }
    ASSERT_GT(words_.size(), 100000u);
  }
  std::vector<std::string> words_;
};

TEST_F(WordListProperty, AccentFreeSpellingMeetsTheAccentedOne) {
  Analyzer analyzer;
  std::size_t accented = 0;
  for (const auto& w : words_) {
    std::string plain = fold(w);
    if (plain == w) continue;
    ++accented;
    ASSERT_EQ(analyzer.term(w), analyzer.term(plain)) << w << " vs " << plain;
  }
  EXPECT_GT(accented, 50000u);
}

TEST_F(WordListProperty, SnowballConflationSurvivesFolding) {
  // Words Snowball conflates (on their accented spelling) keep one term, except
  // where two accented words share one accent-free spelling and stem apart
  // ("abrévie"/"abrévié" are both "abrevie"): text without accents cannot tell
  // them apart. Those are counted and must stay rare.
  Analyzer analyzer;
  FrenchStemmer bare(/*accent_table=*/false);
  std::map<std::string, std::set<std::string>> stems_by_fold;
  std::map<std::string, std::vector<std::string>> class_of;
  for (const auto& w : words_) {
    if (fold(w) != w && w.front() >= 'A' && w.front() <= 'Z') continue;  // proper nouns
    std::string s = bare.snowball(w);
    stems_by_fold[fold(w)].insert(fold(s));
    class_of[s].push_back(w);
  }
  std::size_t pairs = 0, broken = 0, broken_unambiguous = 0;
  for (const auto& [stem, members] : class_of) {
    const std::string first = analyzer.term(members.front());
    for (std::size_t i = 1; i < members.size(); ++i) {
      ++pairs;
      if (analyzer.term(members[i]) == first) continue;
      ++broken;
      if (stems_by_fold[fold(members[i])].size() == 1 && stems_by_fold[fold(members.front())].size() == 1) {
        ++broken_unambiguous;
        ADD_FAILURE() << members.front() << " / " << members[i];
      }
    }
  }
  EXPECT_GT(pairs, 200000u);
  EXPECT_EQ(broken_unambiguous, 0u);
  EXPECT_LT(static_cast<double>(broken) / static_cast<double>(pairs), 0.01) << broken << " of " << pairs;
  RecordProperty("conflated_pairs", std::to_string(pairs));
  RecordProperty("broken_pairs", std::to_string(broken));
}

}  // namespace
}  // namespace fouille::stemming
