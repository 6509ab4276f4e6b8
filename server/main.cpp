// fouille-serve: the HTTP JSON API and web search page over a fouille
// database. Exit codes: 0 stopped by SIGTERM/SIGINT, 2 usage (or the
// address cannot be bound).
#include <iostream>
#include <pthread.h>
#include <signal.h>
#include <thread>

#include "fouille/cli/tool.h"
#include "fouille/server/server.h"

namespace po = boost::program_options;
using namespace fouille;

int main(int argc, char** argv) {
  cli::Tool tool("fouille-serve", "help.serve.usage");
  server::Options options;
  tool.add_options()("db,d", po::value(&options.db), "help.serve.db")(
      "bind", po::value(&options.bind)->default_value(options.bind), "help.serve.bind")(
      "port,p", po::value(&options.port)->default_value(options.port), "help.serve.port")(
      "threads", po::value(&options.threads)->default_value(options.threads), "help.serve.threads")(
      "search-seconds", po::value(&options.search_seconds)->default_value(options.search_seconds),
      "help.serve.search_seconds")(
      "set-cache-mb", po::value(&options.set_cache_mb)->default_value(options.set_cache_mb), "help.serve.set_cache_mb")(
      "cors", po::value(&options.cors), "help.serve.cors")("quiet,q", "help.serve.quiet");
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
      tool.warn(Message{"serve.stopping", {sig == SIGINT ? "SIGINT" : "SIGTERM"}});
      server.stop();
    });
    const std::string host = options.bind == "0.0.0.0" ? "127.0.0.1" : options.bind;
    tool.warn(Message{"serve.listening", {options.db, "http://" + host + ":" + std::to_string(port) + "/"}});
    server.run();
    // run() also returns when listening fails: wake the waiter then.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 0;
  });
}
