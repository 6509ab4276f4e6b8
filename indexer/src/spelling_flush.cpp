#include "spelling_flush.h"

#include <map>
#include <string>

#include "fouille/store/terms.h"

namespace fouille::indexer {
namespace {

// Words met once are left out: they are mostly rare forms and the sources'
// own typos, poor suggestions, and they are half of a vocabulary's words
// (Zipf), so skipping them halves the cost of the spelling table.
constexpr Xapian::termcount kMinSpellingCount = 2;

}  // namespace

void flush_spelling(Xapian::WritableDatabase& db, SpellingCounts& counts) {
  std::map<std::string, Xapian::termcount> merged;  // case variants of a word meet
  counts.for_each([&](std::string_view word, Xapian::termcount count) { merged[store::spelling_key(word)] += count; });
  for (const auto& [word, count] : merged) {
    if (count >= kMinSpellingCount) db.add_spelling(word, count);
  }
  counts.clear();
}

}  // namespace fouille::indexer
