// Private: facet counting. The facet values of every document are read once
// per database revision into a compact table (value ids per document, for each
// facet field), so counting a matching document is a few array increments,
// never a value read or a string hash. Counts cover the whole match set, given
// as a DocSet.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "fouille/base/hash.h"
#include "fouille/corpus/schema.h"
#include "fouille/searcher/searcher.h"

#include "doc_set.h"

namespace fouille::searcher {

class FacetTable {
 public:
  /// Reads the value slots of every facet field of the schema, and which
  /// documents exist. Thread-safe to read once built.
  explicit FacetTable(const Xapian::Database& db);

  /// Only each facet's values, totals and labels, counted by Xapian's
  /// value-count spies on every shard of `db` (facet_values.cpp): what a
  /// database served remotely can give without reading each document's
  /// values across the network. No documents, sets or numbers.
  struct ValuesOnly {};
  FacetTable(const Xapian::Database& db, ValuesOnly);
  bool values_only() const { return values_only_; }

  struct Column {
    const corpus::Field* field = nullptr;
    std::vector<std::string> values;     ///< distinct values, by id
    std::vector<std::uint32_t> offsets;  ///< ids of document d: ids[offsets[d]..offsets[d+1])
    std::vector<std::uint32_t> ids;
    /// When no document has two values: the id of document d, kNone if it
    /// has none (one read a document instead of three); else empty.
    std::vector<std::uint32_t> single;
    static constexpr std::uint32_t kNone = ~std::uint32_t{0};
    std::vector<std::uint32_t> totals;  ///< per value id, over every document
    /// The documents of each value id, for counting a value at a time: a bit
    /// set for a frequent value (its count is one AND-and-count over the
    /// words), the ids for a rare one (each looked up in the matches); the
    /// other is left empty.
    std::vector<DocSet> sets;
    std::vector<std::vector<Xapian::docid>> lists;
    /// What counting every value that way costs, in word operations.
    double by_value_cost = 0;
    /// Labels the documents give their values (a publisher's name), by
    /// value id; empty for a field whose labels come from tables.
    std::vector<std::string> labels;
    /// The id of each value: filled in a values-only table, whose counts
    /// come back by value.
    std::unordered_map<std::string, std::uint32_t, ViewHash, std::equal_to<>> id_of;
  };
  const std::vector<Column>& columns() const { return columns_; }
  /// The column of a field key, or -1.
  int column_of(const std::string& key) const;
  /// Every document of the database the table was read from (empty in a
  /// values-only table), and how many there are.
  const DocSet& documents() const { return documents_; }
  std::size_t document_count() const { return document_count_; }

  /// (number, document) of every document with a number in the slot of a
  /// range-searchable field, in increasing order; null for another slot.
  /// Read at the first call for the slot (the first range search), not with
  /// the table: most searches have none. Thread-safe.
  using Numbers = std::vector<std::pair<double, Xapian::docid>>;
  const Numbers* numbers(Xapian::valueno slot) const;

 private:
  std::vector<Column> columns_;
  DocSet documents_;
  std::size_t document_count_ = 0;
  bool values_only_ = false;
  struct LazyNumbers {
    Xapian::valueno slot;
    mutable std::once_flag read;
    mutable Numbers numbers;
  };
  Xapian::Database db_;  // the revision the table was read from, for numbers()
  std::deque<LazyNumbers> numbers_;
};

/// Each value a value-count spy on `field`'s slot counted, with its count;
/// a list slot's values one by one (facet_values.cpp).
void for_each_counted(const Xapian::ValueCountMatchSpy& spy, const corpus::Field& field,
                      const std::function<void(std::string_view, Xapian::doccount)>& f);

/// The label of a facet value in `lang` ("fr" or "en"): a country's name, a
/// vocabulary's label, a budget bucket's wording; else the value itself.
std::string facet_label(corpus::FieldId field, const std::string& value, std::string_view lang);

class FacetCounts {
 public:
  /// Counts the values of the given columns of `table` (which must outlive
  /// the counts) over the documents of `docs`.
  FacetCounts(const FacetTable& table, std::vector<int> columns, const DocSet& docs);
  /// Counts already made, per column in `columns` and value id.
  FacetCounts(const FacetTable& table, std::vector<int> columns, std::vector<std::vector<std::uint32_t>> counts)
      : table_(table), columns_(std::move(columns)), counts_(std::move(counts)) {}

  /// Counted values of one of the counted columns with labels in `lang`
  /// ("fr" or "en"), most frequent first (years and budget ranges in numeric
  /// order).
  std::vector<FacetValue> values(int column, std::string_view lang = "fr") const;

 private:
  const FacetTable& table_;
  std::vector<int> columns_;
  std::vector<std::vector<std::uint32_t>> counts_;  // per counted column, per value id
};

}  // namespace fouille::searcher
