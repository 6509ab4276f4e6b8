// fouille-index: builds and updates a fouille database, or dumps what the
// readers extract from documents. Exit codes: 0 done, 2 usage, 3 bad input
// (a missing path, or no file could be read), 4 database problem, 130
// interrupted (what was done is committed).
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <set>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"
#include "fouille/cli/tool.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/printable.h"
#include "fouille/corpus/reader.h"
#include "fouille/indexer/dump.h"
#include "fouille/indexer/indexer.h"
#include "fouille/indexer/summary.h"
#include "progress_bar.h"

namespace po = boost::program_options;
using namespace fouille;

namespace {

std::atomic<bool> g_stop{false};

// Option ranges, in the README's "Limits and faults".
constexpr std::uint64_t kMaxJobs = 256;
constexpr std::uint64_t kMaxBatch = 10'000'000;
constexpr double kMaxFileMb = 1024;
extern "C" void on_signal(int) { g_stop = true; }

const char* kUsage = R"(Usage: fouille-index --db DIR [options] PATH...
       fouille-index --dump PATH...

Indexes text documents (any of their layouts) and JSON Lines files (.jsonl),
files or folders (recursively), into the Xapian database DIR. A second run
reads only new and changed files.

Examples:
  fouille-index --db projets.db corpus/samples
  fouille-index --db projets.db --prune --jobs 2 ~/projets
  fouille-index --dump corpus/samples/000_e52cd48991c2ab76.txt

Options)";

}  // namespace

int main(int argc, char** argv) {
  cli::Tool tool("fouille-index", kUsage);
  tool.version_names_xapian();
  tool.json_errors();
  std::string db;
  std::string jobs = "0", batch = "1000", max_mb = "20";
  tool.add_options()("db,d", po::value(&db), "database folder, created if missing (e.g. --db projets.db)")(
      "jobs,j", po::value(&jobs),
      "threads that read and analyse files, 0 to 256; 0 = one per core (the default). A new database is built in one "
      "shard per thread, "
      "merged at the end; updates go through one more, writing thread (e.g. --jobs 2)")(
      "batch", po::value(&batch),
      "documents per commit, default 1000; an interrupted run keeps every committed batch (e.g. --batch 500)")(
      "prune", "remove documents whose source file no longer exists (e.g. --db projets.db --prune ~/projets)")(
      "no-spelling", "do not feed the spelling dictionary: faster, but no \"Vouliez-vous dire\" (e.g. --no-spelling)")(
      "max-size", po::value(&max_mb),
      "skip files larger than this many MB, default 20, at most 1024 (e.g. --max-size 5)")(
      "follow-links",
      "also read files and folders that symbolic links under the inputs point to outside them "
      "(by default such links are skipped with a warning; e.g. --follow-links)")(
      "quiet,q", "no progress bar and no warnings; the summary line only (e.g. -q in scripts)")(
      "json",
      "print the summary as one JSON object: counts, seconds, peak RSS and the time of each phase; "
      "on failure, the error as a JSON object (e.g. -q --json)")(
      "dump",
      "print the fields extracted from each document as JSON Lines, skipped files on stderr; no database "
      "(e.g. --dump corpus/samples)");
  tool.color_option();
  std::vector<std::string> paths;
  tool.positional("path", &paths);
  if (auto done = tool.parse(argc, argv)) return *done;

  return tool.run([&] {
    corpus::ReadOptions read;
    read.max_bytes = static_cast<std::uintmax_t>(base::parse_positive("--max-size", max_mb, kMaxFileMb) * 1024 * 1024);
    if (paths.empty()) throw UsageError(Message{"option.no_path", {}});
    if (tool.has("dump")) {
      const indexer::DumpStats s = indexer::dump({paths.begin(), paths.end()}, read, tool.has("follow-links"), std::cout,
                                                 [&](const std::string& w) { tool.warn(w); });
      return s.documents == 0 && s.skipped > 0 ? int{cli::kInput} : int{cli::kOk};
    }
    if (db.empty()) throw UsageError(Message{"option.db_required", {}});

    indexer::Options options;
    options.db = db;
    options.inputs.assign(paths.begin(), paths.end());
    options.jobs = static_cast<unsigned>(base::parse_count("--jobs", jobs, 0, kMaxJobs));
    options.batch = base::parse_count("--batch", batch, 1, kMaxBatch);
    options.follow_links = tool.has("follow-links");
    options.prune = tool.has("prune");
    options.spelling = !tool.has("no-spelling");
    options.read = read;
    const bool quiet = tool.has("quiet");

    struct sigaction action {};
    action.sa_handler = on_signal;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    ProgressBar bar(!quiet && tool.progress(STDERR_FILENO));
    auto warn = [&](const std::string& line) {
      if (quiet) return;
      bar.clear();
      tool.warn(line);
    };
    indexer::Stats s = indexer::index(options, warn, [&](const indexer::Progress& p) { bar.update(p); }, &g_stop);
    bar.clear();
    if (tool.has("json")) {
      std::cout << indexer::summary_json(s, db) << std::endl;
    } else {
      std::cout << "fouille-index: " << indexer::summary_line(s, db) << "\n";
      if (!quiet) std::cout << "fouille-index: " << indexer::phases_line(s) << "\n";
      std::cout.flush();
    }
    if (s.interrupted) {
      tool.warn("interrupted; the work done so far is committed, run again to finish");
      return int{cli::kInterrupted};
    }
    if (s.skipped > 0 && s.added + s.updated == 0 && s.unchanged == 0) return int{cli::kInput};
    return int{cli::kOk};
  });
}
