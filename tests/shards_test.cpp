// Shards served over Xapian's remote protocol (stock xapian-tcpsrv) and
// searched through a shard map give what one database of the same documents
// gives: the same totals and facet counts always; the same weights and ids
// in the same order up to ties (equal weights come in document-id order, and
// ids are numbered per shard: a run of equal weights is compared as a set)
// wherever Xapian's own statistics allow (see exact_ranking_expected). One
// database served remotely answers exactly as it does locally: that compares
// the two code paths (count pass on sets or by spies, coverage, sorts,
// collapsing). A stopped replica is passed over; a shard with no server
// fails the search.
#include <algorithm>
#include <arpa/inet.h>
#include <cmath>
#include <csignal>
#include <fstream>
#include <iostream>
#include <map>
#include <netinet/in.h>
#include <set>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/index.h"
#include "fouille/searcher/searcher.h"
#include "fouille/searcher/session.h"
#include "fouille/store/spelling.h"

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;
using searcher::Request;
using searcher::Result;

// A port nothing listens on now (the kernel's choice).
unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// xapian-tcpsrv serving `db` on loopback, stopped with the object (with the
// processes it forked for each connection).
class Server {
 public:
  Server(const fs::path& db) : port_(free_port()) {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);  // its own group: stopping it stops the children serving connections
      const std::string port = std::to_string(port_);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--port", port.c_str(), "--interface", "127.0.0.1",
               db.c_str(), nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 200; ++i) {  // ready once it answers
      try {
        Xapian::Remote::open("127.0.0.1", port_, 1000, 1000);
        return;
      } catch (const Xapian::Error&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
      }
    }
    ADD_FAILURE() << "xapian-tcpsrv did not start on " << db;
  }
  ~Server() { stop(); }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  unsigned port_;
  pid_t pid_ = -1;
};

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  for (const char* dir : {FOUILLE_SAMPLES, FOUILLE_TEST_CORPUS}) {
    for (const auto& e : fs::recursive_directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void build(const fs::path& db, std::vector<fs::path> inputs, const std::string& shard = "") {
  indexer::Options options;
  options.db = db;
  options.inputs = std::move(inputs);
  options.jobs = 1;
  options.shard = shard;
  indexer::index(options, {}, {}, nullptr);
}

// One database of the test corpus, served remotely too (map1), and the same
// files as 2 and 4 shards (fouille-index --shard i/L), each served by its own
// server, behind a shard map whose spelling database is merged from the
// shards' (fouille-index --spelling-from).
class ShardsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("shards");
    const auto files = corpus_files();
    build(*dir_ / "whole", files);
    servers_.push_back(std::make_unique<Server>(*dir_ / "whole"));
    test::write_file(*dir_ / "map1",
                     "spelling " + (*dir_ / "whole").string() + "\nshard 1 " + servers_.back()->address() + "\n");
    for (std::size_t shards : {2, 4}) {
      std::string map;
      std::vector<fs::path> dbs;
      for (std::size_t s = 1; s <= shards; ++s) {
        const std::string spec = std::to_string(s) + "/" + std::to_string(shards);
        dbs.push_back(*dir_ / ("s" + std::to_string(shards) + "-" + std::to_string(s)));
        build(dbs.back(), files, spec);
        servers_.push_back(std::make_unique<Server>(dbs.back()));
        map += "shard " + std::to_string(s) + " " + servers_.back()->address() + "\n";
      }
      const fs::path spelling = *dir_ / ("spelling" + std::to_string(shards));
      store::merge_spelling(dbs, spelling);
      test::write_file(*dir_ / ("map" + std::to_string(shards)), map + "spelling " + spelling.string() + "\n");
    }
  }
  static void TearDownTestSuite() {
    servers_.clear();
    delete dir_;
  }

  static inline test::ScratchDir* dir_ = nullptr;
  static inline std::vector<std::unique_ptr<Server>> servers_;
};

bool same_weight(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a)); }

// The same ranking: equal weights rank by rank; the ids of each run of equal
// weights as sets, a run the page may cut (its last, and its first past the
// first page) as a subset of the whole list's run of that weight. What
// differs, or "".
std::string ranking_difference(const Result& one, const Result& sharded, const Result& one_full) {
  if (one.hits.size() != sharded.hits.size()) return "hits " + std::to_string(sharded.hits.size());
  for (std::size_t i = 0; i < one.hits.size();) {
    std::size_t end = i;
    std::multiset<std::string> a, b;
    for (; end < one.hits.size() && same_weight(one.hits[end].score, one.hits[i].score); ++end) {
      a.insert(one.hits[end].document.source);
      b.insert(sharded.hits[end].document.source);
      if (!same_weight(one.hits[end].score, sharded.hits[end].score)) {
        return "rank " + std::to_string(end + 1) + ": weight " + std::to_string(one.hits[end].score) + " against " +
               std::to_string(sharded.hits[end].score);
      }
    }
    // The page's first run (past the first page) and its last may be cut.
    const bool cut = end == one.hits.size() || (i == 0 && one.offset > 0);
    if (!cut && a != b) return "ranks " + std::to_string(i + 1) + "-" + std::to_string(end);
    if (cut) {
      for (const auto& source : b) {
        const bool found = std::any_of(one_full.hits.begin(), one_full.hits.end(), [&](const searcher::Hit& h) {
          return h.document.source == source && same_weight(h.score, one.hits[i].score);
        });
        if (!found) return source + " is not in the whole list's run of its weight";
      }
    }
    i = end;
  }
  return "";
}

// Xapian 1.4 weighs a synonym group (OP_SYNONYM) with a frequency it
// estimates on each shard from the parts' frequencies there, so a document
// matching a group by several of its spellings can weigh a little
// differently (the same happens with local databases combined).
bool exact_ranking_expected(const Result& one) { return one.synonyms.empty(); }

// Equal totals, flags and facet counts, always; the same ranking where
// exact_ranking_expected. Returns whether the ranking was the same.
bool expect_same(const Result& one, const Result& sharded, const Result& one_full, const std::string& what,
                 bool ranking_exact = false) {
  EXPECT_EQ(one.total, sharded.total) << what;
  EXPECT_EQ(one.exact, sharded.exact) << what;
  EXPECT_EQ(one.relaxed, sharded.relaxed) << what;
  EXPECT_EQ(one.all_words, sharded.all_words) << what;
  EXPECT_EQ(one.corrected, sharded.corrected) << what;
  EXPECT_EQ(one.facets.size(), sharded.facets.size()) << what;
  if (one.facets.size() != sharded.facets.size()) return false;
  for (const auto& [key, values] : one.facets) {
    const auto& other = sharded.facets.at(key);
    EXPECT_EQ(values.size(), other.size()) << what << " facet " << key;
    if (values.size() != other.size()) return false;
    for (std::size_t i = 0; i < values.size(); ++i) {
      EXPECT_EQ(values[i].value, other[i].value) << what << " facet " << key;
      EXPECT_EQ(values[i].count, other[i].count) << what << " facet " << key << " " << values[i].value;
    }
  }
  const std::string difference = ranking_difference(one, sharded, one_full);
  if (ranking_exact || exact_ranking_expected(one)) {
    EXPECT_EQ(difference, "") << what;
  }
  return difference.empty();
}

std::vector<Request> query_table() {
  std::vector<Request> requests;
  std::ifstream in(std::string(FOUILLE_SOURCE_DIR) + "/bench/queries.tsv");
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    queries.push_back(line.substr(0, line.find('\t')));
  }
  queries.push_back("");               // browsing: every document
  queries.push_back("migrnts sante");  // corrected
  for (const auto& q : queries) {
    Request r;
    r.query = q;
    requests.push_back(r);
  }
  // Sorts, pages, filters (their facets counted without them) on a sample.
  for (std::size_t i = 0; i < queries.size(); i += 7) {
    Request r;
    r.query = queries[i];
    for (const char* sort : {"budget", "-budget", "year", "-year"}) {
      r.sort = sort;
      requests.push_back(r);
    }
    r.sort = "relevance";
    r.offset = 5;
    requests.push_back(r);
    r.offset = 1000;  // past the end: an empty page
    requests.push_back(r);
    r.offset = 0;
    r.filters = {{"statut", "Actif"}};
    requests.push_back(r);
    r.filters = {{"pays", "GT"}, {"pays", "SN"}, {"region", "Afrique de l'Ouest et du Centre"}};
    requests.push_back(r);
    r.filters = {{"budget", "100000..2000000"}};
    requests.push_back(r);
  }
  return requests;
}

std::string describe_request(const Request& r) {
  std::string out = "« " + r.query + " » sort " + r.sort + " offset " + std::to_string(r.offset);
  for (const auto& [k, v] : r.filters) out += " " + k + "=" + v;
  if (r.collapse) out += " collapsed";
  return out;
}

TEST_F(ShardsTest, TwoAndFourShardsAnswerAsOneDatabase) {
  searcher::Searcher one((*dir_ / "whole").string());
  for (const char* map : {"map2", "map4"}) {
    searcher::Searcher sharded((*dir_ / map).string());
    std::size_t compared = 0, plain = 0, ranked_alike = 0, plain_alike = 0;
    for (Request r : query_table()) {
      r.limit = 10;
      const Result a = one.search(r), b = sharded.search(r);
      Request full = r;
      full.offset = 0;
      full.limit = 1000;
      const bool alike = expect_same(a, b, one.search(full), std::string(map) + " " + describe_request(r));
      ++compared;
      ranked_alike += alike;
      if (exact_ranking_expected(a)) {
        ++plain;
        plain_alike += alike;
      }
    }
    EXPECT_GT(compared, 200u);
    EXPECT_GT(plain, 50u);
    EXPECT_EQ(plain_alike, plain);
    std::cout << map << ": " << compared << " requests, totals and facets equal in all; ranked alike: " << ranked_alike
              << " (every one of the " << plain << " without a synonym group)\n";
  }
}

// The remote code path on one database: everything as local, ranking too.
TEST_F(ShardsTest, OneDatabaseServedRemotelyAnswersAsItselfLocally) {
  searcher::Searcher one((*dir_ / "whole").string()), remote((*dir_ / "map1").string());
  std::size_t compared = 0;
  for (Request r : query_table()) {
    for (bool collapse : {false, true}) {
      r.collapse = collapse;
      const Result a = one.search(r);
      Request full = r;
      full.offset = 0;
      full.limit = 1000;
      expect_same(a, remote.search(r), one.search(full), "map1 " + describe_request(r), /*ranking_exact=*/true);
      ++compared;
    }
  }
  EXPECT_GT(compared, 400u);
}

TEST_F(ShardsTest, WholeListsAgreeRunByRun) {
  searcher::Searcher one((*dir_ / "whole").string()), sharded((*dir_ / "map4").string());
  for (const char* q : {"", "OIM", "Guinée", "ONG formation", "Niger retour volontaire"}) {
    Request r;
    r.query = q;
    r.limit = 1000;
    const Result a = one.search(r);
    expect_same(a, sharded.search(r), a, std::string("whole list of « ") + q + " »");
  }
}

TEST_F(ShardsTest, AStoppedReplicaIsPassedOverAndAShardWithNoServerFailsTheSearch) {
  Server first(*dir_ / "s2-1"), second(*dir_ / "s2-1"), other(*dir_ / "s2-2");
  const fs::path map = *dir_ / "replicas";
  test::write_file(
      map, "timeout 2\nshard 1 " + first.address() + " " + second.address() + "\nshard 2 " + other.address() + "\n");
  searcher::Searcher one((*dir_ / "whole").string()), sharded(map.string());
  Request r;
  r.query = "Guinée";
  const Result expected = one.search(r);
  expect_same(expected, sharded.search(r), expected, "both replicas up");
  first.stop();  // the replica the searcher is connected to
  expect_same(expected, sharded.search(r), expected, "first replica stopped");
  searcher::Searcher reopened(map.string());  // connects to the second at once
  expect_same(expected, reopened.search(r), expected, "opened with the first replica stopped");
  second.stop();
  EXPECT_THROW(sharded.search(r), IndexError);
  EXPECT_THROW(searcher::Searcher{map.string()}, IndexError);
}

// What fouille-serve runs on a map: an Index's status, a Session's search,
// a document and similar documents, as on one database.
TEST_F(ShardsTest, AServerSessionOnAMapAnswersAsOnOneDatabase) {
  auto sharded_index = std::make_shared<searcher::Index>((*dir_ / "map2").string());
  auto one_index = std::make_shared<searcher::Index>((*dir_ / "whole").string());
  const searcher::IndexStatus status = sharded_index->status();
  ASSERT_TRUE(status.open) << status.error;
  EXPECT_EQ(status.documents, one_index->status().documents);
  EXPECT_TRUE(status.current_analysis);
  searcher::Session sharded(sharded_index), one(one_index);
  Request r;
  r.query = "Guinée";
  const Result a = one.search(r), b = sharded.search(r);
  expect_same(a, b, a, "session « Guinée »");
  ASSERT_FALSE(a.hits.empty());
  EXPECT_EQ(sharded.document_json(a.hits.front().id), one.document_json(a.hits.front().id));
  r.query = "";
  r.like = a.hits.front().id;
  EXPECT_EQ(sharded.search(r).total, one.search(r).total);
}

// A searcher follows its map: rewritten, the next search uses the servers it
// names now (here shard 2's documents served as shard 1 as well).
TEST_F(ShardsTest, ASearcherFollowsItsRewrittenMap) {
  Server first(*dir_ / "s2-1"), second(*dir_ / "s2-2");
  const fs::path map = *dir_ / "moving";
  test::write_file(map, "shard 1 " + first.address() + "\nshard 2 " + second.address() + "\n");
  searcher::Searcher sharded(map.string()), one((*dir_ / "whole").string());
  Request r;
  r.query = "";
  r.no_facets = true;
  EXPECT_EQ(sharded.search(r).total, one.search(r).total);
  const std::size_t second_alone = searcher::Searcher((*dir_ / "s2-2").string()).search(r).total;
  test::write_file(map, "shard 1 " + second.address() + "\nshard 2 " + second.address() + "\n");
  EXPECT_EQ(sharded.search(r).total, 2 * second_alone);
}

}  // namespace
}  // namespace fouille
