#include "fouille/corpus/code_labels.h"

#include <gtest/gtest.h>

namespace fouille::corpus {
namespace {

TEST(CodeLabels, FormatsInBothLanguages) {
  struct Case {
    std::string_view code, lang, label;
  } cases[] = {
      {"html", "fr", "Page web"},      {"html", "en", "Web page"}, {"pdf", "fr", "PDF"},
      {"iati", "en", "IATI activity"}, {"text", "fr", "Texte"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.code) + "/" + std::string(c.lang));
    EXPECT_EQ(code_label(FieldId::kFormat, c.code, c.lang).value_or("?"), c.label);
  }
}

TEST(CodeLabels, DacSectorsAndCategoriesInBothLanguages) {
  struct Case {
    FieldId field;
    std::string_view code, lang, label;
  } cases[] = {
      {FieldId::kSectors, "12220", "fr", "Soins et services de santé de base"},
      {FieldId::kSectors, "12220", "en", "Basic health care"},
      {FieldId::kSectors, "15190", "en",
       "Facilitation of orderly, safe, regular and responsible migration and mobility"},
      {FieldId::kSectorCategory, "122", "fr", "Santé de Base"},
      {FieldId::kSectorCategory, "122", "en", "Basic Health"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.code) + "/" + std::string(c.lang));
    EXPECT_EQ(code_label(c.field, c.code, c.lang).value_or("?"), c.label);
  }
  EXPECT_FALSE(code_label(FieldId::kSectors, "122", "fr"));  // a category is no sector
  EXPECT_FALSE(code_label(FieldId::kSectorCategory, "12220", "fr"));
}

// A sector as pages write its name: in either language, another word order,
// a plural, a participle, the parenthesised part left out; a name no sector
// has, or several share, is none.
TEST(CodeLabels, FindsASectorByItsNameWrittenAnotherWay) {
  struct Case {
    FieldId field;
    std::string_view label, code;  // "" for none
  } cases[] = {
      {FieldId::kSectors, "Basic health care", "12220"},
      {FieldId::kSectors, "Health care, basic", "12220"},
      {FieldId::kSectors, "Soins et services de santé de base", "12220"},
      {FieldId::kSectors, "Basic health care provided", "12220"},
      {FieldId::kSectors, "Primary Education", "11220"},
      {FieldId::kSectors, "Enseignement primaire", "11220"},
      {FieldId::kSectors, "Public finance management", "15111"},
      {FieldId::kSectors, "Family planning services provided", ""},  // « services » is a word more
      {FieldId::kSectors, "Health", ""},
      {FieldId::kSectors, "Santé", ""},
      {FieldId::kSectorCategory, "Basic Health", "122"},
      {FieldId::kSectorCategory, "Santé de base", "122"},
      {FieldId::kStatus, "Completed", ""},  // no code table
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.label));
    EXPECT_EQ(code_for_label(c.field, c.label).value_or(""), c.code);
  }
}

TEST(CodeLabels, UnknownCodesAndFieldsHaveNone) {
  EXPECT_FALSE(code_label(FieldId::kFormat, "xls", "fr"));
  EXPECT_FALSE(code_label(FieldId::kStatus, "Actif", "fr"));
  EXPECT_TRUE(has_code_labels(FieldId::kFormat));
  EXPECT_FALSE(has_code_labels(FieldId::kTitle));
}

}  // namespace
}  // namespace fouille::corpus
