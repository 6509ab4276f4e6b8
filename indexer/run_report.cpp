#include "run_report.h"

#include <iostream>

#include "fouille/indexer/summary.h"
#include "fouille/store/spelling.h"

using namespace fouille;

// The summary of a run, then its exit code.
int report(cli::Tool& tool, const indexer::Stats& s, const std::string& db, bool quiet) {
  if (tool.has("json")) {
    std::cout << indexer::summary_json(s, db) << std::endl;
  } else {
    std::cout << "fouille-index: " << indexer::summary_line(s, db, tool.lang()) << "\n";
    if (!quiet) std::cout << "fouille-index: " << indexer::phases_line(s, tool.lang()) << "\n";
    std::cout.flush();
  }
  if (s.interrupted) {
    tool.warn(Message{"index.interrupted", {}});
    return int{cli::kInterrupted};
  }
  if (s.skipped > 0 && s.added + s.updated == 0 && s.unchanged == 0) return int{cli::kInput};
  return int{cli::kOk};
}

int merge_spelling(cli::Tool& tool, const std::string& db, const std::vector<std::filesystem::path>& shards) {
  const store::SpellingMerge m = store::merge_spelling(shards, db);
  std::cout << "fouille-index: " << render(Message{"shard.spelling_done", {db, m.databases, m.words}}, tool.lang())
            << std::endl;
  return int{cli::kOk};
}
