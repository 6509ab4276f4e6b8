// Private: the spelling table written from counts. Adding a word to Xapian's
// spelling table is costly, so each word is added once per flush with its
// count rather than once per occurrence.
#pragma once

#include <cstddef>

#include <xapian.h>

#include "document_builder.h"

namespace fouille::indexer {

/// Counts are written out when they hold this many words (and at the end).
inline constexpr std::size_t kSpellingFlushWords = 1 << 20;

/// Adds the words of `counts` met at least twice to `db`'s spelling table
/// (case variants of a word together), and empties `counts`.
void flush_spelling(Xapian::WritableDatabase& db, SpellingCounts& counts);

}  // namespace fouille::indexer
