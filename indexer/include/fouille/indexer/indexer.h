// Building and updating a fouille database from files and folders.
//
//   fouille::indexer::Options options;
//   options.db = "projets.db";
//   options.inputs = {"corpus/samples"};
//   fouille::indexer::Stats stats = fouille::indexer::index(options, {}, {}, nullptr);
//
// Incremental: a file whose size and mtime are unchanged is not read again; a
// changed file's documents are replaced; with `prune`, documents whose file is
// gone are removed. Parsing and analysis run on `jobs` threads; one writer
// adds documents and commits every `batch` documents, so an interrupted run
// leaves the database at its last commit.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "fouille/corpus/reader.h"

namespace fouille::indexer {

struct Options {
  std::filesystem::path db;
  std::vector<std::filesystem::path> inputs;  ///< files and folders (recursive)
  unsigned jobs = 0;                          ///< parsing threads; 0 = the number of cores
  std::size_t batch = 1000;                   ///< documents per commit
  bool prune = false;                         ///< remove documents whose source file is gone
  bool spelling = true;                       ///< feed Xapian's spelling dictionary
  /// Follow symbolic links that lead out of the inputs; by default they are
  /// skipped with a warning (a link to /etc/passwd is not indexed).
  bool follow_links = false;
  corpus::ReadOptions read;
  /// "i/L": index only the files of shard i of L (fouille/store/shard.h),
  /// recorded in the database, which later runs must then give too; "" for
  /// the whole index. Checked by index() (UsageError naming --shard).
  std::string shard;
};

struct Progress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::size_t documents = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
};

/// Where a run's time went, in seconds. Phases that run on the worker threads
/// (read, parse, analyse, build, and write in a fresh build of several jobs)
/// are each thread's time summed over the threads, so with N threads they can
/// add up to N times the wall time; the others run on one thread.
struct PhaseTimes {
  double scan = 0;      ///< listing the input files and what the database holds
  double read = 0;      ///< reading files and decoding them to UTF-8
  double parse = 0;     ///< telling layouts and fields apart
  double analyse = 0;   ///< the French analysis chain over the text
  double build = 0;     ///< turning analysed documents into Xapian documents
  double write = 0;     ///< adding, replacing, deleting documents and commits
  double compact = 0;   ///< merging the shards of a fresh build
  double spelling = 0;  ///< writing the spelling dictionary
  /// The sum of every phase.
  double total() const { return scan + read + parse + analyse + build + write + compact + spelling; }
  PhaseTimes& operator+=(const PhaseTimes& o);
};

struct Stats {
  std::size_t files = 0;        ///< files found under the inputs
  std::size_t added = 0;        ///< documents new to the database
  std::size_t updated = 0;      ///< documents of changed files, indexed again
  std::size_t unchanged = 0;    ///< files left alone (same size and mtime)
  std::size_t removed = 0;      ///< documents pruned or dropped from changed files
  std::size_t skipped = 0;      ///< files that could not be read (see warnings)
  std::size_t other_shard = 0;  ///< files of other shards, not read (Options::shard)
  std::string shard;            ///< the shard built, "i/L"; "" for the whole index
  std::uint64_t bytes = 0;      ///< bytes read
  double seconds = 0;
  std::uint64_t db_bytes = 0;        ///< database size on disk at the end
  std::size_t db_documents = 0;      ///< documents in the database at the end
  bool interrupted = false;          ///< stopped early; what was done is committed
  unsigned threads = 1;              ///< threads the phases were timed on (jobs, plus the writer of an update)
  PhaseTimes phases;                 ///< where the time went
  std::uint64_t peak_rss_bytes = 0;  ///< the process's peak resident memory so far
};

/// A per-file problem, one message naming the file; the tool renders it in
/// the user's language.
using Warn = std::function<void(const Message& warning)>;
using OnProgress = std::function<void(const Progress&)>;

/// Indexes `options.inputs` into `options.db`. Per-file problems go to `warn`
/// (one message naming the file) and never stop the run. Setting `*stop` (e.g.
/// from a signal handler) makes it commit what is done and return.
/// Throws UsageError for a bad Options::shard or one that is not the shard the
/// database was built as (before anything is written), CorpusError for a
/// missing input path and IndexError when the database cannot be opened,
/// locked or written.
Stats index(const Options& options, const Warn& warn, const OnProgress& progress, const std::atomic<bool>* stop);

/// The files index() would read under `inputs`, as found under them (not
/// made absolute), in the order of their absolute paths: hidden entries,
/// links out of the inputs (unless `follow_links`), loops and special files
/// left out, each with a message to `warn`. Throws CorpusError for a missing input.
std::vector<std::filesystem::path> list_files(const std::vector<std::filesystem::path>& inputs, bool follow_links,
                                              const Warn& warn);

/// Total size of the files under a database folder.
std::uint64_t directory_bytes(const std::filesystem::path& dir);

}  // namespace fouille::indexer
