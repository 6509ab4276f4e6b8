// Private: the state an Index shares between threads, and how a thread's own
// Xapian::Database follows the database on disk.
//
// Invariants: each of `revisions` was read from a database whose
// database_version() is its key; they change under `mutex`. A FacetTable is
// immutable once built (a SetCache guards itself), so a Session keeps using
// its shared_ptr after the Index has moved on to a newer revision.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "fouille/searcher/index.h"

#include "facets.h"
#include "set_cache.h"

namespace fouille::searcher {

struct Index::Impl {
  std::string path;
  bool remote = false;              // a shard map: shards served over Xapian's remote protocol
  std::size_t set_cache_bytes = 0;  // each revision's; 0: no set cache
  std::mutex mutex;
  // What the searches of one revision share: its facet table and the sets of
  // recent queries' dearest parts.
  struct Revision {
    std::shared_ptr<const FacetTable> table;
    std::shared_ptr<SetCache> sets;  // null when the Index keeps none
  };
  // The last revisions, newest last. Two: while the indexer commits, threads
  // that refreshed before and after a commit ask for both, and each would
  // otherwise rebuild the other's table.
  static constexpr std::size_t kRevisionsKept = 2;
  std::vector<std::pair<std::string, Revision>> revisions;
  Xapian::Database db;  // status() only, under mutex
  std::string db_stub;
  bool db_open = false;

  /// What the revision `db` is now at shares, built by the first thread to
  /// ask for it (the others wait rather than build the table too).
  Revision revision(const Xapian::Database& db);
  std::shared_ptr<const FacetTable> facet_table(const Xapian::Database& db) { return revision(db).table; }
};

/// What the searcher's sources reach of an Index: its shared state.
struct IndexAccess {
  static Index::Impl& impl(const Index& index) { return *index.impl_; }
};

/// Identifies a database's revision: its UUID, last document id, document
/// count and revision number.
std::string database_version(const Xapian::Database& db);

/// A thread's own handle on the database at `path`, following new commits
/// (reopen) and a switch to a new generation (reopen from the stub).
class FollowedDatabase {
 public:
  /// Throws IndexError naming the path when the database cannot be opened.
  explicit FollowedDatabase(std::string path);
  /// Sees what was committed since the last call.
  void refresh();
  Xapian::Database& db() { return db_; }

 private:
  std::string path_;
  std::string stub_;  // the stub file's content when db_ was opened
  Xapian::Database db_;
};

}  // namespace fouille::searcher
