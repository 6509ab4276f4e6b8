// The tools as a terminal user expects them (#27): one language at a time
// (--lang, else LC_ALL, LC_MESSAGES or LANG), facets headed by labels,
// --facet-size, --color with NO_COLOR and TERM=dumb, errors as JSON with
// --json from every tool, and a second fouille-serve on a busy port refused.
#include <chrono>
#include <cstring>
#include <fstream>
#include <regex>
#include <signal.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;
using test::quote;
using test::run;

const std::string kIndex = FOUILLE_INDEX_BIN;
const std::string kSearch = FOUILLE_SEARCH_BIN;
const std::string kServe = FOUILLE_SERVE_BIN;
const std::string kGen = FOUILLE_GEN_BIN;

class Conventions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("cli-conventions");
    db_ = (*dir_ / "db").string();
    ASSERT_EQ(run(kIndex + " -q --db " + db_ + " " + FOUILLE_SAMPLES).status, 0);
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string search(const std::string& args) { return kSearch + " --db " + db_ + " " + args; }

  static test::ScratchDir* dir_;
  static std::string db_;
};

test::ScratchDir* Conventions::dir_ = nullptr;
std::string Conventions::db_;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Each run speaks one language: what it must say, and what it must not.
TEST_F(Conventions, OneLanguageAtATime) {
  struct Case {
    std::string command;
    std::vector<std::string> present, absent;
  };
  const std::vector<std::string> french = {" résultats (",   "Facettes :", "Région",
                                           "Type de projet", "Statut",     "200 000 USD"};
  const std::vector<std::string> english = {" results (", "Facets:", "Region", "Project type", "Status", "200,000 USD"};
  const std::vector<std::string> keys = {"budget_range", "project_type", "countries "};
  auto with = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const Case cases[] = {
      {search("''"), french, with(english, keys)},
      {search("--lang en ''"), english, with(french, keys)},
      {"LANG=en_GB.UTF-8 " + search("''"), english, with(french, keys)},
      {"LANG=en_GB.UTF-8 LC_MESSAGES=fr_FR.UTF-8 " + search("''"), french, english},
      {"LANG=en_GB.UTF-8 " + search("--lang fr ''"), french, english},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    ASSERT_EQ(r.status, 0) << r.errors;
    for (const auto& p : c.present) EXPECT_TRUE(has(r.output, p)) << p << "\n" << r.output;
    for (const auto& a : c.absent) EXPECT_FALSE(has(r.output, a)) << a << "\n" << r.output;
  }
}

// Errors too: option errors, query errors naming the field as typed, notes.
TEST_F(Conventions, ErrorsAndNotesInTheRunsLanguage) {
  struct Case {
    std::string command;
    int status;
    std::string stream;  // "errors" or "output"
    std::string expected, absent;
  };
  const Case cases[] = {
      {search("--no-such-option x"), 2, "errors", "--no-such-option : option inconnue", "unknown"},
      {search("--lang en --no-such-option x"), 2, "errors", "--no-such-option: unknown option", "inconnue"},
      {search("--limit x y"), 2, "errors", "--limit x : attendu un nombre entier", "expected"},
      {search("--lang en --limit x y"), 2, "errors", "--limit x: expected a whole number", "attendu"},
      {search("--lang de y"), 2, "errors", "--lang de : attendu fr ou en", "expected"},
      {search("--color sometimes y"), 2, "errors", "--color sometimes : attendu auto, always ou never", "expected"},
      {search("'budget:abc'"), 2, "errors",
       "requête « budget:abc » : position 1 : budget : « abc » n'est pas un montant", "budget_usd"},
      {search("--lang en 'budget:abc'"), 2, "errors", "query “budget:abc”: position 1: budget: “abc” is not an amount",
       "budget_usd"},
      {search("--lang en --filter budget=abc ''"), 2, "errors", "--filter budget=abc: “abc” is not an amount",
       "montant"},
      {search("--lang en --filter couleur=bleu ''"), 2, "errors", "--filter couleur=bleu: unknown field “couleur”",
       "inconnu"},
      {search("--lang en --facets couleur ''"), 2, "errors", "--facets: “couleur” is not a facet", "n'est pas"},
      {search("--lang en --like ZZ.0000"), 2, "errors", "--like ZZ.0000: no document has this ID", "aucun"},
      {search("--lang en '\"lutte contre'"), 0, "output", "Note: quote opened at position 1 is never closed",
       "guillemet"},
      {search("'\"lutte contre'"), 0, "output", "Note : guillemet ouvert en position 1", "quote"},
      {"LANG=en_US.UTF-8 " + kSearch + " --db " + (fs::temp_directory_path() / "fouille-no-such-db").string() + " x", 4,
       "errors", "cannot open the database", "ne s'ouvre pas"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    EXPECT_EQ(r.status, c.status) << r.errors;
    const std::string& text = c.stream == "errors" ? r.errors : r.output;
    EXPECT_TRUE(has(text, c.expected)) << text;
    EXPECT_FALSE(has(text, c.absent)) << text;
    if (c.stream == "errors") {
      EXPECT_EQ(std::count(r.errors.begin(), r.errors.end(), '\n'), 1) << r.errors;
    }
  }
}

// fouille-index too: each skipped file keeps its name and reason, the summary
// and the phases line follow the run's language, in --dump as well.
TEST(IndexInOneLanguage, SkippedFilesAndTheSummary) {
  test::ScratchDir dir("cli-index-lang");
  fs::create_directories(dir / "in");
  fs::copy(fs::path(FOUILLE_SAMPLES) / "000_e52cd48991c2ab76.txt", dir / "in" / "bon.txt");
  test::write_file(dir / "in" / "empty.txt", "");
  test::write_file(dir / "in" / "binary.txt", std::string("\x7f"
                                                          "ELF\0\0\0\0",
                                                          8));
  test::write_file(dir / "in" / "records.jsonl", "{\"id\":\"J1\",\"title\":\"Projet JSON\"}\n{broken\n");
  struct Case {
    std::string env, args;
    std::vector<std::string> errors, output, absent;
  };
  const std::vector<std::string> french_errors = {"empty.txt : ignoré : fichier vide",
                                                  "binary.txt : ignoré : fichier binaire (octets",
                                                  "records.jsonl:2 : JSON invalide (octet 2)"};
  const std::vector<std::string> english_errors = {
      "empty.txt: skipped: empty file", "binary.txt: skipped: binary file (", "records.jsonl:2: bad JSON (byte 2)"};
  const std::vector<std::string> french_words = {"ignoré", "vide", "invalide", "ajouté", "temps :", " Mo", "fils"};
  const std::vector<std::string> english_words = {"skipped", "empty", "bad", "added", "time:", " MB", "thread"};
  const Case cases[] = {
      {"", "", french_errors, {"2 ajoutés", "2 ignorés", " Mo/s", "temps : parcours"}, english_words},
      {"", "--lang en", english_errors, {"2 added", "2 skipped", " MB/s", "time: scan"}, french_words},
      {"LANG=en_GB.UTF-8", "", english_errors, {"2 added"}, french_words},
      {"LANG=en_GB.UTF-8 LC_MESSAGES=fr_FR.UTF-8", "", french_errors, {"2 ajoutés"}, english_words},
      {"LANG=en_GB.UTF-8", "--lang fr", french_errors, {"2 ajoutés"}, english_words},
  };
  int run_number = 0;
  for (const auto& c : cases) {
    const std::string db = (dir / ("db" + std::to_string(run_number++))).string();
    const std::string command =
        c.env + " " + kIndex + " " + c.args + " --jobs 1 --db " + db + " " + (dir / "in").string();
    SCOPED_TRACE(command);
    auto r = run(command);
    EXPECT_EQ(r.status, 0) << r.errors;
    for (const auto& e : c.errors) EXPECT_TRUE(has(r.errors, e)) << e << "\n" << r.errors;
    for (const auto& o : c.output) EXPECT_TRUE(has(r.output, o)) << o << "\n" << r.output;
    for (const auto& a : c.absent) {
      EXPECT_FALSE(has(r.output, a)) << a << "\n" << r.output;
      // The file names are the user's: only the messages must be free of the other language.
      std::string errors = r.errors;
      for (const char* name : {"empty.txt", "binary.txt", "records.jsonl"}) {
        for (std::size_t at; (at = errors.find(name)) != std::string::npos;) errors.erase(at, std::strlen(name));
      }
      EXPECT_FALSE(has(errors, a)) << a << "\n" << r.errors;
    }
    auto dump = run(c.env + " " + kIndex + " " + c.args + " --dump " + (dir / "in").string());
    EXPECT_EQ(dump.status, 0) << dump.errors;
    for (const auto& e : c.errors) EXPECT_TRUE(has(dump.errors, e)) << e << "\n" << dump.errors;
  }
}

// The progress line on a terminal (script(1) gives the run one) too.
TEST(IndexInOneLanguage, TheProgressLine) {
  if (run("command -v script").status != 0) GTEST_SKIP() << "no script(1) to give fouille-index a terminal";
  test::ScratchDir dir("cli-index-progress");
  struct Case {
    std::string args, present, absent;
  };
  const Case cases[] = {{"", "1/1 fichiers", "files"}, {"--lang en", "1/1 files", "fichiers"}};
  int run_number = 0;
  for (const auto& c : cases) {
    const std::string db = (dir / ("db" + std::to_string(run_number++))).string();
    const std::string command =
        kIndex + " " + c.args + " --db " + db + " " + FOUILLE_SAMPLES + "/000_e52cd48991c2ab76.txt";
    SCOPED_TRACE(command);
    auto r = run("TERM=xterm script -qec " + test::quote(command) + " /dev/null");
    EXPECT_EQ(r.status, 0) << r.output << r.errors;
    EXPECT_TRUE(has(r.output, c.present)) << r.output;
    EXPECT_FALSE(has(r.output, c.absent)) << r.output;
  }
}

// --json errors: one object, the shape of the HTTP API's, from every tool.
TEST_F(Conventions, JsonErrorsFromEveryTool) {
  struct Case {
    std::string command;
    std::string kind, code, id, message;
    int exit_code;
    nlohmann::json position;
  };
  const Case cases[] = {
      {search("--json --lang en 'traite budget:abc'"), "query", "bad_query", "query.not_an_amount",
       "query “traite budget:abc”: position 8: budget: “abc” is not an amount (e.g. 100000..200000, 150k..)", 2, 8},
      {search("--json --limit -1 x"), "usage", "bad_parameter", "option.expected_count_range", "--limit -1", 2,
       nullptr},
      {kIndex + " --json --db /proc/fouille-db " + FOUILLE_SAMPLES, "database", "unavailable",
       "store.cannot_create_folder", "/proc/fouille-db", 4, nullptr},
      {kIndex + " --json --lang en --db " + (dir_->path() / "db2").string() + " " + (dir_->path() / "nowhere").string(),
       "input", "bad_input", "index.missing_input", "nowhere: no such file or directory", 3, nullptr},
      {kIndex + " --json --db " + (dir_->path() / "db2").string() + " " + (dir_->path() / "nowhere").string(), "input",
       "bad_input", "index.missing_input", "nowhere : fichier ou dossier introuvable", 3, nullptr},
      {kIndex + " --json --jobs x --db " + (dir_->path() / "db3").string() + " " + FOUILLE_SAMPLES, "usage",
       "bad_parameter", "option.expected_count_range", "--jobs x", 2, nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    EXPECT_EQ(r.status, c.exit_code) << r.errors;
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(r.output)) << r.output;
    const nlohmann::json& e = j.at("error");
    EXPECT_EQ(e.size(), 6u) << e;  // kind, code, message, id, position, exit_code
    EXPECT_EQ(e.at("kind"), c.kind);
    EXPECT_EQ(e.at("code"), c.code);
    EXPECT_EQ(e.at("id"), c.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.id));
    EXPECT_TRUE(has(e.at("message").get<std::string>(), c.message)) << e;
    EXPECT_EQ(e.at("position"), c.position);
    EXPECT_EQ(e.at("exit_code"), c.exit_code);
  }
}

TEST_F(Conventions, FacetSizeAndTheNewestYearsFirst) {
  auto all = run(search("--facet-size 100 ''"));
  ASSERT_EQ(all.status, 0) << all.errors;
  auto two = run(search("--facet-size 2 ''"));
  ASSERT_EQ(two.status, 0) << two.errors;
  auto line_of = [](const std::string& output, const std::string& heading) {
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("  " + heading + " ", 0) == 0) return line;
    }
    return std::string();
  };
  const std::string years = line_of(all.output, "Années");
  ASSERT_FALSE(years.empty()) << all.output;
  std::vector<int> found;
  static const std::regex year("(\\d{4}) \\(");
  for (std::sregex_iterator it(years.begin(), years.end(), year), end; it != end; ++it)
    found.push_back(std::stoi((*it)[1]));
  ASSERT_GE(found.size(), 3u) << years;
  EXPECT_TRUE(std::is_sorted(found.rbegin(), found.rend())) << years;  // newest first
  EXPECT_FALSE(has(years, "…")) << years;

  const std::string cut = line_of(two.output, "Années");
  EXPECT_TRUE(has(cut, std::to_string(found[0]) + " (")) << cut;
  EXPECT_TRUE(has(cut, std::to_string(found[1]) + " (")) << cut;
  EXPECT_FALSE(has(cut, std::to_string(found[2]) + " (")) << cut;
  EXPECT_TRUE(has(cut, " · …")) << cut;
  EXPECT_EQ(run(search("--facet-size 0 ''")).status, 2);
}

TEST_F(Conventions, ColourOnlyWhenAskedOrOnATerminal) {
  struct Case {
    std::string command;
    bool bold;
  };
  const Case cases[] = {
      {search("traite"), false},  // a pipe
      {search("--color always traite"), true},
      {"NO_COLOR=1 " + search("--color always traite"), true},  // the option wins
      {"TERM=dumb " + search("--color never traite"), false},
      {search("--color auto traite"), false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    ASSERT_EQ(r.status, 0) << r.errors;
    EXPECT_EQ(has(r.output, "\033[1m"), c.bold) << r.output;
  }
}

// Every tool's --help exits 0 (the bench tools: bench_tools_help), in the
// user's language; the option names stay the same.
TEST(Help, EveryToolsHelpExitsZeroInTheUsersLanguage) {
  struct Case {
    std::string command;
    std::vector<std::string> present, absent;
  };
  const std::vector<std::string> french_words = {"Utilisation :", "Exemple", "affiche cette aide"};
  const std::vector<std::string> english_words = {"Usage:", "Example", "show this help", " the ", " of "};
  const std::string en = "LANG=en_GB.UTF-8 ";
  const Case cases[] = {
      {kIndex + " --help", {"--db", "--jobs", "dossier de la base", "fils qui lisent"}, english_words},
      {en + kIndex + " --help", {"--db", "--jobs", "database folder", "threads that read"}, french_words},
      {kIndex + " --lang en --help", {"database folder"}, french_words},
      {kSearch + " --help", {"--filter", "Langage de requête", "valeurs montrées par facette"}, english_words},
      {kSearch + " --lang en --help", {"--filter", "Query language", "values shown per facet"}, french_words},
      {kServe + " --help", {"--port", "adresse d'écoute"}, english_words},
      {en + kServe + " --help", {"--port", "address to listen on"}, french_words},
      {kGen + " --help", {"--out", "graine du hasard"}, english_words},
      {en + kGen + " --help", {"--out", "random seed"}, french_words},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    EXPECT_EQ(r.status, 0) << r.errors;
    for (const auto& p : c.present) EXPECT_TRUE(has(r.output, p)) << p << "\n" << r.output;
    for (const auto& a : c.absent) EXPECT_FALSE(has(r.output, a)) << a << "\n" << r.output;
  }
  EXPECT_TRUE(has(run(kSearch + " --help").output, "--facet-size"));
  EXPECT_TRUE(has(run(kSearch + " --help").output, "--color"));
  EXPECT_TRUE(has(run(kIndex + " --help").output, "--color"));
}

// A second fouille-serve on the port of a running one fails at start, with
// one line and a non-zero exit, instead of sharing the port (#27).
TEST(Serve, ASecondServerOnABusyPortFailsAtStart) {
  test::ScratchDir dir("cli-serve-port");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run(kIndex + " -q --db " + db + " " + FOUILLE_SAMPLES).status, 0);
  const fs::path log = dir / "first.log";
  pid_t first = fork();
  if (first == 0) {
    const std::string cmd = "exec " + kServe + " --quiet --port 0 --db " + db + " 2>" + quote(log.string());
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // The first server says its port on stderr once it listens.
  std::string port;
  static const std::regex at(":([0-9]+)/");
  for (auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
       port.empty() && std::chrono::steady_clock::now() < deadline;) {
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    std::smatch m;
    if (std::regex_search(s, m, at)) port = m[1].str();
    if (port.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_FALSE(port.empty()) << "the first server did not start";

  auto second = run("timeout 20 " + kServe + " --quiet --port " + port + " --db " + db);
  EXPECT_EQ(second.status, 2) << second.errors;
  EXPECT_EQ(std::count(second.errors.begin(), second.errors.end(), '\n'), 1) << second.errors;
  EXPECT_TRUE(has(second.errors, ":" + port + " : impossible d'écouter")) << second.errors;

  kill(first, SIGTERM);
  int status = 0;
  waitpid(first, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

}  // namespace
}  // namespace fouille
