// The indexing pipeline. Files are read, parsed and analysed on `jobs`
// threads. Two ways to write, chosen by what the database holds:
// - a fresh build (empty database, several jobs): each thread writes its own
//   shard, the shards are merged by Xapian's compaction into a new generation
//   of the database, and the stub switches to it (see fouille/store/database_layout.h);
//   the single Xapian writer is the bottleneck otherwise;
// - an update: threads feed one writer through a bounded queue, which deletes
//   a changed file's old documents and adds the new ones.
// An update commits every `batch` documents; a shard, every kShardCommitDocuments.
#include "fouille/indexer/indexer.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <xapian.h>

#include "document_builder.h"
#include "file_scan.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"
#include "fouille/stemming/fold.h"
#include "fouille/store/database_layout.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/terms.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Parsed files (or parts) waiting for the writer, at most; and the text
// they may hold together (their documents take about ten times as much).
constexpr std::size_t kQueueCapacity = 64;
constexpr std::size_t kQueueBytes = 4 << 20;
// Spelling counts are written out when they hold this many words (and at the
// end): adding a word to Xapian's spelling table is costly, so each word is
// added once per flush with its count rather than once per occurrence.
constexpr std::size_t kSpellingFlushWords = 1 << 20;
// A fresh build goes through shards from this many files on.
constexpr std::size_t kMinShardedFiles = 200;
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

double seconds_since(Clock::time_point started) {
  return std::chrono::duration<double>(Clock::now() - started).count();
}

// Adds the time a scope takes to one phase (a thread's own PhaseTimes).
class Timed {
 public:
  explicit Timed(double& phase) : phase_(phase), started_(Clock::now()) {}
  ~Timed() { phase_ += seconds_since(started_); }
  Timed(const Timed&) = delete;
  Timed& operator=(const Timed&) = delete;

 private:
  double& phase_;
  Clock::time_point started_;
};

// A part of a file's documents: a file is handed to the writer in parts of
// about kPartBytes of text, so a JSON Lines file of any size is never held
// whole. A text file is one part.
struct Parsed {
  std::size_t file = 0;
  bool first = true;  // the file's first part: its old documents go
  bool last = true;   // the file's last part
  std::size_t bytes = 0;  // text held (titles, bodies, warnings): what the queue counts
  std::vector<Xapian::Document> docs;
  std::vector<std::string> source_terms;
  std::vector<Message> warnings;
  std::vector<std::string> unknown_countries;  // names no table knows, kept as given
  std::optional<Message> skipped;              // why the file was skipped (or, in a later part, stopped)
  bool no_content = false;              // skipped as empty, binary or too large: its old documents go
  // One document alone in its file is added; several are replaced by their
  // source term, so a JSON Lines file repeating an id makes no duplicate.
  bool alone() const { return first && last && docs.size() == 1; }
};

// Text a part holds before it is handed on; documents in memory take about
// ten times their text (positions, terms, the stored copy).
constexpr std::size_t kPartBytes = 256 << 10;

// Builds the documents read_file hands over into parts.
class PartBuilder : public corpus::ReadSink {
 public:
  struct EmitFailed {};  // not a std::exception: no reader catches it
  std::exception_ptr emit_failure;

  PartBuilder(const InputFile& file, std::size_t index, DocumentBuilder& builder, PhaseTimes& times,
              const std::function<void(Parsed)>& emit, const std::function<bool()>& halted)
      : file_(file), builder_(builder), times_(times), emit_(emit), halted_(halted) {
    part_.file = index;
  }
  void document(corpus::Document doc) override {
    const auto started = Clock::now();
    const double analysed = builder_.analyse_seconds();
    part_.docs.push_back(builder_.build(doc, file_.path, file_.stamp));
    part_.source_terms.push_back(store::source_key(file_.path, doc.source).term);
    for (const auto& c : doc.countries) {
      if (!corpus::is_country_code(c)) part_.unknown_countries.push_back(c);
    }
    part_.bytes += doc.title.size() + doc.body.size() + 256;
    const double analyse = builder_.analyse_seconds() - analysed;
    times_.analyse += analyse;
    times_.build += seconds_since(started) - analyse;
    if (part_.bytes >= kPartBytes) hand_on(false);
  }
  void warning(Message message) override {
    part_.bytes += 256;  // a line or two once rendered
    part_.warnings.push_back(std::move(message));
    if (part_.bytes >= kPartBytes) hand_on(false);
  }
  // The file's last part, `skipped` if reading stopped on an error.
  void finish(std::optional<Message> skipped, bool no_content) {
    if (skipped) {
      part_.skipped = std::move(skipped);
      part_.no_content = no_content && part_.first;
      part_.docs.clear();
      part_.source_terms.clear();
    }
    hand_on(true);
  }

 private:
  void hand_on(bool last) {
    part_.last = last;
    const std::size_t file = part_.file;
    if (last) {
      emit_(std::move(part_));
    } else {
      if (halted_()) throw EmitFailed{};  // Ctrl-C in a large file: stop reading it
      // A write failing here (a full disk) is the run's, not the file's:
      // it stops the reading and goes on up from parse_file.
      try {
        emit_(std::move(part_));
      } catch (...) {
        emit_failure = std::current_exception();
        throw EmitFailed{};
      }
    }
    part_ = Parsed{};
    part_.file = file;
    part_.first = false;
  }

  const InputFile& file_;
  DocumentBuilder& builder_;
  PhaseTimes& times_;
  const std::function<void(Parsed)>& emit_;
  const std::function<bool()>& halted_;
  Parsed part_;
};

// Reads, parses and analyses one file, handing its documents to `emit` in
// parts as they are read, and adding the time of each phase to `times`.
void parse_file(const InputFile& file, std::size_t index, DocumentBuilder& builder, const corpus::ReadOptions& read,
                PhaseTimes& times, const std::function<void(Parsed)>& emit, const std::function<bool()>& halted) {
  corpus::ReadTimes read_times;
  PartBuilder parts(file, index, builder, times, emit, halted);
  std::optional<Message> skipped;
  bool no_content = false;
  try {
    corpus::read_file(file.path, read, parts, &read_times);
  } catch (const PartBuilder::EmitFailed&) {
    times.read += read_times.read;
    times.parse += read_times.parse;
    if (parts.emit_failure) std::rethrow_exception(parts.emit_failure);
    return;  // halted: the file stays listed as partial, and is read again next run
  } catch (const NoContentError& e) {
    skipped = e.message() ? *e.message() : Message{"read.skipped", {file.path, e.what()}};
    no_content = true;
  } catch (const Error& e) {
    skipped = e.message() ? *e.message() : Message{"read.skipped", {file.path, e.what()}};
  } catch (const std::exception& e) {
    skipped = Message{"read.skipped", {file.path, e.what()}};
  }
  times.read += read_times.read;
  times.parse += read_times.parse;
  parts.finish(std::move(skipped), no_content);
}

// Words met once are left out: they are mostly rare forms and the sources'
// own typos, poor suggestions, and they are half of a vocabulary's words
// (Zipf), so skipping them halves the cost of the spelling table.
constexpr Xapian::termcount kMinSpellingCount = 2;

void flush_spelling(Xapian::WritableDatabase& db, SpellingCounts& counts) {
  std::map<std::string, Xapian::termcount> merged;  // case variants of a word meet
  counts.for_each([&](std::string_view word, Xapian::termcount count) { merged[stemming::lower(word)] += count; });
  for (const auto& [word, count] : merged) {
    if (count >= kMinSpellingCount) db.add_spelling(word, count);
  }
  counts.clear();
}

// Metadata: the files written in parts whose last part is not committed yet,
// one path a line. A run stopped in the middle of a large JSON Lines file
// leaves it listed, and the next run reads the file again, whatever its stamp.
const std::string kPartialKey = "fouille.partial";

std::string join_lines(const std::set<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

std::set<std::string> partial_files(const Xapian::Database& db) {
  std::set<std::string> files;
  const std::string value = db.get_metadata(kPartialKey);
  for (std::size_t at = 0; at < value.size();) {
    std::size_t eol = value.find('\n', at);
    if (eol == std::string::npos) eol = value.size();
    if (eol > at) files.insert(value.substr(at, eol - at));
    at = eol + 1;
  }
  return files;
}

// What the database already holds: file -> (stamp, its documents).
struct Known {
  std::string stamp;
  std::vector<Xapian::docid> docs;
};

// Both value streams run in document id order: they are read side by side,
// so memory grows with the files known, not twice over.
std::map<std::string, Known> known_files(Xapian::Database& db) {
  const auto& s = corpus::schema();
  std::map<std::string, Known> known;
  const unsigned stamp_slot = s.field(corpus::FieldId::kStamp).slot, source_slot = s.field(corpus::FieldId::kSource).slot;
  auto stamp = db.valuestream_begin(stamp_slot);
  const auto stamps_end = db.valuestream_end(stamp_slot);
  for (auto it = db.valuestream_begin(source_slot); it != db.valuestream_end(source_slot); ++it) {
    const Xapian::docid id = it.get_docid();
    Known& k = known[*it];
    k.docs.push_back(id);
    if (stamp != stamps_end && stamp.get_docid() < id) stamp.skip_to(id);
    if (stamp != stamps_end && stamp.get_docid() == id) k.stamp = *stamp;
  }
  for (const auto& path : partial_files(db)) {
    if (auto it = known.find(path); it != known.end()) it->second.stamp.clear();  // read again
  }
  return known;
}

Xapian::WritableDatabase open_for_writing(const fs::path& db) {
  try {
    return Xapian::WritableDatabase(db.string(), Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    // A lock that cannot be taken for want of write access is no other writer.
    const fs::path probe = db / ".fouille-write-test";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno != EEXIST) {
      throw IndexError(Message{"index.cannot_write_folder", {db.string(), system_reason(errno)}});
    }
    if (fd >= 0) {
      ::close(fd);
      ::unlink(probe.c_str());
    }
    throw IndexError(Message{"index.locked", {db.string()}});
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_open_write", {db.string(), e.get_msg()}});
  }
}

// One message for a failed write; a full disk says so and what to do.
Message write_failure(const fs::path& db, const Xapian::Error& e) {
  const char* errno_text = e.get_error_string();
  const std::string what = e.get_msg() + (errno_text ? std::string(" (") + errno_text + ")" : "");
  if (what.find(std::strerror(ENOSPC)) != std::string::npos) {
    return Message{"index.disk_full", {db.string(), system_reason(ENOSPC)}};
  }
  return Message{"index.write_failed", {db.string(), what}};
}

class Queue {
 public:
  explicit Queue(int producers) : producers_(producers) {}
  void push(Parsed p) {
    std::unique_lock lock(mutex_);
    // One part is always let in, however large: a text document alone.
    not_full_.wait(lock, [&] {
      return (items_.size() < kQueueCapacity && (items_.empty() || bytes_ + p.bytes <= kQueueBytes)) || closed_;
    });
    if (closed_) return;
    bytes_ += p.bytes;
    items_.push_back(std::move(p));
    not_empty_.notify_one();
  }
  std::optional<Parsed> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    Parsed p = std::move(items_.front());
    items_.pop_front();
    bytes_ -= p.bytes;
    not_full_.notify_all();
    return p;
  }
  void producer_done() {
    std::lock_guard lock(mutex_);
    --producers_;
    not_empty_.notify_all();
  }
  void close() {  // the writer stopped early: unblock and drop the rest
    std::lock_guard lock(mutex_);
    closed_ = true;
    items_.clear();
    bytes_ = 0;
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Parsed> items_;
  std::size_t bytes_ = 0;
  int producers_;
  bool closed_ = false;
};

// State shared by the threads of one run.
class Run {
 public:
  Run(const Options& o, const std::vector<InputFile>& files, std::vector<std::size_t> todo, Stats& stats,
      const Warn& warn, const OnProgress& progress, const std::atomic<bool>* stop)
      : o_(o), files_(files), todo_(std::move(todo)), stats_(stats), warn_(warn), progress_(progress), stop_(stop) {}

  bool stopped() const { return stop_ && stop_->load(); }
  // Stopped, or the writer failed: a file being read is left where it is.
  bool halted() const { return stopped() || abort_; }
  unsigned jobs() const {
    unsigned j = o_.jobs ? o_.jobs : std::max(1u, std::thread::hardware_concurrency());
    return std::max(1u, std::min<unsigned>(j, static_cast<unsigned>(std::max<std::size_t>(1, todo_.size()))));
  }
  std::size_t todo() const { return todo_.size(); }

  // The next file to parse, or nothing when all are taken or the run stops.
  std::optional<std::size_t> take() {
    if (stopped() || abort_) return std::nullopt;
    std::size_t k = next_.fetch_add(1);
    if (k >= todo_.size()) return std::nullopt;
    return todo_[k];
  }

  // Counts a parsed file (thread-safe); `added`/`updated` documents written.
  void done(const Parsed& p, std::size_t added, std::size_t updated) {
    std::lock_guard lock(mutex_);
    if (p.last) {
      ++files_done_;
      stats_.bytes += files_[p.file].size;
    }
    stats_.added += added;
    stats_.updated += updated;
    for (const auto& w : p.warnings) say(w);
    for (const auto& name : p.unknown_countries) {
      if (reported_countries_.insert(name).second) {
        say(Message{"index.unknown_country", {files_[p.file].path, name}});
      }
    }
    if (p.skipped) {
      ++stats_.skipped;
      say(*p.skipped);
    }
    if (progress_) {
      progress_(Progress{files_done_, todo_.size(), stats_.added + stats_.updated, stats_.bytes,
                         std::chrono::duration<double>(Clock::now() - started_).count()});
    }
  }

  void abort() { abort_ = true; }

  const Options& o_;
  const std::vector<InputFile>& files_;

 private:
  void say(const Message& message) {
    if (warn_) warn_(message);
  }

  std::vector<std::size_t> todo_;
  Stats& stats_;
  const Warn& warn_;
  const OnProgress& progress_;
  const std::atomic<bool>* stop_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> abort_{false};
  std::mutex mutex_;
  std::size_t files_done_ = 0;
  std::set<std::string> reported_countries_;  // each unknown name is reported once
  Clock::time_point started_ = Clock::now();
};

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
    if (key != kPartialKey) return tags[0];
    std::set<std::string> files;
    for (size_t i = 0; i < num_tags; ++i) {
      for (std::size_t at = 0; at < tags[i].size();) {
        std::size_t eol = tags[i].find('\n', at);
        if (eol == std::string::npos) eol = tags[i].size();
        if (eol > at) files.insert(tags[i].substr(at, eol - at));
        at = eol + 1;
      }
    }
    return join_lines(files);
  }

 private:
  const Run& run_;
};

// Fresh build: one shard per thread, then compaction into a new generation.
void sharded_build(Run& run, store::DatabaseLayout& layout, Xapian::WritableDatabase& db, Stats& stats) {
  const fs::path scratch = layout.scratch();
  // However the build ends (a full disk, an error), its shards and a
  // half-written generation go: they would hold the space the next run needs.
  struct Cleanup {
    const fs::path& scratch;
    const store::DatabaseLayout& layout;
    fs::path unfinished;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(scratch, ec);
      if (!unfinished.empty()) fs::remove_all(unfinished, ec);
    }
  } cleanup{scratch, layout, {}};
  const unsigned jobs = run.jobs();
  std::vector<std::thread> workers;
  std::vector<std::exception_ptr> errors(jobs);
  std::mutex shards_mutex;
  std::vector<std::string> shards;
  std::mutex spelling_mutex;
  SpellingCounts pooled;  // the counts of the threads that have finished
  unsigned running = jobs;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      PhaseTimes times;
      try {
        SpellingCounts spelling;
        DocumentBuilder builder(run.o_.spelling ? &spelling : nullptr);
        std::optional<Xapian::WritableDatabase> shard;
        std::size_t since_commit = 0, in_shard = 0;
        auto open_shard = [&] {
          std::lock_guard lock(shards_mutex);
          shards.push_back((scratch / ("shard-" + std::to_string(w) + "-" + std::to_string(shards.size()))).string());
          // A shard is scratch (see kShardCommitDocuments): its commits need
          // not reach the disk (no fsync), and nobody reads it while it grows
          // (blocks are rewritten in place). The merged generation is written
          // with Xapian's usual syncing.
          shard.emplace(shards.back(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS);
          shard->set_metadata(store::kAnalysisKey, store::current_analysis());  // kept by compaction
          in_shard = 0;
        };
        {
          Timed timed(times.write);
          open_shard();
        }
        // Writes one part; a new shard is started between files only, so
        // the records of one file meet (and a repeated id is replaced) in one.
        auto write = [&](Parsed p) {
          {
            Timed timed(times.write);
            // A file in parts is listed until its last part is written (see kPartialKey):
            // a build stopped in between merges what is done, and the next run reads it again.
            const std::string& path = run.files_[p.file].path;
            if (p.first && !p.last && !p.skipped) shard->set_metadata(kPartialKey, path);
            if (p.last && !p.first && !p.skipped) shard->set_metadata(kPartialKey, "");
            for (std::size_t d = 0; d < p.docs.size(); ++d) {
              if (p.alone()) {
                shard->add_document(p.docs[d]);
              } else {
                shard->replace_document(p.source_terms[d], p.docs[d]);
              }
            }
          }
          since_commit += p.docs.size();
          in_shard += p.docs.size();
          run.done(p, p.docs.size(), 0);
          if (spelling.size() >= kSpellingFlushWords) {
            Timed timed(times.spelling);
            flush_spelling(*shard, spelling);
          }
          Timed timed(times.write);
          if (since_commit >= kShardCommitDocuments) {
            shard->commit();
            since_commit = 0;
          }
          if (p.last && in_shard >= kShardDocuments) {
            shard->close();
            open_shard();
          }
        };
        while (auto index = run.take()) {
          parse_file(run.files_[*index], *index, builder, run.o_.read, times, write, [&] { return run.halted(); });
        }
        {
          // The threads' counts meet, and the last thread to finish writes
          // them into its shard: each word is added once, not once a shard,
          // a word met once by each thread is kept as by a single writer, and
          // compaction has one spelling table to copy instead of some to merge.
          Timed timed(times.spelling);
          std::unique_lock lock(spelling_mutex);
          spelling.for_each([&](std::string_view word, Xapian::termcount count) { pooled.add(word, count); });
          spelling.clear();
          if (--running == 0) {
            lock.unlock();
            flush_spelling(*shard, pooled);
          }
        }
        Timed timed(times.write);
        shard->commit();
        shard->close();
      } catch (...) {
        errors[w] = std::current_exception();
        run.abort();
      }
      std::lock_guard lock(shards_mutex);
      stats.phases += times;
    });
  }
  for (auto& t : workers) t.join();
  stats.threads = jobs;
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  if (run.stopped()) stats.interrupted = true;
  if (stats.added > 0) {
    Timed timed(stats.phases.compact);
    Xapian::Database all;
    for (const auto& shard : shards) all.add_database(Xapian::Database(shard));
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
}

// Update in place: threads parse, this thread writes. `ours`: every document
// the database keeps will be written by this analysis chain once a run redoing
// a `stale` index ends (not if it is interrupted, nor if a file that fails to
// parse keeps its old documents); the database is then marked as such.
void queued_update(Run& run, Xapian::WritableDatabase& db, std::map<std::string, Known>& known, Stats& stats,
                   bool ours, bool stale) {
  std::set<std::string> partial = partial_files(db);
  const unsigned jobs = run.jobs();
  Queue queue(static_cast<int>(jobs));
  std::vector<std::thread> workers;
  std::mutex spelling_mutex;
  SpellingCounts spelling;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
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
    });
  }
  stats.threads = jobs + 1;  // and this one, the writer
  PhaseTimes mine;           // the writer's, added once the producers are done
  std::size_t since_commit = 0;
  try {
    // Files handed over in several parts, by file index: whether the file
    // had documents before, how many, and how many it has now.
    struct Open {
      bool changed = false;
      std::size_t old_docs = 0, new_docs = 0;
    };
    std::map<std::size_t, Open> open;
    while (auto parsed = queue.pop()) {
      const InputFile& file = run.files_[parsed->file];
      std::size_t added = 0, updated = 0;
      if (parsed->skipped && parsed->no_content) {
        // Now empty, binary or too large: what it held is no longer there.
        if (auto old = known.find(file.path); old != known.end()) {
          for (Xapian::docid id : old->second.docs) db.delete_document(id);
          stats.removed += old->second.docs.size();
          since_commit += old->second.docs.size();
          known.erase(old);
        }
      } else if (parsed->skipped && (known.count(file.path) || !parsed->first)) {
        ours = false;  // its old documents, or the parts written before the error, stay
      }
      if (parsed->first && !parsed->skipped) {
        Timed timed(mine.write);
        Open& o = open[parsed->file];
        if (auto old = known.find(file.path); old != known.end()) {
          o.changed = true;
          o.old_docs = old->second.docs.size();
          for (Xapian::docid id : old->second.docs) db.delete_document(id);
        }
        // Written in parts, the file is incomplete until its last part is
        // committed: a run stopped in between leaves it listed, to be read again.
        if (!parsed->last && partial.insert(file.path).second) db.set_metadata(kPartialKey, join_lines(partial));
      }
      if (!parsed->skipped) {
        Timed timed(mine.write);
        Open& o = open[parsed->file];
        for (std::size_t d = 0; d < parsed->docs.size(); ++d) {
          // The file's old documents are gone: a lone document is added; a
          // JSON Lines file's replace by their unique source term, so a
          // repeated id never makes a duplicate.
          if (parsed->alone()) {
            db.add_document(parsed->docs[d]);
          } else {
            db.replace_document(parsed->source_terms[d], parsed->docs[d]);
          }
          ++(o.changed ? updated : added);
        }
        o.new_docs += parsed->docs.size();
        since_commit += parsed->docs.size();
        if (parsed->last) {
          if (o.old_docs > o.new_docs) stats.removed += o.old_docs - o.new_docs;
          if (partial.erase(file.path)) db.set_metadata(kPartialKey, join_lines(partial));
        }
      }
      if (parsed->last) open.erase(parsed->file);
      run.done(*parsed, added, updated);
      if (since_commit >= run.o_.batch) {
        Timed timed(mine.write);
        db.commit();
        since_commit = 0;
      }
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
  if (run.o_.prune && !stats.interrupted) {
    Timed timed(mine.write);
    for (const auto& [path, k] : known) {
      if (run.stopped()) {  // Ctrl-C while pruning: what is removed so far is committed
        stats.interrupted = true;
        break;
      }
      if (fs::exists(path)) continue;
      for (Xapian::docid id : k.docs) db.delete_document(id);
      stats.removed += k.docs.size();
      if (partial.erase(path)) db.set_metadata(kPartialKey, join_lines(partial));
    }
  }
  {
    Timed timed(mine.spelling);
    flush_spelling(db, spelling);
  }
  {
    Timed timed(mine.write);
    if (ours && !(stale && stats.interrupted)) db.set_metadata(store::kAnalysisKey, store::current_analysis());
    db.commit();
  }
  stats.phases += mine;
}

std::uint64_t peak_rss_bytes() {
  struct rusage usage {};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux counts KiB
}

}  // namespace

std::vector<fs::path> list_files(const std::vector<fs::path>& inputs, bool follow_links, const Warn& warn) {
  Scan scan = scan_inputs(inputs, follow_links);
  if (warn) {
    for (const auto& w : scan.warnings) warn(w);
  }
  std::vector<fs::path> files;
  for (const auto& f : scan.files) files.emplace_back(f.listed);
  return files;
}

PhaseTimes& PhaseTimes::operator+=(const PhaseTimes& o) {
  scan += o.scan;
  read += o.read;
  parse += o.parse;
  analyse += o.analyse;
  build += o.build;
  write += o.write;
  compact += o.compact;
  spelling += o.spelling;
  return *this;
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
  Scan scan = scan_inputs(options.inputs, options.follow_links);
  std::vector<InputFile>& files = scan.files;
  Stats stats;
  stats.files = files.size();
  stats.skipped = scan.warnings.size();
  if (warn) {
    for (const auto& w : scan.warnings) warn(w);
  }

  store::DatabaseLayout layout(options.db);
  Xapian::WritableDatabase db = open_for_writing(layout.dir());
  try {
    std::map<std::string, Known> known = known_files(db);
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
    stats.db_documents = Xapian::Database(layout.dir().string()).get_doccount();
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_reopen", {options.db.string(), e.get_msg()}});
  }
  stats.seconds = seconds_since(started);
  stats.db_bytes = directory_bytes(options.db);
  stats.peak_rss_bytes = peak_rss_bytes();
  return stats;
}

}  // namespace fouille::indexer
