// Private: the analyzer's memory of the words it has met, word -> what the
// chain makes of it. Every word of every text is looked up here, so it is an
// open-addressing table (one probe array of hash tags and entry numbers, the
// entries in one vector): a lookup touches two cache lines where a node-based
// map chases three pointers, and the table position is a mask, not a modulo.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fouille::stemming::detail {

struct WordEntry {
  std::string term;
  std::string accent_term;
  bool stopword = false;
};

class WordCache {
 public:
  /// The entry of `word`, or null. Valid until the next add() or clear().
  const WordEntry* find(std::string_view word) const;
  /// Adds `word`, which find() did not have, and returns its entry.
  const WordEntry& add(std::string_view word, WordEntry entry);
  std::size_t size() const { return entries_.size(); }
  void clear();

 private:
  struct Slot {
    std::uint32_t tag = 0;    // high bits of the word's hash
    std::uint32_t entry = 0;  // 1 + index into entries_; 0: empty
  };
  struct Stored {
    std::string word;
    WordEntry value;
  };
  void grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<Stored> entries_;
};

}  // namespace fouille::stemming::detail
