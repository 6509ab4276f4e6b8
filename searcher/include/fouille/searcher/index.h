// A fouille database shared by the threads of a long-running process (the
// server): what can be shared per revision of the database is built once here
// and handed to the per-thread Sessions (fouille/searcher/session.h).
//
//   auto index = std::make_shared<fouille::searcher::Index>("projets.db");
//   fouille::searcher::Session session(index);   // one per thread
//   auto result = session.search(request);
//   auto status = index->status();               // revision, documents…
//
// The Index opens nothing up front: a database that cannot be opened yet (not
// indexed, being replaced) is reported by status() and by Session's
// constructor, and tried again on the next call. A new revision committed by
// fouille-index, even a whole new generation of the database, is seen by the
// next search without a restart.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace fouille::searcher {

/// What the database is now, for health checks.
struct IndexStatus {
  bool open = false;     ///< false: `error` says why
  std::string error;     ///< why the database cannot be opened
  std::string revision;  ///< changes with every commit and generation
  std::size_t documents = 0;
  std::string signature;          ///< analysis signature the documents were indexed with
  bool current_analysis = false;  ///< that signature is this build's
};

class Index {
 public:
  /// What each revision keeps of its searches by default: the documents of
  /// frequent terms and of phrases (see set_cache_bytes below).
  static constexpr std::size_t kDefaultSetCacheBytes = std::size_t{64} << 20;

  /// Remembers the path; opens nothing. Never throws. Each revision keeps
  /// the sets of documents of its searches' frequent terms and phrases, up
  /// to `set_cache_bytes` (0: none, every search reads them afresh).
  explicit Index(std::string db_path, std::size_t set_cache_bytes = kDefaultSetCacheBytes);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  const std::string& path() const;

  /// Opens (or reopens) the database to report its state. Thread-safe; never
  /// throws: a database that cannot be opened gives open == false.
  IndexStatus status() const;

  struct Impl;  ///< private, shared with the searcher's sources

 private:
  friend struct IndexAccess;  // the searcher's sources (index_internal.h)
  std::unique_ptr<Impl> impl_;
};

}  // namespace fouille::searcher
