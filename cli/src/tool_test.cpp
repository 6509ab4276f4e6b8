#include "fouille/cli/tool.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::cli {
namespace {

TEST(Classify, MapsEachErrorKindToItsExitCode) {
  struct Case {
    std::function<void()> raise;
    std::string kind;
    int code;
  };
  const Case cases[] = {
      {[] { throw UsageError("--limit -5: expected a whole number"); }, "usage", 2},
      {[] { throw QueryError("unbalanced quote"); }, "query", 2},
      {[] { throw CorpusError("a.txt: cannot read"); }, "input", 3},
      {[] { throw NoContentError("a.txt: empty"); }, "input", 3},
      {[] { throw IndexError("db: locked"); }, "database", 4},
      {[] { throw std::runtime_error("DatabaseCorruptError"); }, "database", 4},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.kind);
    try {
      c.raise();
      ADD_FAILURE() << "did not throw";
    } catch (const std::exception& e) {
      EXPECT_EQ(classify(e).kind, c.kind);
      EXPECT_EQ(classify(e).code, c.code);
    }
  }
}

std::vector<std::string> arranged(std::vector<const char*> args) {
  po::options_description options;
  std::string limit;
  options.add_options()("limit,n", po::value(&limit), "")("json", "");
  args.insert(args.begin(), "fouille-search");
  return arrange_arguments(static_cast<int>(args.size()), args.data(), options);
}

TEST(ArrangeArguments, KeepsDashWordsAsWords) {
  using V = std::vector<std::string>;
  EXPECT_EQ(arranged({"traite", "-europe"}), (V{"--", "traite", "-europe"}));
  EXPECT_EQ(arranged({"--json", "oim", "-n", "5"}), (V{"--json", "--limit=5", "--", "oim"}));
  EXPECT_EQ(arranged({"--limit", "-5", "x"}), (V{"--limit=-5", "--", "x"}));  // refused later as negative
  EXPECT_EQ(arranged({"--limit=3", "-x"}), (V{"--limit=3", "--", "-x"}));     // -x is no option
  EXPECT_EQ(arranged({"a", "--", "--json"}), (V{"--", "a", "--json"}));
}

TEST(Tool, RunTurnsExceptionsIntoExitCodes) {
  Tool tool("fouille-test", "Usage: fouille-test\n\nOptions");
  const char* argv[] = {"fouille-test"};
  ASSERT_FALSE(tool.parse(1, argv));
  EXPECT_EQ(tool.run([] { return 0; }), 0);
  EXPECT_EQ(tool.run([] { return 130; }), 130);
  EXPECT_EQ(tool.run([]() -> int { throw CorpusError("x"); }), 3);
  EXPECT_EQ(tool.run([]() -> int { throw IndexError("x"); }), 4);
  EXPECT_EQ(tool.run([]() -> int { throw QueryError("x"); }), 2);
}

TEST(Tool, ParseEndsTheRunOnHelpVersionAndBadUsage) {
  auto parse = [](std::vector<const char*> args) {
    Tool tool("fouille-test", "Usage: fouille-test\n\nOptions");
    std::string db;
    tool.add_options()("db,d", po::value(&db), "database");
    args.insert(args.begin(), "fouille-test");
    return tool.parse(static_cast<int>(args.size()), args.data());
  };
  EXPECT_EQ(parse({"--help"}), 0);
  EXPECT_EQ(parse({"--version"}), 0);
  EXPECT_EQ(parse({"--no-such-option"}), 2);
  EXPECT_EQ(parse({"stray-word"}), 2);  // no positional words declared
  EXPECT_EQ(parse({"--db", "x"}), std::nullopt);
}

// --help is written in the run's language, from the catalogue ids the
// options were declared with; the option names stay.
TEST(Tool, HelpSpeaksTheRunsLanguage) {
  struct Case {
    std::vector<const char*> args;
    std::vector<std::string> present, absent;
  };
  const Case cases[] = {
      {{"--lang", "fr", "--help"},
       {"Utilisation : fouille-search", "--db", "dossier de la base", "affiche cette aide", "--lang", "] VALEUR"},
       {"Usage:", "database folder", "show this help", " arg "}},
      {{"--lang", "en", "--help"},
       {"Usage: fouille-search", "--db", "database folder", "show this help", "--lang", "] arg "},
       {"Utilisation", "dossier de la base", "affiche cette aide", "VALEUR"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args[1]);
    Tool tool("fouille-test", "help.search.usage");
    std::string db, lang;
    tool.add_options()("db,d", po::value(&db), "help.search.db");
    tool.language_option(&lang);
    std::vector<const char*> args = c.args;
    args.insert(args.begin(), "fouille-test");
    testing::internal::CaptureStdout();
    EXPECT_EQ(tool.parse(static_cast<int>(args.size()), args.data()), 0);
    const std::string help = testing::internal::GetCapturedStdout();
    for (const auto& p : c.present) EXPECT_NE(help.find(p), std::string::npos) << p << "\n" << help;
    for (const auto& a : c.absent) EXPECT_EQ(help.find(a), std::string::npos) << a << "\n" << help;
  }
}

}  // namespace
}  // namespace fouille::cli
