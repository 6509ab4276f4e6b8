#include "fouille/stemming/synonyms.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "fouille/base/lines.h"
#include "fouille/data/areas.h"
#include "fouille/data/families.h"
#include "fouille/data/synonyms.h"
#include "fouille/stemming/fold.h"

#include "word_lists.h"

namespace fouille::stemming {
namespace {

// A spelling made only of stop words ("UN" folds to the article « un ») would
// make its group match nearly every document.
TEST(Synonyms, NoShippedSpellingIsOnlyStopWords) {
  Analyzer analyzer;
  Synonyms synonyms(shipped_synonyms(), analyzer);
  ASSERT_GT(synonyms.groups().size(), 30u);
  for (const auto& group : synonyms.groups()) {
    for (const auto& spelling : group) {
      SCOPED_TRACE(spelling.text);
      EXPECT_FALSE(std::all_of(spelling.stop.begin(), spelling.stop.end(), [](bool s) { return s; }));
    }
  }
}

// Every group, each spelling typed alone: it finds its own group whole (a
// spelling taken by an earlier group, or cut short by a longer one, fails).
TEST(Synonyms, EverySpellingFindsItsGroup) {
  Analyzer analyzer;
  Synonyms synonyms(shipped_synonyms(), analyzer);
  for (const auto& group : synonyms.groups()) {
    for (const auto& spelling : group) {
      SCOPED_TRACE(spelling.text);
      std::vector<Token> tokens;
      analyzer.analyze(spelling.text, tokens);
      std::vector<std::string> terms;
      for (const auto& t : tokens) terms.push_back(t.term);
      const Synonyms::Match m = synonyms.match(terms, 0);
      EXPECT_EQ(m.length, terms.size());
      ASSERT_NE(m.group, nullptr);
      // A group that searches it: one of its spellings has the same terms, or
      // holds a part of them (a longer spelling pruned for a shorter one).
      const bool searched = std::any_of(m.group->begin(), m.group->end(), [&](const Spelling& found) {
        return std::search(terms.begin(), terms.end(), found.terms.begin(), found.terms.end()) != terms.end();
      });
      EXPECT_TRUE(searched) << m.group->front().text;
    }
  }
}

TEST(Synonyms, TablesAreSortedByFirstSpelling) {
  for (std::string_view table : {data::synonyms, data::families, data::areas}) {
    std::string previous;
    base::for_each_data_line(table, [&](std::string_view line) {
      std::string first = fold(line.substr(0, line.find_first_of("|\t")));
      EXPECT_LT(previous, first) << first;
      previous = first;
    });
  }
}

TEST(Synonyms, AreaNamesAreGroupsToo) {
  Analyzer analyzer;
  Synonyms synonyms(shipped_synonyms(), analyzer);
  std::vector<Token> tokens;
  analyzer.analyze("Afrique de l'Est", tokens);
  std::vector<std::string> terms;
  for (const auto& t : tokens) terms.push_back(t.term);
  Synonyms::Match m = synonyms.match(terms, 0);
  EXPECT_EQ(m.length, 3u);
  ASSERT_NE(m.group, nullptr);
  EXPECT_TRUE(std::any_of(m.group->begin(), m.group->end(), [](const Spelling& s) { return s.text == "East Africa"; }));
}

TEST(Synonyms, MatchesLongestSpellingAndBothLanguages) {
  Analyzer analyzer;
  Synonyms synonyms(shipped_synonyms(), analyzer);
  struct Case {
    const char* query;
    std::size_t length;  // terms the match covers; 0: none
    const char* other;   // a spelling the matched group holds
  };
  const Case cases[] = {
      {"ONU", 1, "United Nations"},
      {"un", 0, ""},  // the article is no spelling of ONU
      {"remittances", 1, "envois de fonds"},
      {"travail des enfants", 3, "child labour"},
      {"travail", 1, "labour"},
      {"passeurs", 1, "smuggling"},
      {"trafic illicite de migrants", 4, "passeurs"},
      {"smuggling", 1, "trafic de migrants"},
      {"trafiquants", 1, "traffickers"},
      {"Ivory Coast", 2, "Côte d'Ivoire"},
      {"WASH", 1, "eau, assainissement et hygiène"},
      {"boreholes", 1, "forages"},
      {"Lake Chad", 2, "lac Tchad"},
      {"free movement", 2, "libre circulation"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    std::vector<Token> tokens;
    analyzer.analyze(c.query, tokens);
    std::vector<std::string> terms;
    for (const auto& t : tokens) terms.push_back(t.term);
    Synonyms::Match m = synonyms.match(terms, 0);
    EXPECT_EQ(m.length, c.length);
    if (!c.length) continue;
    ASSERT_NE(m.group, nullptr);
    bool found = std::any_of(m.group->begin(), m.group->end(), [&](const Spelling& s) { return s.text == c.other; });
    EXPECT_TRUE(found);
  }
}

}  // namespace
}  // namespace fouille::stemming
