// The indexing pipeline. Files are read, parsed and analysed on `jobs`
// threads. Two ways to write, chosen by what the database holds:
// - a fresh build (empty database, several jobs): each thread writes its own
//   shard, the shards are merged by Xapian's compaction into a new generation
//   of the database, and the stub switches to it (see fouille/store/database_layout.h);
//   the single Xapian writer is the bottleneck otherwise;
// - an update: threads feed one writer through a bounded queue, which deletes
//   a changed file's old documents and adds the new ones.
// An update commits every `batch` documents; a shard, every kShardCommitDocuments.
// The work is split by job: parts.h (a file read into parts), run.h (what the
// threads share), shard_writer.h (a fresh build), updater.h and write_queue.h
// (an update), spelling_flush.h, timing.h.
#include "fouille/indexer/indexer.h"

#include <map>
#include <set>

#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/database_layout.h"
#include "fouille/store/known_files.h"

#include "file_scan.h"
#include "run.h"
#include "shard_filter.h"
#include "shard_writer.h"
#include "timing.h"
#include "updater.h"

namespace fouille::indexer {

namespace fs = std::filesystem;

std::vector<fs::path> list_files(const std::vector<fs::path>& inputs, bool follow_links, const Warn& warn) {
  Scan scan = scan_inputs(inputs, follow_links);
  if (warn) {
    for (const auto& w : scan.warnings) warn(w);
  }
  std::vector<fs::path> files;
  for (const auto& f : scan.files) files.emplace_back(f.listed);
  return files;
}

std::uint64_t directory_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

Stats index(const Options& options, const Warn& warn, const OnProgress& progress, const std::atomic<bool>* stop) {
  const auto started = Clock::now();
  const store::ShardSpec shard = shard_of_run(options);
  Scan scan = scan_inputs(options.inputs, options.follow_links);
  std::vector<InputFile>& files = scan.files;
  Stats stats;
  stats.files = files.size();
  stats.skipped = scan.warnings.size();
  keep_shard(shard, files, stats);
  if (warn) {
    for (const auto& w : scan.warnings) warn(w);
  }

  store::DatabaseLayout layout(options.db);
  Xapian::WritableDatabase db = store::open_for_writing(layout.dir());
  try {
    check_shard(db, shard, options.db);
    std::map<std::string, store::KnownFile> known = store::known_files(db);
    // A database indexed by another analysis chain holds terms this one would
    // not write (nor find): every file is indexed again.
    const bool stale = db.get_doccount() > 0 && !store::is_current_analysis(db.get_metadata(store::kAnalysisKey));
    bool ours = true;  // will every document kept be this chain's?
    if (stale) {
      if (warn) warn(Message{"index.analysis_changed", {options.db.string()}});
      std::set<std::string> given;
      for (const auto& f : files) given.insert(f.path);
      for (const auto& [path, k] : known) {
        if (!given.count(path) && !(options.prune && !fs::exists(path))) ours = false;
      }
    }
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto it = known.find(files[i].path);
      if (!stale && it != known.end() && it->second.stamp == files[i].stamp) {
        ++stats.unchanged;
      } else {
        todo.push_back(i);
      }
    }
    Run run(options, files, std::move(todo), stats, warn, progress, stop);
    stats.phases.scan = seconds_since(started);
    if (db.get_doccount() == 0 && layout.has_generations() && run.jobs() > 1 && run.todo() >= kMinShardedFiles) {
      sharded_build(run, layout, db, stats);
    } else {
      queued_update(run, db, known, stats, ours, stale);
    }
  } catch (const Xapian::Error& e) {
    throw IndexError(write_failure(options.db, e));
  }
  try {
    stats.db_documents = store::open_for_reading(layout.dir()).get_doccount();
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_reopen", {options.db.string(), e.get_msg()}});
  }
  stats.seconds = seconds_since(started);
  stats.db_bytes = directory_bytes(options.db);
  stats.peak_rss_bytes = peak_rss_bytes();
  return stats;
}

}  // namespace fouille::indexer
