// Private: a fresh build. Each parsing thread writes its own shards, and
// Xapian's compaction merges them into a new generation of the database,
// which the stub then points to (fouille/store/database_layout.h): the single
// Xapian writer of an update would be the bottleneck otherwise.
#pragma once

#include <cstddef>

#include <xapian.h>

#include "fouille/indexer/indexer.h"
#include "fouille/store/database_layout.h"

#include "run.h"

namespace fouille::indexer {

/// A fresh build goes through shards from this many files on.
inline constexpr std::size_t kMinShardedFiles = 200;

/// Builds the run's files into a new generation of `layout`, `db` being the
/// current (empty) one, closed once the new one is live. Stopped, it leaves
/// the database as it was; its shards go however it ends.
void sharded_build(Run& run, store::DatabaseLayout& layout, Xapian::WritableDatabase& db, Stats& stats);

}  // namespace fouille::indexer
