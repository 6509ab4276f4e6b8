// The spelling corrector rewrites typos, never words: a word of the French or
// English word list stays as typed even when no document holds it and the
// spelling dictionary holds a word two edits away.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"
#include "fouille/stemming/dictionary.h"

#include "test_support.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

// The samples, and pages whose words sit one or two edits from English
// words no document holds: « lang » from « lake », « costa » from « coast ».
class Correction : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("correction");
    fs::create_directories(*dir_ / "in");
    fs::copy(FOUILLE_SAMPLES, *dir_ / "in" / "samples");
    const std::string traps =
        "Appui aux migrants au Costa Rica\n\nLe projet renforce la langue et la lang des signes. "
        "Les communautés de Côte d'Ivoire, en costa et en lang, travaillent avec les services locaux "
        "de la costa Rica. La lang officielle et les langs régionales. Costa, costa, lang, lang.\n";
    for (int i = 0; i < 3; ++i) test::write_file(*dir_ / "in" / ("traps-" + std::to_string(i) + ".txt"), traps);
    indexer::Options o;
    o.db = *dir_ / "db";
    o.inputs = {*dir_ / "in"};
    indexer::index(o, {}, {}, nullptr);
    searcher_ = new Searcher((*dir_ / "db").string());
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete dir_;
  }
  static Result search(const std::string& q) {
    Request r;
    r.query = q;
    r.no_facets = true;
    r.limit = 1;
    return searcher_->search(r);
  }
  static test::ScratchDir* dir_;
  static Searcher* searcher_;
};
test::ScratchDir* Correction::dir_ = nullptr;
Searcher* Correction::searcher_ = nullptr;

TEST_F(Correction, WordsOfTheWordListsStayAsTyped) {
  for (const char* q : {"Lake Chad", "Ivory Coast", "lake", "coast", "smuggling routes"}) {
    SCOPED_TRACE(q);
    const Result r = search(q);
    EXPECT_FALSE(r.corrected.has_value()) << *r.corrected;
    EXPECT_FALSE(r.suggestion.has_value()) << *r.suggestion;
  }
}

TEST_F(Correction, TyposAreStillCorrected) {
  struct Case {
    const char* typed;
    const char* corrected;
  } cases[] = {
      {"Tadjikstan", "tadjikistan"},
      {"migrnats", "migrants"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.typed);
    const Result r = search(c.typed);
    ASSERT_TRUE(r.corrected.has_value());
    EXPECT_EQ(*r.corrected, c.corrected);
  }
}

// A property over the word lists themselves: a sample of every list's words
// (each 61st French word, each 23rd English one), searched alone, is never
// rewritten.
TEST_F(Correction, NoWordOfTheListsIsEverRewritten) {
  std::size_t tried = 0;
  for (const auto& [list, step] : {std::pair{"/usr/share/dict/french", 61}, {"/usr/share/dict/american-english", 23}}) {
    std::ifstream in(list);
    ASSERT_TRUE(in) << list;
    int n = 0;
    for (std::string word; std::getline(in, word);) {
      if (n++ % step != 0 || word.size() < 3 || word.find('\'') != std::string::npos) continue;
      if (!stemming::is_dictionary_word(word)) continue;  // folded away (a lone hyphen…)
      const Result r = search(word);
      ++tried;
      EXPECT_FALSE(r.corrected.has_value()) << word << " -> " << *r.corrected;
    }
  }
  EXPECT_GT(tried, 8000u);
}

}  // namespace
}  // namespace fouille::searcher
