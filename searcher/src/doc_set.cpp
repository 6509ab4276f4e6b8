#include "doc_set.h"

#include <algorithm>

namespace fouille::searcher {
namespace {

// Counting members is most of what facets cost: the processor's population
// count instruction where it has one (chosen when the program loads; an
// x86-64 older than 2008 has none), else the compiler's portable routine.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define FOUILLE_POPCOUNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define FOUILLE_POPCOUNT_CLONES
#endif

FOUILLE_POPCOUNT_CLONES
std::size_t count_bits(const std::uint64_t* words, std::size_t n) {
  std::size_t bits = 0;
  for (std::size_t i = 0; i < n; ++i) bits += static_cast<std::size_t>(std::popcount(words[i]));
  return bits;
}

FOUILLE_POPCOUNT_CLONES
std::size_t count_common_bits(const std::uint64_t* a, const std::uint64_t* b, std::size_t n) {
  std::size_t bits = 0;
  for (std::size_t i = 0; i < n; ++i) bits += static_cast<std::size_t>(std::popcount(a[i] & b[i]));
  return bits;
}

}  // namespace

// Sets of one search share their size; a set made for an older, smaller
// database handle is simply shorter (its missing words are empty).

void DocSet::intersect(const DocSet& other) {
  const std::size_t n = std::min(words_.size(), other.words_.size());
  for (std::size_t i = 0; i < n; ++i) words_[i] &= other.words_[i];
  std::fill(words_.begin() + static_cast<std::ptrdiff_t>(n), words_.end(), 0);
}

void DocSet::unite(const DocSet& other) {
  if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
  for (std::size_t i = 0; i < other.words_.size(); ++i) words_[i] |= other.words_[i];
}

void DocSet::subtract(const DocSet& other) {
  const std::size_t n = std::min(words_.size(), other.words_.size());
  for (std::size_t i = 0; i < n; ++i) words_[i] &= ~other.words_[i];
}

void DocSet::symmetric_difference(const DocSet& other) {
  if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
  for (std::size_t i = 0; i < other.words_.size(); ++i) words_[i] ^= other.words_[i];
}

std::size_t DocSet::count() const { return count_bits(words_.data(), words_.size()); }

std::size_t DocSet::count_common(const DocSet& other) const {
  return count_common_bits(words_.data(), other.words_.data(), std::min(words_.size(), other.words_.size()));
}

Xapian::docid DocSet::first_from(Xapian::docid d) const {
  std::size_t w = d >> 6;
  if (w >= words_.size()) return 0;
  std::uint64_t bits = words_[w] & (~std::uint64_t{0} << (d & 63));
  while (bits == 0) {
    if (++w == words_.size()) return 0;
    bits = words_[w];
  }
  return static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits)));
}

bool DocSet::empty() const {
  return std::all_of(words_.begin(), words_.end(), [](std::uint64_t w) { return w == 0; });
}

}  // namespace fouille::searcher
