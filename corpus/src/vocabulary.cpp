#include "fouille/corpus/vocabulary.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "fouille/base/error.h"
#include "fouille/data/coverage.h"
#include "fouille/data/project_types.h"
#include "fouille/data/regions.h"
#include "fouille/data/status.h"
#include "fouille/stemming/fold.h"

#include "meaning_words.h"
#include "table.h"

namespace fouille::corpus {
namespace {

using detail::meaning_key;
using detail::meaning_terms;
using detail::trailing_qualifier;

// Folded, with hyphens and runs of spaces made single spaces, so that
// "Multi-Regional" and "multi regional" meet.
std::string key_of(std::string_view value) { return Vocabulary::key_of_folded(stemming::fold(detail::trim(value))); }

}  // namespace

Vocabulary::Vocabulary(std::string_view name, std::string_view tsv, bool by_meaning) {
  detail::for_each_row(tsv, [&](int line, const std::vector<std::string_view>& cols) {
    if (cols.size() != 3 || cols[0].empty() || cols[1].empty()) {
      throw CorpusError(std::string(name) + ".tsv:" + std::to_string(line) +
                        ": expected 3 columns: French label, English label, other spellings");
    }
    std::string label(cols[0]);
    auto add = [&](std::string_view spelling) {
      auto [it, added] = by_folded_.emplace(key_of(spelling), label);
      if (!added && it->second != label) {
        throw CorpusError(std::string(name) + ".tsv:" + std::to_string(line) + ": « " + std::string(spelling) +
                          " » already stands for « " + it->second + " »");
      }
    };
    auto add_meaning = [&](std::string_view spelling) {
      if (!by_meaning) return;
      const std::string key = meaning_key(spelling);
      if (key.empty()) return;
      auto [it, added] = by_meaning_.emplace(key, label);
      if (!added && it->second != label) it->second.clear();  // shared: no longer telling
      std::vector<std::string> words = meaning_terms(spelling);
      std::sort(words.begin(), words.end());
      words.erase(std::unique(words.begin(), words.end()), words.end());
      meanings_.push_back({std::move(words), label});
    };
    labels_.push_back(label);
    english_[label] = std::string(cols[1]);
    add_meaning(label);
    add_meaning(cols[1]);
    if (cols[2] != "-") {
      for (auto alias : detail::split(cols[2], '|')) add_meaning(alias);
    }
    add(label);
    add(cols[1]);
    if (cols[2] != "-") {
      for (auto alias : detail::split(cols[2], '|')) add(alias);
    }
  });
}

std::string Vocabulary::label(std::string_view value, std::string_view lang) const {
  auto canonical_label = canonical(value);
  if (!canonical_label) return std::string(value);
  if (lang == "en") return english_.at(*canonical_label);
  return *canonical_label;
}

std::string Vocabulary::key_of_folded(std::string_view folded) {
  std::string key;
  for (char c : folded) {
    if (c == '-' || c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::optional<std::string> Vocabulary::canonical(std::string_view value) const {
  return canonical(value, key_of(value));
}

std::optional<std::string> Vocabulary::canonical(std::string_view value, const std::string& key_of_value) const {
  if (auto it = by_folded_.find(key_of_value); it != by_folded_.end()) return it->second;
  if (by_meaning_.empty()) return std::nullopt;
  std::vector<std::string> terms = meaning_terms(value);
  const auto find = [&](const std::vector<std::string>& words) -> std::optional<std::string> {
    const std::string key = meaning_key(words);
    if (auto it = by_meaning_.find(key); !key.empty() && it != by_meaning_.end() && !it->second.empty())
      return it->second;
    return std::nullopt;
  };
  if (auto label = find(terms)) return label;
  // A participle after the label's words, or between them (« Health
  // Promotion and Assistance Provided », « Assistance fournie aux migrants »).
  const std::size_t words = terms.size();
  std::erase_if(terms, trailing_qualifier);
  if (terms.empty()) return std::nullopt;
  if (terms.size() < words) {
    if (auto label = find(terms)) return label;
  }
  return shortened(terms);
}

// A label written short, a word or two left out (« Health Promotion and
// Assistance » for « … for Migrants »): at least two meaning words, half of
// a spelling's or more, all in spellings of one concept only. A single word
// or words several concepts share say too little (« Santé », « Migrant
// Assistance »).
std::optional<std::string> Vocabulary::shortened(std::vector<std::string> terms) const {
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  if (terms.size() < 2) return std::nullopt;
  std::optional<std::string> found;
  for (const auto& [words, label] : meanings_) {
    if (terms.size() * 2 < words.size() || !std::includes(words.begin(), words.end(), terms.begin(), terms.end())) {
      continue;
    }
    if (found && *found != label) return std::nullopt;
    found = label;
  }
  return found;
}

namespace {

struct Shipped {
  FieldId field;
  const char* table;  // its name in messages
  const std::string_view& tsv;
  bool by_meaning;  // spellings matched by their meaning words too
};
// Every shipped vocabulary, the one place that lists them.
const Shipped kShipped[] = {
    {FieldId::kStatus, "status", data::status, false},
    {FieldId::kCoverage, "coverage", data::coverage, false},
    {FieldId::kProjectType, "project_types", data::project_types, true},
    {FieldId::kRegion, "regions", data::regions, false},
};
constexpr std::size_t kShippedCount = std::size(kShipped);

}  // namespace

std::span<const FieldId> vocabulary_fields() {
  static const auto fields = [] {
    std::array<FieldId, kShippedCount> out{};
    for (std::size_t i = 0; i < kShippedCount; ++i) out[i] = kShipped[i].field;
    return out;
  }();
  return fields;
}

const Vocabulary* vocabulary(FieldId field) {
  static const std::vector<Vocabulary> loaded = [] {
    std::vector<Vocabulary> out;
    for (const auto& v : kShipped) out.emplace_back(v.table, v.tsv, v.by_meaning);
    return out;
  }();
  for (std::size_t i = 0; i < kShippedCount; ++i) {
    if (kShipped[i].field == field) return &loaded[i];
  }
  return nullptr;
}

std::string normalize_keyword(FieldId field, std::string_view value) {
  if (const Vocabulary* v = vocabulary(field)) {
    if (auto label = v->canonical(value)) return *label;
  }
  // As written, runs of spaces made one: « Corne  de l'Afrique » is « Corne de l'Afrique ».
  std::string out;
  for (char c : detail::trim(value)) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace fouille::corpus
