#include "fouille/corpus/schema.h"

#include <set>

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/stemming/fold.h"

namespace fouille::corpus {
namespace {

TEST(Schema, HoldsEveryCanonicalKey) {
  for (const char* key :
       {"id",         "title",     "body",      "project_id",  "prima_id",   "status",   "project_type",
        "budget_usd", "budget",    "currency",  "coverage",    "start_year", "end_year", "region",
        "countries",  "continent", "subregion", "implementer", "client",     "source"}) {
    SCOPED_TRACE(key);
    ASSERT_NE(schema().field_for_key(key), nullptr);
    EXPECT_EQ(schema().field_for_key(key)->key, key);
  }
  EXPECT_EQ(schema().field_for_key("nope"), nullptr);
}

TEST(Schema, FieldIdsAreTheTableRows) {
  ASSERT_EQ(schema().fields().size(), kFieldCount);
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const Field& f = schema().fields()[i];
    EXPECT_EQ(f.id, static_cast<FieldId>(i)) << f.key;
    EXPECT_EQ(f.key, kFieldKeys[i]);
    EXPECT_EQ(&schema().field(f.id), &f);
  }
  EXPECT_EQ(schema().field(FieldId::kBudgetUsd).key, "budget_usd");
  EXPECT_EQ(field_key(FieldId::kProjectType), "project_type");
  // A table whose rows are not those the ids were generated from is refused.
  EXPECT_THROW(Schema("title\ttext\tS\t-\t-\td\t-\t-\n"), CorpusError);
}

TEST(Schema, SlotsAndFilterPrefixesDoNotClash) {
  std::set<unsigned> slots;
  std::map<std::string, std::string> prefixes;
  for (const auto& f : schema().fields()) {
    if (f.slot != kNoSlot) {
      EXPECT_TRUE(slots.insert(f.slot).second) << f.key << " reuses slot " << f.slot;
    }
    for (const auto* p : {&f.filter_prefix, &f.text_prefix}) {
      if (p->empty()) continue;
      auto [it, fresh] = prefixes.emplace(*p, f.key);
      // The three identifiers share one prefix on purpose (id: finds either).
      bool id_family = f.key.find("id") != std::string::npos && it->second.find("id") != std::string::npos;
      EXPECT_TRUE(fresh || id_family) << f.key << " reuses prefix " << *p << " of " << it->second;
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>((*p)[0]))) << "Xapian prefixes are upper case: " << *p;
    }
    if (f.facet) {
      EXPECT_NE(f.slot, kNoSlot) << f.key << " is a facet without a slot";
    }
  }
}

struct LabelCase {
  const char* label;
  const char* key;
};

TEST(Schema, FindsFieldsByFrenchAndEnglishLabels) {
  const LabelCase cases[] = {
      {"Statut du projet", "status"},
      {"Project Status", "status"},
      {"STATUT", "status"},
      {"Type de projet", "project_type"},
      {"Project Type:", "project_type"},
      {"Etat(s) membre(s) beneficiaires remplissant les conditions requises", "countries"},
      {"Eligible Member State(s)", "countries"},
      {"Benefiting Member States", "countries"},
      {"Emplacement", "countries"},
      {"Année", "funding_year"},
      {"Annee", "funding_year"},
      {"Year", "funding_year"},
      {"Date de début", "start_year"},
      {"Start Date", "start_year"},
      {"End Date", "end_year"},
      {"Projects ID", "project_id"},
      {"Budget Amount (USD)", "budget_usd"},
      {"Implementé par", "implementer"},
      {"IDF Region", "region"},
      {"Coverage", "coverage"},
      // Forms documents vary labels in (corpus/data/label_forms.tsv).
      {"Status of the project", "status"},
      {"Type of project", "project_type"},
      {"Countries covered", "countries"},
      {"Pays concernés", "countries"},
      {"Pays bénéficiaire(s)", "countries"},
      {"Budget approved:", "budget_usd"},
      {"Title of the project", "title"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    const Field* f = schema().field_for_label(c.label);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->key, c.key);
    // The line classifier looks labels up by their fold, made once per line.
    EXPECT_EQ(schema().field_for_folded_label(stemming::fold(c.label)), f);
  }
  EXPECT_EQ(schema().field_for_label("Au Turkménistan, la lutte"), nullptr);
}

TEST(Schema, FindsFieldsByQueryNames) {
  const LabelCase cases[] = {
      {"titre", "title"},   {"title", "title"},         {"pays", "countries"},      {"country", "countries"},
      {"région", "region"}, {"region", "region"},       {"type", "project_type"},   {"statut", "status"},
      {"status", "status"}, {"couverture", "coverage"}, {"continent", "continent"}, {"id", "id"},
      {"année", "year"},    {"year", "year"},           {"budget", "budget_usd"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    const Field* f = schema().field_for_name(c.label);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->key, c.key);
  }
  EXPECT_EQ(schema().field_for_name("http"), nullptr);
}

TEST(Schema, RejectsMalformedTables) {
  EXPECT_THROW(Schema("a\tb\n"), CorpusError);
  EXPECT_THROW(Schema("k\tweird\t-\t-\t-\t-\t-\t-\n"), CorpusError);
}

}  // namespace
}  // namespace fouille::corpus
