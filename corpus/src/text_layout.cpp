// parse_text: one pass over classified lines. Each line is chrome, a marker,
// a label (with or without its value), a bare value, or narrative; the title is
// the first narrative-looking line that is not menu-like.
#include <algorithm>
#include <optional>
#include <regex>
#include <unordered_set>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/reader.h"
#include "fouille/corpus/schema.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/stemming/fold.h"
#include "table.h"

namespace fouille::data {
extern const std::string_view chrome;
}

namespace fouille::corpus {
namespace {

// A label and value sharing a line without a colon, or a value line, is at
// most this many words; longer lines are narrative.
constexpr std::size_t kMaxValueWords = 12;

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

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Bullets and dashes that may stand before a label or a list item.
const char* const kMarkers[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x80\xA3", "\xE2\x80\x93",
                                "\xE2\x80\x94", "-", "*", ">"};

// `line` without a leading marker; sets *had_marker.
std::string_view strip_marker(std::string_view line, bool* had_marker) {
  *had_marker = false;
  for (const char* m : kMarkers) {
    std::string_view mv(m);
    if (line.starts_with(mv)) {
      std::string_view rest = line.substr(mv.size());
      if (rest.empty() || rest.front() == ' ' || rest.front() == '\t' || static_cast<unsigned char>(rest.front()) == 0xC2) {
        *had_marker = true;
        return detail::trim(rest);
      }
    }
  }
  return line;
}

bool is_marker_only(std::string_view line) {
  bool had = false;
  return strip_marker(line, &had).empty() && had;
}

bool matches(const std::regex& re, std::string_view s) { return std::regex_match(s.begin(), s.end(), re); }

const std::regex& project_id_shape() {
  static const std::regex re(R"([A-Z]{2,4}\.[0-9]{3,5})");
  return re;
}
const std::regex& prima_id_shape() {
  static const std::regex re(R"([A-Z]{2}[0-9]{2}[A-Z][0-9]{4})");
  return re;
}
const std::regex& year_range_shape() {
  static const std::regex re(R"((19|20)[0-9]{2} *(-|–|—|à|to|au) *(19|20)[0-9]{2})");
  return re;
}
const std::regex& amount_shape() {
  static const std::regex re(
      R"((USD|US\$|\$|€|EUR)? *[0-9]{1,3}([ ,.  ]?[0-9]{3})+([.,][0-9]{1,2})? *(USD|\$|€|EUR|euros?|dollars)?)");
  return re;
}

// Does `value` look like a value of `field`? Used where a label and a value
// share a line without a colon, so that narrative is not taken for a field.
bool plausible(const Field& field, std::string_view value) {
  const std::string& k = field.key;
  if (k == "project_id") return matches(project_id_shape(), value);
  if (k == "prima_id") return matches(prima_id_shape(), value);
  if (field.kind == FieldKind::kYear || k == "period") return !parse_years(value).empty() && word_count(value) <= 4;
  if (field.kind == FieldKind::kNumber) return parse_amount(value).has_value() && word_count(value) <= 4;
  if (k == "status" || k == "coverage" || k == "project_type" || k == "region") {
    return vocabulary(k).canonical(value).has_value();
  }
  if (k == "countries") {
    CountryList list = countries().parse_list(value);
    return !list.codes.empty() && list.unknown.empty() && list.qualifiers == 0;
  }
  return false;
}

// The field a bare value line holds, recognised by shape and vocabulary.
const Field* bare_field(std::string_view line) {
  const Schema& s = schema();
  // A list of countries may be long; any other bare value is short.
  const std::size_t words = word_count(line);
  if (line.empty() || words > 40) return nullptr;
  if (words > 8) {
    // Only a comma-separated list of countries is that long among bare values.
    bool list = line.find(',') != std::string_view::npos && line.back() != '.';
    return list && plausible(s.field("countries"), line) ? &s.field("countries") : nullptr;
  }
  if (matches(project_id_shape(), line)) return &s.field("project_id");
  if (matches(prima_id_shape(), line)) return &s.field("prima_id");
  if (matches(year_range_shape(), line)) return &s.field("period");
  if (matches(amount_shape(), line)) return &s.field("budget_usd");
  for (const char* key : {"status", "coverage", "project_type", "region"}) {
    if (vocabulary(key).canonical(line)) return &s.field(key);
  }
  if (plausible(s.field("countries"), line)) return &s.field("countries");
  return nullptr;
}

struct LabelHit {
  const Field* field = nullptr;
  std::string_view value;  // empty when the value is on the following lines
};

// Is `text` (marker stripped) a label, alone or followed by its value?
std::optional<LabelHit> find_label(std::string_view text) {
  const Schema& s = schema();
  // Labels are short: only a line's head can hold one.
  constexpr std::size_t kLabelHead = 96;
  if (text.size() <= kLabelHead) {
    if (const Field* f = s.field_for_label(text)) return LabelHit{f, {}};
  }
  std::string_view head = text.substr(0, kLabelHead);
  while (!head.empty() && head.size() < text.size() && (static_cast<unsigned char>(text[head.size()]) & 0xC0) == 0x80) {
    head.remove_suffix(1);  // cut on a character boundary
  }
  std::string folded = stemming::fold(head);
  for (const auto& [label, field] : s.labels_longest_first()) {
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

enum class Kind { kBlank, kChrome, kFooter, kMarker, kLabel, kBare, kText };

struct Line {
  std::string_view text;  // trimmed, marker kept
  std::string_view bare;  // marker stripped
  bool marker = false;
  Kind kind = Kind::kText;
  LabelHit label;
  const Field* bare_field = nullptr;
};

std::vector<Line> classify(std::string_view text) {
  std::vector<Line> lines;
  for (auto raw : detail::split(text, '\n')) {
    Line line;
    line.text = detail::trim(raw);
    line.bare = strip_marker(line.text, &line.marker);
    // Chrome lines are a few words: longer ones need no folding to tell.
    std::string folded = word_count(line.bare) <= 6 ? stemming::fold(line.bare) : std::string();
    if (line.text.empty()) {
      line.kind = Kind::kBlank;
    } else if (is_marker_only(line.text)) {
      line.kind = Kind::kMarker;
    } else if (chrome().lines.count(folded)) {
      line.kind = Kind::kChrome;
    } else if (chrome().footers.count(folded)) {
      line.kind = Kind::kFooter;
    } else if (auto hit = find_label(line.bare)) {
      line.kind = Kind::kLabel;
      line.label = *hit;
    } else if ((line.bare_field = bare_field(line.bare))) {
      line.kind = Kind::kBare;
    }
    lines.push_back(line);
  }
  return lines;
}

bool title_like(const Line& line) {
  return line.kind == Kind::kText && !line.marker && word_count(line.text) >= 3;
}

}  // namespace

Document parse_text(std::string_view utf8, const std::string& source) {
  Document doc;
  doc.source = source;
  std::vector<Line> lines = classify(utf8);

  // The title: the first title-like line; lines before it are menus.
  std::size_t title_at = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == Kind::kLabel || lines[i].kind == Kind::kFooter) break;
    if (title_like(lines[i])) {
      title_at = i;
      break;
    }
  }
  if (title_at == lines.size()) {  // no long line first: the first text line, if it opens the file
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].kind == Kind::kBlank) continue;
      if (lines[i].kind == Kind::kText && !lines[i].marker) title_at = i;
      break;
    }
  }
  std::string title_key;
  if (title_at < lines.size()) {
    doc.title = std::string(lines[title_at].text);
    title_key = stemming::fold(doc.title);
  }

  bool bullets = false, chrome_seen = false, bare_used = false, labels_used = false;
  std::string body;
  auto add_body = [&](std::string_view text) {
    if (!body.empty()) body += '\n';
    body += text;
  };
  std::size_t start = title_at < lines.size() ? title_at + 1 : 0;
  for (std::size_t i = 0; i < start; ++i) {
    if (lines[i].kind == Kind::kChrome || lines[i].kind == Kind::kMarker) chrome_seen = true;
  }
  for (std::size_t i = start; i < lines.size(); ++i) {
    Line& line = lines[i];
    switch (line.kind) {
      case Kind::kBlank:
        break;
      case Kind::kChrome:
      case Kind::kMarker:
        chrome_seen = true;
        break;
      case Kind::kFooter:
        chrome_seen = true;
        i = lines.size();  // the rest is site footer
        break;
      case Kind::kLabel: {
        labels_used = true;
        bullets = bullets || line.marker;
        const Field& field = *line.label.field;
        std::string label(line.bare);
        if (!line.label.value.empty()) {
          set_field(doc, field, line.label.value, label);
          break;
        }
        // The value is on the next lines: one line, or for countries one a
        // line while the lines read as country names.
        std::size_t j = i + 1;
        std::vector<std::string_view> values;
        while (j < lines.size()) {
          const Line& next = lines[j];
          if (next.kind == Kind::kBlank || next.kind == Kind::kLabel || next.kind == Kind::kFooter ||
              next.kind == Kind::kChrome) {
            break;
          }
          if (next.kind == Kind::kMarker) {
            ++j;
            continue;
          }
          bool first = values.empty();
          if (first && word_count(next.bare) > kMaxValueWords * 3) break;  // narrative: no value
          if (!first && !(field.key == "countries" && plausible(field, next.bare))) break;
          values.push_back(next.bare);
          ++j;
          if (field.key != "countries") break;
        }
        for (auto v : values) set_field(doc, field, v, label);
        if (field.key == "title" && !values.empty() && title_key.empty()) title_key = stemming::fold(doc.title);
        i = j - 1;
        break;
      }
      case Kind::kBare: {
        // Bare values count in runs of two or more consecutive lines only, so a
        // lone "Tadjikistan" in the narrative stays narrative.
        bool run = (i + 1 < lines.size() && lines[i + 1].kind == Kind::kBare) ||
                   (i > 0 && lines[i - 1].kind == Kind::kBare);
        if (run) {
          bare_used = true;
          set_field(doc, *line.bare_field, line.bare);
        } else {
          add_body(line.text);
        }
        break;
      }
      case Kind::kText:
        if (!title_key.empty() && stemming::fold(line.text) == title_key) break;  // repeated title
        add_body(line.text);
        break;
    }
  }
  doc.body = std::move(body);
  doc.layout = bare_used ? "bare" : bullets ? "bullet" : chrome_seen ? "web" : labels_used ? "labels" : "prose";
  finish(doc);
  return doc;
}

}  // namespace fouille::corpus
