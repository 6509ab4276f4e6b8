#include "field_query.h"

#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"
#include "fouille/store/terms.h"

namespace fouille::searcher {
namespace {

using corpus::FieldId;

// What field:value means, as the plan it reads to, over a database holding
// a few years and one country kept as written.
class FieldQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::Document d;
    for (int year : {2019, 2020, 2021, 2024}) d.add_boolean_term(store::year_term(year));
    d.add_boolean_term(store::filter_term(field(FieldId::kCountries), "Zone des trois frontières"));
    db_.add_document(d);
  }

  static const corpus::Field& field(FieldId id) { return corpus::schema().field(id); }

  std::string plan(FieldId id, std::string_view value, bool phrase = false, FieldUse use = FieldUse::kQuery) {
    return field_query(field(id), value, phrase, analyzer_, db_, use).query.key();
  }

  stemming::Analyzer analyzer_;
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

TEST_F(FieldQueryTest, NumbersAreRangesOfTheirSlot) {
  const unsigned budget = field(FieldId::kBudgetUsd).slot;
  const std::string slot = std::to_string(budget);
  EXPECT_EQ(plan(FieldId::kBudgetUsd, "100000..200000"), "(range " + slot + " 1e+05 2e+05)");
  EXPECT_EQ(plan(FieldId::kBudgetUsd, "150k.."), "(range " + slot + " 150000 *)");
  EXPECT_EQ(plan(FieldId::kBudgetUsd, "..1M"), "(range " + slot + " * 1e+06)");
  EXPECT_EQ(plan(FieldId::kBudgetUsd, "100 000..200 000"), "(range " + slot + " 1e+05 2e+05)");
  // A budget bucket is half-open, as the facet counts it.
  EXPECT_EQ(plan(FieldId::kBudgetRange, "100000..250000"), "(range " + slot + " 1e+05 249999.99999999997)");
}

TEST_F(FieldQueryTest, YearsAreTheYearTermsThatExist) {
  EXPECT_EQ(plan(FieldId::kYear, "2020..2023"),
            "(or \"" + store::year_term(2020) + "\" \"" + store::year_term(2021) + "\")");
  // None in the range: a term no document holds, never an empty clause.
  EXPECT_EQ(plan(FieldId::kYear, "1900"), "\"" + store::year_term_prefix() + "\"");
}

TEST_F(FieldQueryTest, CountriesByCodeAnyNameOrAsWritten) {
  const corpus::Field& countries = field(FieldId::kCountries);
  const std::string mali = "(or \"" + store::filter_term(countries, "ML") + "\")";
  EXPECT_EQ(plan(FieldId::kCountries, "Mali"), mali);
  EXPECT_EQ(plan(FieldId::kCountries, "ML"), mali);
  EXPECT_EQ(plan(FieldId::kCountries, "Mali, Niger"),
            "(or \"" + store::filter_term(countries, "ML") + "\" \"" + store::filter_term(countries, "NE") + "\")");
  EXPECT_EQ(plan(FieldId::kCountries, "Zone des trois frontières"),
            "\"" + store::filter_term(countries, "Zone des trois frontières") + "\"");
}

TEST_F(FieldQueryTest, IdsAndTextFields) {
  EXPECT_EQ(plan(FieldId::kProjectId, "PX.0432"), "\"" + store::id_term("PX.0432") + "\"");
  const corpus::Field& title = field(FieldId::kTitle);
  EXPECT_EQ(plan(FieldId::kTitle, "traite des enfants"), "(and \"" + store::field_text_term(title, "trait") + "\" \"" +
                                                             store::field_text_term(title, "enfant") + "\")");
  // A phrase keeps its stop words, in order.
  const std::string phrase = plan(FieldId::kTitle, "traite des enfants", true);
  EXPECT_EQ(phrase.rfind("(phrase/3 ", 0), 0u) << phrase;
}

TEST_F(FieldQueryTest, MalformedValuesAreQueryErrors) {
  EXPECT_THROW(plan(FieldId::kBudgetUsd, "abc"), QueryError);
  EXPECT_THROW(plan(FieldId::kBudgetUsd, "200..100"), QueryError);
  EXPECT_THROW(plan(FieldId::kYear, "20"), QueryError);
  EXPECT_THROW(plan(FieldId::kTitle, "  "), QueryError);
}

}  // namespace
}  // namespace fouille::searcher
