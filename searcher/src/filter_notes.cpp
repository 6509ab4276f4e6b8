#include "filter_notes.h"

#include <algorithm>
#include <limits>

#include "fouille/stemming/fold.h"

namespace fouille::searcher {
namespace {

// Levenshtein distance over bytes of folded (ASCII mostly) text, given up
// past `limit`.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<std::size_t> row(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) row[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    std::size_t diagonal = row[0];
    row[0] = j;
    std::size_t best = row[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      const std::size_t up = row[i];
      row[i] = std::min({row[i] + 1, row[i - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[i]);
    }
    if (best > limit) return limit + 1;
  }
  return row[a.size()];
}

}  // namespace

std::vector<std::string> closest_values(const FacetTable::Column& column, std::string_view typed, std::string_view lang,
                                        std::size_t max) {
  const std::string want = stemming::fold(typed);
  if (want.empty()) return {};
  // Near enough to be meant: a third of the typed letters wrong, at least two.
  const std::size_t limit = std::max<std::size_t>(2, want.size() / 3);
  struct Near {
    std::size_t score;
    std::uint32_t total;
    std::string label;
  };
  std::vector<Near> near;
  for (std::size_t id = 0; id < column.values.size(); ++id) {
    const std::string& value = column.values[id];
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (const std::string& spelling :
         {value, facet_label(column.field->id, value, "fr"), facet_label(column.field->id, value, "en")}) {
      const std::string folded = stemming::fold(spelling);
      if (folded.find(want) != std::string::npos) {
        best = std::min<std::size_t>(best, 1);  // « ouest » in « Afrique de l'Ouest »
      } else {
        best = std::min(best, distance(folded, want, limit));
      }
    }
    if (best > limit) continue;
    const std::uint32_t total = id < column.totals.size() ? column.totals[id] : 0;
    near.push_back({best, total, facet_label(column.field->id, value, lang)});
  }
  std::sort(near.begin(), near.end(),
            [](const Near& a, const Near& b) { return a.score != b.score ? a.score < b.score : a.total > b.total; });
  std::vector<std::string> out;
  for (const auto& n : near) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), n.label) == out.end()) out.push_back(n.label);
  }
  return out;
}

std::optional<Message> empty_filter_note(const std::string& name, const std::string& value, const Xapian::Query& query,
                                         const corpus::Field& field, const FacetTable& table,
                                         const Xapian::Database& db) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (enquire.get_mset(0, 0, 1).get_matches_lower_bound() > 0) return std::nullopt;
  const int column = table.column_of(field.key);
  if (column < 0) return Message{"note.empty_filter", {name, value}};
  const auto& values = table.columns()[static_cast<std::size_t>(column)];
  auto joined = [&](std::string_view lang) {
    std::string list;
    for (const auto& v : closest_values(values, value, lang)) list += (list.empty() ? "" : ", ") + v;
    return list;
  };
  const std::string fr = joined("fr");
  if (fr.empty()) return Message{"note.empty_filter", {name, value}};
  return Message{"note.empty_filter_near", {name, value, MessageArg::translated(fr, joined("en"))}};
}

}  // namespace fouille::searcher
