#include "word_lists.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "fouille/base/lines.h"
#include "fouille/data/accent_stems.h"
#include "fouille/data/elisions.h"
#include "fouille/data/generic_words.h"
#include "fouille/data/stopwords_en.h"
#include "fouille/data/stopwords_fr.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/fold.h"

namespace fouille::stemming::detail {
namespace {

// Tables are sorted by folded form then bytes, unique, valid UTF-8 in NFC.
void expect_clean_table(std::string_view name, std::string_view data) {
  SCOPED_TRACE(std::string(name));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string previous_key, previous_line;
  std::size_t lines = 0;
  base::for_each_data_line(data, [&](std::string_view line) {
    ++lines;
    std::string text(line);
    std::size_t invalid = 0;
    sanitize_utf8(text, &invalid);
    EXPECT_EQ(invalid, 0u) << text;
    EXPECT_TRUE(nfc->isNormalized(icu::UnicodeString::fromUTF8(text), status)) << text;
    std::string key = fold(text.substr(0, text.find('\t')));
    if (lines > 1) {
      EXPECT_TRUE(std::tie(previous_key, previous_line) < std::tie(key, text))
          << "'" << text << "' after '" << previous_line << "'";
    }
    previous_key = key;
    previous_line = text;
  });
  EXPECT_GT(lines, 10u);
}

TEST(WordLists, TablesAreSortedUniqueNfc) {
  expect_clean_table("stopwords_fr.txt", data::stopwords_fr);
  expect_clean_table("stopwords_en.txt", data::stopwords_en);
  expect_clean_table("elisions.txt", data::elisions);
  std::string_view generic = data::generic_words;  // fewer than ten lines
  std::string previous;
  base::for_each_data_line(generic, [&](std::string_view line) {
    EXPECT_LT(previous, std::string(line));
    previous = line;
  });
  expect_clean_table("accent_stems.tsv", data::accent_stems);
}

TEST(WordLists, LoadWhatTheFilesHold) {
  EXPECT_TRUE(stopwords().count("la"));
  EXPECT_TRUE(stopwords().count("etaient"));  // folded from "étaient"
  EXPECT_FALSE(stopwords().count("traite"));
  EXPECT_TRUE(stopwords().count("the"));  // English, from stopwords_en.txt
  EXPECT_FALSE(stopwords().count("an"));  // French « an », not listed
  EXPECT_TRUE(elisions().count("jusqu"));
  EXPECT_TRUE(is_generic_word("Projets"));
  EXPECT_TRUE(is_generic_word("PROGRAMME"));
  EXPECT_FALSE(is_generic_word("traite"));
  EXPECT_EQ(elisions().size(), 13u);
  EXPECT_EQ(accent_stem("abandonnee").value_or(""), "abandon");
  EXPECT_EQ(accent_stem("a-peu-pres"), std::nullopt);
  EXPECT_EQ(accent_stem("traite"), std::nullopt);  // Snowball stems it right unaided
}

}  // namespace
}  // namespace fouille::stemming::detail
