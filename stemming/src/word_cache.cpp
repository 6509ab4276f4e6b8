#include "word_cache.h"

#include <functional>

namespace fouille::stemming::detail {
namespace {

std::uint64_t hash_of(std::string_view word) { return std::hash<std::string_view>{}(word); }
std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace

const WordEntry* WordCache::find(std::string_view word) const {
  if (slots_.empty()) return nullptr;
  const std::uint64_t hash = hash_of(word);
  const std::uint32_t tag = tag_of(hash);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry == 0) return nullptr;
    if (slot.tag == tag && entries_[slot.entry - 1].word == word) return &entries_[slot.entry - 1].value;
  }
}

const WordEntry& WordCache::add(std::string_view word, WordEntry entry) {
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();
  entries_.push_back(Stored{std::string(word), std::move(entry)});
  const std::uint64_t hash = hash_of(word);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].entry != 0) i = (i + 1) & mask;
  slots_[i] = Slot{tag_of(hash), static_cast<std::uint32_t>(entries_.size())};
  return entries_.back().value;
}

void WordCache::grow() {
  std::vector<Slot> slots(slots_.empty() ? 1024 : slots_.size() * 2);
  const std::size_t mask = slots.size() - 1;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    const std::uint64_t hash = hash_of(entries_[e].word);
    std::size_t i = hash & mask;
    while (slots[i].entry != 0) i = (i + 1) & mask;
    slots[i] = Slot{tag_of(hash), static_cast<std::uint32_t>(e + 1)};
  }
  slots_ = std::move(slots);
}

void WordCache::clear() {
  slots_.clear();
  entries_.clear();
}

}  // namespace fouille::stemming::detail
