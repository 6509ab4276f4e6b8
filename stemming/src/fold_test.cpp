#include "fouille/stemming/fold.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/utf8.h>

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
      {"e\xCC\x81t\xC3\xA9", "ete"},             // decomposed é, then composed é
      {"\xEF\xAC\x81nancement", "financement"},  // the ﬁ ligature
      {"Viêt Nam", "viet nam"},
      {"bad\xFF"
       "byte",
       "badbyte"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(fold(c.input), c.expected);
  }
}

// fold() takes Latin text and punctuation a character at a time: it must
// give what ICU gives the whole string, for every pair of characters of
// those blocks and with what ends the shortcut (a combining mark, a
// ligature, a bad byte).
TEST(Fold, LatinShortcutFoldsAsIcuDoes) {
  std::vector<std::string> chars;
  std::vector<UChar32> code_points;
  for (UChar32 c = 0x20; c < 0x250; ++c) {
    if (c < 0x7F || c >= 0xA0) code_points.push_back(c);  // not the controls
  }
  for (UChar32 c = 0x2000; c < 0x2070; ++c) code_points.push_back(c);  // General Punctuation
  for (UChar32 c : code_points) {
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    chars.emplace_back(buf, static_cast<std::size_t>(len));
  }
  std::size_t differ = 0;
  for (const auto& a : chars) {
    for (const auto& b : chars) {
      const std::string s = a + b;
      if (fold(s) != detail::icu_fold(s) && ++differ <= 5) ADD_FAILURE() << "fold differs from ICU on " << s;
    }
  }
  EXPECT_EQ(differ, 0u);
  for (const char* tail : {"e\xCC\x81", "\xEF\xAC\x81", "\xFF", "\xE1\xBA\x9E", "\xC3"}) {
    for (const auto& a : chars) {
      const std::string s = a + tail;
      EXPECT_EQ(fold(s), detail::icu_fold(s)) << s;
    }
  }
}

TEST(SanitizeUtf8, ReplacesAndCountsInvalidBytes) {
  std::size_t invalid = 0;
  EXPECT_EQ(sanitize_utf8("été", &invalid), "été");
  EXPECT_EQ(invalid, 0u);
  EXPECT_EQ(sanitize_utf8("a\xFF"
                          "b\xC3",
                          &invalid),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(invalid, 2u);
}

TEST(IsAscii, TellsAsciiFromUtf8) {
  EXPECT_TRUE(is_ascii("PX.0432"));
  EXPECT_TRUE(is_ascii(""));
  EXPECT_FALSE(is_ascii("été"));
}

}  // namespace
}  // namespace fouille::stemming
