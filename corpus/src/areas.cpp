#include "fouille/corpus/areas.h"

#include <algorithm>

#include "fouille/base/error.h"
#include "fouille/base/lines.h"
#include "fouille/corpus/field_id.h"
#include "fouille/stemming/fold.h"
#include "fouille/stemming/synonyms.h"

namespace fouille::corpus {
namespace {

std::vector<std::string> split(std::string_view text, char sep) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t at = text.find(sep);
    std::string_view part = text.substr(0, at);
    if (!part.empty()) out.emplace_back(part);
    text.remove_prefix(at == std::string_view::npos ? text.size() : at + 1);
  }
  return out;
}

bool holds_any(const std::vector<std::string>& members, const std::vector<std::string>& values) {
  return std::any_of(values.begin(), values.end(), [&](const std::string& v) {
    return std::find(members.begin(), members.end(), v) != members.end();
  });
}

std::vector<std::string> folded(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (const auto& v : values) out.push_back(stemming::fold(v));
  return out;
}

}  // namespace

Areas::Areas(std::string_view table) {
  base::for_each_data_line(table, [&](std::string_view line, std::size_t number) {
    auto fail = [&](const std::string& why) {
      throw CorpusError("areas.tsv:" + std::to_string(number) + ": " + why + " in « " + std::string(line) + " »");
    };
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) fail("expected names<TAB>where");
    std::string_view where = line.substr(tab + 1);
    std::size_t colon = where.find(':');
    if (colon == std::string_view::npos) fail("expected continent:, subregion: or countries:");
    Area area;
    area.names = split(line.substr(0, tab), '|');
    std::string_view kind = where.substr(0, colon);
    if (kind == field_key(FieldId::kContinent)) {
      area.kind = Area::Kind::kContinent;
    } else if (kind == field_key(FieldId::kSubregion)) {
      area.kind = Area::Kind::kSubregion;
    } else if (kind == field_key(FieldId::kCountries)) {
      area.kind = Area::Kind::kCountries;
    } else {
      fail("unknown kind « " + std::string(kind) + " »");
    }
    area.members = split(where.substr(colon + 1), ',');
    if (area.kind != Area::Kind::kCountries) {
      for (auto& m : area.members) m = stemming::fold(m);  // ’ and ' alike
    }
    if (area.names.empty() || area.members.empty()) fail("no names or no members");
    areas_.push_back(std::move(area));
  });
}

std::vector<std::string_view> Areas::names(const Document& doc) const {
  std::vector<std::string_view> out;
  // Folded once here, not once for each area of the table.
  const std::vector<std::string> continents = folded(doc.continent);
  const std::vector<std::string> subregions = folded(doc.subregion);
  for (const auto& area : areas_) {
    bool in = false;
    switch (area.kind) {
      case Area::Kind::kContinent:
        in = holds_any(area.members, continents);
        break;
      case Area::Kind::kSubregion:
        in = holds_any(area.members, subregions);
        break;
      case Area::Kind::kCountries:
        in = holds_any(area.members, doc.countries);
        break;
    }
    if (in) out.insert(out.end(), area.names.begin(), area.names.end());
  }
  return out;
}

const Areas& areas() {
  static const Areas a(stemming::shipped_areas());
  return a;
}

}  // namespace fouille::corpus
