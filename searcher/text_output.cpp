#include "text_output.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "fouille/corpus/printable.h"

namespace {

using fouille::Lang;
using fouille::Message;
using fouille::render;
using fouille::corpus::printable;

// 180 000 in French, 180,000 in English.
std::string thousands(double v, Lang lang) {
  if (!(v > -1e18 && v < 1e18)) {  // no long long holds it
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }
  std::string digits = std::to_string(static_cast<long long>(v));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += lang == Lang::kEn ? ',' : ' ';
    out += digits[i];
  }
  return out;
}

// Width of `s` in columns: its UTF-8 characters (labels hold no wide ones).
std::size_t columns(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string key_fields(const fouille::searcher::Hit& h, Lang lang) {
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
  if (years.empty() && d.funding_year)
    years = render(Message{"out.funding_year", {std::to_string(*d.funding_year)}}, lang);
  add(years);
  if (d.budget) add(thousands(*d.budget, lang) + " " + d.currency);
  return out;
}

// The facets in the order the searcher lists them by default, then any other.
std::vector<std::string> facet_order(const fouille::searcher::Result& r) {
  std::vector<std::string> keys;
  for (const auto& key : fouille::searcher::default_facets()) {
    if (r.facets.count(key)) keys.push_back(key);
  }
  for (const auto& [key, values] : r.facets) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

std::string facet_lines(const fouille::searcher::Result& r, const TextOptions& options) {
  std::vector<std::pair<std::string, std::string>> rows;  // heading, values
  std::size_t width = 0;
  for (const auto& key : facet_order(r)) {
    std::vector<fouille::searcher::FacetValue> values = r.facets.at(key);
    if (values.empty()) continue;
    // Years: the newest first, as people look for recent projects.
    if (key == "year") {
      std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.value > b.value; });
    }
    std::string line;
    std::size_t shown = 0;
    for (const auto& v : values) {
      if (++shown > options.facet_size) {
        line += " · …";
        break;
      }
      if (!line.empty()) line += " · ";
      line += v.label + " (" + std::to_string(v.count) + ")";
    }
    std::string heading = fouille::field_label(key).in(r.lang);
    rows.emplace_back(heading, line);
    width = std::max(width, columns(heading));
  }
  std::string out;
  for (const auto& [heading, line] : rows) {
    out += "  " + heading + std::string(width + 2 - columns(heading), ' ') + printable(line) + "\n";
  }
  return out;
}

}  // namespace

std::string format_text(const fouille::searcher::Result& r, const TextOptions& options) {
  const Lang lang = r.lang;
  const std::string bold = options.color ? "\033[1m" : "";
  const std::string plain = options.color ? "\033[0m" : "";
  auto say = [&](const std::string& id, std::vector<fouille::MessageArg> args) {
    return render(Message{id, std::move(args)}, lang) + "\n";
  };
  // Titles, snippets, fields and the query's own words come from documents
  // and users: printable() keeps their control characters off the terminal.
  std::string out;
  for (const auto& note : r.notes) out += say("out.note", {printable(render(note, lang))});
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f", r.elapsed_ms);
  out += say(r.exact ? "out.results" : "out.results_estimated", {r.total, std::string(ms)});
  if (r.relaxed && r.all_words == 0) {
    out += say("out.relaxed_none", {});
  } else if (r.relaxed) {
    out += say("out.relaxed", {r.all_words});
  }
  if (r.corrected) out += say("out.corrected", {printable(*r.corrected)});
  if (r.suggestion) out += say("out.suggestion", {printable(*r.suggestion)});
  for (const auto& s : r.synonyms) {
    std::string alternatives;
    for (const auto& a : s.alternatives) alternatives += (alternatives.empty() ? "" : ", ") + a;
    out += say("out.synonyms", {printable(s.words), printable(alternatives)});
  }
  for (const auto& h : r.hits) {
    const std::string title = h.title.empty() ? fouille::text("out.untitled", lang) : printable(h.title);
    out += "\n" + std::to_string(h.rank) + ". " + bold + title + plain + "  [" + printable(h.id) + "]\n";
    std::string fields = printable(key_fields(h, lang));
    if (!fields.empty()) out += "   " + fields + "\n";
    std::string snippet;
    for (const auto& s : h.snippet) snippet += s.match ? bold + printable(s.text) + plain : printable(s.text);
    if (!snippet.empty()) out += "   " + snippet + "\n";
    if (h.collapsed) out += "   " + say("out.collapsed", {h.collapsed});
  }
  const std::string facets = facet_lines(r, options);
  if (!facets.empty()) out += "\n" + say(r.exact ? "out.facets" : "out.facets_estimated", {}) + facets;
  return out;
}

void print_text(const fouille::searcher::Result& r, const TextOptions& options) {
  const std::string text = format_text(r, options);
  std::fwrite(text.data(), 1, text.size(), stdout);
}
