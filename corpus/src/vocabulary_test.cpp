#include "fouille/corpus/vocabulary.h"

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/stemming/fold.h"

namespace fouille::corpus {
namespace {

struct Case {
  FieldId field;
  const char* written;
  const char* french;
  const char* english;
};

TEST(Vocabulary, EverySpellingIsOneConceptWithTwoLabels) {
  const Case cases[] = {
      {FieldId::kStatus, "Terminée", "Achevé", "Completed"},
      {FieldId::kStatus, "ongoing", "Actif", "Active"},
      {FieldId::kStatus, "Annulé", "Annulé", "Cancelled"},
      {FieldId::kCoverage, "Multi-Regional", "Multirégional", "Multi-Regional"},
      {FieldId::kRegion, "Latin America and the Caribbean", "Amérique latine et Caraïbes",
       "Latin America and the Caribbean"},
      {FieldId::kRegion, "AMERIQUE LATINE ET CARAIBES", "Amérique latine et Caraïbes",
       "Latin America and the Caribbean"},
      {FieldId::kRegion, "Americas", "Amériques", "Americas"},
      {FieldId::kRegion, "Europe and Central Asia", "Europe et Asie centrale", "Europe and Central Asia"},
      {FieldId::kRegion, "Europe", "Europe", "Europe"},
      {FieldId::kRegion, "Asia", "Asie et Océanie", "Asia and Oceania"},
      {FieldId::kProjectType, "Counter-Trafficking", "Lutte contre la traite", "Counter Trafficking"},
      {FieldId::kProjectType, "Mobilité de la main-d'œuvre", "Migration de main-d'œuvre", "Labour Migration"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(field_key(c.field)) + ": " + c.written);
    const Vocabulary& v = *vocabulary(c.field);
    EXPECT_EQ(v.canonical(c.written).value_or("?"), c.french);
    EXPECT_EQ(v.label(c.written, "fr"), c.french);
    EXPECT_EQ(v.label(c.written, "en"), c.english);
    EXPECT_EQ(v.canonical(c.english).value_or("?"), c.french);  // the English label finds the concept back
    // The line classifier folds a line once and gives every vocabulary its key.
    const std::string key = Vocabulary::key_of_folded(stemming::fold(c.written));
    EXPECT_EQ(v.canonical(c.written, key).value_or("?"), c.french);
  }
}

// The IOM Development Fund's published focus areas, as its English and
// French pages list them, are all project types.
TEST(Vocabulary, KnowsTheFundsFocusAreasInBothLanguages) {
  const char* areas[] = {"Counter-trafficking",
                         "Enhancement of inter-governmental dialogue and cooperation",
                         "Labour migration",
                         "Migration and development",
                         "Migration, environment and climate change",
                         "Migration health",
                         "Migration and health",
                         "Border management",
                         "Policy and legal framework development",
                         "Research and assessment",
                         "Assisted Voluntary Return and Re-integration",
                         "Return and Re-integration",
                         "Lutte contre la traite",
                         "Renforcement du dialogue et de la coopération inter-États",
                         "Migration de travail",
                         "Migration et développement",
                         "Migration, environnement et changement climatique",
                         "Migration et santé",
                         "Gestion des frontières",
                         "Elaboration d'un cadre politique et juridique",
                         "Recherche et évaluation",
                         "Programmes de retour et de réintégration"};
  for (const char* area : areas) EXPECT_TRUE(vocabulary(FieldId::kProjectType)->canonical(area).has_value()) << area;
}

// Spellings no row lists, matched by their meaning words: another word
// order, a plural, a shortened word the chain stems alike. A value sharing
// only some words is no label.
TEST(Vocabulary, MatchesLabelVariantsByTheirMeaningWords) {
  struct Case {
    FieldId field;
    const char* value;
    const char* label;  // "" for none
  } cases[] = {
      {FieldId::kProjectType, "Health Promotion and Assist for Migrants",
       "Promotion de la santé et assistance aux migrants"},
      {FieldId::kProjectType, "Assistance and Health Promotion for Migrants",
       "Promotion de la santé et assistance aux migrants"},
      {FieldId::kProjectType, "Border Management Systems", ""},
      {FieldId::kProjectType, "Gestion de la frontière", "Gestion de l'immigration et des frontières"},
      {FieldId::kProjectType, "Trafficking Counter", "Lutte contre la traite"},
      {FieldId::kProjectType, "Recherche appliquée", ""},
      {FieldId::kProjectType, "Santé", ""},
      // A participle after or among the words, a plural, a word or two left out.
      {FieldId::kProjectType, "Health Promotion and Assistance Provided",
       "Promotion de la santé et assistance aux migrants"},
      {FieldId::kProjectType, "Assistance fournie aux migrants vulnérables et protection",
       "Protection et assistance aux migrants vulnérables"},
      {FieldId::kProjectType, "Returns and Reintegrations", "Retour et réintégration"},
      {FieldId::kProjectType, "Retours et réintégrations", "Retour et réintégration"},
      {FieldId::kProjectType, "Migrants Health Promotion", "Promotion de la santé et assistance aux migrants"},
      {FieldId::kProjectType, "Climate Change and Environment", "Migration, environnement et changement climatique"},
      {FieldId::kProjectType, "Dialogue et coopération", "Renforcement du dialogue et de la coopération inter-États"},
      {FieldId::kProjectType, "Migrant Assistance", ""},  // two concepts hold both words
      {FieldId::kProjectType, "Services Provided", ""},
      {FieldId::kProjectType, "Provided", ""},
      {FieldId::kProjectType, "Health Research", ""},
      {FieldId::kStatus, "Projet achevé", ""},
      {FieldId::kRegion, "Corne de l'Afrique", ""},  // regions: the funder's own labels, never by words
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(vocabulary(c.field)->canonical(c.value).value_or(""), c.label);
    const std::string key = Vocabulary::key_of_folded(stemming::fold(c.value));
    EXPECT_EQ(vocabulary(c.field)->canonical(c.value, key).value_or(""), c.label);
  }
}

TEST(Vocabulary, UnknownValuesStayAsWritten) {
  EXPECT_EQ(normalize_keyword(FieldId::kRegion, "  Corne de l'Afrique "), "Corne de l'Afrique");
  EXPECT_EQ(normalize_keyword(FieldId::kRegion, "Corne  de\tl'Afrique"), "Corne de l'Afrique");
  EXPECT_EQ(vocabulary(FieldId::kRegion)->label("Corne de l'Afrique", "en"), "Corne de l'Afrique");
  EXPECT_FALSE(vocabulary(FieldId::kRegion)->canonical("latine").has_value());  // a word of a label is no label
}

TEST(Vocabulary, TablesAreSortedAndRejectBadRows) {
  for (FieldId field : vocabulary_fields()) {
    const auto& labels = vocabulary(field)->labels();
    for (std::size_t i = 1; i < labels.size(); ++i) {
      EXPECT_LT(stemming::fold(labels[i - 1]), stemming::fold(labels[i])) << field_key(field);
    }
  }
  EXPECT_THROW(Vocabulary("t", "Actif\tActive\n"), CorpusError);
  EXPECT_THROW(Vocabulary("t", "Actif\tActive\tEn cours\nAchevé\tCompleted\ten cours\n"), CorpusError);
}

}  // namespace
}  // namespace fouille::corpus
