#include "fouille/base/error.h"

#include <functional>

#include <gtest/gtest.h>

namespace fouille {
namespace {

TEST(Error, ReportSaysTheKindCodeAndMessageInTheLanguageAsked) {
  struct Case {
    std::function<void()> fail;
    std::string kind, code;
    int exit_code, status;
    std::string fr, en, id;
    std::optional<std::size_t> position;
  };
  const Case cases[] = {
      {[] {
         throw UsageError(Message{"option.expected_lang", {"--lang", "de"}});
       },
       "usage", "bad_parameter", 2, 400, "--lang de : attendu fr ou en", "--lang de: expected fr or en",
       "option.expected_lang", std::nullopt},
      {[] {
         throw QueryError(8, Message{"query.empty_value", {}});
       },
       "query", "bad_query", 2, 400, "position 8 : valeur vide", "position 8: empty value", "query.empty_value", 8},
      {[] { throw CorpusError("a.txt: unreadable"); }, "input", "bad_input", 3, 400, "a.txt: unreadable",
       "a.txt: unreadable", "", std::nullopt},
      {[] { throw IndexError("db: locked"); }, "database", "unavailable", 4, 503, "db: locked", "db: locked", "",
       std::nullopt},
      {[] { throw std::runtime_error("boom"); }, "database", "unavailable", 4, 503, "boom", "boom", "", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.en);
    try {
      c.fail();
      ADD_FAILURE() << "no throw";
    } catch (const std::exception& e) {
      const ErrorReport fr = report(e, Lang::kFr), en = report(e, Lang::kEn);
      EXPECT_EQ(fr.kind, c.kind);
      EXPECT_EQ(fr.code, c.code);
      EXPECT_EQ(fr.exit_code, c.exit_code);
      EXPECT_EQ(fr.http_status, c.status);
      EXPECT_EQ(fr.message, c.fr);
      EXPECT_EQ(en.message, c.en);
      EXPECT_EQ(fr.id, c.id);
      EXPECT_EQ(fr.position, c.position);
      EXPECT_EQ(std::string(e.what()), c.fr);  // what() is French
    }
  }
}

}  // namespace
}  // namespace fouille
