// Private: a set of documents as one bit per document id. The count pass
// works on these: a posting list is read straight into one, and the query's
// operators are word-wide AND, OR and AND NOT over them.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <xapian.h>

namespace fouille::searcher {

class DocSet {
 public:
  DocSet() = default;
  /// An empty set with room for document ids 1..last.
  explicit DocSet(Xapian::docid last) : words_(last / 64 + 1, 0) {}

  /// `d` must be within the room the set was made with.
  void add(Xapian::docid d) { words_[d >> 6] |= std::uint64_t{1} << (d & 63); }
  bool contains(Xapian::docid d) const { return (d >> 6) < words_.size() && ((words_[d >> 6] >> (d & 63)) & 1) != 0; }

  void intersect(const DocSet& other);
  void unite(const DocSet& other);
  void subtract(const DocSet& other);
  void symmetric_difference(const DocSet& other);

  std::size_t count() const;
  /// The number of members also in `other`, without making the intersection.
  std::size_t count_common(const DocSet& other) const;
  /// The words the set is held in: what a word-wide operation on it costs.
  std::size_t words() const { return words_.size(); }
  bool empty() const;
  /// The first member >= d, or 0 when there is none.
  Xapian::docid first_from(Xapian::docid d) const;

  /// Calls f(docid) for each member, in increasing order.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        f(static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
      }
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

}  // namespace fouille::searcher
