// fouille-index: builds and updates a fouille database, or dumps what the
// readers extract from documents. Exit codes: 0 done, 2 usage, 3 bad input
// (a missing path, or no file could be read), 4 database problem, 130
// interrupted (what was done is committed).
#include <csignal>
#include <iostream>
#include <unistd.h>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"
#include "fouille/cli/tool.h"
#include "fouille/corpus/reader.h"
#include "fouille/indexer/dump.h"
#include "fouille/indexer/indexer.h"

#include "progress_bar.h"
#include "run_report.h"

namespace po = boost::program_options;
using namespace fouille;

namespace {

std::atomic<bool> g_stop{false};

// Option ranges, in the README's "Limits and faults".
constexpr std::uint64_t kMaxJobs = 256;
constexpr std::uint64_t kMaxBatch = 10'000'000;
constexpr double kMaxFileMb = 1024;
extern "C" void on_signal(int) { g_stop = true; }

// Ctrl-C or a TERM signal stops the run after the current commit.
void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

}  // namespace

int main(int argc, char** argv) {
  cli::Tool tool("fouille-index", "help.index.usage");
  tool.version_names_xapian();
  tool.json_errors();
  std::string db;
  std::string jobs = "0", batch = "1000", max_mb = "20", shard;
  tool.add_options()("db,d", po::value(&db), "help.index.db")("jobs,j", po::value(&jobs), "help.index.jobs")(
      "batch", po::value(&batch), "help.index.batch")("prune", "help.index.prune")(
      "no-spelling", "help.index.no_spelling")("max-size", po::value(&max_mb), "help.index.max_size")(
      "follow-links", "help.index.follow_links")("quiet,q", "help.index.quiet")("json", "help.index.json")(
      "dump", "help.index.dump")("shard", po::value(&shard), "shard.help.shard")("spelling-from",
                                                                                 "shard.help.spelling_from");
  std::string lang;
  tool.language_option(&lang);
  tool.color_option();
  std::vector<std::string> paths;
  tool.positional("path", &paths);
  if (auto done = tool.parse(argc, argv)) return *done;

  return tool.run([&] {
    corpus::ReadOptions read;
    read.max_bytes = static_cast<std::uintmax_t>(base::parse_positive("--max-size", max_mb, kMaxFileMb) * 1024 * 1024);
    if (paths.empty()) throw UsageError(Message{"option.no_path", {}});
    if (tool.has("dump")) {
      const indexer::DumpStats s = indexer::dump({paths.begin(), paths.end()}, read, tool.has("follow-links"),
                                                 std::cout, [&](const Message& w) { tool.warn(w); });
      return s.documents == 0 && s.skipped > 0 ? int{cli::kInput} : int{cli::kOk};
    }
    if (db.empty()) throw UsageError(Message{"option.db_required", {}});
    if (tool.has("spelling-from")) return merge_spelling(tool, db, {paths.begin(), paths.end()});

    indexer::Options options;
    options.db = db;
    options.inputs.assign(paths.begin(), paths.end());
    options.jobs = static_cast<unsigned>(base::parse_count("--jobs", jobs, 0, kMaxJobs));
    options.batch = base::parse_count("--batch", batch, 1, kMaxBatch);
    options.follow_links = tool.has("follow-links");
    options.prune = tool.has("prune");
    options.spelling = !tool.has("no-spelling");
    options.read = read;
    options.shard = shard;
    const bool quiet = tool.has("quiet");

    stop_on_signals();
    ProgressBar bar(!quiet && tool.progress(STDERR_FILENO), tool.lang());
    auto warn = [&](const Message& warning) {
      if (quiet) return;
      bar.clear();
      tool.warn(warning);
    };
    indexer::Stats s = indexer::index(
        options, warn, [&](const indexer::Progress& p) { bar.update(p); }, &g_stop);
    bar.clear();
    return report(tool, s, db, quiet);
  });
}
