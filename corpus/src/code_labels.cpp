#include "fouille/corpus/code_labels.h"

#include <map>
#include <unordered_map>
#include <utility>

#include "fouille/base/error.h"
#include "fouille/data/formats.h"
#include "fouille/data/iati_sector_categories.h"
#include "fouille/data/iati_sectors.h"

#include "meaning_words.h"
#include "table.h"

namespace fouille::corpus {
namespace {

struct Labels {
  std::string french;
  std::string english;
};
using CodeTable = std::map<std::string, Labels, std::less<>>;

// "code<TAB>French<TAB>English" rows.
CodeTable parse(std::string_view name, std::string_view tsv) {
  CodeTable table;
  detail::for_each_row(tsv, [&](int line, const std::vector<std::string_view>& cols) {
    if (cols.size() != 3 || cols[0].empty() || cols[1].empty() || cols[2].empty()) {
      throw CorpusError(std::string(name) + ".tsv:" + std::to_string(line) + ": expected code, French, English");
    }
    table.emplace(std::string(cols[0]), Labels{std::string(cols[1]), std::string(cols[2])});
  });
  return table;
}

// The one list of coded fields and their tables.
const std::map<FieldId, CodeTable>& tables() {
  static const std::map<FieldId, CodeTable> all = {
      {FieldId::kFormat, parse("formats", data::formats)},
      {FieldId::kSectors, parse("iati_sectors", data::iati_sectors)},
      {FieldId::kSectorCategory, parse("iati_sector_categories", data::iati_sector_categories)},
  };
  return all;
}

}  // namespace

std::optional<std::string> code_label(FieldId field, std::string_view code, std::string_view lang) {
  const auto& all = tables();
  const auto table = all.find(field);
  if (table == all.end()) return std::nullopt;
  const auto row = table->second.find(code);
  if (row == table->second.end()) return std::nullopt;
  return lang == "fr" ? row->second.french : row->second.english;
}

bool has_code_labels(FieldId field) { return tables().contains(field); }

namespace {

// The label without its parenthesised parts: « Public finance management
// (PFM) » is written without « (PFM) » too.
std::string without_brackets(std::string_view label) {
  std::string out;
  int depth = 0;
  for (char c : label) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

// Meaning key -> code, of every code's labels in both languages; an empty
// code where two codes share a key (it tells neither).
using MeaningIndex = std::unordered_map<std::string, std::string>;

MeaningIndex meaning_index(const CodeTable& table) {
  MeaningIndex index;
  auto add = [&](std::string_view label, const std::string& code) {
    const std::string key = detail::meaning_key(label);
    if (key.empty()) return;
    auto [it, added] = index.emplace(key, code);
    if (!added && it->second != code) it->second.clear();
  };
  for (const auto& [code, labels] : table) {
    for (const std::string* label : {&labels.french, &labels.english}) {
      add(*label, code);
      add(without_brackets(*label), code);
    }
  }
  return index;
}

}  // namespace

std::optional<std::string> code_for_label(FieldId field, std::string_view label) {
  static const std::map<FieldId, MeaningIndex> indexes = [] {
    std::map<FieldId, MeaningIndex> out;
    for (const auto& [id, table] : tables()) out.emplace(id, meaning_index(table));
    return out;
  }();
  const auto index = indexes.find(field);
  if (index == indexes.end()) return std::nullopt;
  std::vector<std::string> terms = detail::meaning_terms(label);
  for (int pass = 0; pass < 2; ++pass) {
    // Second pass: without a participle after or among the words.
    if (pass == 1 && std::erase_if(terms, detail::trailing_qualifier) == 0) break;
    const auto it = index->second.find(detail::meaning_key(terms));
    if (it != index->second.end() && !it->second.empty()) return it->second;
  }
  return std::nullopt;
}

}  // namespace fouille::corpus
