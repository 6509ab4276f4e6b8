// The command-line tools as users run them: exit codes, one-line messages,
// --analyze, and runs interrupted by Ctrl-C or kill -9.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <signal.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "fouille/testsupport/generator.h"

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;
using test::lines;
using test::quote;
using test::run;

// These tests read the tools' English; cli_conventions_test checks both languages.
const std::string kIndex = std::string(FOUILLE_INDEX_BIN) + " --lang en";
const std::string kSearch = FOUILLE_SEARCH_BIN;

TEST(Cli, AnalyzeStdinPrintsOneLineOfTermsPerInputLine) {
  auto r =
      run("printf '%s\\n' \"L’OIM renforce la lutte contre la traite\" '' 'la le les' 'ÊTRES humains, Sud-Est' | " +
          kSearch + " --analyze -");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.output, "oim renforc lutt contr trait\n\n\netre humain sud\n");
}

TEST(Cli, AnalyzeTextListsTokens) {
  auto r = run(kSearch + " --analyze " + quote("l’OIM"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.output, "0\toim\tOIM\n");
}

TEST(Cli, HelpAndVersion) {
  for (const auto& bin : {kIndex, kSearch + " --lang en"}) {
    auto help = run(bin + " --help");
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.output.find("Example"), std::string::npos);
    auto version = run(bin + " --version");
    EXPECT_EQ(version.status, 0);
    EXPECT_NE(version.output.find("Xapian"), std::string::npos);
  }
  auto index_help = run(kIndex + " --help").output;
  for (const char* opt : {"--db", "--jobs", "--batch", "--prune", "--no-spelling", "--max-size", "--quiet", "--dump"}) {
    EXPECT_NE(index_help.find(opt), std::string::npos) << opt;
  }
  auto search_help = run(kSearch + " --help").output;
  for (const char* opt : {"--db", "--filter", "--facets", "--sort", "--collapse", "--limit", "--offset", "--operator",
                          "--json", "--analyze"}) {
    EXPECT_NE(search_help.find(opt), std::string::npos) << opt;
  }
}

TEST(Cli, BadInputGetsOneLineAndTheRightExitCode) {
  test::ScratchDir dir("cli-errors");
  auto missing = run(kIndex + " --db " + (dir / "db").string() + " " + (dir / "nowhere").string());
  EXPECT_EQ(missing.status, 3);
  EXPECT_EQ(lines(missing.errors), 1u);
  EXPECT_NE(missing.errors.find("nowhere: no such file or directory"), std::string::npos) << missing.errors;

  auto usage = run(kIndex + " " + FOUILLE_SAMPLES);
  EXPECT_EQ(usage.status, 2);
  EXPECT_NE(usage.errors.find("--db"), std::string::npos);

  auto unwritable = run(kIndex + " --db /proc/fouille-db " + FOUILLE_SAMPLES);
  EXPECT_EQ(unwritable.status, 4);
  EXPECT_EQ(lines(unwritable.errors), 1u);
  EXPECT_NE(unwritable.errors.find("/proc/fouille-db"), std::string::npos) << unwritable.errors;

  auto no_db = run(kSearch + " --db " + (dir / "nodb").string() + " traite");
  EXPECT_EQ(no_db.status, 4);
  EXPECT_NE(no_db.errors.find("nodb"), std::string::npos);

  ASSERT_EQ(run(kIndex + " -q --db " + (dir / "db").string() + " " + FOUILLE_SAMPLES).status, 0);
  auto bad_range = run(kSearch + " --db " + (dir / "db").string() + " 'traite année:2025..2020'");
  EXPECT_EQ(bad_range.status, 2);
  EXPECT_EQ(lines(bad_range.errors), 1u);
  EXPECT_NE(bad_range.errors.find("position 8"), std::string::npos) << bad_range.errors;

  auto bad_filter = run(kSearch + " --db " + (dir / "db").string() + " --filter couleur=bleu ''");
  EXPECT_EQ(bad_filter.status, 2);
  auto bad_facet = run(kSearch + " --db " + (dir / "db").string() + " --facets couleur ''");
  EXPECT_EQ(bad_facet.status, 2);
  EXPECT_NE(bad_facet.errors.find("couleur"), std::string::npos);

  auto nothing = run(kSearch + " --db " + (dir / "db").string() + " --json zzzqqq");
  EXPECT_EQ(nothing.status, 0);  // no match is no error
  EXPECT_NE(nothing.output.find("\"value\": 0"), std::string::npos);

  // Skipped files are reported, one line each, and do not fail the run.
  test::write_file(dir / "mixed" / "empty.txt", "");
  fs::copy(std::string(FOUILLE_SAMPLES) + "/000_e52cd48991c2ab76.txt", dir / "mixed" / "good.txt");
  auto mixed = run(kIndex + " --db " + (dir / "db2").string() + " " + (dir / "mixed").string());
  EXPECT_EQ(mixed.status, 0);
  EXPECT_NE(mixed.errors.find("empty.txt: skipped: empty file"), std::string::npos);
  EXPECT_NE(mixed.output.find("1 added"), std::string::npos) << mixed.output;
  auto all_bad = run(kIndex + " --db " + (dir / "db3").string() + " " + (dir / "mixed" / "empty.txt").string());
  EXPECT_EQ(all_bad.status, 3);
}

TEST(Cli, DumpPrintsOneJsonObjectPerDocument) {
  auto r = run(kIndex + " --dump " + FOUILLE_SAMPLES);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(lines(r.output), 12u);  // 8 files of one document, 4 IATI activities in 007
  EXPECT_NE(r.output.find("\"countries\":[\"TJ\"]"), std::string::npos);
  EXPECT_NE(r.output.find("\"budget_usd\":200000.0"), std::string::npos);
}

// Starts fouille-index in the background, waits until its database holds at
// least `docs` committed documents, or until a shard has been created in the
// `shards` folder (or it ends), then sends `sig`.
int interrupt_run(const std::string& db, const std::string& input, const std::string& options, int sig,
                  std::size_t docs, const fs::path& shards = {}) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string cmd = kIndex + " -q --db " + db + " " + options + " " + input + " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) return -1;  // finished before the signal
    if (!shards.empty()) {
      std::error_code ec;
      bool started = false;
      for (fs::directory_iterator it(shards, ec), end; !ec && it != end; it.increment(ec)) {
        started = started || fs::exists(it->path() / "iamglass", ec);
      }
      if (started) break;  // a shard exists: the parallel build is under way
    } else {
      try {
        if (Xapian::Database(db).get_doccount() >= docs) break;
      } catch (const Xapian::Error&) {
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid, sig);
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Checks one --json summary: every phase present, none negative, and no more
// time in all than the threads that ran had between them.
void expect_sane_phases(const nlohmann::json& j) {
  const double seconds = j.at("seconds").get<double>();
  const unsigned threads = j.at("threads").get<unsigned>();
  ASSERT_EQ(j.at("phases").size(), 8u) << j.dump();
  double sum = 0;
  for (const char* phase : {"scan", "read", "parse", "analyse", "build", "write", "compact", "spelling"}) {
    SCOPED_TRACE(phase);
    ASSERT_TRUE(j["phases"].contains(phase)) << j.dump();
    const double t = j["phases"][phase].get<double>();
    EXPECT_GE(t, 0.0);
    sum += t;
  }
  EXPECT_GT(sum, 0.0);
  EXPECT_LE(sum, threads * seconds + 1e-6) << j.dump();
  EXPECT_GT(j.at("peak_rss_bytes").get<std::uint64_t>(), 1u << 20);
}

TEST(Cli, JsonSummaryTimesEachPhaseOfABuildAndAnUpdate) {
  test::ScratchDir dir("cli-phases");
  testsupport::GeneratorOptions g;
  g.documents = 400;  // enough for a build in shards
  testsupport::generate(g, dir / "in");
  const std::string db = (dir / "db").string(), in = (dir / "in").string();
  auto built = run(kIndex + " --json --jobs 2 --db " + db + " " + in);
  ASSERT_EQ(built.status, 0) << built.errors;
  ASSERT_EQ(lines(built.output), 1u) << built.output;
  auto fresh = nlohmann::json::parse(built.output);
  EXPECT_EQ(fresh["added"], 400);
  EXPECT_EQ(fresh["threads"], 2);
  expect_sane_phases(fresh);
  for (const char* phase : {"read", "parse", "analyse", "build", "write", "compact", "spelling"}) {
    EXPECT_GT(fresh["phases"][phase].get<double>(), 0.0) << phase << " " << fresh.dump();
  }

  // An update: one more thread, the writer, and nothing to compact.
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(in)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());  // one document each
  }
  std::sort(files.begin(), files.end());
  for (std::size_t i = 0; i < 10; ++i) std::ofstream(files[i], std::ios::app) << "\nParagraphe ajouté.\n";
  auto updated = run(kIndex + " --json --jobs 2 --db " + db + " " + in);
  ASSERT_EQ(updated.status, 0) << updated.errors;
  auto update = nlohmann::json::parse(updated.output);
  EXPECT_EQ(update["updated"], 10);
  EXPECT_EQ(update["unchanged"].get<int>(), fresh["files"].get<int>() - 10);
  EXPECT_EQ(update["threads"], 3);
  EXPECT_EQ(update["phases"]["compact"].get<double>(), 0.0);
  EXPECT_GT(update["phases"]["write"].get<double>(), 0.0);
  expect_sane_phases(update);

  // The text summary names the phases on a second line; --quiet keeps one line.
  auto text = run(kIndex + " --db " + db + " " + in);
  EXPECT_NE(text.output.find("\nfouille-index: time: scan "), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("peak RSS"), std::string::npos) << text.output;
  EXPECT_EQ(lines(run(kIndex + " -q --db " + db + " " + in).output), 1u);
}

class Interrupted : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("cli-interrupt");
    testsupport::GeneratorOptions g;
    g.documents = 3000;
    testsupport::generate(g, *dir_ / "in");
    auto full = run(kIndex + " -q --db " + (*dir_ / "full").string() + " " + (*dir_ / "in").string());
    ASSERT_EQ(full.status, 0) << full.errors;
    expected_ = Xapian::Database((*dir_ / "full").string()).get_doccount();
  }
  static void TearDownTestSuite() { delete dir_; }
  static test::ScratchDir* dir_;
  static std::size_t expected_;
};
test::ScratchDir* Interrupted::dir_ = nullptr;
std::size_t Interrupted::expected_ = 0;

TEST_F(Interrupted, KillNineLeavesTheLastCommitAndTheNextRunCompletes) {
  std::string db = (*dir_ / "killed").string();
  // One writer, a commit every 100 documents: killed between two commits.
  int code = interrupt_run(db, (*dir_ / "in").string(), "--jobs 1 --batch 100", SIGKILL, 300);
  EXPECT_EQ(code, 128 + SIGKILL);
  std::size_t committed = Xapian::Database(db).get_doccount();
  EXPECT_GE(committed, 300u);
  EXPECT_LT(committed, expected_);
  auto again = run(kIndex + " -q --db " + db + " " + (*dir_ / "in").string());
  EXPECT_EQ(again.status, 0) << again.errors;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), expected_);
}

TEST_F(Interrupted, KillNineDuringAParallelBuildLeavesAnOpenableDatabase) {
  std::string db = (*dir_ / "killed-shards").string();
  run(kIndex + " -q --db " + db + " " + FOUILLE_SAMPLES);  // a first generation to keep
  fs::remove_all(db);
  int code = interrupt_run(db, (*dir_ / "in").string(), "--jobs 2 --batch 200", SIGKILL, 0, fs::path(db) / ".build");
  EXPECT_EQ(code, 128 + SIGKILL);
  EXPECT_NO_THROW(Xapian::Database(db).get_doccount());
  auto again = run(kIndex + " -q --db " + db + " " + (*dir_ / "in").string());
  EXPECT_EQ(again.status, 0) << again.errors;
  EXPECT_EQ(Xapian::Database(db).get_doccount(), expected_);
}

TEST_F(Interrupted, CtrlCCommitsWhatIsDoneAndSaysSo) {
  std::string db = (*dir_ / "sigint").string();
  int code = interrupt_run(db, (*dir_ / "in").string(), "--jobs 1 --batch 100", SIGINT, 200);
  EXPECT_EQ(code, 130);
  std::size_t committed = Xapian::Database(db).get_doccount();
  EXPECT_GE(committed, 200u);
  auto again = run(kIndex + " --db " + db + " " + (*dir_ / "in").string());
  EXPECT_EQ(again.status, 0);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), expected_);
  EXPECT_NE(again.output.find("unchanged"), std::string::npos);
}

// Typos corrected (or only suggested with --exact), IDs typed as words, and
// --like, from the command line.
TEST(Cli, CorrectsTyposFindsIdsAndListsSimilarProjects) {
  test::ScratchDir dir("cli-quality");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run(kIndex + " -q --db " + db + " " + FOUILLE_SAMPLES).status, 0);
  auto corrected = run(kSearch + " --db " + db + " Tadjiksitan");
  EXPECT_EQ(corrected.status, 0);
  EXPECT_NE(corrected.output.find("Résultats pour « tadjikistan »"), std::string::npos) << corrected.output;
  EXPECT_EQ(corrected.output.find("0 résultat"), std::string::npos) << corrected.output;
  auto exact = run(kSearch + " --db " + db + " --exact Tadjiksitan");
  EXPECT_NE(exact.output.find("Vouliez-vous dire : tadjikistan ?"), std::string::npos) << exact.output;
  EXPECT_NE(exact.output.find("0 résultat"), std::string::npos) << exact.output;
  auto json = run(kSearch + " --db " + db + " --json Tadjiksitan");
  EXPECT_NE(json.output.find("\"corrected\": \"tadjikistan\""), std::string::npos) << json.output;

  auto id = run(kSearch + " --db " + db + " PX.0432");
  EXPECT_NE(id.output.find("[PX.0432]"), std::string::npos) << id.output;

  auto like = run(kSearch + " --db " + db + " --like CT.1172");
  EXPECT_EQ(like.status, 0);
  EXPECT_NE(like.output.find("1. "), std::string::npos) << like.output;
  EXPECT_EQ(like.output.find("[CT.1172]"), std::string::npos) << like.output;
  auto like_json = run(kSearch + " --db " + db + " --json --like CT.1172");
  EXPECT_NE(like_json.output.find("\"hits\": ["), std::string::npos);
  auto unknown = run(kSearch + " --db " + db + " --like ZZ.0000");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(lines(unknown.errors), 1u);
  EXPECT_NE(unknown.errors.find("--like ZZ.0000"), std::string::npos) << unknown.errors;
}

}  // namespace
}  // namespace fouille
