#include "updater.h"

#include <filesystem>
#include <functional>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "fouille/store/analysis_check.h"
#include "fouille/store/metadata.h"

#include "spelling_flush.h"
#include "write_queue.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;

// The one writer: each part as it comes, the files no longer there, the
// last commit.
class Updater {
 public:
  Updater(Run& run, Xapian::WritableDatabase& db, std::map<std::string, store::KnownFile>& known, Stats& stats,
          bool ours)
      : run_(run),
        db_(db),
        known_(known),
        stats_(stats),
        ours_(ours),
        partial_(store::decode_partial(db.get_metadata(store::kPartialKey))) {}

  void apply(const Parsed& p) {
    const InputFile& file = run_.files_[p.file];
    std::size_t added = 0, updated = 0;
    if (p.skipped) forget(p, file);
    if (p.first && !p.skipped) begin(p, file);
    if (!p.skipped) write(p, file, added, updated);
    if (p.last) open_.erase(p.file);
    run_.done(p, added, updated);
    if (since_commit_ >= run_.o_.batch) {
      Timed timed(times_.write);
      db_.commit();
      since_commit_ = 0;
    }
  }

  // The documents of files no longer there go (Ctrl-C meanwhile: what is
  // removed so far is committed).
  void prune() {
    Timed timed(times_.write);
    for (const auto& [path, k] : known_) {
      if (run_.stopped()) {
        stats_.interrupted = true;
        break;
      }
      if (fs::exists(path)) continue;
      for (Xapian::docid id : k.docs) db_.delete_document(id);
      stats_.removed += k.docs.size();
      if (partial_.erase(path)) write_partial();
    }
  }

  void finish(SpellingCounts& spelling, bool stale) {
    {
      Timed timed(times_.spelling);
      flush_spelling(db_, spelling);
    }
    {
      Timed timed(times_.write);
      if (ours_ && !(stale && stats_.interrupted)) db_.set_metadata(store::kAnalysisKey, store::current_analysis());
      db_.commit();
    }
    stats_.phases += times_;
  }

 private:
  // A file handed over in several parts: whether it had documents before,
  // how many, and how many it has now.
  struct Open {
    bool changed = false;
    std::size_t old_docs = 0, new_docs = 0;
  };

  void write_partial() { db_.set_metadata(store::kPartialKey, store::encode_partial(partial_)); }

  // A file skipped now empty, binary or too large: what it held is no longer
  // there. Skipped on an error: its old documents, or the parts written
  // before the error, stay.
  void forget(const Parsed& p, const InputFile& file) {
    if (p.no_content) {
      if (auto old = known_.find(file.path); old != known_.end()) {
        for (Xapian::docid id : old->second.docs) db_.delete_document(id);
        stats_.removed += old->second.docs.size();
        since_commit_ += old->second.docs.size();
        known_.erase(old);
      }
    } else if (known_.count(file.path) || !p.first) {
      ours_ = false;
    }
  }

  // A file's first part: its old documents go.
  void begin(const Parsed& p, const InputFile& file) {
    Timed timed(times_.write);
    Open& o = open_[p.file];
    if (auto old = known_.find(file.path); old != known_.end()) {
      o.changed = true;
      o.old_docs = old->second.docs.size();
      for (Xapian::docid id : old->second.docs) db_.delete_document(id);
    }
    // Written in parts, the file is incomplete until its last part is
    // committed: a run stopped in between leaves it listed, to be read again.
    if (!p.last && partial_.insert(file.path).second) write_partial();
  }

  void write(const Parsed& p, const InputFile& file, std::size_t& added, std::size_t& updated) {
    Timed timed(times_.write);
    Open& o = open_[p.file];
    for (std::size_t d = 0; d < p.docs.size(); ++d) {
      // The file's old documents are gone: a lone document is added; a JSON
      // Lines file's replace by their unique source term, so a repeated id
      // never makes a duplicate.
      if (p.alone()) {
        db_.add_document(p.docs[d]);
      } else {
        db_.replace_document(p.source_terms[d], p.docs[d]);
      }
      ++(o.changed ? updated : added);
    }
    o.new_docs += p.docs.size();
    since_commit_ += p.docs.size();
    if (p.last) {
      if (o.old_docs > o.new_docs) stats_.removed += o.old_docs - o.new_docs;
      if (partial_.erase(file.path)) write_partial();
    }
  }

  Run& run_;
  Xapian::WritableDatabase& db_;
  std::map<std::string, store::KnownFile>& known_;
  Stats& stats_;
  bool ours_;
  std::set<std::string> partial_;     // files written in part so far
  std::map<std::size_t, Open> open_;  // by file index
  std::size_t since_commit_ = 0;
  PhaseTimes times_;  // the writer's, added once the producers are done
};

// One parsing thread: files taken from the run until none is left, their
// parts queued; its spelling counts added to the run's at the end.
void produce(Run& run, WriteQueue& queue, SpellingCounts& spelling, std::mutex& spelling_mutex, Stats& stats) {
  PhaseTimes times;
  SpellingCounts mine;
  DocumentBuilder builder(run.o_.spelling ? &mine : nullptr);
  const std::function<void(Parsed)> push = [&](Parsed p) { queue.push(std::move(p)); };
  while (auto index = run.take()) {
    parse_file(run.files_[*index], *index, builder, run.o_.read, times, push, [&] { return run.halted(); });
  }
  {
    std::lock_guard lock(spelling_mutex);
    Timed timed(times.spelling);
    mine.for_each([&](std::string_view word, Xapian::termcount count) { spelling.add(word, count); });
    stats.phases += times;
  }
  queue.producer_done();
}

}  // namespace

void queued_update(Run& run, Xapian::WritableDatabase& db, std::map<std::string, store::KnownFile>& known, Stats& stats,
                   bool ours, bool stale) {
  Updater updater(run, db, known, stats, ours);
  const unsigned jobs = run.jobs();
  WriteQueue queue(static_cast<int>(jobs));
  std::mutex spelling_mutex;
  SpellingCounts spelling;
  std::vector<std::thread> workers = start_workers(
      run, jobs, [&](unsigned) { produce(run, queue, spelling, spelling_mutex, stats); }, [&] { queue.close(); });
  stats.threads = jobs + 1;  // and this one, the writer
  try {
    while (auto parsed = queue.pop()) {
      updater.apply(*parsed);
      if (run.stopped()) {
        stats.interrupted = true;
        queue.close();
        break;
      }
    }
  } catch (...) {
    run.abort();
    queue.close();
    for (auto& t : workers) t.join();
    throw;
  }
  for (auto& t : workers) t.join();
  if (run.stopped()) stats.interrupted = true;
  if (run.o_.prune && !stats.interrupted) updater.prune();
  updater.finish(spelling, stale);
}

}  // namespace fouille::indexer
