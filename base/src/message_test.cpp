#include "fouille/base/message.h"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "fouille/base/lines.h"
#include "fouille/data/messages.h"

namespace fouille {
namespace {

TEST(Message, RendersInEachLanguage) {
  struct Case {
    Message message;
    std::string fr, en;
  };
  const Case cases[] = {
      {{"out.results", {std::size_t{0}, "1.5"}}, "0 résultat (1.5 ms)", "0 results (1.5 ms)"},
      {{"out.results", {std::size_t{1}, "2.0"}}, "1 résultat (2.0 ms)", "1 result (2.0 ms)"},
      {{"out.results", {std::size_t{13}, "2.0"}}, "13 résultats (2.0 ms)", "13 results (2.0 ms)"},
      {{"out.relaxed", {std::size_t{2}}},
       "2 documents contiennent tous les mots ; les suivants, une partie des mots.",
       "2 documents hold every word; the next ones, some of the words."},
      {{"out.synonyms", {"ong", "organisation non gouvernementale"}},
       "Synonymes de « ong » : organisation non gouvernementale",
       "Synonyms of “ong”: organisation non gouvernementale"},
      // A label is an argument with a text per language.
      {{"query.field", {field_label("budget_range"), "x"}}, "Budget : x", "Budget: x"},
      {{"query.field", {field_label("project_type"), "x"}}, "Type de projet : x", "Project type: x"},
      // A field the catalogue does not name is its key.
      {{"query.field", {field_label("no_such_field"), "x"}}, "no_such_field : x", "no_such_field: x"},
      // A nested message renders in the outer one's language.
      {{"query.at", {std::size_t{7}, Message{"query.empty_value", {}}}},
       "position 7 : valeur vide",
       "position 7: empty value"},
      // An unknown id is not lost.
      {{"no.such.id", {"a", "b"}}, "no.such.id a b", "no.such.id a b"},
      // "\n" in the catalogue is a line break (the texts of --help).
      {{"help.bench_serve.usage", {}},
       "Utilisation : bench-serve --port PORT [options]\n\nOptions",
       "Usage: bench-serve --port PORT [options]\n\nOptions"},
      // Arguments are not read as patterns.
      {{"out.note", {"{1} {2|a|b}"}}, "Note : {1} {2|a|b}", "Note: {1} {2|a|b}"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message.id);
    EXPECT_EQ(render(c.message, Lang::kFr), c.fr);
    EXPECT_EQ(render(c.message, Lang::kEn), c.en);
  }
}

TEST(Message, LanguageOfLocale) {
  struct Case {
    const char* locale;
    Lang lang;
  };
  for (const auto& c :
       {Case{"en_GB.UTF-8", Lang::kEn}, Case{"en", Lang::kEn}, Case{"en_US", Lang::kEn}, Case{"fr_FR.UTF-8", Lang::kFr},
        Case{"C.UTF-8", Lang::kFr}, Case{"C", Lang::kFr}, Case{"", Lang::kFr}, Case{"de_DE", Lang::kFr}}) {
    SCOPED_TRACE(c.locale);
    EXPECT_EQ(lang_of_locale(c.locale), c.lang);
  }
  EXPECT_EQ(parse_lang("en"), Lang::kEn);
  EXPECT_EQ(parse_lang("fr"), Lang::kFr);
  EXPECT_EQ(parse_lang("EN"), std::nullopt);
}

TEST(Message, LanguageFromEnvironmentTakesLcAllThenLcMessagesThenLang) {
  struct Case {
    const char *lc_all, *lc_messages, *lang;
    Lang expected;
  };
  const Case cases[] = {
      {"", "", "en_GB.UTF-8", Lang::kEn},
      {"", "fr_FR.UTF-8", "en_GB.UTF-8", Lang::kFr},
      {"en_US.UTF-8", "fr_FR.UTF-8", "fr_FR.UTF-8", Lang::kEn},
      {"", "", "", Lang::kFr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.lc_all) + "/" + c.lc_messages + "/" + c.lang);
    setenv("LC_ALL", c.lc_all, 1);
    setenv("LC_MESSAGES", c.lc_messages, 1);
    setenv("LANG", c.lang, 1);
    EXPECT_EQ(lang_from_environment(), c.expected);
  }
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  unsetenv("LANG");
}

// Each row: an id, a French and an English text, with the same arguments;
// ids unique, and sorted within each block (a comment line starts a block:
// a feature's rows may sit together at the end).
TEST(Message, CatalogueIsSortedUniqueAndBothTextsTakeTheSameArguments) {
  std::string previous;
  std::set<std::string> seen;
  std::size_t rows = 0, last_line = 0;
  base::for_each_data_line(data::messages, [&](std::string_view row, std::size_t number) {
    SCOPED_TRACE("line " + std::to_string(number));
    ++rows;
    const std::size_t a = row.find('\t'), b = row.find('\t', a + 1);
    ASSERT_NE(b, std::string_view::npos);
    ASSERT_EQ(row.find('\t', b + 1), std::string_view::npos);
    const std::string id(row.substr(0, a));
    if (number != last_line + 1) previous.clear();  // a new block
    last_line = number;
    EXPECT_LT(previous, id);
    EXPECT_TRUE(seen.insert(id).second) << id;
    previous = id;
    auto arguments = [](std::string_view text) {
      std::set<char> out;
      for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == '{' && text[i + 1] >= '1' && text[i + 1] <= '9') out.insert(text[i + 1]);
      }
      return out;
    };
    const std::string_view fr = row.substr(a + 1, b - a - 1), en = row.substr(b + 1);
    EXPECT_FALSE(fr.empty());
    EXPECT_FALSE(en.empty());
    EXPECT_EQ(arguments(fr), arguments(en)) << id;
  });
  EXPECT_GT(rows, 50u);
}

}  // namespace
}  // namespace fouille
