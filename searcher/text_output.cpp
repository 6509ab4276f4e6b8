#include "text_output.h"

#include <cstdio>
#include <string>

#include "fouille/corpus/printable.h"

namespace {

using fouille::corpus::printable;

std::string thousands(double v) {
  if (!(v > -1e18 && v < 1e18)) {  // no long long holds it
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }
  std::string digits = std::to_string(static_cast<long long>(v));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

std::string key_fields(const fouille::searcher::Hit& h) {
  const fouille::store::StoredDocument& d = h.document;
  std::string out;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += " · ";
    out += s;
  };
  add(h.labels.status);
  add(h.labels.project_type);
  std::string names;
  for (const auto& name : h.labels.countries) names += (names.empty() ? "" : ", ") + name;
  add(names);
  std::string years;
  if (d.start_year) years = std::to_string(*d.start_year);
  if (d.end_year) years += "–" + std::to_string(*d.end_year);
  if (years.empty() && d.funding_year) years = "année " + std::to_string(*d.funding_year);
  add(years);
  if (d.budget) add(thousands(*d.budget) + " " + d.currency);
  return out;
}

}  // namespace

void print_text(const fouille::searcher::Result& r, bool terminal) {
  const char* bold = terminal ? "\033[1m" : "";
  const char* plain = terminal ? "\033[0m" : "";
  // Titles, snippets, fields and the query's own words come from documents
  // and users: printable() keeps their control characters off the terminal.
  for (const auto& note : r.notes) std::printf("Note : %s\n", printable(note).c_str());
  std::printf("%zu résultat%s%s (%.1f ms)\n", r.total, r.total > 1 ? "s" : "", r.exact ? "" : " (estimation)",
              r.elapsed_ms);
  if (r.relaxed && r.all_words == 0) {
    std::printf("Aucun document ne contient tous les mots : résultats contenant une partie des mots.\n");
  } else if (r.relaxed) {
    std::printf("%zu document%s contien%s tous les mots ; les suivants, une partie des mots.\n", r.all_words,
                r.all_words > 1 ? "s" : "", r.all_words > 1 ? "nent" : "t");
  }
  if (r.corrected) std::printf("Résultats pour « %s » (les mots tels quels : --exact)\n", printable(*r.corrected).c_str());
  if (r.suggestion) std::printf("Vouliez-vous dire : %s ?\n", printable(*r.suggestion).c_str());
  for (const auto& s : r.synonyms) {
    std::string alternatives;
    for (const auto& a : s.alternatives) alternatives += (alternatives.empty() ? "" : ", ") + a;
    std::printf("Synonymes de « %s » : %s\n", printable(s.words).c_str(), printable(alternatives).c_str());
  }
  for (const auto& h : r.hits) {
    std::printf("\n%zu. %s%s%s  [%s]\n", h.rank, bold, h.title.empty() ? "(sans titre)" : printable(h.title).c_str(),
                plain, printable(h.id).c_str());
    std::string fields = printable(key_fields(h));
    if (!fields.empty()) std::printf("   %s\n", fields.c_str());
    std::string snippet;
    for (const auto& s : h.snippet) snippet += s.match ? bold + printable(s.text) + plain : printable(s.text);
    if (!snippet.empty()) std::printf("   %s\n", snippet.c_str());
    if (h.collapsed) std::printf("   (+%zu autre%s version%s de ce projet)\n", h.collapsed, h.collapsed > 1 ? "s" : "", h.collapsed > 1 ? "s" : "");
  }
  if (r.facets.empty()) return;
  std::printf("\nFacettes%s :\n", r.exact ? "" : " (estimées)");
  for (const auto& [key, values] : r.facets) {
    if (values.empty()) continue;
    std::string line;
    std::size_t shown = 0;
    for (const auto& v : values) {
      if (++shown > 8) {
        line += " · …";
        break;
      }
      if (!line.empty()) line += " · ";
      line += v.label + " (" + std::to_string(v.count) + ")";
    }
    std::printf("  %-13s %s\n", key.c_str(), printable(line).c_str());
  }
}
