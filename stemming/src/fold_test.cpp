#include "fouille/stemming/fold.h"

#include <gtest/gtest.h>

namespace fouille::stemming {
namespace {

struct FoldCase {
  const char* input;
  const char* expected;
};

TEST(Fold, FoldsCaseAccentsLigaturesApostrophes) {
  const FoldCase cases[] = {
      {"", ""},
      {"traite", "traite"},
      {"ÊTRES", "etres"},
      {"êtres", "etres"},
      {"Turkménistan", "turkmenistan"},
      {"Œuvre", "oeuvre"},
      {"cæcum", "caecum"},
      {"Straße", "strasse"},
      {"d’Azerbaïdjan", "d'azerbaidjan"},
      {"lʼété", "l'ete"},
      {"e\xCC\x81t\xC3\xA9", "ete"},          // decomposed é, then composed é
      {"\xEF\xAC\x81nancement", "financement"},  // the ﬁ ligature
      {"Viêt Nam", "viet nam"},
      {"bad\xFF" "byte", "badbyte"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(fold(c.input), c.expected);
  }
}

TEST(SanitizeUtf8, ReplacesAndCountsInvalidBytes) {
  std::size_t invalid = 0;
  EXPECT_EQ(sanitize_utf8("été", &invalid), "été");
  EXPECT_EQ(invalid, 0u);
  EXPECT_EQ(sanitize_utf8("a\xFF" "b\xC3", &invalid), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(invalid, 2u);
}

TEST(IsAscii, TellsAsciiFromUtf8) {
  EXPECT_TRUE(is_ascii("PX.0432"));
  EXPECT_TRUE(is_ascii(""));
  EXPECT_FALSE(is_ascii("été"));
}

}  // namespace
}  // namespace fouille::stemming
