// fouille-serve: the HTTP JSON API and web search page over a fouille
// database. Exit codes: 0 stopped by SIGTERM/SIGINT, 2 usage (or the
// address cannot be bound).
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "fouille/cli/tool.h"
#include "fouille/server/server.h"

namespace po = boost::program_options;
using namespace fouille;

namespace {

const char* kUsage = R"(Usage: fouille-serve --db DIR [options]

Serves the fouille database DIR: a search page at http://127.0.0.1:8080/ and
the JSON API under /api/ (search, documents/ID, analyze, health; see the
README). A new revision written by fouille-index is picked up without a
restart; Ctrl-C or SIGTERM stops the server once the requests in flight are
answered.

Examples:
  fouille-serve --db projets.db
  fouille-serve --db projets.db --port 9000 --threads 8 --quiet
  curl 'http://127.0.0.1:8080/api/search?q=traite&filter=region:Asia&limit=3'

Options)";

}  // namespace

int main(int argc, char** argv) {
  cli::Tool tool("fouille-serve", kUsage);
  server::Options options;
  tool.add_options()
    ("db,d", po::value(&options.db), "database folder made by fouille-index (e.g. --db projets.db)")
    ("bind", po::value(&options.bind)->default_value(options.bind),
     "address to listen on; anything but a loopback address exposes the database (e.g. --bind 0.0.0.0)")
    ("port,p", po::value(&options.port)->default_value(options.port), "port; 0 picks a free one (e.g. --port 9000)")
    ("threads", po::value(&options.threads)->default_value(options.threads), "connections served at once; an idle kept-alive one holds a thread up to 2 s (e.g. --threads 32)")
    ("search-seconds", po::value(&options.search_seconds)->default_value(options.search_seconds),
     "seconds a search counts every match for; past it totals and facets are estimates (e.g. --search-seconds 0.5)")
    ("set-cache-mb", po::value(&options.set_cache_mb)->default_value(options.set_cache_mb),
     "megabytes of frequent terms' and phrases' documents kept between searches, per database revision; 0 for none (e.g. --set-cache-mb 256)")
    ("cors", po::value(&options.cors), "let pages from ORIGIN call the API (e.g. --cors https://intranet.example.org); off by default")
    ("quiet,q", "no access log line per request");
  if (auto done = tool.parse(argc, argv)) return *done;
  options.quiet = tool.has("quiet");

  // SIGINT and SIGTERM are taken by one thread that waits for them; every
  // other thread, started after this, inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);
  return tool.run([&] {
    server::Server server(options);
    int port = server.bind();
    server.warm_up();
    std::thread waiter([&] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      std::cerr << "fouille-serve: stopping (" << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
      server.stop();
    });
    std::cerr << "fouille-serve: " << options.db << " at http://" << (options.bind == "0.0.0.0" ? "127.0.0.1" : options.bind)
              << ":" << port << "/\n";
    server.run();
    // run() also returns when listening fails: wake the waiter then.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
  });
}
