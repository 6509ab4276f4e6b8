#include "fouille/corpus/document_fields.h"

#include <set>

#include <gtest/gtest.h>

#include "fouille/corpus/document_json.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/schema.h"
#include "fouille/corpus/vocabulary.h"

namespace fouille::corpus {
namespace {

TEST(DocumentFields, KeysAreSchemaKeysSortedAndUnique) {
  std::string previous;
  for (const auto& m : document_members()) {
    SCOPED_TRACE(m.key);
    EXPECT_LT(previous, m.key);
    previous = std::string(m.key);
    if (m.field) {
      EXPECT_EQ(m.key, field_key(*m.field));
      EXPECT_EQ(document_member(*m.field), &m);
    }
  }
}

TEST(DocumentFields, EveryValueFieldHasAMemberOrIsDerived) {
  // Derived at indexing from other members: the budget bucket, the running years.
  const std::set<FieldId> derived = {FieldId::kBudgetRange, FieldId::kYear};
  for (const auto& f : schema().fields()) {
    SCOPED_TRACE(f.key);
    const bool value_field = f.kind != FieldKind::kLabel && f.kind != FieldKind::kInternal;
    EXPECT_EQ(document_member(f.id) != nullptr, value_field && !derived.count(f.id));
  }
}

TEST(DocumentFields, TextMembersAreTheDocumentsOwn) {
  Document doc;
  text_member(doc, FieldId::kRegion) = "Asie et Océanie";
  EXPECT_EQ(doc.region, "Asie et Océanie");
  EXPECT_EQ(&text_member(doc, FieldId::kProjectId), &doc.project_id);
  EXPECT_THROW(text_member(doc, FieldId::kBudget), std::logic_error);     // a number
  EXPECT_THROW(text_member(doc, FieldId::kCountries), std::logic_error);  // a list
}

// Each field set from a label reaches its member and its JSON key.
TEST(DocumentFields, SetFieldFillsTheMemberJsonWrites) {
  struct Case {
    FieldId field;
    const char* raw;
    const char* json;
  };
  const Case cases[] = {
      {FieldId::kTitle, " Retour volontaire ", R"("Retour volontaire")"},
      {FieldId::kStatus, "Completed", R"("Achevé")"},
      {FieldId::kCoverage, "Regional", R"("Régional")"},
      {FieldId::kRegion, "Asia", R"("Asie et Océanie")"},
      {FieldId::kProjectType, "Counter Trafficking", R"("Lutte contre la traite")"},
      {FieldId::kCurrency, "usd", R"("USD")"},
      {FieldId::kStartYear, "2018 - 2021", "2018"},
      {FieldId::kEndYear, "2018 - 2021", "2021"},
      {FieldId::kFundingYear, "Année 2017", "2017"},
      {FieldId::kCountries, "Tadjikistan, Kirghizistan", R"(["TJ","KG"])"},
      {FieldId::kImplementer, "OIM", R"("OIM")"},
      {FieldId::kPrimaId, "TJ10P0004", R"("TJ10P0004")"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(field_key(c.field));
    Document doc;
    set_field(doc, schema().field(c.field), c.raw);
    EXPECT_EQ(to_json(doc)[std::string(field_key(c.field))].dump(), c.json);
  }
}

}  // namespace
}  // namespace fouille::corpus
