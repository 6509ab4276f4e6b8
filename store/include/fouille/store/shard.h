// Which shard of a sharded index holds a file, and how a database records
// the shard it was built as. An index split in L shards is L databases,
// each built by `fouille-index --shard i/L` from the same inputs: a file goes
// to the shard its key (the absolute path the indexer knows it by, the file
// part of source_key()) hashes to, with the stable FNV-1a, so every run, on
// any machine and build, sends it to the same shard, and an update, a
// deletion or --prune finds it where it was written.
//
//   store::ShardSpec spec = store::parse_shard_spec("--shard", "1/2");
//   if (store::holds(spec, "/d/a.txt")) { ... }                     // index it
//   db.set_metadata(store::kShardKey, store::encode_shard_spec(spec));  // "1/2"
//
// Changing L moves most files to another shard: resharding is a rebuild.
// Pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fouille/store/metadata.h"  // kShardKey, where the spec is recorded

namespace fouille::store {

/// The most shards an index may be split in.
inline constexpr unsigned kMaxShards = 256;

/// Shard `index` of `count` (1 ≤ index ≤ count ≤ kMaxShards), or the whole
/// index (count 0).
struct ShardSpec {
  unsigned index = 0;
  unsigned count = 0;

  bool whole() const { return count == 0; }
  bool operator==(const ShardSpec&) const = default;
};

/// The spec written "i/L" (decimal digits, 1 ≤ i ≤ L ≤ kMaxShards). Throws
/// UsageError (shard.bad_spec) naming `option` and the value otherwise.
ShardSpec parse_shard_spec(std::string_view option, std::string_view text);

/// The spec "i/L", or nothing when `text` is not one (never throws).
std::optional<ShardSpec> read_shard_spec(std::string_view text);

/// The value of kShardKey for `spec`: "i/L", "" for the whole index.
std::string encode_shard_spec(const ShardSpec& spec);

/// The shard (1 to `count`) that holds the file known as `file_key`; 1 when
/// `count` is 0 or 1.
unsigned shard_of(std::string_view file_key, unsigned count);

/// Whether the database built as `spec` holds the file known as `file_key`
/// (always, for the whole index).
bool holds(const ShardSpec& spec, std::string_view file_key);

}  // namespace fouille::store
