#include "facets.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "fouille/base/hash.h"
#include "fouille/corpus/code_labels.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/store/coding.h"

namespace fouille::searcher {

namespace {

// Rough relative costs, in word operations (an AND and a count of 64
// documents): looking one document up in a bit set, and visiting one
// (document, value) entry of a column while walking the matches. Either way
// counts exactly; these only choose the cheaper.
constexpr double kLookupCost = 2;
constexpr double kWalkCost = 4;

// Each value's documents, as a bit set or a list, whichever counts cheaper.
void index_by_value(FacetTable::Column& col, Xapian::docid last) {
  const std::size_t words = DocSet(last).words();
  col.sets.resize(col.values.size());
  col.lists.resize(col.values.size());
  std::vector<bool> dense(col.values.size());
  for (std::size_t id = 0; id < col.values.size(); ++id) {
    dense[id] = col.totals[id] * kLookupCost > static_cast<double>(words);
    if (dense[id]) {
      col.sets[id] = DocSet(last);
      col.by_value_cost += static_cast<double>(words);
    } else {
      col.lists[id].reserve(col.totals[id]);
      col.by_value_cost += col.totals[id] * kLookupCost;
    }
  }
  for (Xapian::docid d = 1; d + 1 < col.offsets.size(); ++d) {
    for (std::uint32_t i = col.offsets[d]; i < col.offsets[d + 1]; ++i) {
      const std::uint32_t id = col.ids[i];
      if (dense[id]) {
        col.sets[id].add(d);
      } else {
        col.lists[id].push_back(d);
      }
    }
  }
}

// The label of each value of `col`: the `label_field` of the first
// document holding it (a publisher's name, stored beside its identifier).
void read_labels(const Xapian::Database& db, corpus::FieldId label_field, FacetTable::Column& col) {
  col.labels.assign(col.values.size(), std::string());
  std::size_t missing = col.values.size();
  const Xapian::valueno slot = corpus::schema().field(label_field).slot;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot) && missing > 0; ++it) {
    const Xapian::docid d = it.get_docid();
    if (d + 1 >= col.offsets.size()) break;
    for (std::uint32_t i = col.offsets[d]; i < col.offsets[d + 1]; ++i) {
      std::string& label = col.labels[col.ids[i]];
      if (label.empty() && !(*it).empty()) {
        label = *it;
        --missing;
      }
    }
  }
}

// When no document has two values, each document's one value id as well.
void index_single(FacetTable::Column& col) {
  for (std::size_t d = 0; d + 1 < col.offsets.size(); ++d) {
    if (col.offsets[d + 1] - col.offsets[d] > 1) return;
  }
  col.single.assign(col.offsets.size(), FacetTable::Column::kNone);
  for (std::size_t d = 0; d + 1 < col.offsets.size(); ++d) {
    if (col.offsets[d + 1] > col.offsets[d]) col.single[d] = col.ids[col.offsets[d]];
  }
}

}  // namespace

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
    index_single(col);
    if (field.id == corpus::FieldId::kPublisher) read_labels(db, corpus::FieldId::kPublisherName, col);
    col.totals.assign(col.values.size(), 0);
    for (std::uint32_t id : col.ids) ++col.totals[id];
    index_by_value(col, last);
    columns_.push_back(std::move(col));
  }
  documents_ = DocSet(last);
  for (auto it = db.postlist_begin(""), end = db.postlist_end(""); it != end; ++it) documents_.add(*it);
  document_count_ = documents_.count();
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
        lazy.numbers.emplace_back(store::decode_number(*it), it.get_docid());
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

void count_by_value(const FacetTable::Column& col, const DocSet& docs, std::vector<std::uint32_t>& counts) {
  for (std::size_t id = 0; id < counts.size(); ++id) {
    if (col.lists[id].empty()) {
      counts[id] = static_cast<std::uint32_t>(docs.count_common(col.sets[id]));
      continue;
    }
    std::uint32_t n = 0;
    for (Xapian::docid d : col.lists[id]) n += docs.contains(d);
    counts[id] = n;
  }
}

}  // namespace

// Column by column. A column of few values is counted a value at a time (an
// AND-and-count of bit sets, or a rare value's documents looked up); a column
// of many values by walking the matches through its arrays in document
// order, a set holding most documents by its complement, subtracted from the
// totals (the cost is at most that of half the documents). Whichever costs
// less for this set.
FacetCounts::FacetCounts(const FacetTable& table, std::vector<int> columns, const DocSet& docs)
    : table_(table), columns_(std::move(columns)) {
  const DocSet& every = table_.documents();
  const std::size_t matched = docs.count(), all = every.count();
  const bool by_complement = matched * 2 > all;
  const double walked = static_cast<double>(by_complement ? all - matched : matched);
  std::optional<DocSet> others;
  for (int c : columns_) {
    const auto& col = table_.columns()[static_cast<std::size_t>(c)];
    std::vector<std::uint32_t>& counts = counts_.emplace_back(col.values.size(), 0);
    const double entries =
        col.single.empty() ? static_cast<double>(col.ids.size()) / std::max<std::size_t>(all, 1) : 1.0;
    if (col.by_value_cost < walked * entries * kWalkCost) {
      count_by_value(col, docs, counts);
    } else if (!by_complement) {
      add_counts(col, docs, counts);
    } else {
      if (!others) {
        others = every;
        others->subtract(docs);
      }
      add_counts(col, *others, counts);
      for (std::size_t id = 0; id < counts.size(); ++id) counts[id] = col.totals[id] - counts[id];
    }
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
  if (auto label = corpus::code_label(field, value, lang)) return *label;
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
    v.label =
        id < col.labels.size() && !col.labels[id].empty() ? col.labels[id] : facet_label(col.field->id, v.value, lang);
    out.push_back(std::move(v));
  }
  if (col.field->id == corpus::FieldId::kYear || col.field->id == corpus::FieldId::kBudgetRange) {
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return leading_number(a.value) < leading_number(b.value); });
  } else {
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.label < b.label; });
  }
  return out;
}

}  // namespace fouille::searcher
