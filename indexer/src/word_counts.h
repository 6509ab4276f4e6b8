// Private: counts of words, for the spelling dictionary — a hash table laid
// out flat, built for one job: ++count of a word met again and again.
//
//   WordCounts counts;
//   counts.add("développement");
//   counts.add("développement", 2);
//   counts.for_each([](std::string_view word, Xapian::termcount n) { ... });  // 3
//
// Why not std::unordered_map: counting is a lookup per word indexed, and a
// generated corpus meets hundreds of thousands of words, so nearly every
// lookup misses the cache. A node map follows three pointers (bucket, node,
// string); here a word of up to kInlineBytes bytes sits in its slot beside
// its count and hash, so a lookup reads one cache line (two slots a line).
// Measured: see the README's "Indexing design and its figures".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "fouille/base/hash.h"

namespace fouille::indexer {

class WordCounts {
 public:
  WordCounts();

  /// Adds `n` to the count of `word` (not empty). Not thread-safe.
  void add(std::string_view word, Xapian::termcount n = 1);

  /// How many different words are counted.
  std::size_t size() const { return size_ + long_words_.size(); }

  /// Forgets every word and gives back the table's memory.
  void clear();

  /// Calls fn(word, count) once per word, in no set order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (const Slot& s : slots_) {
      if (s.length) fn(std::string_view(s.bytes, s.length), s.count);
    }
    for (const auto& [word, count] : long_words_) fn(std::string_view(word), count);
  }

 private:
  static constexpr std::size_t kInlineBytes = 23;
  struct Slot {
    char bytes[kInlineBytes];
    std::uint8_t length = 0;  // 0: empty (words are never empty)
    std::uint32_t hash = 0;   // low bits of the word's hash: most mismatches end here
    Xapian::termcount count = 0;
  };
  static_assert(sizeof(Slot) == 32);

  void grow();

  std::vector<Slot> slots_;  // a power of two of them, at most 3/4 full
  std::size_t size_ = 0;     // words in slots_
  // Longer words are rare (« anticonstitutionnellement » is 25 bytes).
  std::unordered_map<std::string, Xapian::termcount, ViewHash, std::equal_to<>> long_words_;
};

}  // namespace fouille::indexer
