// bench-serve: N concurrent HTTP clients against a running fouille-serve for
// a bounded time, each cycling through the fixed query set (bench/queries.tsv)
// with every facet counted; prints throughput, latency percentiles and
// errors per client count. bench/serve starts the server and runs this.
//
//   bench-serve --port 8080 --queries bench/queries.tsv --clients 1,4,16 --seconds 10
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "fouille/cli/tool.h"

namespace po = boost::program_options;
using Clock = std::chrono::steady_clock;

namespace {

std::string encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// One search URL per line of the query table: query <TAB> FIELD=VALUE;...
std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the query table");
  std::vector<std::string> urls;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    std::string url = "/api/search?limit=10&q=" + encode(line.substr(0, tab));
    if (tab != std::string::npos) {
      std::stringstream filters(line.substr(tab + 1));
      std::string f;
      while (std::getline(filters, f, ';')) {
        if (!f.empty()) url += "&filter=" + encode(f);
      }
    }
    urls.push_back(url);
  }
  if (urls.empty()) throw std::runtime_error(path + ": no query");
  return urls;
}

struct Run {
  std::size_t requests = 0, errors = 0;
  std::vector<double> ms;
};

Run run_clients(const std::string& host, int port, const std::vector<std::string>& urls, int clients, double seconds) {
  std::vector<Run> per(static_cast<std::size_t>(clients));
  std::vector<std::thread> threads;
  const auto until = Clock::now() + std::chrono::duration<double>(seconds);
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      httplib::Client client(host, port);
      client.set_keep_alive(true);
      client.set_tcp_nodelay(true);
      client.set_read_timeout(30, 0);
      Run& mine = per[static_cast<std::size_t>(c)];
      std::size_t next = static_cast<std::size_t>(c) * urls.size() / static_cast<std::size_t>(clients);
      while (Clock::now() < until) {
        const auto started = Clock::now();
        auto res = client.Get(urls[next++ % urls.size()].c_str());
        mine.ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        ++mine.requests;
        if (!res || res->status != 200) ++mine.errors;
      }
    });
  }
  for (auto& t : threads) t.join();
  Run all;
  for (auto& r : per) {
    all.requests += r.requests;
    all.errors += r.errors;
    all.ms.insert(all.ms.end(), r.ms.begin(), r.ms.end());
  }
  std::sort(all.ms.begin(), all.ms.end());
  return all;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1", queries = "bench/queries.tsv", clients_list = "1,4,16";
  int port = 8080;
  double seconds = 10;
  fouille::cli::Tool tool("bench-serve", "help.bench_serve.usage");
  tool.add_options()("host", po::value(&host)->default_value(host), "help.bench_serve.host")(
      "port", po::value(&port)->default_value(port), "help.bench_serve.port")(
      "queries", po::value(&queries)->default_value(queries), "help.bench_serve.queries")(
      "clients", po::value(&clients_list)->default_value(clients_list), "help.bench_serve.clients")(
      "seconds", po::value(&seconds)->default_value(seconds), "help.bench_serve.seconds");
  if (auto done = tool.parse(argc, argv)) return *done;
  return tool.run([&] {
    const std::vector<std::string> urls = read_queries(queries);
    {
      // The first query after start: the facet table is read then.
      httplib::Client first(host, port);
      const auto started = Clock::now();
      auto res = first.Get(urls.front().c_str());
      if (!res || res->status != 200)
        throw std::runtime_error("the server does not answer on port " + std::to_string(port));
      std::printf("first query after start: %.1f ms\n",
                  std::chrono::duration<double, std::milli>(Clock::now() - started).count());
    }
    std::printf("%8s %10s %10s %9s %9s %9s %8s\n", "clients", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "errors");
    std::stringstream list(clients_list);
    std::string item;
    while (std::getline(list, item, ',')) {
      const int clients = std::stoi(item);
      Run r = run_clients(host, port, urls, clients, seconds);
      std::printf("%8d %10zu %10.1f %9.1f %9.1f %9.1f %8zu\n", clients, r.requests,
                  static_cast<double>(r.requests) / seconds, percentile(r.ms, 0.50), percentile(r.ms, 0.95),
                  percentile(r.ms, 0.99), r.errors);
      std::fflush(stdout);
    }
    return 0;
  });
}
