// A spelling-only database made from the shards of a sharded index. Xapian
// answers get_spelling_suggestion() from local databases only, so a
// coordinator searching shards over the network opens this one beside them
// for its corrections: every word of the shards' spelling tables with its
// frequencies summed, and the analysis signature, so that it opens as a
// fouille database. It holds no document.
//
//   store::SpellingMerge m = store::merge_spelling({"part1.db", "part2.db"}, "orthographe.db");
//
// A word a shard's indexer left out (met once in that shard) is missing
// from its sum: the merged table can hold a little less than one built
// whole; the most frequent words, which suggestions prefer, are the same.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

namespace fouille::store {

struct SpellingMerge {
  std::size_t databases = 0;      ///< shard databases read
  std::size_t words = 0;          ///< words written
  std::uint64_t occurrences = 0;  ///< the sum of their frequencies
};

/// Writes into `out` (a fouille database folder, created if missing, holding
/// no document) the spelling tables of `shards` summed, and their analysis
/// signature. The table is built as a new generation and made live at once
/// (database_layout.h): a reader sees the old table or the new one. Throws
/// IndexError naming the database when a shard does not open or was indexed
/// by another analysis than the others or this build, when `out` holds
/// documents, or when it cannot be written.
SpellingMerge merge_spelling(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& out);

}  // namespace fouille::store
