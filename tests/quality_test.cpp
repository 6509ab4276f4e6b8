// What a user asks of search beyond matching words, over the samples and the
// web pages of tests/relevance/docs: IDs typed as words, places no page
// writes, typos corrected, exact phrases, field phrases and groups, snippets
// marking only what matched, "more like this".
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"

#include "test_support.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

class QualityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("quality");
    fs::create_directories(*dir_ / "in");
    fs::copy(FOUILLE_SAMPLES, *dir_ / "in" / "samples");
    fs::copy(FOUILLE_TESTS "/relevance/docs", *dir_ / "in" / "pages");
    // Two pages a stop word tells apart: « est » and « ouest ».
    test::write_file(*dir_ / "in" / "extra" / "sud-est.txt",
                     "Appui aux communes frontalières des provinces du Sud-Est\n\n"
                     "Les provinces du Sud-Est accueillent des familles déplacées par les inondations.\n");
    // Two pages alike but for one word that folds to the same spelling.
    test::write_file(*dir_ / "in" / "extra" / "a-sin.txt",
                     "Dialogue interreligieux au village\n\nLes chefs parlent du péché et du pardon.\n");
    test::write_file(*dir_ / "in" / "extra" / "b-fish.txt",
                     "Dialogue interreligieux au village\n\nLes chefs parlent du pêche et du pardon.\n");
    test::write_file(*dir_ / "in" / "extra" / "sud-ouest.txt",
                     "Appui aux communes frontalières des provinces du Sud-Ouest\n\n"
                     "Les provinces du Sud-Ouest accueillent des familles déplacées par les inondations.\n");
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

  static Result search(const std::string& query, bool exact = false) {
    Request r;
    r.query = query;
    r.exact = exact;
    r.no_facets = true;
    r.limit = 50;
    return searcher_->search(r);
  }
  static std::vector<std::string> ids(const Result& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.document.project_id.empty() ? h.id : h.document.project_id);
    return out;
  }
  static bool has(const Result& r, const std::string& id) {
    auto v = ids(r);
    return std::find(v.begin(), v.end(), id) != v.end();
  }

  static test::ScratchDir* dir_;
  static Searcher* searcher_;
};

test::ScratchDir* QualityTest::dir_ = nullptr;
Searcher* QualityTest::searcher_ = nullptr;

TEST_F(QualityTest, IdsTypedAsWordsFindTheirProject) {
  struct Case {
    const char* query;
    const char* id;  // must be the first hit
  };
  const Case cases[] = {
      {"PX.0432", "PX.0432"}, {"px.0432", "PX.0432"}, {"TM10P0524", "PX.0432"}, {"CT.0987", "CT.0987"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    Result r = search(c.query);
    ASSERT_FALSE(r.hits.empty());
    EXPECT_EQ(ids(r).front(), c.id);
    EXPECT_FALSE(r.corrected.has_value());
  }
}

TEST_F(QualityTest, TyposAreCorrectedUnlessExact) {
  struct Case {
    const char* query;
    const char* corrected;
  };
  const Case cases[] = {
      {"Tadjiksitan", "tadjikistan"},
      {"traite Turkmenistn", "traite turkmenistan"},
      // The correction goes where the parser read the word, not where its
      // text first occurs in the query.
      {"protection protectio", "protection protection"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    Result r = search(c.query);
    ASSERT_TRUE(r.corrected.has_value());
    EXPECT_EQ(*r.corrected, c.corrected);
    EXPECT_GT(r.total, 0u);
    Result exact = search(c.query, /*exact=*/true);
    EXPECT_FALSE(exact.corrected.has_value());
    ASSERT_TRUE(exact.suggestion.has_value());
    EXPECT_EQ(*exact.suggestion, c.corrected);
  }
  EXPECT_FALSE(search("traite").corrected.has_value());
  EXPECT_FALSE(search("traite").suggestion.has_value());
}

TEST_F(QualityTest, MoreLikeThisListsSimilarProjectsWithoutItself) {
  Request r;
  r.like = "CT.1290";  // victim referral in Tajikistan, phase 2
  r.no_facets = true;
  Result like = searcher_->search(r);
  ASSERT_GE(like.hits.size(), 3u);
  EXPECT_FALSE(has(like, "CT.1290"));
  // Its first phase is the most similar page.
  EXPECT_EQ(ids(like).front(), "CT.1172");
  r.like = "ZZ.0000";
  EXPECT_THROW(searcher_->search(r), QueryError);
}

TEST_F(QualityTest, AreasAreSearchableInBothLanguages) {
  struct Case {
    const char* query;
    std::set<std::string> first;     // the pages that write the name itself, in either language
    std::vector<const char*> found;  // pages that only lie there
  };
  const Case cases[] = {
      {"Asie centrale", {"CT.0987", "LM.0379"}, {"CT.1290", "PX.0432", "PO.0301"}},
      {"Central Asia", {"CT.0987", "LM.0379"}, {"CT.1290", "PX.0432", "PO.0301"}},
      {"Corne de l'Afrique", {"PX.0470"}, {"PX.0455", "MD.0533"}},
      {"Horn of Africa", {"PX.0470"}, {"PX.0455", "MD.0533"}},
      {"Afrique de l'Est", {}, {"IB.0902", "IB.0915"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    Result r = search(c.query);
    ASSERT_FALSE(r.hits.empty());
    // Own words rank above area names: the pages writing the name come first.
    for (std::size_t i = 0; i < c.first.size(); ++i) EXPECT_TRUE(c.first.count(ids(r).at(i))) << ids(r).at(i);
    for (const char* id : c.found) EXPECT_TRUE(has(r, id)) << id;
  }
  // « Afrique de l'Est » is a phrase: a page in West Africa is not found.
  for (const auto& h : search("Afrique de l'Est").hits) {
    for (const auto& country : h.document.countries) {
      EXPECT_NE(country, "BF") << h.id;
    }
  }
}

TEST_F(QualityTest, PhrasesAreExactAndMatchInsideFields) {
  // A stop word in a phrase matches only itself.
  Result est = search("\"provinces du Sud-Est\"");
  std::set<std::string> files;
  for (const auto& h : est.hits) files.insert(fs::path(h.document.source).filename().string());
  EXPECT_TRUE(files.count("sud-est.txt"));
  EXPECT_FALSE(files.count("sud-ouest.txt"));
  // Metadata text has positions: phrases match inside a field.
  EXPECT_GE(search("type:\"protection et assistance\"").total, 3u);
  EXPECT_EQ(search("implementer:\"DT Global\"").total, 1u);
  // An unquoted phrase in the project type only is found too.
  Result type = search("\"protection et assistance aux migrants\"");
  EXPECT_TRUE(has(type, "PX.0432"));
}

TEST_F(QualityTest, FieldGroupsScopeEachWordToTheField) {
  struct Case {
    const char* group;
    const char* spelled_out;  // the same query, one field clause per word
  };
  const Case cases[] = {
      {"titre:(traite OU diaspora)", "titre:traite OU titre:diaspora"},
      {"titre:(traite Tadjikistan)", "titre:traite titre:Tadjikistan"},
      {"titre:(traite -interne)", "titre:traite SAUF titre:interne"},
      {"title:(\"mécanisme national\" OR Turkménistan)", "title:\"mécanisme national\" OR title:Turkménistan"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.group);
    Result group = search(c.group);
    EXPECT_GT(group.total, 0u);
    EXPECT_EQ(group.total, search(c.spelled_out).total);
  }
  EXPECT_LT(search("titre:(traite OU diaspora)").total, search("traite OU diaspora").total);
  EXPECT_THROW(search("titre:(trait*)"), QueryError);
}

// « pêche » typed with its accent ranks the pages that write it above the one
// that writes « péché »: both fold to « peche » and stay matches.
TEST_F(QualityTest, ExactAccentsRankAboveAccentFreeMatches) {
  auto rank_of = [](const Result& r, const std::string& file) {
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
      if (fs::path(r.hits[i].document.source).filename() == file) return i;
    }
    return r.hits.size();
  };
  Result r = search("pêche");
  const std::size_t sin = rank_of(r, "ng-chefs-religieux-traite.txt");
  ASSERT_LT(sin, r.hits.size());  // still a match
  for (const char* file : {"mr-peche-nouadhibou.txt", "sn-peche-artisanale-jeunes.txt"}) {
    EXPECT_LT(rank_of(r, file), sin) << file;
  }
  // Two pages alike but for that word: the spelling typed comes first.
  Result fish = search("pêche pardon");
  EXPECT_LT(rank_of(fish, "b-fish.txt"), rank_of(fish, "a-sin.txt"));
  // Typed without accents, nothing is preferred: the page ranks no lower.
  EXPECT_LE(rank_of(search("peche"), "ng-chefs-religieux-traite.txt"), sin);
}

// A several-word synonym marks its words only where they occur together.
TEST_F(QualityTest, SnippetsMarkOnlyWhatMatched) {
  auto marked = [](const Result& r) {
    std::set<std::string> words;
    for (const auto& h : r.hits) {
      for (const auto& s : h.snippet) {
        if (s.match) words.insert(s.text);
      }
    }
    return words;
  };
  for (const auto& w : marked(search("OIM"))) {
    SCOPED_TRACE(w);
    EXPECT_EQ(w.find("organis"), std::string::npos);
    EXPECT_EQ(w.find("international"), std::string::npos);
  }
  // A phrase: each marked « traite » is followed by a marked « interne ».
  std::size_t phrases = 0;
  for (const auto& h : search("\"traite interne\"").hits) {
    const auto& seg = h.snippet;
    for (std::size_t i = 0; i < seg.size(); ++i) {
      if (!seg[i].match || (seg[i].text != "traite" && seg[i].text != "Traite")) continue;
      ASSERT_LT(i + 2, seg.size()) << h.id;
      EXPECT_TRUE(seg[i + 2].match && seg[i + 2].text == "interne") << h.id;
      ++phrases;
    }
  }
  EXPECT_GT(phrases, 0u);
}

}  // namespace
}  // namespace fouille::searcher
