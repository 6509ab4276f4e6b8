#include "fouille/corpus/printable.h"

#include <gtest/gtest.h>

namespace fouille::corpus {
namespace {

TEST(Printable, NoControlCharacterReachesTheTerminal) {
  struct Case {
    std::string text, expected;
  } const cases[] = {
      {"Appui aux migrants", "Appui aux migrants"},
      {"Santé, œuvre, 東京", "Santé, œuvre, 東京"},
      {"titre\x1B]0;pwned\a suite", "titre?]0;pwned? suite"},
      {"\x1B[2Jeffacé", "?[2Jeffacé"},
      {"ligne\nsuivante\tcolonne\r", "ligne suivante colonne "},
      {"C1 \xC2\x9B"
       "31m",
       "C1 ?31m"},  // U+009B, the 8-bit CSI
      {"DEL\x7F", "DEL?"},
      {"octet \xFF seul", "octet ? seul"},  // not UTF-8
      {"", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(printable(c.text), c.expected);
  }
}

}  // namespace
}  // namespace fouille::corpus
