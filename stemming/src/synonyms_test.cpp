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
