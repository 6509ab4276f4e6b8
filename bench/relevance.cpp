// nDCG@10 on a judged set (tests/relevance/ by default) for fouille, a plain
// Xapian BM25 engine and any other engine's ranked run, side by side in one
// table: mean, then by kind of query. bench/relevance feeds it the runs of
// SQLite FTS5 and PostgreSQL.
//
//   bench-relevance --set tests/relevance --run "sqlite fts5=runs/sqlite.tsv"
#include <cstdio>
#include <iostream>
#include <set>

#include "fouille/base/error.h"
#include "fouille/cli/tool.h"

#include "relevance_eval.h"

namespace po = boost::program_options;
using namespace fouille;

int main(int argc, char** argv) {
  std::string set_dir = "tests/relevance", work;
  std::vector<std::string> runs;
  cli::Tool tool("bench-relevance", "help.bench_relevance.usage");
  tool.add_options()("set", po::value(&set_dir), "help.bench_relevance.set")(
      "work", po::value(&work), "help.bench_relevance.work")("run", po::value(&runs)->composing(),
                                                             "help.bench_relevance.run");
  if (auto done = tool.parse(argc, argv)) return *done;
  return tool.run([&] {
    relevance::JudgedSet set = relevance::load(set_dir);
    const bool temporary = work.empty();
    const relevance::fs::path dir =
        temporary ? relevance::fs::temp_directory_path() / "fouille-bench-relevance" : relevance::fs::path(work);
    relevance::fs::remove_all(dir);
    relevance::fs::create_directories(dir);
    std::vector<std::pair<std::string, relevance::Run>> engines;
    engines.emplace_back("fouille", relevance::run_fouille(set, dir));
    engines.emplace_back("plain xapian bm25", relevance::run_plain_xapian(set, dir));
    for (const auto& r : runs) {
      const std::size_t eq = r.find('=');
      if (eq == std::string::npos || eq == 0) throw UsageError(Message{"option.expected_name_file", {"--run", r}});
      engines.emplace_back(r.substr(0, eq), relevance::read_run(r.substr(eq + 1)));
    }
    if (temporary) relevance::fs::remove_all(dir);
    std::set<std::string> kinds;
    for (const auto& q : set.queries) kinds.insert(q.kind);
    std::printf("| engine | nDCG@10 (%zu queries) |", set.queries.size());
    for (const auto& k : kinds) std::printf(" %s |", k.c_str());
    std::printf("\n|---|---:|");
    for (std::size_t i = 0; i < kinds.size(); ++i) std::printf("---:|");
    std::printf("\n");
    for (const auto& [name, run] : engines) {
      std::printf("| %s | **%.3f** |", name.c_str(), relevance::mean_ndcg(set, run));
      for (const auto& k : kinds) std::printf(" %.3f |", relevance::mean_ndcg(set, run, k));
      std::printf("\n");
    }
    return 0;
  });
}
