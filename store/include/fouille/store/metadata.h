// The database's metadata: every key fouille writes with set_metadata, and
// how its value is written. The indexer writes them, the indexer and the
// searcher read them; the keys are spelt only here.
//
//   db.set_metadata(store::kAnalysisKey, store::current_analysis());
//   std::set<std::string> files = store::decode_partial(db.get_metadata(store::kPartialKey));
//   db.set_metadata(store::kPartialKey, store::encode_partial(files));
//
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

namespace fouille::store {

/// The signature of the chain and format every document was indexed with
/// (absent while some were not): analysis_check.h.
inline constexpr const char* kAnalysisKey = "fouille.analysis";

/// The files written in parts whose last part is not committed yet, one path
/// a line. A run stopped in the middle of a large JSON Lines file leaves it
/// listed, and the next run reads the file again, whatever its stamp.
inline constexpr const char* kPartialKey = "fouille.partial";

/// The shard of a sharded index the database was built as, "i/L"
/// (shard.h); absent for a whole index. Recorded by the first run, checked by
/// every later one.
inline constexpr const char* kShardKey = "fouille.shard";

/// The value of kPartialKey listing `files` ("" for none).
std::string encode_partial(const std::set<std::string>& files);

/// The files a kPartialKey value lists (none for "").
std::set<std::string> decode_partial(std::string_view value);

/// What compaction keeps of `key` when several shards hold it (the
/// Xapian::Compactor hook): the partial files of them all, joined; of any
/// other key, the first shard's.
std::string merge_metadata(const std::string& key, std::size_t num_tags, const std::string tags[]);

}  // namespace fouille::store
