// A shard map: the servers of each shard of an index served over Xapian's
// remote protocol (fouille-shardd), read by the coordinators (fouille-search,
// fouille-serve) in place of a database folder.
//
//   # fouille shard map: each shard's servers, tried in this order
//   shard 1 127.0.0.1:7301 127.0.0.1:7311
//   shard 2 127.0.0.1:7302
//   timeout 10                      # optional, seconds (default 10)
//   spelling /srv/fouille/spelling  # optional: a local spelling-only database
//
//   if (store::is_shard_map(path)) db = store::open_shards(store::read_shard_map(path));
//
// Opening connects to each shard's first server that answers, so a stopped
// replica is passed over; a shard none of whose servers answers fails the
// whole open: there are no silent partial results.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

namespace fouille::store {

struct ShardServer {
  std::string host;
  unsigned port = 0;
};

struct ShardMap {
  std::filesystem::path file;                    ///< where it was read, for messages
  std::vector<std::vector<ShardServer>> shards;  ///< shard i-1's servers, in order
  double timeout_seconds = 10;                   ///< connecting, and each request
  std::filesystem::path spelling;                ///< a spelling-only database, or empty
};

/// True when `path` is a file whose first line (past comments and blank
/// lines) is a shard map's (`shard`, `timeout` or `spelling`), not a Xapian
/// stub's: a shard map rather than a database.
bool is_shard_map(const std::filesystem::path& path);

/// Reads and checks the map at `path`: shards numbered 1 to N, each once,
/// each with at least one HOST:PORT. Throws IndexError (index.shard_map)
/// naming the file, the line and what is wrong.
ShardMap read_shard_map(const std::filesystem::path& path);

/// One database of every shard, each through its first server that answers
/// (Xapian::Remote::open). Xapian sums the shards' statistics, so weights
/// are those of one database. Throws IndexError (index.shard_down) naming
/// the shard and every server tried when none of a shard's answers.
Xapian::Database open_shards(const ShardMap& map);

}  // namespace fouille::store
