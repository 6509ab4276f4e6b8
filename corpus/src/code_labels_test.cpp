#include "fouille/corpus/code_labels.h"

#include <gtest/gtest.h>

namespace fouille::corpus {
namespace {

TEST(CodeLabels, FormatsInBothLanguages) {
  struct Case {
    std::string_view code, lang, label;
  } cases[] = {
      {"html", "fr", "Page web"},
      {"html", "en", "Web page"},
      {"pdf", "fr", "PDF"},
      {"iati", "en", "IATI activity"},
      {"text", "fr", "Texte"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.code) + "/" + std::string(c.lang));
    EXPECT_EQ(code_label(FieldId::kFormat, c.code, c.lang).value_or("?"), c.label);
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
