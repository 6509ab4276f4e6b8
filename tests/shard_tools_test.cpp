// Sharded indexes (#28) through the tools as users run them: fouille-index
// --shard and --spelling-from, and fouille-shardd serving a shard on
// loopback to a Xapian remote database.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;
using test::lines;
using test::quote;
using test::run;

const std::string kIndex = std::string(FOUILLE_INDEX_BIN) + " --lang en";
const std::string kShardd = FOUILLE_SHARDD_BIN;

// fouille-index -q --json on `input` into `db` with `options`; its summary.
nlohmann::json index(const fs::path& db, const std::string& options, const std::string& input) {
  auto r = run(kIndex + " -q --json --db " + quote(db.string()) + " " + options + " " + input);
  EXPECT_EQ(r.status, 0) << r.errors;
  return r.status == 0 ? nlohmann::json::parse(r.output) : nlohmann::json{};
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Xapian::doccount documents(const fs::path& db) { return Xapian::Database(db.string()).get_doccount(); }

// A copy of the samples in a folder of its own, which the test may change.
fs::path samples_copy(const test::ScratchDir& dir) {
  fs::create_directories(dir / "docs");
  for (const auto& e : fs::directory_iterator(FOUILLE_SAMPLES)) fs::copy(e.path(), dir / "docs" / e.path().filename());
  return dir / "docs";
}

TEST(ShardTools, TwoShardsHoldTheWholeIndexEachFileOnce) {
  test::ScratchDir dir("shards-split");
  const fs::path docs = samples_copy(dir);
  const auto whole = index(dir / "whole", "", docs.string());
  const auto s1 = index(dir / "s1", "--shard 1/2 --jobs 2", docs.string());
  const auto s2 = index(dir / "s2", "--shard 2/2", docs.string());
  EXPECT_EQ(s1["shard"], "1/2");
  EXPECT_EQ(whole["shard"], "");
  EXPECT_EQ(s1["files"], whole["files"]);
  // Each file is read by one shard, and counted as "other shard" by the other.
  EXPECT_EQ(s1["other_shard"].get<int>() + s2["other_shard"].get<int>(), whole["files"].get<int>());
  EXPECT_GT(s1["other_shard"].get<int>(), 0);
  EXPECT_GT(s2["other_shard"].get<int>(), 0);
  EXPECT_EQ(s1["skipped"], 0);
  EXPECT_EQ(documents(dir / "s1") + documents(dir / "s2"), documents(dir / "whole"));
  Xapian::Database w((dir / "whole").string()), a((dir / "s1").string()), b((dir / "s2").string());
  for (const char* term : {"projet", "niger", "Sniger", "traite"}) {
    EXPECT_EQ(a.get_termfreq(term) + b.get_termfreq(term), w.get_termfreq(term)) << term;
  }
  EXPECT_EQ(a.get_metadata("fouille.shard"), "1/2");
  EXPECT_EQ(w.get_metadata("fouille.shard"), "");
}

TEST(ShardTools, AnotherSpecOrNoneOrBadSyntaxIsRefusedInOneLine) {
  test::ScratchDir dir("shards-refusals");
  const std::string docs = samples_copy(dir).string();
  index(dir / "s1", "--shard 1/2", docs);
  index(dir / "whole", "", docs);
  struct Case {
    std::string command, says;
  };
  const std::string s1 = (dir / "s1").string(), whole = (dir / "whole").string();
  const Case cases[] = {
      {kIndex + " --db " + s1 + " " + docs, s1 + ": database built as shard 1/2, not the whole index"},
      {kIndex + " --db " + s1 + " --shard 2/2 " + docs, s1 + ": database built as shard 1/2, not shard 2/2"},
      {kIndex + " --db " + s1 + " --shard 1/3 " + docs, "not shard 1/3"},
      {kIndex + " --db " + whole + " --shard 1/2 " + docs,
       whole + ": database built as the whole index, not shard 1/2"},
      {std::string(FOUILLE_INDEX_BIN) + " --lang fr --db " + s1 + " " + docs,
       s1 + " : base construite comme fragment 1/2, pas l'index entier"},
      {kIndex + " --db " + s1 + " --shard 3/2 " + docs, "--shard 3/2: expected i/L"},
      {kIndex + " --db " + s1 + " --shard x " + docs, "--shard x: expected i/L"},
      {kIndex + " --db " + s1 + " --shard 0/2 " + docs, "--shard 0/2: expected i/L"},
      {kIndex + " --db " + s1 + " --shard 1/257 " + docs, "--shard 1/257: expected i/L"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(lines(r.errors), 1u) << r.errors;
    EXPECT_NE(r.errors.find(c.says), std::string::npos) << r.errors;
  }
  EXPECT_FALSE(fs::exists(dir / "never")) << "a bad spec created a database";
  EXPECT_EQ(run(kIndex + " --db " + (dir / "never").string() + " --shard 3/2 " + docs).status, 2);
  EXPECT_FALSE(fs::exists(dir / "never"));
  auto help = run(kIndex + " --help");
  EXPECT_NE(help.output.find("--shard"), std::string::npos);
  EXPECT_NE(help.output.find("--spelling-from"), std::string::npos);
}

// Updates, --prune and the way a folder is named keep each file in its shard.
TEST(ShardTools, UpdatesAndPruneStayOnTheFilesShard) {
  test::ScratchDir dir("shards-update");
  const fs::path docs = samples_copy(dir);
  index(dir / "s1", "--shard 1/2", docs.string());
  index(dir / "s2", "--shard 2/2", docs.string());
  // The same folder named relatively: the key is the absolute path, nothing changes.
  auto relative = run("cd " + quote(dir.path().string()) + " && " + kIndex + " -q --json --db s1 --shard 1/2 docs");
  ASSERT_EQ(relative.status, 0) << relative.errors;
  const auto again = nlohmann::json::parse(relative.output);
  EXPECT_EQ(again["added"], 0);
  EXPECT_EQ(again["unchanged"].get<int>() + again["other_shard"].get<int>(), again["files"].get<int>());

  // A new file goes to one shard only; removed, it is pruned from that shard only.
  test::write_file(docs / "nouveau.txt", "Titre : Projet zorglub\n\nLe projet zorglub reboise le Sahel.\n");
  const auto a = index(dir / "s1", "--shard 1/2", docs.string());
  const auto b = index(dir / "s2", "--shard 2/2", docs.string());
  EXPECT_EQ(a["added"].get<int>() + b["added"].get<int>(), 1);
  const Xapian::doccount before = documents(dir / "s1") + documents(dir / "s2");
  fs::remove(docs / "nouveau.txt");
  const auto pa = index(dir / "s1", "--shard 1/2 --prune", docs.string());
  const auto pb = index(dir / "s2", "--shard 2/2 --prune", docs.string());
  EXPECT_EQ(pa["removed"].get<int>() + pb["removed"].get<int>(), 1);
  EXPECT_EQ(documents(dir / "s1") + documents(dir / "s2"), before - 1);
}

// A TCP port on loopback nobody listens on now.
int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), size);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// fouille-shardd serving `db` on `port`, in a session of its own (xapian-tcpsrv
// ends its whole process group on SIGTERM); stopped with the object.
class Shardd {
 public:
  Shardd(const fs::path& db, int port, const fs::path& log) : port_(port) {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setsid();
      const std::string cmd = kShardd + " --lang en --db " + quote(db.string()) + " --port " + std::to_string(port) +
                              " >" + quote(log.string()) + " 2>&1";
      ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~Shardd() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  // A new connection to it, once it listens (within 10 s).
  Xapian::Database connect() const {
    for (int i = 0;; ++i) {
      try {
        return Xapian::Remote::open("127.0.0.1", static_cast<unsigned>(port_), 10000, 10000);
      } catch (const Xapian::NetworkError&) {
        if (i >= 100) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }

 private:
  int port_;
  pid_t pid_ = -1;
};

TEST(ShardServe, ServesAShardToARemoteDatabase) {
  test::ScratchDir dir("shardd-serve");
  index(dir / "s1", "--shard 1/2", samples_copy(dir).string());
  const int port = free_port();
  Shardd server(dir / "s1", port, dir / "shardd.log");
  Xapian::Database local((dir / "s1").string());
  Xapian::Database remote = server.connect();
  EXPECT_EQ(remote.get_doccount(), local.get_doccount());
  EXPECT_GT(remote.get_doccount(), 0u);
  for (const char* term : {"projet", "traite"}) EXPECT_EQ(remote.get_termfreq(term), local.get_termfreq(term)) << term;
  // A stub file with a remote line, as a coordinator's shard map is made of.
  test::write_file(dir / "remote.stub", "remote 127.0.0.1:" + std::to_string(port) + "\n");
  EXPECT_EQ(Xapian::Database((dir / "remote.stub").string()).get_doccount(), local.get_doccount());
  std::ifstream log(dir / "shardd.log");
  std::string first;
  std::getline(log, first);
  EXPECT_EQ(first, "fouille-shardd: shard 1/2: " + std::to_string(local.get_doccount()) +
                       " documents, serving on 127.0.0.1:" + std::to_string(port));
}

// xapian-tcpsrv opens the folder for each connection, through the stub: a
// new connection sees an update in place and a rebuilt generation.
TEST(ShardServe, ANewConnectionSeesUpdatesAndANewGeneration) {
  test::ScratchDir dir("shardd-generations");
  const fs::path docs = dir / "docs";
  ASSERT_EQ(
      run(std::string(FOUILLE_GEN_BIN) + " --out " + quote(docs.string()) + " --docs 240 --jsonl 0 --seed 9").status,
      0);
  index(dir / "db", "--shard 1/1 --jobs 2", docs.string());
  ASSERT_EQ(read_file(dir / "db" / "XAPIANDB"), "glass gen-2\n");
  Shardd server(dir / "db", free_port(), dir / "shardd.log");
  EXPECT_EQ(server.connect().get_doccount(), 240u);
  // Emptied in place (--prune), then rebuilt in parallel into gen-3 with fewer files.
  fs::rename(docs, dir / "away");
  fs::create_directories(docs);
  index(dir / "db", "--shard 1/1 --prune", docs.string());
  EXPECT_EQ(server.connect().get_doccount(), 0u);
  std::size_t moved = 0;
  for (const auto& e : fs::directory_iterator(dir / "away")) {
    if (moved++ < 220) fs::rename(e.path(), docs / e.path().filename());
  }
  index(dir / "db", "--shard 1/1 --jobs 2", docs.string());
  ASSERT_EQ(read_file(dir / "db" / "XAPIANDB"), "glass gen-3\n");
  EXPECT_EQ(server.connect().get_doccount(), 220u);
}

TEST(ShardServe, RefusesInOneLineWhatItCannotServe) {
  test::ScratchDir dir("shardd-refusals");
  index(dir / "stale", "", FOUILLE_SAMPLES);
  {
    Xapian::WritableDatabase db((dir / "stale").string());
    db.set_metadata("fouille.analysis", "0123456789abcdef");
    db.commit();
    Xapian::WritableDatabase plain((dir / "plain").string(), Xapian::DB_CREATE);
    plain.add_document(Xapian::Document());
    plain.commit();
  }
  index(dir / "good", "", FOUILLE_SAMPLES);
  const std::string port = " --port " + std::to_string(free_port());
  struct Case {
    std::string command;
    int status;
    std::string says;
  };
  const Case cases[] = {
      {kShardd + " --lang en --db " + (dir / "stale").string() + port, 4,
       "stale: indexed by another version of the French analysis"},
      {kShardd + " --lang en --db " + (dir / "plain").string() + port, 4, "plain: not a fouille database"},
      {kShardd + " --lang en --db " + (dir / "missing").string() + port, 4, "missing: cannot open the database"},
      {kShardd + " --lang fr --db " + (dir / "plain").string() + port, 4, "plain : pas une base fouille"},
      {"env PATH=/nonexistent " + kShardd + " --lang en --db " + (dir / "good").string() + port, 4,
       "cannot run xapian-tcpsrv: No such file or directory (it is in the Debian package xapian-tools)"},
      {kShardd + " --lang en --db " + (dir / "good").string(), 2, "--db and --port are required"},
      {kShardd + " --lang en --db " + (dir / "good").string() + " --port 70000", 2, "--port 70000"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run("timeout 20 " + c.command);  // served by mistake, it would not end
    EXPECT_EQ(r.status, c.status);
    EXPECT_EQ(lines(r.errors), 1u) << r.errors;
    EXPECT_NE(r.errors.find(c.says), std::string::npos) << r.errors;
  }
  auto help = run(kShardd + " --lang en --help");
  EXPECT_EQ(help.status, 0);
  for (const char* opt : {"--db", "--port", "--interface", "--lang"})
    EXPECT_NE(help.output.find(opt), std::string::npos);
}

// The words a database's spelling table holds most often, longest first
// among equals: the ones a misspelling is most likely to be of.
std::vector<std::string> frequent_words(const Xapian::Database& db, std::size_t n) {
  std::vector<std::pair<Xapian::doccount, std::string>> words;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    if ((*it).size() >= 7) words.emplace_back(it.get_termfreq(), *it);
  }
  std::sort(words.rbegin(), words.rend());
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size() && out.size() < n; ++i) out.push_back(words[i].second);
  return out;
}

TEST(ShardTools, TheMergedSpellingDatabaseSuggestsAsTheWholeIndex) {
  test::ScratchDir dir("shards-spelling");
  const std::string docs = (dir / "docs").string();
  ASSERT_EQ(run(std::string(FOUILLE_GEN_BIN) + " --out " + quote(docs) + " --docs 300 --seed 4").status, 0);
  index(dir / "whole", "", docs);
  index(dir / "s1", "--shard 1/2", docs);
  index(dir / "s2", "--shard 2/2", docs);
  auto merged = run(kIndex + " --db " + (dir / "spelling").string() + " --spelling-from " + (dir / "s1").string() +
                    " " + (dir / "s2").string());
  ASSERT_EQ(merged.status, 0) << merged.errors;
  EXPECT_NE(merged.output.find("spelling table of 2 databases"), std::string::npos) << merged.output;
  Xapian::Database whole((dir / "whole").string()), spelling((dir / "spelling").string());
  EXPECT_EQ(spelling.get_doccount(), 0u);
  EXPECT_EQ(spelling.get_metadata("fouille.analysis"), whole.get_metadata("fouille.analysis"));
  const auto words = frequent_words(whole, 8);
  ASSERT_EQ(words.size(), 8u);
  for (const std::string& word : words) {
    for (const std::string& typo : {word.substr(0, 2) + word.substr(3), word.substr(0, 4) + "x" + word.substr(5)}) {
      SCOPED_TRACE(word + " as " + typo);
      EXPECT_EQ(spelling.get_spelling_suggestion(typo), whole.get_spelling_suggestion(typo));
      EXPECT_EQ(spelling.get_spelling_suggestion(typo), word);
    }
  }
  // Into a database that holds documents: refused, nothing written.
  auto into_index = run(kIndex + " --db " + (dir / "whole").string() + " --spelling-from " + (dir / "s1").string());
  EXPECT_EQ(into_index.status, 4);
  EXPECT_EQ(lines(into_index.errors), 1u);
  EXPECT_NE(into_index.errors.find("the database holds documents"), std::string::npos) << into_index.errors;
}

}  // namespace
}  // namespace fouille
