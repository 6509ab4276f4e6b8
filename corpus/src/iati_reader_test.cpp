#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/reader.h"

#include "iati_activity.h"
#include "readers.h"

namespace fouille::corpus {
namespace {

const std::filesystem::path kDir =
    std::filesystem::path(FOUILLE_SAMPLES).parent_path().parent_path() / "tests/corpus/iati";

FileResult read(const std::string& name, ReadOptions options = {}) { return read_file(kDir / name, options); }

TEST(IatiReader, SniffsTheRootElementWhateverTheExtension) {
  struct Case {
    std::string_view head;
    bool iati;
  } cases[] = {
      {"<iati-activities version=\"2.03\">", true},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<!-- made by hand -->\n<iati-activities>", true},
      {"<?xml version=\"1.0\"?><iati-activity xml:lang=\"fr\">", true},
      {"<?xml version=\"1.0\"?>\n<!DOCTYPE x>\n<iati-activities/>", true},
      {"<iati-organisations>", false},
      {"<html><body>iati-activities</body></html>", false},
      {"Titre : <iati-activities>", false},
      {"<?xml version=\"1.0\"", false},
      {"", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.head);
    EXPECT_EQ(detail::looks_like_iati(c.head), c.iati);
    EXPECT_EQ(reader_name("activites.txt", c.head) == "iati", c.iati);
  }
}

// Golden fields, activity by activity: the --dump value of each key (JSON;
// "null": not set).
TEST(IatiReader, MapsEachActivityToItsFields) {
  struct Case {
    const char* file;
    std::size_t activity;
    const char* key;
    const char* json;
  } cases[] = {
      {"activites-v2.xml", 0, "id", R"j("FR-RNA-W123456789-SANTE-01")j"},
      {"activites-v2.xml", 0, "project_id", R"j("FR-RNA-W123456789-SANTE-01")j"},
      {"activites-v2.xml", 0, "title", R"j("Soins de santé primaires dans la région de Kayes")j"},  // xml:lang="FR"
      {"activites-v2.xml", 0, "countries", R"j(["ML","SN"])j"},
      {"activites-v2.xml", 0, "continent", R"j(["Afrique"])j"},
      {"activites-v2.xml", 0, "region", R"j("Sud du Sahara, régional")j"},
      {"activites-v2.xml", 0, "sectors", R"j(["12220","12261"])j"},  // vocabulary 1 and absent; not the SDG target
      {"activites-v2.xml", 0, "sector_category", R"j(["122"])j"},
      {"activites-v2.xml", 0, "status", R"j("Achevé")j"},  // 3, Finalisation
      {"activites-v2.xml", 0, "start_year", "2019"},       // actual before planned
      {"activites-v2.xml", 0, "end_year", "2022"},         // planned when no actual
      {"activites-v2.xml", 0, "budget", "200000.5"},       // revised 2019 + original 2020
      {"activites-v2.xml", 0, "currency", R"j("EUR")j"},
      {"activites-v2.xml", 0, "budget_usd", "null"},
      {"activites-v2.xml", 0, "client", R"j("Commission européenne")j"},
      {"activites-v2.xml", 0, "implementer",
       R"j("Association malienne des relais communautaires; Croix-Rouge malienne")j"},
      {"activites-v2.xml", 0, "publisher", R"j("FR-RNA-W123456789")j"},
      {"activites-v2.xml", 0, "publisher_name", R"j("Santé Sahel Solidarité (3S)")j"},
      {"activites-v2.xml", 0, "related", R"j(["child:FR-RNA-W123456789-SANTE-01-A"])j"},
      {"activites-v2.xml", 0, "format", R"j("iati")j"},
      {"activites-v2.xml", 0, "layout", R"j("iati")j"},
      {"activites-v2.xml", 1, "title", R"j("Formation des relais communautaires")j"},  // the default language, fr
      {"activites-v2.xml", 1, "sectors", "null"},
      {"activites-v2.xml", 1, "sector_category", R"j(["122"])j"},  // vocabulary 2
      {"activites-v2.xml", 1, "status", R"j("Actif")j"},
      {"activites-v2.xml", 1, "start_year", "2020"},
      {"activites-v2.xml", 1, "end_year", "2021"},
      {"activites-v2.xml", 1, "budget", "15000000.0"},
      {"activites-v2.xml", 1, "currency", R"j("XOF")j"},  // the default currency
      {"activites-v2.xml", 1, "related", R"j(["parent:FR-RNA-W123456789-SANTE-01"])j"},
      {"sans-pays.xml", 0, "countries", R"j(["GN","LR"])j"},  // from the transactions
      {"sans-pays.xml", 0, "sectors", R"j(["12250","72010"])j"},
      {"sans-pays.xml", 0, "sector_category", R"j(["122","720"])j"},
      {"sans-pays.xml", 0, "status", R"j("Achevé")j"},
      {"sans-pays.xml", 0, "end_year", "2016"},
      {"sans-pays.xml", 0, "budget", "null"},  // two original budgets overlap: no sound total
      {"sans-pays.xml", 0, "title", R"j("Ebola recovery")j"},
      {"sans-pays.xml", 0, "publisher_name", R"j("United Nations Development Programme (UNDP)")j"},
      {"sans-pays.xml", 1, "budget", "null"},  // two currencies
      {"sans-pays.xml", 1, "title", "null"},
      {"sans-pays.xml", 1, "countries", "null"},
      {"sans-pays.xml", 1, "status", "null"},
      {"crlf-latin1.xml", 0, "title", R"j("Amélioration de l'accès à l'eau potable à Conakry")j"},
      {"crlf-latin1.xml", 0, "status", R"j("Suspendu")j"},
      {"crlf-latin1.xml", 0, "countries", R"j(["GN"])j"},
      {"crlf-latin1.xml", 0, "sectors", R"j(["14030"])j"},
      {"crlf-latin1.xml", 0, "budget", "2500000.0"},
      {"crlf-latin1.xml", 0, "publisher_name", R"j("Agence française de développement")j"},
      {"tearfund-v1.xml", 0, "id", R"j("GB-CHC-000001-HT-01")j"},
      {"tearfund-v1.xml", 0, "title", R"j("Eau et assainissement en Haïti")j"},
      {"tearfund-v1.xml", 0, "status", R"j("Actif")j"},
      {"tearfund-v1.xml", 0, "start_year", "2012"},
      {"tearfund-v1.xml", 0, "end_year", "2014"},
      {"tearfund-v1.xml", 0, "client", R"j("DFID")j"},
      {"tearfund-v1.xml", 0, "implementer", R"j("Local Partner")j"},
      {"tearfund-v1.xml", 0, "publisher", R"j("GB-CHC-000001")j"},
      {"tearfund-v1.xml", 0, "publisher_name", R"j("A Charity")j"},
      {"tearfund-v1.xml", 0, "sectors", R"j(["14030"])j"},  // vocabulary "DAC"
      {"tearfund-v1.xml", 0, "budget", "1000.0"},           // "Revised" replaces "Original"
      {"tearfund-v1.xml", 0, "currency", R"j("GBP")j"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.file) + " #" + std::to_string(c.activity) + " " + c.key);
    const FileResult r = read(c.file);
    ASSERT_GT(r.documents.size(), c.activity);
    const nlohmann::json j = to_json(r.documents[c.activity]);
    EXPECT_EQ(j.contains(c.key) ? j[c.key].dump() : "null", c.json);
  }
}

TEST(IatiReader, EveryNarrativeIsSearchableFrenchFirst) {
  struct Case {
    const char* file;
    std::size_t activity;
    const char* text;
    bool in_body;
  } cases[] = {
      {"activites-v2.xml", 0, "Primary health care in the Kayes region", true},  // the other title
      {"activites-v2.xml", 0, "Equipping twelve community health centres.", true},
      {"activites-v2.xml", 0, "Cercle de Nioro du Sahel", true},  // a location
      {"activites-v2.xml", 0, "Accès aux soins amélioré", true},  // a result
      {"activites-v2.xml", 0, "Consultations per year", true},    // an indicator
      {"activites-v2.xml", 0, "SDG target 3.8", true},            // a sector of another vocabulary
      {"activites-v2.xml", 0, "European Commission", true},       // an organisation's other name
      {"activites-v2.xml", 0, "First commitment", false},         // transactions are not described
      {"activites-v2.xml", 0, "Secrétariat", false},              // nor contacts
      {"activites-v2.xml", 0, "contact@example.org", false},
      {"activites-v2.xml", 1, "Training community health workers", true},
      {"tearfund-v1.xml", 0, "Water and sanitation in Haiti", true},
      {"tearfund-v1.xml", 0, "Latrines and wells.", true},
      {"tearfund-v1.xml", 0, "Wash", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.file) + " " + c.text);
    const FileResult r = read(c.file);
    ASSERT_GT(r.documents.size(), c.activity);
    EXPECT_EQ(r.documents[c.activity].body.find(c.text) != std::string::npos, c.in_body);
  }
  const FileResult r = read("activites-v2.xml");
  EXPECT_TRUE(r.documents[0].body.starts_with("Équipement de douze centres")) << r.documents[0].body;
}

TEST(IatiReader, SourcesAreTheFileAndTheIdentifier) {
  const FileResult r = read("sans-pays.xml");
  ASSERT_EQ(r.documents.size(), 3u);
  const std::string file = (kDir / "sans-pays.xml").string();
  EXPECT_EQ(r.documents[0].source, file + "#XM-DAC-41114-PROJECT-00099999");
  EXPECT_EQ(r.documents[2].source, file + "#activity-3");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(render(r.warnings[0], Lang::kEn).find("activity 3 has no iati-identifier"), std::string::npos)
      << render(r.warnings[0], Lang::kEn);
  EXPECT_EQ(r.encoding, "IATI 2.02, UTF-8");
}

TEST(IatiReader, FileCutMidActivityKeepsTheCompleteOnesWithOneLine) {
  const FileResult r = read("coupe.xml");
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "FR-RNA-W123456789-SANTE-01");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(render(r.warnings[0], Lang::kEn).find("the 1 complete activity before it are kept"), std::string::npos)
      << render(r.warnings[0], Lang::kEn);
  EXPECT_TRUE(render(r.warnings[0], Lang::kEn).starts_with((kDir / "coupe.xml").string() + ": line "))
      << render(r.warnings[0], Lang::kEn);
}

TEST(IatiReader, ActivityOverTheRecordLimitIsSkippedWithALine) {
  ReadOptions options;
  options.max_record_bytes = 1500;  // the first activity is longer, the second shorter
  const FileResult r = read("activites-v2.xml", options);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "FR-RNA-W123456789-SANTE-01-A");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(render(r.warnings[0], Lang::kEn).find("activity 1 (FR-RNA-W123456789-SANTE-01) over 1500 bytes, skipped"),
            std::string::npos)
      << render(r.warnings[0], Lang::kEn);
}

TEST(IatiReader, BrokenOrEmptyFilesAreSkipped) {
  const auto dir = std::filesystem::temp_directory_path() / "fouille_iati_test";
  std::filesystem::create_directories(dir);
  struct Case {
    const char* content;
    const char* why;
  } cases[] = {
      {"<iati-activities version=\"2.03\"></iati-activities>", "no IATI activity"},
      {"<iati-activities><iati-activity><title>", "not well-formed XML"},
      // No entity is expanded, no DTD fetched.
      {"<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><iati-activities>"
       "<iati-activity><iati-identifier>&e;</iati-identifier></iati-activity></iati-activities>",
       ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content);
    const auto path = dir / "a.xml";
    std::ofstream(path) << c.content;
    if (*c.why) {
      try {
        read_file(path, {});
        ADD_FAILURE() << "not skipped";
      } catch (const CorpusError& e) {
        EXPECT_NE(describe(e, Lang::kEn).find(c.why), std::string::npos) << describe(e, Lang::kEn);
      }
    } else {
      const FileResult r = read_file(path, {});
      ASSERT_EQ(r.documents.size(), 1u);
      EXPECT_EQ(r.documents[0].id.find("root"), std::string::npos);
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(IatiBudget, NeverCountsTwice) {
  using detail::IatiBudget;
  const IatiBudget y2019{false, "2019-01-01", "2019-12-31", 100, "EUR"};
  const IatiBudget y2019_revised{true, "2019-01-01", "2019-12-31", 120, "EUR"};
  const IatiBudget y2020{false, "2020-01-01", "2020-12-31", 80, "EUR"};
  const IatiBudget y2020_ends_at_2021{false, "2020-01-01", "2021-01-01", 80, "EUR"};
  const IatiBudget y2021_from_jan1{false, "2021-01-01", "2021-12-31", 70, "EUR"};
  const IatiBudget mid2019{false, "2019-07-01", "2020-06-30", 50, "EUR"};
  const IatiBudget undated{false, "", "", 10, "EUR"};
  const IatiBudget dollars{false, "2021-01-01", "2021-12-31", 70, "USD"};
  struct Case {
    const char* what;
    std::vector<IatiBudget> budgets;
    std::optional<double> total;
  } cases[] = {
      {"none", {}, std::nullopt},
      {"one", {y2019}, 100},
      {"one undated", {undated}, 10},
      {"two years", {y2019, y2020}, 180},
      {"revised replaces original", {y2019, y2019_revised, y2020}, 200},
      {"revised first", {y2019_revised, y2019}, 120},
      {"periods sharing a boundary day", {y2020_ends_at_2021, y2021_from_jan1}, 150},
      {"overlapping originals", {y2019, mid2019}, std::nullopt},
      {"undated among others", {y2019, undated}, std::nullopt},
      {"two currencies", {y2020, dollars}, std::nullopt},
      {"same period twice", {y2019, y2019}, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const auto total = detail::iati_budget_total(c.budgets);
    ASSERT_EQ(total.has_value(), c.total.has_value());
    if (total) {
      EXPECT_DOUBLE_EQ(total->first, *c.total);
    }
  }
}

TEST(IatiStatus, CodesAndWordsMapOntoTheConcepts) {
  struct Case {
    const char* code;
    const char* status;
  } cases[] = {
      {"1", "En préparation"},     {"2", "Actif"}, {"3", "Achevé"}, {"4", "Achevé"}, {"5", "Annulé"}, {"6", "Suspendu"},
      {"Implementation", "Actif"}, {"7", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    EXPECT_EQ(detail::iati_status(c.code), c.status);
  }
}

}  // namespace
}  // namespace fouille::corpus
