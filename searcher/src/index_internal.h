// Private: the state an Index shares between threads, and how a thread's own
// Xapian::Database follows the database on disk.
//
// Invariants: each of `tables` was read from a database whose
// database_version() is its key; they change under `mutex`. A FacetTable is
// immutable once built, so a Session keeps using its shared_ptr after the
// Index has moved on to a newer revision.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "fouille/searcher/index.h"

#include "facets.h"

namespace fouille::searcher {

struct Index::Impl {
  std::string path;
  std::mutex mutex;
  // The tables of the last revisions, newest last. Two: while the indexer
  // commits, threads that refreshed before and after a commit ask for both,
  // and each would otherwise rebuild the other's table.
  static constexpr std::size_t kTablesKept = 2;
  std::vector<std::pair<std::string, std::shared_ptr<const FacetTable>>> tables;
  Xapian::Database db;  // status() only, under mutex
  std::string db_stub;
  bool db_open = false;

  /// The facet table of the database `db` is now at, built by the first
  /// thread to ask for a revision (the others wait rather than build it too).
  std::shared_ptr<const FacetTable> facet_table(const Xapian::Database& db);
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
