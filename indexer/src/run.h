// Private: the state the threads of one indexing run share: which files are
// left to read, the counts and warnings, and whether the run must stop.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "fouille/indexer/indexer.h"

#include "file_scan.h"
#include "parts.h"
#include "read_ahead.h"
#include "timing.h"

namespace fouille::indexer {

class Run {
 public:
  Run(const Options& o, const std::vector<InputFile>& files, std::vector<std::size_t> todo, Stats& stats,
      const Warn& warn, const OnProgress& progress, const std::atomic<bool>* stop)
      : o_(o), files_(files), todo_(std::move(todo)), stats_(stats), warn_(warn), progress_(progress), stop_(stop) {
    start_read_ahead();
  }

  bool stopped() const { return stop_ && stop_->load(); }
  /// Stopped, or the writer failed: a file being read is left where it is.
  bool halted() const { return stopped() || abort_; }
  /// The threads that parse: --jobs (else the cores), no more than files.
  unsigned jobs() const;
  std::size_t todo() const { return todo_.size(); }

  /// The next file to parse, or nothing when all are taken or the run stops.
  std::optional<std::size_t> take();

  /// Counts a written part (thread-safe): `added`/`updated` documents, its
  /// warnings said, progress reported.
  void done(const Parsed& p, std::size_t added, std::size_t updated);

  void abort() { abort_ = true; }

  const Options& o_;
  const std::vector<InputFile>& files_;

 private:
  void start_read_ahead();
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
  std::unique_ptr<ReadAhead> read_ahead_;  // last: stopped before the rest goes
};

/// `count` threads running `body(w)` for w = 0…count-1. If one cannot be
/// started (the system refuses a thread), aborts `run`, calls `unblock` (what
/// lets the started ones finish, such as closing their queue), joins them
/// and rethrows: a std::thread destroyed unjoined would end the process.
std::vector<std::thread> start_workers(Run& run, unsigned count, const std::function<void(unsigned)>& body,
                                       const std::function<void()>& unblock = {});

/// One message for a failed write; a full disk says so and what to do.
Message write_failure(const std::filesystem::path& db, const Xapian::Error& e);

}  // namespace fouille::indexer
