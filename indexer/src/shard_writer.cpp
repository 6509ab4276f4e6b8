#include "shard_writer.h"

#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/metadata.h"

#include "shard_filter.h"
#include "spelling_flush.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;

// A shard is closed and a new one started after this many documents: a
// commit costs more as a shard grows, and compaction merges any number.
constexpr std::size_t kShardDocuments = 10000;
// A shard commits every this many documents, whatever --batch says (its
// commits are never seen: a run killed before the merge starts over). Xapian
// buffers a batch's postings in sorted maps that get dearer as they grow. On
// 10,000 documents with 2 jobs (the --json phases of alternated runs), the
// write phase took 1.40-1.61 times the time of read + parse + analyse + build
// committing every 1000 documents, 1.18-1.28 times every 300 (100 and 200: no
// better), 1.78-1.80 times for shards of 2000 in one commit, 2.1 for 5000.
constexpr std::size_t kShardCommitDocuments = 300;

// Compaction reports each table it starts and ends: a stop asked meanwhile
// (Ctrl-C) ends it there, instead of after the whole merge.
struct CompactionStopped {};
class StoppableCompactor : public Xapian::Compactor {
 public:
  explicit StoppableCompactor(const Run& run) : run_(run) {}
  void set_status(const std::string&, const std::string&) override {
    if (run_.stopped()) throw CompactionStopped{};
  }
  // Shards stopped in the middle of a file each list it: the lists are joined.
  std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) override {
    return store::merge_metadata(key, num_tags, tags);
  }

 private:
  const Run& run_;
};

// However the build ends (a full disk, an error), its shards and a
// half-written generation go: they would hold the space the next run needs.
struct ScratchCleanup {
  fs::path scratch;
  fs::path unfinished;
  ~ScratchCleanup() {
    std::error_code ec;
    fs::remove_all(scratch, ec);
    if (!unfinished.empty()) fs::remove_all(unfinished, ec);
  }
};

// What the threads share: the shards made, and the spelling counts of the
// threads that have finished.
struct Shards {
  fs::path scratch;
  std::mutex mutex;  // paths, and the run's phase times
  std::vector<std::string> paths;
  std::mutex spelling_mutex;
  SpellingCounts pooled;
  unsigned running = 0;  // threads still writing
};

// One thread's writer: its current shard, and the words its documents hold.
class ShardWriter {
 public:
  ShardWriter(Run& run, Shards& shards, unsigned worker, SpellingCounts& spelling, PhaseTimes& times)
      : run_(run), shards_(shards), worker_(worker), spelling_(spelling), times_(times) {}

  // Starts a new shard.
  void open() {
    std::lock_guard lock(shards_.mutex);
    shards_.paths.push_back(
        (shards_.scratch / ("shard-" + std::to_string(worker_) + "-" + std::to_string(shards_.paths.size()))).string());
    // A shard is scratch (see kShardCommitDocuments); the merged
    // generation is written with Xapian's usual syncing.
    shard_.emplace(store::create_scratch(shards_.paths.back()));
    shard_->set_metadata(store::kAnalysisKey, store::current_analysis());  // kept by compaction
    const std::string spec = store::encode_shard_spec(shard_of_run(run_.o_));
    if (!spec.empty()) shard_->set_metadata(store::kShardKey, spec);  // likewise
    in_shard_ = 0;
  }

  // Writes one part; a new shard is started between files only, so the
  // records of one file meet (and a repeated id is replaced) in one.
  void write(const Parsed& p) {
    {
      Timed timed(times_.write);
      // A file in parts is listed until its last part is written (see store::kPartialKey):
      // a build stopped in between merges what is done, and the next run reads it again.
      const std::string& path = run_.files_[p.file].path;
      if (p.first && !p.last && !p.skipped) shard_->set_metadata(store::kPartialKey, store::encode_partial({path}));
      if (p.last && !p.first && !p.skipped) shard_->set_metadata(store::kPartialKey, store::encode_partial({}));
      for (std::size_t d = 0; d < p.docs.size(); ++d) {
        if (p.alone()) {
          shard_->add_document(p.docs[d]);
        } else {
          shard_->replace_document(p.source_terms[d], p.docs[d]);
        }
      }
    }
    since_commit_ += p.docs.size();
    in_shard_ += p.docs.size();
    run_.done(p, p.docs.size(), 0);
    if (spelling_.size() >= kSpellingFlushWords) {
      Timed timed(times_.spelling);
      flush_spelling(*shard_, spelling_);
    }
    Timed timed(times_.write);
    if (since_commit_ >= kShardCommitDocuments) {
      shard_->commit();
      since_commit_ = 0;
    }
    if (p.last && in_shard_ >= kShardDocuments) {
      shard_->close();
      open();
    }
  }

  // The threads' counts meet, and the last thread to finish writes them
  // into its shard: each word is added once, not once a shard, a word met
  // once by each thread is kept as by a single writer, and compaction has
  // one spelling table to copy instead of some to merge.
  void finish() {
    {
      Timed timed(times_.spelling);
      std::unique_lock lock(shards_.spelling_mutex);
      spelling_.for_each([&](std::string_view word, Xapian::termcount count) { shards_.pooled.add(word, count); });
      spelling_.clear();
      if (--shards_.running == 0) {
        lock.unlock();
        flush_spelling(*shard_, shards_.pooled);
      }
    }
    Timed timed(times_.write);
    shard_->commit();
    shard_->close();
  }

 private:
  Run& run_;
  Shards& shards_;
  unsigned worker_;
  SpellingCounts& spelling_;
  PhaseTimes& times_;
  std::optional<Xapian::WritableDatabase> shard_;
  std::size_t since_commit_ = 0, in_shard_ = 0;
};

// One parsing thread: files taken from the run until none is left, written
// into its shards.
void shard_worker(Run& run, Shards& shards, unsigned worker, Stats& stats, std::exception_ptr& error) {
  PhaseTimes times;
  try {
    SpellingCounts spelling;
    DocumentBuilder builder(run.o_.spelling ? &spelling : nullptr);
    ShardWriter writer(run, shards, worker, spelling, times);
    {
      Timed timed(times.write);
      writer.open();
    }
    const std::function<void(Parsed)> write = [&](Parsed p) { writer.write(p); };
    while (auto index = run.take()) {
      parse_file(run.files_[*index], *index, builder, run.o_.read, times, write, [&] { return run.halted(); });
    }
    writer.finish();
  } catch (...) {
    error = std::current_exception();
    run.abort();
  }
  std::lock_guard lock(shards.mutex);
  stats.phases += times;
}

// The shards merged by compaction into the next generation, made live.
void merge(Run& run, store::DatabaseLayout& layout, Xapian::WritableDatabase& db, const Shards& shards,
           ScratchCleanup& cleanup, Stats& stats) {
  Timed timed(stats.phases.compact);
  Xapian::Database all;
  for (const auto& shard : shards.paths) all.add_database(store::open_for_reading(shard));
  cleanup.unfinished = layout.next_generation();
  StoppableCompactor compactor(run);
  try {
    all.compact(layout.next_generation().string(), 0, 0, compactor);
  } catch (const CompactionStopped&) {
    // Interrupted while merging: the database stays as it was before the run.
    stats.interrupted = true;
    stats.added = 0;
    return;
  }
  layout.switch_to_next();
  cleanup.unfinished.clear();
  db.close();  // the old generation: nothing is left to write there
  layout.remove_previous();
}

}  // namespace

void sharded_build(Run& run, store::DatabaseLayout& layout, Xapian::WritableDatabase& db, Stats& stats) {
  ScratchCleanup cleanup{layout.scratch(), {}};
  const unsigned jobs = run.jobs();
  Shards shards;
  shards.scratch = layout.scratch();
  shards.running = jobs;
  std::vector<std::exception_ptr> errors(jobs);
  std::vector<std::thread> workers =
      start_workers(run, jobs, [&](unsigned w) { shard_worker(run, shards, w, stats, errors[w]); });
  for (auto& t : workers) t.join();
  stats.threads = jobs;
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  if (run.stopped()) stats.interrupted = true;
  if (stats.added > 0) merge(run, layout, db, shards, cleanup, stats);
}

}  // namespace fouille::indexer
