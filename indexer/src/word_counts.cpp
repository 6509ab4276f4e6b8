#include "word_counts.h"

#include <cstring>

namespace fouille::indexer {
namespace {

constexpr std::size_t kFirstSlots = 1 << 12;

// A fast hash of a short string, 8 bytes at a time, finished by a multiply
// and a shift so its low bits (the slot) depend on every byte.
std::uint64_t hash_word(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, s.data() + i, 8);
    h = (h ^ chunk) * kMul;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, s.data() + i, s.size() - i);
    h = (h ^ chunk) * kMul;
  }
  h ^= h >> 32;
  h *= kMul;
  return h ^ (h >> 29);
}

}  // namespace

WordCounts::WordCounts() : slots_(kFirstSlots) {}

void WordCounts::add(std::string_view word, Xapian::termcount n) {
  if (word.size() > kInlineBytes) {
    if (auto it = long_words_.find(word); it != long_words_.end()) {
      it->second += n;
    } else {
      long_words_.emplace(std::string(word), n);
    }
    return;
  }
  const std::uint64_t h = hash_word(word);
  const auto tag = static_cast<std::uint32_t>(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = (h >> 32) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.length == 0) {
      std::memcpy(s.bytes, word.data(), word.size());
      s.length = static_cast<std::uint8_t>(word.size());
      s.hash = tag;
      s.count = n;
      if (++size_ * 4 > slots_.size() * 3) grow();
      return;
    }
    if (s.hash == tag && s.length == word.size() && std::memcmp(s.bytes, word.data(), word.size()) == 0) {
      s.count += n;
      return;
    }
  }
}

void WordCounts::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.length) continue;
    const std::uint64_t h = hash_word(std::string_view(s.bytes, s.length));
    std::size_t i = (h >> 32) & mask;
    while (slots_[i].length) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void WordCounts::clear() {
  std::vector<Slot>(kFirstSlots).swap(slots_);
  size_ = 0;
  long_words_.clear();
}

}  // namespace fouille::indexer
