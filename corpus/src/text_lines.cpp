#include "text_lines.h"

#include <optional>
#include <string>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/data/chrome.h"
#include "fouille/stemming/fold.h"

#include "table.h"
#include "value_shapes.h"

namespace fouille::corpus::layout {
namespace {

struct Chrome {
  std::unordered_set<std::string> lines;
  std::unordered_set<std::string> footers;
};

const Chrome& chrome() {
  static const Chrome c = [] {
    Chrome r;
    detail::for_each_row(data::chrome, [&](int, const std::vector<std::string_view>& cols) {
      if (cols.size() != 2) return;
      (cols[0] == "footer" ? r.footers : r.lines).insert(stemming::fold(cols[1]));
    });
    return r;
  }();
  return c;
}

}  // namespace

std::string Line::fold_bare() const { return bare.size() <= kLabelHead ? folded : stemming::fold(bare); }

std::size_t word_count(std::string_view s) {
  // A word starts at each byte that is no space after one that is: each
  // step reads two bytes, with no branch. It ran on every line twice, and
  // made most of the classifier's time.
  if (s.empty()) return 0;
  auto space = [](char c) { return c == ' ' || c == '\t'; };
  std::size_t n = !space(s[0]);
  for (std::size_t i = 1; i < s.size(); ++i) n += space(s[i - 1]) & !space(s[i]);
  return n;
}

namespace {

// Bullets and dashes that may stand before a label or a list item.
constexpr std::string_view kMarkers[] = {
    "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x80\xA3", "\xE2\x80\x93", "\xE2\x80\x94", "-", "*", ">"};

// `line` without a leading marker; sets *had_marker.
std::string_view strip_marker(std::string_view line, bool* had_marker) {
  *had_marker = false;
  // Every marker starts with one of these bytes: most lines start with none.
  if (line.empty() || !(line[0] == '\xE2' || line[0] == '\xC2' || line[0] == '-' || line[0] == '*' || line[0] == '>')) {
    return line;
  }
  for (std::string_view mv : kMarkers) {
    if (line.starts_with(mv)) {
      std::string_view rest = line.substr(mv.size());
      if (rest.empty() || rest.front() == ' ' || rest.front() == '\t' ||
          static_cast<unsigned char>(rest.front()) == 0xC2) {
        *had_marker = true;
        return detail::trim(rest);
      }
    }
  }
  return line;
}

}  // namespace

bool paragraph(const Line& line) {
  if (line.kind != Kind::kText || line.menu || line.words < 6) return false;
  std::string_view t = line.text;
  return t.ends_with('.') || t.ends_with('!') || t.ends_with('?') || t.ends_with("\xE2\x80\xA6");
}

bool plausible(const Field& field, std::string_view value) {
  const FieldId k = field.id;
  if (k == FieldId::kProjectId) return project_id_shape(value);
  if (k == FieldId::kPrimaId) return prima_id_shape(value);
  if (field.kind == FieldKind::kYear || k == FieldId::kPeriod)
    return !parse_years(value).empty() && word_count(value) <= 4;
  if (field.kind == FieldKind::kNumber) return parse_amount(value).has_value() && word_count(value) <= 4;
  if (const Vocabulary* v = vocabulary(k)) return v->canonical(value).has_value();
  if (k == FieldId::kCountries) return countries().names_only(value);
  return false;
}

namespace {

// The field a bare value line holds, recognised by shape and vocabulary.
const Field* bare_field(const Line& bare_line) {
  const std::string_view line = bare_line.bare;
  const std::size_t words = bare_line.words;
  const Schema& s = schema();
  // A list of countries may be long; any other bare value is short.
  if (line.empty() || words > 40) return nullptr;
  if (words > 8) {
    // Only a comma-separated list of countries is that long among bare values.
    bool list = line.find(',') != std::string_view::npos && line.back() != '.';
    return list && plausible(s.field(FieldId::kCountries), line) ? &s.field(FieldId::kCountries) : nullptr;
  }
  if (project_id_shape(line)) return &s.field(FieldId::kProjectId);
  if (prima_id_shape(line)) return &s.field(FieldId::kPrimaId);
  if (year_range_shape(line)) return &s.field(FieldId::kPeriod);
  if (amount_shape(line)) return &s.field(FieldId::kBudgetUsd);
  const std::string key = Vocabulary::key_of_folded(bare_line.fold_bare());  // `bare` is trimmed
  for (FieldId id : vocabulary_fields()) {
    if (vocabulary(id)->canonical(line, key)) return &s.field(id);
  }
  if (plausible(s.field(FieldId::kCountries), line)) return &s.field(FieldId::kCountries);
  return nullptr;
}

// Is `text` (marker stripped) a label, alone or followed by its value?
// `folded` is the fold of its head (Line::folded).
std::optional<LabelHit> find_label(std::string_view text, const std::string& folded) {
  const Schema& s = schema();
  if (text.size() <= kLabelHead) {  // `folded` is the whole text folded, and `text` is trimmed
    if (const Field* f = s.field_for_folded_label(folded)) return LabelHit{f, {}};
  }
  std::string_view first(folded);
  first = first.substr(0, first.find_first_of(" :\t"));
  for (const auto& [label, field] : s.labels_starting_with(first)) {
    if (folded.size() <= label.size() || !folded.starts_with(label)) continue;
    char next = folded[label.size()];
    if (next != ':' && next != ' ' && next != '\t') continue;
    // Folding keeps byte lengths for ASCII only: find the split in the original
    // by counting the label's words.
    std::size_t words = word_count(label);
    std::size_t at = 0, seen = 0;
    bool in_word = false;
    for (; at < text.size(); ++at) {
      bool space = text[at] == ' ' || text[at] == '\t' || text[at] == ':';
      if (!space && !in_word && ++seen > words) break;
      in_word = !space;
    }
    std::string_view value = detail::trim(text.substr(at));
    bool colon = text.substr(0, at).find(':') != std::string_view::npos;
    if (value.empty()) return LabelHit{field, {}};
    if (colon ? word_count(value) <= 40 : (word_count(text) <= kMaxValueWords && plausible(*field, value))) {
      return LabelHit{field, value};
    }
  }
  return std::nullopt;
}

// Folded, without the trailing dots or ellipsis of a button ("Rechercher…").
std::string chrome_key(const Line& line) {
  std::string folded = line.fold_bare();
  while (!folded.empty() && (folded.back() == '.' || folded.back() == ' ')) folded.pop_back();
  if (folded.ends_with("\xE2\x80\xA6")) folded.resize(folded.size() - 3);
  return folded;
}

// Links in a row ("Privacy | Cookies", "Accueil > Projets"), a copyright line.
bool link_like(const Line& line) {
  if (line.words > kMaxValueWords) return false;
  for (std::string_view sep : {" | ", " \xC2\xB7 ", " \xE2\x80\xBA ", " > ", "\xC2\xA9"}) {
    if (line.text.find(sep) != std::string_view::npos) return true;
  }
  return false;
}

// Does `line` belong to a run of navigation items: short text, a short
// "- " item, chrome or a marker alone?
bool short_item(const Line& line) {
  if (line.kind == Kind::kChrome || line.kind == Kind::kMarker || line.menu) return true;
  if (line.kind == Kind::kBare) return line.marker;  // "- Djibouti" under "Où nous intervenons"
  return line.kind == Kind::kText && line.words <= (line.marker ? 8u : 4u);
}

// A label alone (its value on the next line) can be a menu entry too.
bool label_alone(const Line& line) { return line.kind == Kind::kLabel && line.label.value.empty(); }

void make_menu(Line& line) {
  line.menu = true;
  if (line.kind == Kind::kLabel || line.kind == Kind::kBare) line.kind = Kind::kText;
}

// Does `line` begin with a copy of `prev`, alone or glued to a capitalised
// word ("About the FundFor over…", "WHO WE AREThe…")? A word that merely
// starts the same ("Défi", then "Défibrait…") does not count.
bool repeats(const Line& prev, const Line& line) {
  const std::string a = prev.fold_bare();
  if (a.empty()) return false;
  // The folded head settles it unless `a` reaches past it.
  std::string whole;
  const std::string* b = &line.folded;
  if (line.bare.size() > kLabelHead && a.size() >= line.folded.size()) b = &(whole = stemming::fold(line.bare));
  if (!b->starts_with(a)) return false;
  if (b->size() == a.size()) return true;  // a head shorter than the line is longer than `a` here
  const auto* s = reinterpret_cast<const uint8_t*>(line.bare.data());
  auto at = static_cast<int32_t>(prev.bare.size());  // the copy has the same bytes, case aside
  const auto n = static_cast<int32_t>(line.bare.size());
  if (at >= n) return false;
  UChar32 c;
  U8_NEXT(s, at, n, c);
  return c > 0 && u_isupper(c);
}

// Lines written twice in a row (a menu entry and its heading), or a line
// glued to a repetition of the previous one, where the previous line is short.
void mark_repeats(std::vector<Line>& lines) {
  std::size_t prev = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    if (line.kind == Kind::kBlank) continue;
    const bool text = line.kind == Kind::kText || label_alone(line);
    if (prev < lines.size() && text && lines[prev].words <= 6 &&
        (lines[prev].kind == Kind::kText || lines[prev].kind == Kind::kChrome || label_alone(lines[prev]))) {
      if (repeats(lines[prev], line)) {
        make_menu(line);
        make_menu(lines[prev]);
      }
    }
    if (line.kind == Kind::kText && link_like(line)) line.menu = true;
    prev = i;
  }
}

// Runs of three or more short items outside the narrative: menus, language
// switchers, footers. Inside the narrative (between its first and last
// paragraph) a short list is content.
void mark_runs(std::vector<Line>& lines) {
  std::size_t first = lines.size(), last = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].narrative()) continue;
    first = std::min(first, i);
    last = i;
  }
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t j = i;
    while (j < lines.size() && short_item(lines[j])) ++j;
    bool inside = first < lines.size() && i > first && j <= last;
    if (j - i >= 3 && !inside) {
      // The last short line of the run, right before the fields or the first
      // paragraph, is the page's heading (« Border Data Togo »), not a menu entry.
      std::size_t next = j;
      while (next < lines.size() && lines[next].kind == Kind::kBlank) ++next;
      const bool content_follows = next < lines.size() && (lines[next].kind == Kind::kLabel ||
                                                           lines[next].kind == Kind::kBare || paragraph(lines[next]));
      const Line& end = lines[j - 1];
      const std::size_t stop = content_follows && end.kind == Kind::kText && !end.marker && !end.menu ? j - 1 : j;
      for (std::size_t k = i; k < stop; ++k) {
        if (lines[k].kind == Kind::kText || lines[k].kind == Kind::kBare) make_menu(lines[k]);
      }
    }
    i = j == i ? i + 1 : j;
  }
}

// A label alone whose next line is navigation is a menu entry ("Countries"
// between "Projects" and "Contact"), not a field.
void demote_menu_labels(std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind != Kind::kLabel || !lines[i].label.value.empty()) continue;
    std::size_t next = i + 1;
    while (next < lines.size() && lines[next].kind == Kind::kBlank) ++next;
    bool before_menu = next < lines.size() && (lines[next].menu || lines[next].kind == Kind::kChrome);
    bool after_menu = i > 0 && (lines[i - 1].menu || lines[i - 1].kind == Kind::kChrome);
    if (before_menu && after_menu) make_menu(lines[i]);
  }
}

void mark_menus(std::vector<Line>& lines) {
  mark_repeats(lines);
  mark_runs(lines);
  demote_menu_labels(lines);
}

}  // namespace

std::vector<Line> classify(std::string_view text) {
  const std::vector<std::string_view> raw_lines = detail::split(text, '\n');
  std::vector<Line> lines;
  lines.reserve(raw_lines.size());  // a Line is large: no moves as the vector grows
  for (auto raw : raw_lines) {
    Line line;
    line.text = detail::trim(raw);
    line.bare = strip_marker(line.text, &line.marker);
    line.words = word_count(line.bare);
    std::string_view head = line.bare.substr(0, kLabelHead);
    while (!head.empty() && head.size() < line.bare.size() &&
           (static_cast<unsigned char>(line.bare[head.size()]) & 0xC0) == 0x80) {
      head.remove_suffix(1);  // cut on a character boundary
    }
    line.folded = stemming::fold(head);
    // Chrome lines are a few words: longer ones need no folding to tell.
    std::string folded = line.words <= 6 ? chrome_key(line) : std::string();
    if (line.text.empty()) {
      line.kind = Kind::kBlank;
    } else if (line.marker && line.bare.empty()) {  // a marker alone
      line.kind = Kind::kMarker;
    } else if (chrome().lines.count(folded)) {
      line.kind = Kind::kChrome;
    } else if (chrome().footers.count(folded)) {
      line.kind = Kind::kFooter;
    } else if (auto hit = find_label(line.bare, line.folded)) {
      line.kind = Kind::kLabel;
      line.label = *hit;
    } else if ((line.bare_field = bare_field(line))) {
      line.kind = Kind::kBare;
    }
    lines.push_back(std::move(line));
  }
  mark_menus(lines);
  return lines;
}

}  // namespace fouille::corpus::layout
