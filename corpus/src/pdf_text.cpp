// From a PDF's lines to text (pdf_text.h): glyph normalisation, running
// headers and footers, paragraphs, hyphens at line ends.
#include "pdf_text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_set>

namespace fouille::corpus::detail {
namespace {

// Decodes the code point at s[i] (well-formed UTF-8 only); sets *len. An
// ill-formed byte reads as itself, one byte long.
char32_t code_point(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return b;
  }
  char32_t c = n == 1 ? b : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto cont = static_cast<unsigned char>(s[i + k]);
    if ((cont & 0xC0) != 0x80) {
      *len = 1;
      return b;
    }
    c = (c << 6) | (cont & 0x3F);
  }
  *len = n;
  return c;
}

bool is_space_like(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(' ');
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(' ') - a + 1);
}

// A line's key for running-line detection: ASCII lower case, digits as '#'.
std::string running_key(std::string_view line) {
  std::string key;
  for (char c : line) {
    if (is_ascii_digit(c)) {
      if (key.empty() || key.back() != '#') key += '#';
    } else {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  return key;
}

// Reads digits at s[*i]; returns -1 when none (or too many).
long read_number(std::string_view s, std::size_t* i) {
  long n = 0;
  std::size_t start = *i;
  while (*i < s.size() && is_ascii_digit(s[*i]) && *i - start < 6) n = n * 10 + (s[(*i)++] - '0');
  return *i == start || (*i < s.size() && is_ascii_digit(s[*i])) ? -1 : n;
}

bool consume(std::string_view s, std::size_t* i, std::string_view word) {
  if (s.substr(*i).starts_with(word)) {
    *i += word.size();
    return true;
  }
  return false;
}

void skip_spaces(std::string_view s, std::size_t* i) {
  while (*i < s.size() && s[*i] == ' ') ++*i;
}

// Starts with a bullet or a list number: a line of its own.
bool starts_item(std::string_view line) {
  for (std::string_view m : {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x80\xA3",
                             "\xEF\x82\xB7", "\xC2\xB7", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "- ", "* "}) {
    if (line.starts_with(m)) return true;
  }
  std::size_t i = 0;
  while (i < line.size() && i < 3 && is_ascii_digit(line[i])) ++i;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

// How a line ends relative to the next one.
enum class Break { kJoin, kLine, kParagraph };

bool same_size(double a, double b) { return std::abs(a - b) <= 0.12 * std::max(a, b); }

// The usual white space between two lines of a paragraph on `page`.
double usual_gap(const PdfPage& page) {
  std::vector<double> gaps;
  for (std::size_t i = 1; i < page.lines.size(); ++i) {
    const PdfLine& a = page.lines[i - 1];
    const PdfLine& b = page.lines[i];
    if (a.cell || b.cell || !same_size(a.font_size, b.font_size) || b.y0 < a.y0) continue;
    gaps.push_back(std::max(0.0, b.y0 - a.y1));
  }
  if (gaps.empty()) return -1;
  std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
  return gaps[gaps.size() / 2];
}

// Does the paragraph of `a`, the last line of a column or page, run on
// into `b`, the first of the next? Yes when `a` filled its column: a
// paragraph's last line ends short. A line ending a sentence that happens to
// fill the column runs on too; the blank line is lost, not the words.
bool runs_on(const PdfLine& a, const PdfLine& b) {
  const double size = std::max({a.font_size, b.font_size, 1.0});
  if (a.cell || b.cell || !same_size(a.font_size, b.font_size) || starts_item(b.text)) return false;
  return a.x1 + 0.3 * size + b.first_word_width >= a.column_x1 - 0.5 * size;
}

Break break_between(const PdfLine& a, const PdfLine& b, double gap) {
  const double size = std::max({a.font_size, b.font_size, 1.0});
  if (!same_size(a.font_size, b.font_size)) return Break::kParagraph;
  if (b.y0 < a.y0 - 0.5 * size) return runs_on(a, b) ? Break::kJoin : Break::kParagraph;  // the next column
  const double usual = gap < 0 ? 0.3 * size : gap;
  if (b.y0 - a.y1 > usual + 0.45 * size) return Break::kParagraph;
  if (a.cell && !b.cell) return Break::kParagraph;  // the end of a table
  if (a.cell || b.cell || starts_item(b.text)) return Break::kLine;
  if (b.x0 > a.x0 + 1.2 * size) return Break::kLine;  // an indented first line
  // Ended short: the next line's first word would have fit after it.
  if (a.x1 + 0.3 * size + b.first_word_width < a.column_x1 - 0.5 * size) return Break::kLine;
  return Break::kJoin;
}

// Appends `next` after `out` joined as one paragraph: a word hyphenated at
// the line end gets a kHyphenBreak mark; a soft hyphen always joins.
void join_into(std::string& out, std::string_view next) {
  static constexpr std::string_view kSoftHyphen = "\xC2\xAD";
  if (out.ends_with(kSoftHyphen)) {
    out.resize(out.size() - kSoftHyphen.size());
    out += next;
    return;
  }
  const auto letter = [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; };
  if (out.size() >= 2 && out.back() == '-' && letter(out[out.size() - 2]) && !next.empty() &&
      (letter(next.front()) || is_ascii_digit(next.front()))) {
    out += kHyphenBreak;
    out += next;
    return;
  }
  if (!out.empty() && out.back() != '\n') out += ' ';
  out += next;
}

// "Est", "Équateur", "2018": the part after the hyphen is no word's end.
bool starts_capital_or_digit(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if ((c >= 'A' && c <= 'Z') || is_ascii_digit(s[0])) return true;
  // Latin-1 capitals À..Þ (but not ×): C3 80..9E.
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x80 &&
         static_cast<unsigned char>(s[1]) <= 0x9E && static_cast<unsigned char>(s[1]) != 0x97;
}

std::string lower_ascii(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return r;
}

// A word character: letters (any non-ASCII byte counts), apostrophes aside.
bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

// First parts French writes with a hyphen before a word ("sous-région",
// "mi-parcours", "non-violence"); sorted.
constexpr std::string_view kHyphenPrefixes[] = {"après", "arrière", "au",    "avant", "demi", "ex",    "extra",
                                                "grand", "grande",  "mi",    "non",   "nord", "ouest", "porte",
                                                "quasi", "semi",    "socio", "sous",  "sud",  "vice"};
// Second parts that are hyphenated to the word before ("celle-ci",
// "peut-être", "a-t-il"). Not "le", "les", "en": a typesetter may leave them
// after a hyphen ("contrô-le"), inversions are rare in project sheets.
constexpr std::string_view kEnclitics[] = {"ci", "delà", "dessous", "dessus", "elle", "elles", "il",   "ils",
                                           "là", "même", "mêmes",   "nous",   "on",   "t",     "vous", "être"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

}  // namespace

std::string normalize_glyphs(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    const char32_t c = code_point(s, i, &len);
    const std::string_view raw = s.substr(i, len);
    i += len;
    switch (c) {
      case 0xFB00:
        out += "ff";
        continue;
      case 0xFB01:
        out += "fi";
        continue;
      case 0xFB02:
        out += "fl";
        continue;
      case 0xFB03:
        out += "ffi";
        continue;
      case 0xFB04:
        out += "ffl";
        continue;
      case 0xFB05:
      case 0xFB06:
        out += "st";
        continue;
      case 0x2010:
      case 0x2011:
        out += '-';
        continue;
      case 0x200B:
      case 0x200C:
      case 0x200D:
      case 0x2060:
      case 0xFEFF:
        continue;
      case 0xAD:
        if (i >= s.size()) out += raw;  // a hyphenation point at the end of the line
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F || is_space_like(c)) {
      out += ' ';
    } else {
      out += raw;
    }
  }
  return out;
}

bool is_page_number(std::string_view line, int page) {
  const std::string s = lower_ascii(trim(line));
  std::size_t i = 0;
  const auto dashes = [&] {
    while (consume(s, &i, "-") || consume(s, &i, "\xE2\x80\x93") || consume(s, &i, "\xE2\x80\x94") ||
           consume(s, &i, " ")) {
    }
  };
  dashes();
  const bool named = consume(s, &i, "page") || consume(s, &i, "p.") || consume(s, &i, "pg");
  skip_spaces(s, &i);
  const long n = read_number(s, &i);
  if (n < 0) return false;
  skip_spaces(s, &i);
  long total = -1;
  if (consume(s, &i, "/") || consume(s, &i, "sur ") || consume(s, &i, "of ") || consume(s, &i, "de ")) {
    skip_spaces(s, &i);
    total = read_number(s, &i);
    if (total < 0) return false;
  }
  dashes();
  if (i != s.size()) return false;
  if (total >= 0) return n >= 1 && n <= total;
  return named ? n >= 1 : n == page;
}

void drop_running_lines(std::vector<PdfPage>& pages) {
  constexpr std::size_t kEdge = 3;  // lines looked at, at each end of a page
  const auto candidates = [&](const PdfPage& page, bool top) {
    std::vector<std::size_t> at;
    const std::size_t n = page.lines.size();
    for (std::size_t k = 0; k < std::min(kEdge, n); ++k) at.push_back(top ? k : n - 1 - k);
    return at;
  };
  // Pages on which each key is seen, at the top and at the bottom.
  std::map<std::string, std::set<std::size_t>> seen[2];
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (int top = 0; top < 2; ++top) {
      for (std::size_t i : candidates(pages[p], top)) seen[top][running_key(pages[p].lines[i].text)].insert(p);
    }
  }
  const std::size_t n_pages = pages.size();
  for (std::size_t p = 0; p < n_pages; ++p) {
    std::vector<bool> drop(pages[p].lines.size(), false);
    for (int top = 0; top < 2; ++top) {
      for (std::size_t i : candidates(pages[p], top)) {
        const PdfLine& line = pages[p].lines[i];
        const std::size_t count = seen[top][running_key(line.text)].size();
        if ((n_pages >= 2 && count >= 2 && count * 2 > n_pages) || is_page_number(line.text, static_cast<int>(p + 1))) {
          drop[i] = true;
        }
      }
    }
    std::vector<PdfLine> kept;
    for (std::size_t i = 0; i < drop.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(pages[p].lines[i]));
    }
    pages[p].lines = std::move(kept);
  }
}

std::string pages_to_text(const std::vector<PdfPage>& pages) {
  std::string out;
  const PdfLine* last = nullptr;
  for (const PdfPage& page : pages) {
    const double gap = usual_gap(page);
    bool first_on_page = true;
    for (const PdfLine& line : page.lines) {
      if (line.text.empty()) continue;
      if (last) {
        Break b;
        if (first_on_page) {
          b = runs_on(*last, line) ? Break::kJoin : Break::kParagraph;
        } else {
          b = break_between(*last, line, gap);
        }
        if (b == Break::kParagraph) {
          out += "\n\n";
        } else if (b == Break::kLine) {
          out += '\n';
        }
      }
      join_into(out, line.text);
      last = &line;
      first_on_page = false;
    }
  }
  if (!out.empty()) out += '\n';
  return resolve_hyphens(out);
}

std::string resolve_hyphens(std::string_view text) {
  if (text.find(kHyphenBreak) == std::string_view::npos) return std::string(text);
  // The text's words, lower case, as written (hyphenated ones whole, and their parts).
  std::unordered_set<std::string> words;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    bool marked = false;
    while (j < text.size() && (word_byte(text[j]) || text[j] == '-' || text[j] == kHyphenBreak)) {
      marked = marked || text[j] == kHyphenBreak;
      ++j;
    }
    if (!marked) {
      const std::string word = lower_ascii(text.substr(i, j - i));
      words.insert(word);
      for (std::size_t a = 0; a < word.size();) {  // the parts of "sous-région"
        std::size_t b = word.find('-', a);
        if (b == std::string::npos) b = word.size();
        if (b > a) words.insert(word.substr(a, b - a));
        a = b + 1;
      }
    }
    i = j;
  }
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != kHyphenBreak) {
      out += text[i];
      continue;
    }
    if (out.empty() || out.back() != '-') continue;  // a stray mark: dropped
    // out ends with "left-"; text[i + 1...] starts with the right part.
    std::size_t l = out.size() - 1;  // at the hyphen
    while (l > 0 && word_byte(out[l - 1])) --l;
    const std::string left = lower_ascii(std::string_view(out).substr(l, out.size() - 1 - l));
    std::size_t r = i + 1;
    while (r < text.size() && word_byte(text[r])) ++r;
    const std::string right = lower_ascii(text.substr(i + 1, r - i - 1));
    const bool keep = left.empty() || starts_capital_or_digit(text.substr(i + 1)) ||
                      words.contains(left + "-" + right) ||
                      (!words.contains(left + right) &&
                       ((listed(kHyphenPrefixes, left) && words.contains(right)) || listed(kEnclitics, right)));
    if (!keep) out.pop_back();
  }
  return out;
}

}  // namespace fouille::corpus::detail
