#include "fouille/corpus/code_labels.h"

#include <map>
#include <utility>

#include "fouille/base/error.h"
#include "fouille/data/formats.h"
#include "fouille/data/iati_sector_categories.h"
#include "fouille/data/iati_sectors.h"

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

}  // namespace fouille::corpus
