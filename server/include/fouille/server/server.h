// fouille-serve: the HTTP JSON API and the web search page over one fouille
// database, searched by a pool of threads sharing one searcher::Index.
//
//   fouille::server::Options options;
//   options.db = "projets.db";
//   fouille::server::Server server(options);
//   int port = server.bind();   // options.port, or any free port when 0
//   server.run();               // until stop(), from another thread
//
// Routes: / and its assets (embedded in the binary; nothing is served from
// disk), /api/search, /api/documents/{id}, /api/similar/{id}, /api/analyze,
// /api/health. The JSON schema is documented in the README.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>

namespace fouille::server {

struct Options {
  std::string db;                  ///< database folder made by fouille-index
  std::string bind = "127.0.0.1";  ///< address to listen on
  int port = 8080;                 ///< 0: any free port (see Server::bind)
  /// Connections served at once. A browser keeps up to six connections to a
  /// host open, each holding a thread while idle (up to the keep-alive
  /// timeout): with 4, a page and a second tab starved their own requests.
  /// An idle thread holds no Session (they are made per request in flight).
  int threads = 16;
  std::string cors;             ///< origin allowed to call the API from a browser; empty: none
  bool quiet = false;           ///< no access log
  std::ostream* log = nullptr;  ///< access log and notices; nullptr: standard error

  // Limits: a request over one of them is refused with 400 (or 413/414).
  std::size_t max_query_bytes = 1000;     ///< q and the analyze text
  std::size_t max_limit = 100;            ///< hits per page
  std::size_t max_offset = 10000;         ///< how deep paging goes
  std::size_t max_filters = 50;           ///< filter parameters per request
  std::size_t max_request_bytes = 65536;  ///< request body
  int io_timeout_seconds = 5;             ///< reading a request, writing a response
  /// Seconds a search counts every match for; past it the counts are
  /// estimates (`total.exact` false) and the page is still ranked.
  double search_seconds = 2.0;
  /// Megabytes of documents sets (frequent terms', phrases') kept per
  /// database revision between searches; 0: none.
  long long set_cache_mb = 64;  // signed: a typed "-1" is refused as -1, not as its wrapped value
};

class Server {
 public:
  /// Checks the options (throws UsageError naming a bad one); opens nothing
  /// yet: a database that cannot be opened gives 503 until it can.
  explicit Server(Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket; returns the port. Throws UsageError when
  /// the address or port cannot be bound.
  int bind();
  /// Opens the database and reads its facet table now, so the first query
  /// does not wait for them. Never throws (a database that cannot be opened
  /// is left for the requests to report).
  void warm_up();
  /// Serves until stop(). Call after bind().
  void run();
  /// Stops accepting and returns run() once the requests in flight are
  /// answered. Thread-safe; not async-signal-safe (call it from a thread
  /// that waited for the signal).
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fouille::server
