#include "facets.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/base/hash.h"
#include "fouille/store/coding.h"

namespace fouille::searcher {

FacetTable::FacetTable(const Xapian::Database& db) : db_(db) {
  const Xapian::docid last = db.get_lastdocid();
  for (const auto& field : corpus::schema().fields()) {
    if (!field.facet) continue;
    Column col;
    col.field = &field;
    col.offsets.assign(static_cast<std::size_t>(last) + 2, 0);
    // Looked up by view: a value already seen costs a hash, no allocation.
    std::unordered_map<std::string, std::uint32_t, ViewHash, std::equal_to<>> id_of;
    auto intern = [&](std::string_view v) {
      if (auto it = id_of.find(v); it != id_of.end()) return it->second;
      auto id = static_cast<std::uint32_t>(col.values.size());
      id_of.emplace(std::string(v), id);
      col.values.emplace_back(v);
      return id;
    };
    // Documents share whole values (one status, one list of countries…): the
    // ids of a whole value are found once, then copied: 61 ms instead of 73 ms
    // for the table of 100,000 generated documents.
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>, ViewHash, std::equal_to<>> known;
    std::vector<std::uint32_t> known_ids;  // known values' ids: known[v] = (first, count)
    col.ids.reserve(static_cast<std::size_t>(last) + 1);
    Xapian::docid next = 1;  // offsets are filled up to each document read
    for (auto it = db.valuestream_begin(field.slot); it != db.valuestream_end(field.slot); ++it) {
      Xapian::docid d = it.get_docid();
      for (; next <= d; ++next) col.offsets[next] = static_cast<std::uint32_t>(col.ids.size());
      const std::string value = *it;
      auto found = known.find(value);
      if (found == known.end()) {
        const auto first = static_cast<std::uint32_t>(known_ids.size());
        if (store::codec_of(field) == store::Codec::kList) {
          store::for_each_in_list(value, [&](std::string_view v) { known_ids.push_back(intern(v)); });
        } else if (!value.empty()) {
          known_ids.push_back(intern(value));
        }
        found = known.emplace(value, std::pair(first, static_cast<std::uint32_t>(known_ids.size()) - first)).first;
      }
      const auto [first, count] = found->second;
      col.ids.insert(col.ids.end(), known_ids.begin() + first, known_ids.begin() + first + count);
    }
    for (; next <= last + 1; ++next) col.offsets[next] = static_cast<std::uint32_t>(col.ids.size());
    bool one_each = true;
    for (std::size_t d = 0; d + 1 < col.offsets.size() && one_each; ++d) one_each = col.offsets[d + 1] - col.offsets[d] <= 1;
    if (one_each) {
      col.single.assign(col.offsets.size(), Column::kNone);
      for (std::size_t d = 0; d + 1 < col.offsets.size(); ++d) {
        if (col.offsets[d + 1] > col.offsets[d]) col.single[d] = col.ids[col.offsets[d]];
      }
    }
    col.totals.assign(col.values.size(), 0);
    for (std::uint32_t id : col.ids) ++col.totals[id];
    columns_.push_back(std::move(col));
  }
  documents_ = DocSet(last);
  for (auto it = db.postlist_begin(""), end = db.postlist_end(""); it != end; ++it) documents_.add(*it);
  for (const auto& field : corpus::schema().fields()) {
    if (field.range && field.slot != corpus::kNoSlot) numbers_.emplace_back().slot = field.slot;
  }
}

const FacetTable::Numbers* FacetTable::numbers(Xapian::valueno slot) const {
  for (const auto& lazy : numbers_) {
    if (lazy.slot != slot) continue;
    std::call_once(lazy.read, [&] {
      lazy.numbers.reserve(db_.get_value_freq(slot));
      for (auto it = db_.valuestream_begin(slot); it != db_.valuestream_end(slot); ++it) {
        lazy.numbers.emplace_back(Xapian::sortable_unserialise(*it), it.get_docid());
      }
      std::sort(lazy.numbers.begin(), lazy.numbers.end());
    });
    return &lazy.numbers;
  }
  return nullptr;
}

int FacetTable::column_of(const std::string& key) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].field->key == key) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Adds the values of the documents of `docs` in `col` to `counts`.
void add_counts(const FacetTable::Column& col, const DocSet& docs, std::vector<std::uint32_t>& counts) {
  const std::size_t rows = col.offsets.size();
  if (!col.single.empty()) {
    docs.for_each([&](Xapian::docid d) {
      if (d < rows && col.single[d] != FacetTable::Column::kNone) ++counts[col.single[d]];
    });
    return;
  }
  docs.for_each([&](Xapian::docid d) {
    if (d + 1 >= rows) return;  // added after the table was read
    for (std::uint32_t i = col.offsets[d]; i < col.offsets[d + 1]; ++i) ++counts[col.ids[i]];
  });
}

}  // namespace

// Column by column, each pass walking one column's arrays in document order.
// A set holding most documents is counted by its complement, subtracted from
// the totals: the cost is at most that of half the documents.
FacetCounts::FacetCounts(const FacetTable& table, std::vector<int> columns, const DocSet& docs)
    : table_(table), columns_(std::move(columns)) {
  const DocSet& every = table_.documents();
  std::optional<DocSet> others;
  if (docs.count() * 2 > every.count()) {
    others = every;
    others->subtract(docs);
  }
  for (int c : columns_) {
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    std::vector<std::uint32_t>& counts = counts_.emplace_back(col.values.size(), 0);
    if (!others) {
      add_counts(col, docs, counts);
      continue;
    }
    add_counts(col, *others, counts);
    for (std::size_t id = 0; id < counts.size(); ++id) counts[id] = col.totals[id] - counts[id];
  }
}

namespace {

// The number a year or a budget bucket starts at ("200000.." -> 200000).
double leading_number(const std::string& value) {
  double n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') break;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

std::string facet_label(corpus::FieldId field, const std::string& value, std::string_view lang) {
  using corpus::FieldId;
  if (field == FieldId::kCountries && corpus::is_country_code(value)) {
    return lang == "en" ? corpus::countries().english_name(value) : corpus::countries().french_name(value);
  }
  if (field == FieldId::kBudgetRange) return corpus::budget_range_label(value, lang);
  if (field == FieldId::kContinent || field == FieldId::kSubregion) {
    return lang == "en" ? corpus::countries().english_area(value) : value;
  }
  if (const corpus::Vocabulary* vocabulary = corpus::vocabulary(field)) return vocabulary->label(value, lang);
  return value;
}

std::vector<FacetValue> FacetCounts::values(int column, std::string_view lang) const {
  auto k = static_cast<std::size_t>(std::find(columns_.begin(), columns_.end(), column) - columns_.begin());
  const auto& col = table_.columns()[static_cast<std::size_t>(column)];
  std::vector<FacetValue> out;
  for (std::size_t id = 0; id < col.values.size(); ++id) {
    if (counts_[k][id] == 0) continue;
    FacetValue v;
    v.value = col.values[id];
    v.count = counts_[k][id];
    v.label = facet_label(col.field->id, v.value, lang);
    out.push_back(std::move(v));
  }
  if (col.field->id == corpus::FieldId::kYear || col.field->id == corpus::FieldId::kBudgetRange) {
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return leading_number(a.value) < leading_number(b.value); });
  } else {
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
  }
  return out;
}

}  // namespace fouille::searcher
