#include "fouille/store/terms.h"

#include <gtest/gtest.h>

namespace fouille::store {
namespace {

using corpus::FieldId;
using corpus::schema;

struct TermCase {
  FieldId field;
  const char* value;
  const char* term;
};

TEST(Terms, FilterTermsFoldValuesButNotCountryCodes) {
  const TermCase cases[] = {
      {FieldId::kRegion, "Asie et Océanie", "XGasie et oceanie"},
      {FieldId::kRegion, "  Asie et Océanie\xC2\xA0", "XGasie et oceanie"},  // NBSP trimmed
      {FieldId::kStatus, "Achevé", "XSacheve"},
      {FieldId::kCountries, "TJ", "XPTJ"},                // a code stays upper case
      {FieldId::kCountries, "Kurdistan", "XPkurdistan"},  // a name kept as given is folded
      {FieldId::kContinent, "Asie", "XKasie"},
      {FieldId::kProjectType, "Lutte contre la traite", "XYlutte contre la traite"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(filter_term(schema().field(c.field), c.value), c.term);
  }
}

// The bytes of each kind of word term, spelt out: the indexer and the
// searcher both build them here, so only this table pins them.
TEST(Terms, WordTermsHaveTheirPrefixes) {
  struct Case {
    std::string term;
    const char* expected;
  };
  const Case cases[] = {
      {text_term("traite"), "traite"},
      {field_text_term(schema().field(FieldId::kTitle), "traite"), "Straite"},
      {field_text_term(schema().field(FieldId::kCountries), "tadjikistan"), "XQtadjikistan"},
      {field_text_term(schema().field(FieldId::kBody), "traite"), "traite"},  // no prefix of its own
      {accent_term("pêch"), "XApêch"},
      {expression_term("lutte traite"), "XElutte traite"},
      {spelling_key("Écoles"), "écoles"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(c.term, c.expected);
  }
  std::string out = "left over";
  field_text_term(schema().field(FieldId::kTitle), "eau", out);
  EXPECT_EQ(out, "Seau");
  EXPECT_TRUE(is_text_term("traite"));
  EXPECT_TRUE(is_text_term("2019"));
  EXPECT_FALSE(is_text_term("Straite"));
  EXPECT_FALSE(is_text_term(accent_term("pêch")));
  EXPECT_FALSE(is_text_term(""));
}

// Long terms end in a hash that is the same in every build (FNV-1a of the
// whole term): the value below is on disk.
TEST(Terms, LongTermsEndInAStableHash) {
  const std::string path = "/" + std::string(300, 'a');
  const std::string term = source_key(path, path).term;
  ASSERT_EQ(term.size(), 200u);
  EXPECT_EQ(term.substr(0, 183), "Q/" + std::string(181, 'a'));
  EXPECT_EQ(term.substr(183), "#07c25321e29ef46e");
}

TEST(Terms, IdsShareOneTerm) {
  EXPECT_EQ(id_term("CT.1172"), "XIDct.1172");
  EXPECT_EQ(id_term("CT.1172"), filter_term(schema().field(FieldId::kProjectId), "CT.1172"));
  EXPECT_EQ(id_term("TJ10P0004"), filter_term(schema().field(FieldId::kPrimaId), "TJ10P0004"));
}

TEST(Terms, YearTermsRoundTrip) {
  for (int y : {1990, 2018, 2024, 2099}) {
    SCOPED_TRACE(y);
    EXPECT_EQ(year_term(y), "Y" + std::to_string(y));
    EXPECT_TRUE(year_term(y).starts_with(year_term_prefix()));
    EXPECT_EQ(year_term(y), filter_term(schema().field(FieldId::kYear), std::to_string(y)));
    EXPECT_EQ(parse_year_term(year_term(y)), y);
  }
  EXPECT_EQ(parse_year_term("XGasie"), std::nullopt);
  EXPECT_EQ(parse_year_term("Yabc"), std::nullopt);
}

TEST(Terms, SourceKeyOwnsTermAndValue) {
  const SourceKey file = source_key("/d/a.txt", "/d/a.txt");
  EXPECT_EQ(file.term, "Q/d/a.txt");
  EXPECT_EQ(file.value, "/d/a.txt");
  const SourceKey record = source_key("/d/a.jsonl", "/d/a.jsonl#R1");
  EXPECT_EQ(record.term, std::string("Q/d/a.jsonl\0R1", 14));
  EXPECT_EQ(record.value, "/d/a.jsonl");  // the slot holds the file, for updates
  // A file named like a record and the record itself are two documents.
  EXPECT_NE(source_key("/d/a.jsonl#x", "/d/a.jsonl#x").term, source_key("/d/a.jsonl", "/d/a.jsonl#x").term);
  // Long paths stay under Xapian's term limit and apart.
  const std::string x(1000, 'x'), y = std::string(999, 'x') + "y";
  EXPECT_LE(source_key(x, x).term.size(), 245u);
  EXPECT_NE(source_key(x, x).term, source_key(y, y).term);
}

TEST(Terms, SourceQueriesFindFilesAndRecords) {
  EXPECT_EQ(source_query_terms("/d/a.txt"), std::vector<std::string>{source_key("/d/a.txt", "/d/a.txt").term});
  const std::vector<std::string> record = source_query_terms("/d/a.jsonl#R1");
  ASSERT_EQ(record.size(), 2u);
  EXPECT_EQ(record[1], source_key("/d/a.jsonl", "/d/a.jsonl#R1").term);  // what the indexer wrote
  EXPECT_EQ(record[0], source_key("/d/a.jsonl#R1", "/d/a.jsonl#R1").term);
}

}  // namespace
}  // namespace fouille::store
