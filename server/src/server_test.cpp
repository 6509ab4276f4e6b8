// The real server on a free loopback port, called over HTTP: routes, the
// embedded page, limits, headers, concurrent clients, a new revision picked
// up without a restart, and a clean stop.
#include "fouille/server/server.h"

#include <atomic>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/result_json.h"
#include "fouille/searcher/session.h"
#include "fouille/testsupport/generator.h"

#include "test_database.h"

namespace fouille::server {
namespace {

using nlohmann::json;

// A server running on its own thread for the life of the object.
class Running {
 public:
  explicit Running(Options options) : server_(std::move(options)) {
    port_ = server_.bind();
    thread_ = std::thread([this] { server_.run(); });
  }
  ~Running() {
    server_.stop();
    thread_.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20, 0);
    return c;
  }
  int port() const { return port_; }

 private:
  Server server_;
  int port_ = 0;
  std::thread thread_;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { db_ = &test::shared_database("server"); }
  static Options options() {
    Options o;
    o.db = *db_;
    o.port = 0;
    o.log = &log_;
    return o;
  }
  static const std::string* db_;
  static std::ostringstream log_;
};
const std::string* ServerTest::db_;
std::ostringstream ServerTest::log_;

TEST_F(ServerTest, ServesThePageAndTheApi) {
  Running server(options());
  auto c = server.client();
  auto page = c.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  // Every script the page lists is embedded, app.js (the one that starts the page) last.
  std::vector<std::string> scripts;
  static const std::regex script("<script src=\"(/[a-z]+\\.js)\" defer></script>");
  for (std::sregex_iterator it(page->body.begin(), page->body.end(), script), end; it != end; ++it) {
    scripts.push_back((*it)[1].str());
  }
  ASSERT_GE(scripts.size(), 5u) << page->body;
  EXPECT_EQ(scripts.back(), "/app.js");
  for (const auto& s : scripts) {
    auto r = c.Get(s);
    ASSERT_TRUE(r) << s;
    EXPECT_EQ(r->status, 200) << s;
    EXPECT_EQ(r->get_header_value("Content-Type"), "text/javascript; charset=utf-8") << s;
    EXPECT_GT(r->body.size(), 1000u) << s;
  }
  for (const char* asset : {"/style.css", "/world.json"}) {
    auto r = c.Get(asset);
    ASSERT_TRUE(r) << asset;
    EXPECT_EQ(r->status, 200) << asset;
    EXPECT_GT(r->body.size(), 1000u) << asset;
  }
  auto search = c.Get("/api/search?q=traite&filter=region:Asia&limit=3");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200);
  json j = json::parse(search->body);
  EXPECT_EQ(j["api_version"], searcher::kApiVersion);
  EXPECT_GT(j["hits"].size(), 0u);
  EXPECT_EQ(search->get_header_value("Access-Control-Allow-Origin"), "");  // CORS off by default
}

TEST_F(ServerTest, NoFileFromDiskAndOnlyGet) {
  Running server(options());
  auto c = server.client();
  for (const char* path :
       {"/etc/passwd", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/index.html", "/web/app.js"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
    EXPECT_EQ(json::parse(r->body)["error"]["code"], "not_found") << path;
  }
  // Refusals outside the API's routes speak the request's language too.
  const std::pair<const char*, const char*> pages[] = {{"/nothing", "/nothing : page inconnue"},
                                                       {"/nothing?lang=en", "/nothing: no such page"}};
  for (const auto& [path, message] : pages) {
    auto r = c.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(json::parse(r->body)["error"]["message"], message) << r->body;
  }
  auto post = c.Post("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(json::parse(post->body)["error"]["message"], "POST /api/search : seul GET est servi") << post->body;
  auto big = c.Post("/api/search", std::string(100000, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  auto long_uri = c.Get(("/api/search?q=" + std::string(9000, 'a')).c_str());
  ASSERT_TRUE(long_uri);
  EXPECT_EQ(long_uri->status, 414);
}

TEST_F(ServerTest, CorsOnlyForTheOriginGiven) {
  Options o = options();
  o.cors = "https://intranet.example.org";
  Running server(o);
  auto r = server.client().Get("/api/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), "https://intranet.example.org");
}

TEST_F(ServerTest, LogsOneLinePerRequestUnlessQuiet) {
  log_.str("");
  {
    Running server(options());
    server.client().Get("/api/documents/CT.9901");
    server.client().Get("/api/documents/nothing");
  }
  std::string log = log_.str();
  EXPECT_NE(log.find("GET /api/documents/CT.9901 200 "), std::string::npos) << log;
  EXPECT_NE(log.find("GET /api/documents/nothing 404 "), std::string::npos) << log;
  EXPECT_NE(log.find(" ms\n"), std::string::npos) << log;
  log_.str("");
  Options quiet = options();
  quiet.quiet = true;
  {
    Running server(quiet);
    server.client().Get("/api/health");
  }
  EXPECT_EQ(log_.str(), "");
}

TEST_F(ServerTest, ConcurrentClientsWhileTheIndexerCommits) {
  fouille::test::ScratchDir dir("server-live");
  std::filesystem::path db = test::make_database(dir);
  Options o = options();
  o.db = db.string();
  o.threads = 4;
  Running server(o);
  const int before = json::parse(server.client().Get("/api/health")->body)["documents"];
  std::atomic<int> errors{0}, done{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back([&] {
      auto c = server.client();
      while (!stop) {
        auto r = c.Get("/api/search?q=migration&limit=5");
        if (!r || r->status != 200) ++errors;
        ++done;
      }
    });
  }
  // A new document, indexed while the clients search.
  fouille::test::write_file(dir / "in" / "nouveau.txt", R"(Appui aux travailleurs saisonniers tunisiens

  • Projet ID
    CT.9902
  • Etat(s) membre(s) beneficiaires remplissant les conditions requises
    Tunisie
Le projet accompagne la migration saisonnière de travailleurs agricoles tunisiens.
)");
  indexer::Options io;
  io.db = db;
  io.inputs = {dir / "in"};
  indexer::index(io, {}, {}, nullptr);
  while (done < 40) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(errors, 0);
  auto c = server.client();
  EXPECT_EQ(json::parse(c.Get("/api/health")->body)["documents"], before + 1);
  EXPECT_EQ(c.Get("/api/documents/CT.9902")->status, 200);
  json j = json::parse(c.Get("/api/search?q=saisonniers&no_facets=1")->body);
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["hits"][0]["id"], "CT.9902");
}

TEST_F(ServerTest, StartsWithoutADatabaseAndServesItOnceIndexed) {
  fouille::test::ScratchDir dir("server-late");
  Options o = options();
  o.db = (dir / "db").string();
  Running server(o);
  auto c = server.client();
  EXPECT_EQ(c.Get("/api/health")->status, 503);
  EXPECT_EQ(c.Get("/api/search?q=traite")->status, 503);
  EXPECT_EQ(c.Get("/")->status, 200);  // the page still loads and shows the error
  test::make_database(dir);
  EXPECT_EQ(c.Get("/api/health")->status, 200);
  EXPECT_EQ(c.Get("/api/search?q=traite")->status, 200);
}

TEST_F(ServerTest, FollowsTheDatabaseToANewGeneration) {
  // A fresh build of many files writes a new generation, switches the stub
  // to it and deletes the old one: the server must follow without a restart.
  fouille::test::ScratchDir dir("server-generation");
  std::filesystem::create_directories(dir / "empty");
  indexer::Options io;
  io.db = dir / "db";
  io.inputs = {dir / "empty"};
  indexer::index(io, {}, {}, nullptr);
  Options o = options();
  o.db = io.db.string();
  Running server(o);
  auto c = server.client();
  EXPECT_EQ(json::parse(c.Get("/api/search?q=")->body)["total"]["value"], 0);
  // And a Session of the library, which has no retry of its own.
  searcher::Session session(std::make_shared<searcher::Index>(o.db));
  EXPECT_EQ(session.search({}).total, 0u);
  testsupport::GeneratorOptions g;
  g.documents = 400;
  testsupport::generate(g, dir / "generated");
  io.inputs = {dir / "generated"};
  io.jobs = 2;
  indexer::index(io, {}, {}, nullptr);
  ASSERT_FALSE(std::filesystem::exists(io.db / "gen-1"));  // the old generation is gone
  auto r = c.Get("/api/search?q=&limit=1");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(json::parse(r->body)["total"]["value"], 400);
  EXPECT_EQ(json::parse(c.Get("/api/health")->body)["documents"], 400);
  EXPECT_EQ(session.search({}).total, 400u);
}

// Two servers on one port: the second is refused at bind, where it used to
// share the port (SO_REUSEPORT) and take half the requests (#27).
TEST(ServerPort, ASecondServerOnABusyPortIsRefused) {
  Options o;
  o.db = "x";
  o.port = 0;
  o.quiet = true;
  Server first(o);
  o.port = first.bind();
  Server second(o);
  try {
    second.bind();
    ADD_FAILURE() << "a second server bound port " << o.port;
  } catch (const UsageError& e) {
    EXPECT_EQ(describe(e, Lang::kEn),
              "127.0.0.1:" + std::to_string(o.port) + ": cannot listen there (address in use or not local?)");
  }
}

TEST(ServerOptions, BadOptionsAreRefused) {
  Options o;
  o.db = "x";
  o.threads = 0;
  EXPECT_THROW(Server{o}, UsageError);
  o.threads = 4;
  o.port = 70000;
  EXPECT_THROW(Server{o}, UsageError);
  o.port = 8080;
  o.search_seconds = 0;
  EXPECT_THROW(Server{o}, UsageError);
  o.search_seconds = 61;
  EXPECT_THROW(Server{o}, UsageError);
  o.search_seconds = 2;
  o.set_cache_mb = -1;
  try {
    Server{o};
    ADD_FAILURE() << "--set-cache-mb -1 accepted";
  } catch (const UsageError& e) {
    // What was typed, not a wrapped value.
    EXPECT_EQ(describe(e, Lang::kEn), "--set-cache-mb -1: expected 0 to 65536");
    EXPECT_EQ(describe(e, Lang::kFr), "--set-cache-mb -1 : attendu de 0 à 65536");
  }
  o.set_cache_mb = 65537;
  EXPECT_THROW(Server{o}, UsageError);
  o.set_cache_mb = 0;
  EXPECT_NO_THROW(Server{o});
  o.db = "";
  EXPECT_THROW(Server{o}, UsageError);
}

}  // namespace
}  // namespace fouille::server
