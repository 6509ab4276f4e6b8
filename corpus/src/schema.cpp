#include "fouille/corpus/schema.h"

#include <algorithm>
#include <charconv>

#include "fouille/base/error.h"
#include "fouille/data/label_forms.h"
#include "fouille/data/schema.h"
#include "fouille/stemming/fold.h"

#include "table.h"

namespace fouille::corpus {
namespace {

FieldKind parse_kind(std::string_view s, int line) {
  if (s == "text") return FieldKind::kText;
  if (s == "keyword") return FieldKind::kKeyword;
  if (s == "multi") return FieldKind::kMulti;
  if (s == "number") return FieldKind::kNumber;
  if (s == "year") return FieldKind::kYear;
  if (s == "label") return FieldKind::kLabel;
  if (s == "internal") return FieldKind::kInternal;
  throw CorpusError("schema.tsv:" + std::to_string(line) + ": unknown kind '" + std::string(s) + "'");
}

std::string dash_empty(std::string_view s) { return s == "-" ? std::string() : std::string(s); }

std::vector<std::string> list(std::string_view s) {
  std::vector<std::string> out;
  if (s == "-") return out;
  for (auto part : detail::split(s, '|')) out.emplace_back(part);
  return out;
}

// A folded label without its trailing colon and spaces.
std::string_view label_key_of_folded(std::string_view key) {
  while (!key.empty() && (key.back() == ':' || key.back() == ' ')) key.remove_suffix(1);
  return key;
}

std::string label_key(std::string_view label) {
  return std::string(label_key_of_folded(stemming::fold(detail::trim(label))));
}

// A label and the other forms documents write it in (corpus/data/label_forms.tsv).
std::vector<std::string> label_forms(const std::string& label) {
  std::vector<std::string> forms{label};
  detail::for_each_row(data::label_forms, [&](int, const std::vector<std::string_view>& cols) {
    if (cols[0] == "after" && cols.size() == 2) {
      forms.push_back(label + " " + std::string(cols[1]));
    } else if (cols[0] == "inverted" && cols.size() == 3) {
      std::string head(cols[1]);
      if (!label.starts_with(head + " ")) return;
      std::string rest = label.substr(head.size() + 1);
      for (auto tail : detail::split(cols[2], '|')) forms.push_back(rest + " " + std::string(tail));
    }
  });
  return forms;
}

}  // namespace

Schema::Schema(std::string_view tsv) {
  detail::for_each_row(tsv, [&](int line, const std::vector<std::string_view>& cols) {
    if (cols.size() != 8) {
      throw CorpusError("schema.tsv:" + std::to_string(line) + ": expected 8 columns, got " +
                        std::to_string(cols.size()));
    }
    Field f;
    const std::size_t row = fields_.size();
    if (row >= kFieldCount || cols[0] != kFieldKeys[row]) {
      throw CorpusError("schema.tsv:" + std::to_string(line) + ": field '" + std::string(cols[0]) +
                        "' is not the one the field ids were generated from (" +
                        (row < kFieldCount ? std::string(kFieldKeys[row]) : "none") + ")");
    }
    f.id = static_cast<FieldId>(row);
    f.key = std::string(cols[0]);
    f.kind = parse_kind(cols[1], line);
    f.text_prefix = dash_empty(cols[2]);
    f.filter_prefix = dash_empty(cols[3]);
    if (cols[4] != "-") {
      const auto [ptr, ec] = std::from_chars(cols[4].data(), cols[4].data() + cols[4].size(), f.slot);
      if (ec != std::errc() || ptr != cols[4].data() + cols[4].size()) {
        throw CorpusError("schema.tsv:" + std::to_string(line) + ": bad value slot '" + std::string(cols[4]) + "'");
      }
    }
    for (char c : cols[5]) {
      if (c == 'f') f.facet = true;
      if (c == 's') f.sortable = true;
      if (c == 'r') f.range = true;
      if (c == 'd') f.shown = true;
    }
    f.names = list(cols[6]);
    f.labels = list(cols[7]);
    fields_.push_back(std::move(f));
  });
  if (fields_.size() != kFieldCount) {
    throw CorpusError("schema.tsv: " + std::to_string(fields_.size()) + " fields, the field ids know " +
                      std::to_string(kFieldCount));
  }
  for (const auto& f : fields_) {
    for (const auto& l : f.labels) {
      for (const auto& form : label_forms(l)) labels_.emplace_back(label_key(form), &f);
    }
  }
  std::stable_sort(labels_.begin(), labels_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [label, field] : labels_) {
    by_label_.emplace(label, field);
    by_first_word_[label.substr(0, label.find(' '))].emplace_back(label, field);
  }
}

const Field* Schema::field_for_key(std::string_view key) const {
  for (const auto& f : fields_) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const Field* Schema::field_for_label(std::string_view label) const {
  auto it = by_label_.find(label_key(label));
  return it == by_label_.end() ? nullptr : it->second;
}

const Field* Schema::field_for_folded_label(std::string_view folded) const {
  auto it = by_label_.find(std::string(label_key_of_folded(folded)));
  return it == by_label_.end() ? nullptr : it->second;
}

const std::vector<std::pair<std::string, const Field*>>& Schema::labels_starting_with(
    std::string_view first_word) const {
  static const std::vector<std::pair<std::string, const Field*>> kNone;
  auto it = by_first_word_.find(std::string(first_word));
  return it == by_first_word_.end() ? kNone : it->second;
}

const Field* Schema::field_for_name(std::string_view name) const {
  // Names first: "budget" means budget_usd in a query, not the budget field.
  std::string key = stemming::fold(name);
  for (const auto& f : fields_) {
    for (const auto& n : f.names) {
      if (stemming::fold(n) == key) return &f;
    }
  }
  for (const auto& f : fields_) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

const Schema& schema() {
  static const Schema s(data::schema);
  return s;
}

}  // namespace fouille::corpus
