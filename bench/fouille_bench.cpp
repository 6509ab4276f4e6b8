// fouille-bench: query latency measured in-process (no process start-up):
// every query of a fixed set, with all facets on, a number of rounds; prints
// p50/p95/p99 and, with --json, one object with every figure.
//
//   fouille-bench --db bench/work/db-100k --queries bench/queries.tsv --rounds 3
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/cli/tool.h"
#include "fouille/searcher/index.h"
#include "fouille/searcher/searcher.h"

namespace po = boost::program_options;

namespace {

struct Query {
  std::string text;
  std::vector<std::pair<std::string, std::string>> filters;
};

std::vector<Query> load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw fouille::UsageError(path + ": cannot read the query set");
  std::vector<Query> queries;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    Query q;
    std::size_t tab = line.find('\t');
    q.text = line.substr(0, tab);
    if (tab != std::string::npos) {
      std::stringstream filters(line.substr(tab + 1));
      std::string f;
      while (std::getline(filters, f, ';')) {
        std::size_t eq = f.find('=');
        if (eq != std::string::npos) q.filters.emplace_back(f.substr(0, eq), f.substr(eq + 1));
      }
    }
    queries.push_back(std::move(q));
  }
  return queries;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// CPU time of the calling thread, in milliseconds.
double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, queries_path;
  int rounds = 3;
  fouille::cli::Tool tool("fouille-bench", "help.bench.usage");
  int slowest = 0;
  tool.add_options()("db,d", po::value(&db), "help.bench.db")("queries", po::value(&queries_path),
                                                              "help.bench.queries")(
      "rounds", po::value(&rounds)->default_value(3), "help.bench.rounds")("no-set-cache", "help.bench.no_set_cache")(
      "json", "help.bench.json")("slowest", po::value(&slowest)->default_value(0), "help.bench.slowest");
  if (auto done = tool.parse(argc, argv)) return *done;
  return tool.run([&] {
    if (db.empty() || queries_path.empty())
      throw fouille::UsageError(fouille::Message{"option.both_required", {"--db", "--queries"}});
    if (rounds < 2) throw fouille::UsageError(fouille::Message{"option.rounds", {"--rounds", std::to_string(rounds)}});
    std::vector<Query> queries = load(queries_path);
    fouille::searcher::Searcher searcher(std::make_shared<fouille::searcher::Index>(
        db, tool.has("no-set-cache") ? 0 : fouille::searcher::Index::kDefaultSetCacheBytes));
    std::vector<double> ms, cpu_ms;  // wall time, and the thread's CPU time (what a loaded machine does not inflate)
    std::vector<std::pair<double, std::size_t>> by_query(queries.size(), {0.0, 0});  // worst time, index
    // Each pass's time (Result::passes), and each query's at its worst time.
    std::vector<double> count_ms, rank_ms, hits_ms;
    std::vector<fouille::searcher::Result::Passes> worst_passes(queries.size());
    for (int round = 0; round < rounds; ++round) {
      for (const auto& q : queries) {
        fouille::searcher::Request r;
        r.query = q.text;
        r.filters = q.filters;
        const double cpu0 = thread_cpu_ms();
        auto t0 = std::chrono::steady_clock::now();
        fouille::searcher::Result result = searcher.search(r);
        double elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (round > 0) {
          ms.push_back(elapsed);
          cpu_ms.push_back(thread_cpu_ms() - cpu0);
          std::size_t i = static_cast<std::size_t>(&q - queries.data());
          if (elapsed >= by_query[i].first) worst_passes[i] = result.passes;
          by_query[i] = {std::max(by_query[i].first, elapsed), i};
          count_ms.push_back(result.passes.count_ms);
          rank_ms.push_back(result.passes.rank_ms);
          hits_ms.push_back(result.passes.hits_ms);
        }
      }
    }
    double p50 = percentile(ms, 50), p95 = percentile(ms, 95), p99 = percentile(ms, 99);
    double mean = 0;
    for (double m : ms) mean += m;
    mean /= static_cast<double>(std::max<std::size_t>(1, ms.size()));
    if (tool.has("json")) {
      nlohmann::json j = {{"documents", searcher.size()},
                          {"set_cache", !tool.has("no-set-cache")},
                          {"queries", queries.size()},
                          {"samples", ms.size()},
                          {"p50_ms", p50},
                          {"p95_ms", p95},
                          {"p99_ms", p99},
                          {"mean_ms", mean},
                          {"max_ms", ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end())},
                          {"cpu_p50_ms", percentile(cpu_ms, 50)},
                          {"cpu_p95_ms", percentile(cpu_ms, 95)},
                          {"cpu_p99_ms", percentile(cpu_ms, 99)},
                          {"passes",
                           {{"count_p50_ms", percentile(count_ms, 50)},
                            {"count_p95_ms", percentile(count_ms, 95)},
                            {"rank_p50_ms", percentile(rank_ms, 50)},
                            {"rank_p95_ms", percentile(rank_ms, 95)},
                            {"hits_p50_ms", percentile(hits_ms, 50)},
                            {"hits_p95_ms", percentile(hits_ms, 95)}}}};
      std::cout << j.dump() << "\n";
    } else {
      std::printf(
          "%zu queries x %d rounds on %zu documents, all facets%s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, mean %.2f "
          "ms\n",
          queries.size(), rounds - 1, searcher.size(), tool.has("no-set-cache") ? ", no set cache" : "", p50, p95, p99,
          mean);
      std::printf("CPU time of the searching thread: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n", percentile(cpu_ms, 50),
                  percentile(cpu_ms, 95), percentile(cpu_ms, 99));
      std::printf("Passes, p50 / p95: count %.2f / %.2f ms, rank %.2f / %.2f ms, hits %.2f / %.2f ms\n",
                  percentile(count_ms, 50), percentile(count_ms, 95), percentile(rank_ms, 50), percentile(rank_ms, 95),
                  percentile(hits_ms, 50), percentile(hits_ms, 95));
    }
    std::sort(by_query.rbegin(), by_query.rend());
    for (int i = 0; i < slowest && i < static_cast<int>(by_query.size()); ++i) {
      const Query& q = queries[by_query[static_cast<std::size_t>(i)].second];
      std::string filters;
      for (const auto& [k, v] : q.filters) filters += " --filter " + k + "=" + v;
      const auto& passes = worst_passes[by_query[static_cast<std::size_t>(i)].second];
      std::fprintf(stderr, "  %8.2f ms (count %.2f, rank %.2f, hits %.2f)  \"%s\"%s\n",
                   by_query[static_cast<std::size_t>(i)].first, passes.count_ms, passes.rank_ms, passes.hits_ms,
                   q.text.c_str(), filters.c_str());
    }
    return 0;
  });
}
