#include "document_builder.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fouille/corpus/document_json.h"
#include "fouille/corpus/normalize.h"
#include "fouille/store/coding.h"
#include "fouille/store/stored_document.h"
#include "fouille/store/terms.h"

namespace fouille::indexer {
namespace {

using corpus::FieldId;
using corpus::schema;

corpus::Document sample() {
  corpus::Document d;
  d.id = "CT.1172";
  d.project_id = "CT.1172";
  d.prima_id = "TJ10P0004";
  d.title = "Lutte contre la traite au Tadjikistan";
  d.body = "Des refuges et un retour volontaire pour les victimes.";
  d.status = "Achevé";
  d.project_type = "Lutte contre la traite";
  d.region = "Asie et Océanie";
  d.coverage = "National";
  d.countries = {"TJ", "Vallée de Ferghana"};
  d.continent = {"Asie"};
  d.subregion = {"Asie centrale"};
  d.budget = 150000;
  d.budget_usd = 150000;
  d.currency = "USD";
  d.start_year = 2019;
  d.end_year = 2021;
  d.source = "/c/projets.jsonl#CT.1172";
  d.layout = "jsonl";
  return d;
}

bool has_term(const Xapian::Document& xdoc, const std::string& term) {
  auto it = xdoc.termlist_begin();
  it.skip_to(term);
  return it != xdoc.termlist_end() && *it == term;
}

// What the indexer writes, read back with the functions the searcher uses.
TEST(DocumentBuilder, WritesWhatTheStoreReadsBack) {
  DocumentBuilder builder(nullptr);
  const corpus::Document doc = sample();
  const Xapian::Document xdoc = builder.build(doc, "/c/projets.jsonl", "120:1700000000");

  const store::StoredDocument stored = store::decode_document(xdoc.get_data());
  EXPECT_EQ(corpus::to_json(stored), corpus::to_json(doc));

  const auto& s = schema();
  EXPECT_EQ(store::decode_number(xdoc.get_value(s.field(FieldId::kBudgetUsd).slot)), 150000);
  EXPECT_EQ(store::decode_number(xdoc.get_value(s.field(FieldId::kStartYear).slot)), 2019);
  EXPECT_EQ(store::decode_number(xdoc.get_value(s.field(FieldId::kEndYear).slot)), 2021);
  EXPECT_EQ(xdoc.get_value(s.field(FieldId::kFundingYear).slot), "");
  const std::string countries_slot = xdoc.get_value(s.field(FieldId::kCountries).slot);
  const auto countries = store::decode_list(countries_slot);
  EXPECT_EQ(std::vector<std::string>(countries.begin(), countries.end()), doc.countries);
  const std::string years_slot = xdoc.get_value(s.field(FieldId::kYear).slot);
  const auto years = store::decode_list(years_slot);
  EXPECT_EQ(std::vector<std::string>(years.begin(), years.end()), (std::vector<std::string>{"2019", "2020", "2021"}));
  EXPECT_EQ(xdoc.get_value(s.field(FieldId::kBudgetRange).slot), corpus::budget_range(150000));
  EXPECT_EQ(xdoc.get_value(s.field(FieldId::kStatus).slot), "Achevé");
  EXPECT_EQ(xdoc.get_value(s.field(FieldId::kProjectId).slot), "CT.1172");
  EXPECT_EQ(xdoc.get_value(s.field(FieldId::kStamp).slot), "120:1700000000");

  const store::SourceKey key = store::source_key("/c/projets.jsonl", doc.source);
  EXPECT_EQ(xdoc.get_value(s.field(FieldId::kSource).slot), key.value);
  for (const std::string& term : {key.term, store::id_term("CT.1172"), store::id_term("TJ10P0004"),
                                  store::year_term(2020), store::filter_term(s.field(FieldId::kCountries), "TJ"),
                                  store::filter_term(s.field(FieldId::kCountries), "Vallée de Ferghana"),
                                  store::filter_term(s.field(FieldId::kRegion), doc.region),
                                  store::filter_term(s.field(FieldId::kStatus), doc.status),
                                  store::filter_term(s.field(FieldId::kSubregion), "Asie centrale")}) {
    EXPECT_TRUE(has_term(xdoc, term)) << term;
  }
  // The searcher's source query finds the record by "path#id".
  EXPECT_TRUE(has_term(xdoc, store::source_query_terms(doc.source).back()));
}

TEST(DocumentBuilder, TextOrderHoldsEveryFieldWithText) {
  std::set<FieldId> expected;
  for (const auto& f : schema().fields()) {
    const bool text =
        f.kind == corpus::FieldKind::kText || (!f.text_prefix.empty() && f.kind != corpus::FieldKind::kInternal);
    if (text) expected.insert(f.id);
  }
  const auto order = DocumentBuilder::text_order();
  EXPECT_EQ(std::set<FieldId>(order.begin(), order.end()), expected);
  EXPECT_EQ(order.size(), expected.size());
}

// A project type is found by its label in either language, as a country by
// either name; the other language's words add no weight, its own count twice
// a body word.
TEST(DocumentBuilder, IndexesAVocabularyLabelInBothLanguages) {
  DocumentBuilder builder(nullptr);
  const Xapian::Document xdoc = builder.build(sample(), "/c/projets.jsonl", "120:1700000000");
  const std::string type_prefix = schema().field(FieldId::kProjectType).text_prefix;
  auto wdf = [&](const std::string& term) -> int {
    auto it = xdoc.termlist_begin();
    it.skip_to(term);
    return it != xdoc.termlist_end() && *it == term ? static_cast<int>(it.get_wdf()) : -1;
  };
  EXPECT_EQ(wdf("trafficking"), 0);  // « Counter Trafficking »
  EXPECT_TRUE(has_term(xdoc, type_prefix + "trafficking"));
  EXPECT_EQ(wdf("lutt"), 5);  // « Lutte contre la traite », in the title (3) and the type (2)
}

// The words counted for the spelling dictionary: as written, three bytes or
// more, no stop word, no digit, apostrophe or typographic mark (U+2000 on).
TEST(DocumentBuilder, CountsSpellingWordsWithoutDigitsOrMarks) {
  struct Case {
    std::string body;
    std::vector<std::string> counted;
  };
  const Case cases[] = {
      {"Écoles rurales", {"rurales", "Écoles"}},
      {"les de et", {}},                // stop words
      {"an bo", {}},                    // too short
      {"COVID19 2019 A4B", {}},         // digits
      {"aujourd'hui aujourd’hui", {}},  // an apostrophe, ’ (U+2019, lead byte 0xE2)
      {"réfugiés réfugiés", {"réfugiés"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body);
    SpellingCounts counts;
    DocumentBuilder builder(&counts);
    corpus::Document doc;
    doc.body = c.body;
    builder.build(doc, "/c/a.txt", "1:1");
    std::vector<std::string> counted;
    counts.for_each([&](std::string_view word, Xapian::termcount) { counted.emplace_back(word); });
    std::sort(counted.begin(), counted.end());
    EXPECT_EQ(counted, c.counted);
  }
}

}  // namespace
}  // namespace fouille::indexer
