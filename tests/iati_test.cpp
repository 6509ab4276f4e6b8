// IATI activity files end to end on published samples (issue #24): every
// activity one document with the right fields, each country and sector
// filter returning exactly the activities that hold it, sectors searched by
// their names, identifiers and publishers' acronyms found. The samples are
// read where they are kept, outside the project; without them the tests
// are skipped.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "fouille/corpus/reader.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

const fs::path kSamples = FOUILLE_IATI_SAMPLES;
// The project's own sample, with linked activities.
const fs::path kOwn = fs::path(FOUILLE_SAMPLES) / "007_activites-iati.xml";

class IatiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::is_directory(kSamples)) return;
    dir_ = new test::ScratchDir("iati");
    indexer::Options o;
    o.db = *dir_ / "db";
    o.inputs = {kSamples, kOwn};
    o.jobs = 2;
    stats_ = indexer::index(o, {}, {}, nullptr);
    docs_ = new std::vector<corpus::Document>;
    for (const auto& e : fs::directory_iterator(kSamples)) {
      for (auto& d : corpus::read_file(e.path(), {}).documents) docs_->push_back(std::move(d));
    }
    for (auto& d : corpus::read_file(kOwn, {}).documents) docs_->push_back(std::move(d));
    searcher_ = new searcher::Searcher((*dir_ / "db").string());
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete docs_;
    delete dir_;
    searcher_ = nullptr;
    docs_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (!dir_) GTEST_SKIP() << kSamples << " is absent";
  }

  // The ids of every document a search returns.
  static std::set<std::string> ids(const std::string& query,
                                   std::vector<std::pair<std::string, std::string>> filters = {}) {
    searcher::Request r;
    r.query = query;
    r.filters = std::move(filters);
    r.limit = 1000;
    r.no_facets = true;
    r.op = searcher::Operator::kAnd;
    std::set<std::string> out;
    for (const auto& h : searcher_->search(r).hits) out.insert(h.id);
    return out;
  }
  static std::set<std::string> ids_where(const std::function<bool(const corpus::Document&)>& pred) {
    std::set<std::string> out;
    for (const auto& d : *docs_) {
      if (pred(d)) out.insert(d.id);
    }
    return out;
  }
  static const corpus::Document* find(const std::string& id) {
    for (const auto& d : *docs_) {
      if (d.id == id) return &d;
    }
    return nullptr;
  }

  static test::ScratchDir* dir_;
  static indexer::Stats stats_;
  static std::vector<corpus::Document>* docs_;
  static searcher::Searcher* searcher_;
};

test::ScratchDir* IatiTest::dir_ = nullptr;
indexer::Stats IatiTest::stats_;
std::vector<corpus::Document>* IatiTest::docs_ = nullptr;
searcher::Searcher* IatiTest::searcher_ = nullptr;

TEST_F(IatiTest, EveryActivityIsOneDocument) {
  // 100 in the d-portal extract, one in each other published file, 4 in ours.
  EXPECT_EQ(stats_.db_documents, 109u);
  EXPECT_EQ(docs_->size(), 109u);
  std::set<std::string> sources;
  for (const auto& d : *docs_) {
    EXPECT_EQ(d.format, "iati");
    EXPECT_TRUE(sources.insert(d.source).second) << d.source;
  }
}

// Golden fields of activities of each file, read by hand from the files.
TEST_F(IatiTest, ActivitiesHaveTheirFields) {
  using V = std::vector<std::string>;
  struct Case {
    const char* id;
    const char* title;
    V countries;
    V sectors;
    const char* status;
    std::optional<int> start, end;
  } cases[] = {
      {"ES-CIF-G81164105-R2G-ACF-BurkinaFaso",
       "R2G ACF Burkina Faso",
       {"BF"},
       {"12240", "14030", "15110", "15150"},
       "Actif",
       2021,
       2025},
      {"ES-CIF-G81164105-R2G-ACF-Mali",
       "R2G ACF Mali",
       {"ML"},
       {"12240", "15110", "15150", "14030"},
       "Actif",
       2021,
       2025},
      {"ES-CIF-G81164105-SNF1AE",
       "Teenage Nutrition for Change (TN4C)",
       {"SN"},
       {"13020", "13030"},
       "Actif",
       2018,
       2020},
      // French title first, though the activity's language is EN.
      {"CA-3-D002451001",
       "Partenariats pour l’innovation municipale au service du développement économique local",
       {"BF", "BO", "CI", "KH", "ML", "NI", "VN"},
       {"15112", "15150", "25010", "32130", "41010"},
       "Actif",
       2016,
       2021},
      // 1.03: "DAC" vocabulary, words for date types.
      {"GB-CHC-265464-ZAI00598-0",
       "Water, Sanitation and HIV/sexual violence support in DRC",
       {"CD"},
       {"14081", "12261", "15164"},
       "Actif",
       2012,
       2014},
      // Sectors of vocabulary 99 only: none; status 3 (finalisation): completed.
      {"US-EIN-13-3287064NAM-CURE-GN-14-13121",
       "National Hospital of Donka/Ebola Treatment Center-- Guinea",
       {"GN"},
       {},
       "Achevé",
       2014,
       2020},
      {"US-EIN-300108263-GGProj:19061",
       "Healthcare for 500-1000 Ebola Orphans in Liberia",
       {"LR"},
       {},
       "Achevé",
       2014,
       2015},
      // Actual dates before planned ones; DAC codes among SDG and other vocabularies.
      {"XM-DAC-41122-Liberia-2550/A0/08/802/004",
       "OUTPUT 2.4: NUTRITION EBOLA",
       {"LR"},
       {"74020"},
       "Achevé",
       2013,
       2017},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id);
    const corpus::Document* d = find(c.id);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->project_id, c.id);
    EXPECT_EQ(d->title, c.title);
    EXPECT_EQ(d->countries, c.countries);
    EXPECT_EQ(d->sectors, c.sectors);
    EXPECT_EQ(d->status, c.status);
    EXPECT_EQ(d->start_year, c.start);
    EXPECT_EQ(d->end_year, c.end);
    // The identifier typed alone finds its activity first.
    searcher::Request r;
    r.query = c.id;
    r.no_facets = true;
    const auto result = searcher_->search(r);
    ASSERT_FALSE(result.hits.empty());
    EXPECT_EQ(result.hits.front().id, c.id);
  }
}

TEST_F(IatiTest, CountryAndSectorFiltersReturnExactlyTheirActivities) {
  std::set<std::string> countries, sectors, categories;
  for (const auto& d : *docs_) {
    countries.insert(d.countries.begin(), d.countries.end());
    sectors.insert(d.sectors.begin(), d.sectors.end());
    categories.insert(d.sector_category.begin(), d.sector_category.end());
  }
  EXPECT_GE(countries.size(), 10u);
  EXPECT_GE(sectors.size(), 15u);
  auto holds = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  for (const auto& c : countries) {
    SCOPED_TRACE("country " + c);
    EXPECT_EQ(ids("", {{"country", c}}), ids_where([&](const auto& d) { return holds(d.countries, c); }));
  }
  for (const auto& s : sectors) {
    SCOPED_TRACE("sector " + s);
    EXPECT_EQ(ids("", {{"sector", s}}), ids_where([&](const auto& d) { return holds(d.sectors, s); }));
  }
  for (const auto& s : categories) {
    SCOPED_TRACE("category " + s);
    EXPECT_EQ(ids("", {{"sector_category", s}}), ids_where([&](const auto& d) { return holds(d.sector_category, s); }));
  }
}

TEST_F(IatiTest, SectorsArefoundByTheirNamesInBothLanguages) {
  const auto basic_health = ids_where([](const auto& d) {
    return std::find(d.sector_category.begin(), d.sector_category.end(), "122") != d.sector_category.end();
  });
  ASSERT_FALSE(basic_health.empty());
  struct Case {
    const char* query;
  } cases[] = {{"secteur:\"santé de base\""}, {"sector:\"basic health\""}, {"secteur:(sante base)"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(ids(c.query), basic_health);
  }
  // A 5-digit code by name: « Lutte contre les maladies infectieuses », 12250.
  EXPECT_EQ(ids("secteur:\"maladies infectieuses\""), ids_where([](const auto& d) {
              return std::find(d.sectors.begin(), d.sectors.end(), "12250") != d.sectors.end();
            }));
}

TEST_F(IatiTest, PublishersAreFacetedAndFoundByTheirAcronyms) {
  struct Case {
    const char* query;
    const char* publisher;
  } cases[] = {
      {"PNUD", "XM-DAC-41114"},
      {"UNDP", "XM-DAC-41114"},
      {"AFD", "FR-3"},
      {"Agence française de développement", "FR-3"},
      {"French Development Agency", "FR-3"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    const auto published = ids_where([&](const auto& d) { return d.publisher == c.publisher; });
    ASSERT_FALSE(published.empty());
    const auto found = ids(c.query);
    EXPECT_TRUE(std::includes(found.begin(), found.end(), published.begin(), published.end()));
    EXPECT_EQ(ids("", {{"publisher", c.publisher}}), published);
  }
  searcher::Request r;
  r.facets = {"publisher", "sectors"};
  r.lang = "en";
  const auto result = searcher_->search(r);
  const auto& publishers = result.facets.at("publisher");
  ASSERT_FALSE(publishers.empty());
  EXPECT_EQ(publishers.front().value, "US-EIN-300108263");
  EXPECT_EQ(publishers.front().label, "GlobalGiving");
  EXPECT_EQ(publishers.front().count, 66u);
  for (const auto& s : result.facets.at("sectors")) {
    if (s.value == "74020") {
      EXPECT_EQ(s.label, "Multi-hazard response preparedness");
    }
  }
}

TEST_F(IatiTest, ParentsAndChildrenAreLinked) {
  const corpus::Document* parent = find("XM-DAC-47066-SAHEL-RR-2021");
  ASSERT_NE(parent, nullptr);
  EXPECT_EQ(parent->related,
            (std::vector<std::string>{"child:XM-DAC-47066-SAHEL-RR-2021-NE", "child:XM-DAC-47066-SAHEL-RR-2021-ML"}));
  EXPECT_EQ(parent->budget, 10500000.0);  // 2021-2022, then 2023-2025 as revised
  // The activities linked to the parent, by its identifier alone.
  EXPECT_EQ(ids("", {{"related", "XM-DAC-47066-SAHEL-RR-2021"}}),
            (std::set<std::string>{"XM-DAC-47066-SAHEL-RR-2021-NE", "XM-DAC-47066-SAHEL-RR-2021-ML"}));
  EXPECT_EQ(ids("", {{"related", "parent:XM-DAC-47066-SAHEL-RR-2021"}}).size(), 2u);
  // The region's English name selects it as the French one does.
  EXPECT_EQ(ids("", {{"region", "South of Sahara, regional"}}), ids("", {{"region", "Sud du Sahara, régional"}}));
  EXPECT_TRUE(ids("", {{"region", "Sud du Sahara, régional"}}).count("XM-DAC-47066-SAHEL-RR-2021"));
}

}  // namespace
}  // namespace fouille
