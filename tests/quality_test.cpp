// What a user asks of search beyond matching words, over the samples and the
// web pages of tests/relevance/docs: IDs typed as words, places no page
// writes, typos corrected, exact phrases, field phrases and groups, snippets
// marking only what matched, "more like this".
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"
#include "fouille/stemming/error.h"
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
    for (const auto& h : r.hits) out.push_back(h.fields.value("project_id", h.id));
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
  const Case cases[] = {{"PX.0432", "PX.0432"}, {"px.0432", "PX.0432"}, {"TM10P0524", "PX.0432"}, {"CT.0987", "CT.0987"}};
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

}  // namespace
}  // namespace fouille::searcher
