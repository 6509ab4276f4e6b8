// Peak memory of fouille-index on the inputs that used to blow up (#16). The
// readers held a file whole, decoded it whole, then parsed it: about ten
// times its size for a text file, 23 times for a JSON Lines file (a 1 GB
// file could not be read at all). Each case runs the real tool as a child
// process and checks its peak RSS (wait4's ru_maxrss) against a bound
// derived from the input's size, above the peak of indexing the samples.
#include <fcntl.h>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMB = 1024 * 1024;

struct Child {
  int status = -1;
  std::uint64_t peak_rss = 0;  // bytes
  std::string out, err;
};

// Runs fouille-index with `args` as a child; its peak RSS from wait4.
Child run_index(const std::vector<std::string>& args, const fs::path& scratch) {
  const fs::path out = scratch / "stdout", err = scratch / "stderr";
  std::vector<std::string> argv_s{FOUILLE_INDEX_BIN, "--lang", "en"};  // the tests read its English
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  Child c;
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (pid > 0 && ::wait4(pid, &status, 0, &usage) == pid) {
    c.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    c.peak_rss = static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux counts KiB
  }
  std::ifstream o(out), e(err);
  c.out.assign(std::istreambuf_iterator<char>(o), {});
  c.err.assign(std::istreambuf_iterator<char>(e), {});
  return c;
}

// A narrative of about `bytes`, in paragraphs, varied enough to be real work.
std::string narrative(std::size_t bytes) {
  const char* const sentences[] = {
      "Le projet renforce les capacités des autorités frontalières à identifier les victimes de la traite.",
      "Les communautés d'accueil participent aux comités locaux de protection mis en place en 2019.",
      "Une étude sur la migration de main-d'œuvre vers les pays du Golfe éclaire les choix du gouvernement.",
      "Les migrants de retour reçoivent un appui à la réintégration économique et psychosociale.",
      "La coordination entre ministères est assurée par un groupe de travail réuni chaque trimestre.",
  };
  std::string out;
  out.reserve(bytes + 256);
  for (std::size_t i = 0; out.size() < bytes; ++i) {
    out += sentences[i % 5];
    out += (i % 7 == 6) ? "\n\n" : " ";
    if (i % 11 == 0) out += "Projet n° " + std::to_string(i) + ". ";
  }
  return out;
}

// A JSON Lines file of about `bytes`, one project a record.
void write_jsonl(const fs::path& path, std::size_t bytes) {
  std::ofstream out(path, std::ios::binary);
  const std::string body = narrative(900);
  std::size_t written = 0;
  for (std::size_t i = 0; written < bytes; ++i) {
    nlohmann::json r = {{"id", "CT." + std::to_string(100000 + i)},
                        {"title", "Appui aux migrants de retour, phase " + std::to_string(i)},
                        {"status", i % 2 ? "Actif" : "Achevé"},
                        {"countries", {"Sénégal", "Mali"}},
                        {"budget_usd", 150000 + i},
                        {"body", body}};
    const std::string line = r.dump() + "\n";
    out << line;
    written += line.size();
  }
}

class Memory : public ::testing::Test {
 protected:
  void SetUp() override {
    // What the tool takes on a few small files: code, tables, the analyser.
    const Child base =
        run_index({"-q", "--jobs", "1", "--db", (dir_ / "base.db").string(), FOUILLE_SAMPLES}, dir_.path());
    ASSERT_EQ(base.status, 0) << base.err;
    base_ = base.peak_rss;
  }
  // Indexes `file` with one job; its peak RSS above the base.
  std::uint64_t index_peak(const fs::path& file, std::size_t expect_docs, const std::string& max_mb = "20") {
    const Child c = run_index(
        {"--json", "--jobs", "1", "--max-size", max_mb, "--db", (dir_ / "db").string(), file.string()}, dir_.path());
    EXPECT_EQ(c.status, 0) << c.err;
    err_ = c.err;
    const auto summary = nlohmann::json::parse(c.out, nullptr, false);
    EXPECT_EQ(summary.value("added", 0u), expect_docs) << c.out;
    fs::remove_all(dir_ / "db");
    RecordProperty("peak_rss_mb", static_cast<int>(c.peak_rss / kMB));
    RecordProperty("base_rss_mb", static_cast<int>(base_ / kMB));
    return c.peak_rss > base_ ? c.peak_rss - base_ : 0;
  }
  test::ScratchDir dir_{"memory"};
  std::uint64_t base_ = 0;
  std::string err_;
};

// A 12 MB text document took 20 times its size (the bytes, the decoded
// text, the unified text, the lines, the body, then every word's token at
// once); now about 6 times, read once and analysed a window at a time.
TEST_F(Memory, TextDocumentTakesAFewTimesItsSize) {
  const std::size_t size = 12 * kMB;
  test::write_file(dir_ / "gros.txt", "Titre du projet\nAppui aux migrants\n\n" + narrative(size) + "\n");
  const std::uint64_t peak = index_peak(dir_ / "gros.txt", 1);
  EXPECT_LT(peak, 8 * size) << "peak RSS " << peak / kMB << " MB above the base for a " << size / kMB << " MB file";
}

// A text file past the text cap is read up to it, with a line naming it:
// memory follows the cap, not the file (a 1 GB file took over 4 GB).
TEST_F(Memory, TextPastTheCapIsReadUpToIt) {
  const std::size_t size = 48 * kMB;
  test::write_file(dir_ / "enorme.txt", "Titre du projet\nAppui aux migrants\n\n" + narrative(size) + "\n");
  const std::uint64_t peak = index_peak(dir_ / "enorme.txt", 1, "64");
  EXPECT_LT(peak, 8 * 20 * kMB) << "peak RSS " << peak / kMB << " MB above the base for a " << size / kMB << " MB file";
  EXPECT_NE(err_.find("enorme.txt: only the first 20 MB of text read"), std::string::npos) << err_;
}

// A JSON Lines file was held whole with all its records (23 times its
// size); now records go on as read, in parts: memory stays flat.
TEST_F(Memory, JsonLinesFileStreams) {
  const std::size_t size = 16 * kMB;
  write_jsonl(dir_ / "projets.jsonl", size);
  std::size_t records = 0;
  {
    std::ifstream in(dir_ / "projets.jsonl");
    for (std::string line; std::getline(in, line);) ++records;
  }
  const std::uint64_t peak = index_peak(dir_ / "projets.jsonl", records);
  EXPECT_LT(peak, 128 * kMB + size) << "peak RSS " << peak / kMB << " MB above the base for a " << size / kMB
                                    << " MB file";
}

}  // namespace
}  // namespace fouille
