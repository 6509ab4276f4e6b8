// parse_text: the layout reader. Over classified lines (text_lines.h), it
// finds the field block, takes the project's heading as the title, reads the
// fields, and keeps as narrative the text that is neither menu nor footer.
#include <algorithm>
#include <string>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/reader.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/fold.h"

#include "text_lines.h"

namespace fouille::corpus {
namespace {

using layout::Kind;
using layout::Line;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool bare_run_at(const std::vector<Line>& lines, std::size_t i) {
  return lines[i].kind == Kind::kBare &&
         ((i + 1 < lines.size() && lines[i + 1].kind == Kind::kBare) || (i > 0 && lines[i - 1].kind == Kind::kBare));
}

// The first line of the field block: a label, or two bare values in a row.
std::size_t field_block(const std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == Kind::kFooter) break;
    if (lines[i].kind == Kind::kLabel || bare_run_at(lines, i)) return i;
  }
  return kNone;
}

using layout::paragraph;

bool heading_like(const Line& line) {
  return line.kind == Kind::kText && !line.menu && !line.marker && line.words >= 3 && !paragraph(line);
}

// The project's heading: right before the fields when they follow it (short
// sub-headings such as « En bref » skipped), else the first real heading.
std::size_t find_title(const std::vector<Line>& lines) {
  if (std::size_t fields = field_block(lines); fields != kNone) {
    for (std::size_t i = fields; i-- > 0;) {
      if (paragraph(lines[i])) break;  // text before the fields: no heading right there
      if (heading_like(lines[i])) return i;
    }
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].kind == Kind::kLabel || lines[i].kind == Kind::kFooter) break;
    if (heading_like(lines[i])) return i;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {  // no heading: the first text line, if it opens the file
    if (lines[i].kind == Kind::kBlank) continue;
    if (lines[i].kind == Kind::kText && !lines[i].marker && !lines[i].menu) return i;
    break;
  }
  return kNone;
}

// « Guatemala: Huehuetenango, San Marcos » under a countries label: the
// country before the colon; the provinces are not countries.
std::string_view country_head(std::string_view line) {
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return {};
  std::string_view head = line.substr(0, colon);
  return countries().code(head) ? head : std::string_view();
}

// Reads the value of the label at lines[i] from the following lines; returns
// the index of the last line used.
std::size_t read_label_value(Document& doc, const std::vector<Line>& lines, std::size_t i) {
  const Field& field = *lines[i].label.field;
  const std::string label(lines[i].bare);
  if (!lines[i].label.value.empty()) {
    set_field(doc, field, lines[i].label.value, label);
    i = i + 1;
  } else {
    // One line, or for countries one a line while the lines read as countries.
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
      if (first && next.words > layout::kMaxValueWords * 3) break;  // narrative: no value
      if (!first && !(field.id == FieldId::kCountries && layout::plausible(field, next.bare))) break;
      values.push_back(next.bare);
      ++j;
      if (field.id != FieldId::kCountries) break;
    }
    for (auto v : values) set_field(doc, field, v, label);
    i = j;
  }
  while (field.id == FieldId::kCountries && i < lines.size() && !country_head(lines[i].bare).empty()) {
    set_field(doc, field, country_head(lines[i].bare), label);
    ++i;
  }
  return i - 1;
}

// Is `line` the title again (`title_key`, folded)? A line without a marker
// is its bare text, whose head is folded already: folding keeps the order of
// characters, so a line whose folded head does not start the title is not
// the title, and its whole text (a paragraph, mostly) need not be folded.
bool title_again(const Line& line, const std::string& title_key) {
  if (title_key.empty()) return false;
  if (line.marker) return stemming::fold(line.text) == title_key;
  if (!title_key.starts_with(line.folded)) return false;
  return line.fold_bare() == title_key;
}

// A short line that is no sentence: a button, a heading, a form field.
bool button_like(const Line& line) {
  std::string_view t = line.text;
  bool sentence = t.ends_with('.') || t.ends_with('!') || t.ends_with('?') || t.ends_with("\xE2\x80\xA6");
  return line.menu || line.kind == Kind::kChrome || line.kind == Kind::kMarker || (!sentence && line.words <= 6);
}

// Drops the body lines after the last paragraph when two or more lines other
// than fields follow it before `stop`, one of them a button or a menu line: a
// footer the phrase table did not know (newsletter, links, « Lire aussi »).
// Short closing sentences of the narrative stay.
void drop_trailing_block(const std::vector<Line>& lines, const std::vector<bool>& field, std::size_t stop,
                         std::vector<const Line*>& body) {
  std::size_t last = kNone;
  for (std::size_t k = 0; k < body.size(); ++k) {
    if (body[k]->narrative()) last = k;
  }
  if (last == kNone) return;
  const auto at = static_cast<std::size_t>(body[last] - lines.data());
  std::size_t after = 0;
  bool button = false;
  for (std::size_t i = at + 1; i < stop; ++i) {
    if (lines[i].kind == Kind::kBlank || field[i]) continue;
    ++after;
    button = button || button_like(lines[i]);
  }
  if (after >= 2 && button) body.resize(last + 1);
}

}  // namespace

Document parse_text(std::string_view utf8, const std::string& source, TextSource from) {
  Document doc;
  doc.source = source;
  std::vector<Line> lines = layout::classify(utf8);
  const std::size_t title_at = find_title(lines);
  std::string title_key;
  if (title_at != kNone) {
    doc.title = std::string(lines[title_at].text);
    title_key = stemming::fold(doc.title);
  }
  bool bullets = false, chrome_seen = false, bare_used = false, labels_used = false;
  const std::size_t start = title_at == kNone ? 0 : title_at + 1;
  for (std::size_t i = 0; i < start; ++i) {
    chrome_seen = chrome_seen || lines[i].menu || lines[i].kind == Kind::kChrome || lines[i].kind == Kind::kMarker;
  }
  std::vector<const Line*> body;
  std::size_t stop = lines.size();
  std::vector<bool> field(lines.size(), false);  // lines read as a label or a value
  for (std::size_t i = start; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.kind == Kind::kFooter) {
      chrome_seen = true;
      stop = i;
      break;  // the rest is site footer
    }
    if (line.menu || line.kind == Kind::kChrome || line.kind == Kind::kMarker) {
      chrome_seen = true;
    } else if (line.kind == Kind::kLabel) {
      labels_used = true;
      bullets = bullets || line.marker;
      const std::size_t label_at = i;
      i = read_label_value(doc, lines, i);
      std::fill(field.begin() + static_cast<std::ptrdiff_t>(label_at),
                field.begin() + static_cast<std::ptrdiff_t>(i) + 1, true);
      if (line.label.field->id == FieldId::kTitle && title_key.empty()) title_key = stemming::fold(doc.title);
    } else if (line.kind == Kind::kBare && bare_run_at(lines, i)) {
      // Bare values count in runs only, so a lone « Tadjikistan » in the narrative stays narrative.
      bare_used = true;
      field[i] = true;
      set_field(doc, *line.bare_field, line.bare);
    } else if ((line.kind == Kind::kText || line.kind == Kind::kBare) && !title_again(line, title_key)) {
      body.push_back(&line);
    }
  }
  std::size_t kept = body.size();
  if (from == TextSource::kPage) drop_trailing_block(lines, field, stop, body);
  chrome_seen = chrome_seen || body.size() != kept;
  for (const Line* line : body) {
    if (!doc.body.empty()) doc.body += '\n';
    doc.body += line->text;
  }
  doc.layout = bare_used ? "bare" : bullets ? "bullet" : chrome_seen ? "web" : labels_used ? "labels" : "prose";
  finish(doc);
  return doc;
}

}  // namespace fouille::corpus
