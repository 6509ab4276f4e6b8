// Private: the indexer's side of a sharded index (fouille/store/shard.h):
// which files a run keeps, and the check that a database is always built as
// the same shard.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "fouille/indexer/indexer.h"
#include "fouille/store/shard.h"

#include "file_scan.h"

namespace fouille::indexer {

/// The shard `options` asks for. Throws UsageError naming --shard.
store::ShardSpec shard_of_run(const Options& options);

/// Leaves in `files` those of `spec`, counting the others in stats.other_shard.
void keep_shard(const store::ShardSpec& spec, std::vector<InputFile>& files, Stats& stats);

/// Checks that `db` was built as `spec`, and records `spec` in a database
/// that holds no document and no spec yet (committed at once, so a run
/// stopped before its first commit leaves it recorded). Throws UsageError
/// (shard.mismatch) naming `name` and both specs otherwise.
void check_shard(Xapian::WritableDatabase& db, const store::ShardSpec& spec, const std::filesystem::path& name);

}  // namespace fouille::indexer
