// Facets that hold: for every value any facet shows, filtering on that value
// returns exactly the count shown, in French and in English labels alike, over
// the samples, the saved web pages and a generated corpus.
#include <filesystem>

#include <gtest/gtest.h>

#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"
#include "fouille/testsupport/generator.h"

#include "test_support.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

void index_into(const fs::path& db, const std::vector<fs::path>& inputs) {
  indexer::Options o;
  o.db = db;
  o.inputs = inputs;
  indexer::index(o, {}, {}, nullptr);
}

// Facets whose values are shown by a name a user may type back as a filter
// (the year and budget facets show their values as they are).
bool labelled(const std::string& field) { return field != "year" && field != "budget_range"; }

// Checks every value of every default facet; returns how many were checked.
std::size_t check_every_facet_value(const fs::path& db) {
  Searcher searcher(db.string());
  std::size_t checked = 0;
  for (const char* lang : {"fr", "en"}) {
    Request all;
    all.limit = 0;
    all.lang = lang;
    Result browse = searcher.search(all);
    EXPECT_EQ(browse.total, searcher.size());
    for (const auto& [field, values] : browse.facets) {
      for (const auto& v : values) {
        SCOPED_TRACE(field + "=" + v.value + " (" + v.label + ")");
        Request filtered;
        filtered.limit = 0;
        filtered.no_facets = true;
        filtered.filters = {{field, v.value}};
        EXPECT_EQ(searcher.search(filtered).total, v.count);
        // The label shown, in either language, selects the same: a status, a
        // type, a country, a continent, a sector or a format by its name.
        if (v.label != v.value && labelled(field)) {
          SCOPED_TRACE("by its label");
          filtered.filters = {{field, v.label}};
          EXPECT_EQ(searcher.search(filtered).total, v.count);
        }
        ++checked;
      }
    }
    if (browse.facets.count("budget_range")) {
      const auto& budgets = browse.facets.at("budget_range");
      for (std::size_t i = 1; i < budgets.size(); ++i) {
        EXPECT_LT(std::stod(budgets[i - 1].value), std::stod(budgets[i].value)) << "budget buckets out of order";
      }
    }
  }
  return checked;
}

TEST(FacetsHold, OnTheSamples) {
  test::ScratchDir dir("facets-samples");
  index_into(dir / "db", {FOUILLE_SAMPLES});
  EXPECT_GT(check_every_facet_value(dir / "db"), 20u);
}

TEST(FacetsHold, OnTheSavedWebPages) {
  test::ScratchDir dir("facets-web");
  for (const auto& e : fs::directory_iterator(std::string(FOUILLE_TESTS) + "/corpus/web")) {
    fs::create_directories(dir / "pages");
    if (e.path().extension() == ".txt") fs::copy_file(e.path(), dir / ("pages/" + e.path().filename().string()));
  }
  index_into(dir / "db", {dir / "pages"});
  EXPECT_GT(check_every_facet_value(dir / "db"), 60u);
}

// The other readers' test corpora: saved HTML pages, PDF, DOCX and ODT
// documents, IATI activity files, and the text pages of tests/corpus.
TEST(FacetsHold, OnTheHtmlPdfOfficeAndIatiCorpora) {
  const std::string corpus = std::string(FOUILLE_TESTS) + "/corpus";
  for (const char* folder : {"html", "formats", "iati"}) {
    SCOPED_TRACE(folder);
    test::ScratchDir dir(std::string("facets-") + folder);
    index_into(dir / "db", {corpus + "/" + folder});
    EXPECT_GT(check_every_facet_value(dir / "db"), 10u);
  }
  test::ScratchDir dir("facets-text");
  for (const auto& e : fs::directory_iterator(corpus)) {
    fs::create_directories(dir / "pages");
    if (e.path().extension() == ".txt") fs::copy_file(e.path(), dir / ("pages/" + e.path().filename().string()));
  }
  index_into(dir / "db", {dir / "pages"});
  EXPECT_GT(check_every_facet_value(dir / "db"), 20u);
}

// The region facet is the funder's label: « Amérique latine et Caraïbes » is
// not folded into « Amériques », and a word of it finds it.
TEST(FacetsHold, RegionIsTheFundersOwnLabel) {
  test::ScratchDir dir("facets-region");
  test::write_file(dir / "pages/a.txt",
                   "Un projet caribéen\n\nRégion : Latin America and the Caribbean\n\nLe texte.\n");
  test::write_file(dir / "pages/b.txt", "Un autre projet\n\nRégion : Amérique latine et Caraïbes\n\nLe texte.\n");
  test::write_file(dir / "pages/c.txt", "Un projet andin\n\nRégion : Amériques\n\nPays : Atlantide\n\nLe texte.\n");
  test::write_file(dir / "pages/d.txt", "Un projet sous-marin\n\nPays : Atlantide du Nord\n\nLe texte.\n");
  index_into(dir / "db", {dir / "pages"});
  Searcher searcher((dir / "db").string());
  Request r;
  r.limit = 0;
  r.query = "region:latine";
  EXPECT_EQ(searcher.search(r).total, 2u);
  r.query.clear();
  r.filters = {{"region", "Amériques"}};
  EXPECT_EQ(searcher.search(r).total, 1u);
  r.filters = {{"countries", "Atlantide"}};  // a name kept as written is one value, found exactly
  EXPECT_EQ(searcher.search(r).total, 1u);
  r.filters.clear();
  r.lang = "en";
  Result browse = searcher.search(r);
  ASSERT_EQ(browse.facets["region"].size(), 2u);
  EXPECT_EQ(browse.facets["region"][0].label, "Latin America and the Caribbean");
  EXPECT_EQ(browse.facets["region"][0].count, 2u);
}

TEST(FacetsHold, OnAGeneratedCorpus) {
  test::ScratchDir dir("facets-generated");
  testsupport::GeneratorOptions g;
  g.documents = 400;
  testsupport::generate(g, dir / "corpus");
  index_into(dir / "db", {dir / "corpus"});
  EXPECT_GT(check_every_facet_value(dir / "db"), 100u);
}

// A budget on a bucket's bound is in one bucket, and one bucket filter only.
TEST(FacetsHold, BudgetBucketsAreHalfOpen) {
  test::ScratchDir dir("facets-budget");
  test::write_file(dir / "pages/a.txt", "Un projet au budget rond\n\nBudget (USD) : 100 000\n\nLe texte du projet.\n");
  test::write_file(dir / "pages/b.txt",
                   "Un projet au budget plus rond\n\nBudget (USD) : 200 000\n\nLe texte du projet.\n");
  index_into(dir / "db", {dir / "pages"});
  Searcher searcher((dir / "db").string());
  auto count = [&](const std::string& range) {
    Request r;
    r.limit = 0;
    r.filters = {{"budget_range", range}};
    return searcher.search(r).total;
  };
  EXPECT_EQ(count("0..100000"), 0u);
  EXPECT_EQ(count("100000..200000"), 1u);
  EXPECT_EQ(count("200000.."), 1u);
}

}  // namespace
}  // namespace fouille::searcher
