#include "fouille/stemming/dictionary.h"

#include <gtest/gtest.h>

namespace fouille::stemming {
namespace {

TEST(Dictionary, KnowsFrenchAndEnglishWordsInAnyCaseOrAccent) {
  struct Case {
    const char* word;
    bool known;
  } cases[] = {
      {"lake", true},          {"Coast", true},         {"ivory", true}, {"smuggling", true},
      {"développement", true}, {"developpement", true}, {"ÉTÉ", true},   {"migrants", true},
      {"tadjikstan", false},   {"devloppement", false}, {"xqzt", false}, {"", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(is_dictionary_word(c.word), c.known);
  }
}

TEST(Dictionary, HoldsBothListsWhole) {
  // wfrench alone folds to about 300,000 words, wamerican to about 70,000.
  EXPECT_GT(dictionary_size(), 300000u);
}

}  // namespace
}  // namespace fouille::stemming
