// Private: from the words a PDF page shows to the plain text the layout
// reader (parse_text) takes. Pure functions over positioned words, with no
// PDF library in sight, so each step is tested on hand-made pages
// (pdf_text_test.cpp) and fuzzed.
//
//   std::vector<PdfPage> pages;                   // one per page, from the words
//   pages.push_back({lay_out_page(words, width), height});
//   drop_running_lines(pages);                    // headers, footers, page numbers
//   std::string text = pages_to_text(pages);      // paragraphs, hyphens joined
//
// Coordinates are PDF points, x to the right, y downwards (top of the page is
// 0). Nothing here throws but std::bad_alloc.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fouille::corpus::detail {

/// A word as the PDF draws it.
struct PdfWord {
  std::string text;                       ///< UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< bounding box: left, top, right, bottom
  double font_size = 0;                   ///< 0: unknown (the box height is used)
  bool space_after = true;                ///< a space follows it on the same line
};

/// A line of text, in reading order: a physical line of a column, or one
/// cell of a table row.
struct PdfLine {
  std::string text;  ///< UTF-8, single spaces
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;
  double first_word_width = 0;  ///< width of its first word: would it have fit on the line before?
  double column_x1 = 0;         ///< right edge of the column the line sits in
  bool cell = false;            ///< one cell of a table row: always a line of its own
};

struct PdfPage {
  std::vector<PdfLine> lines;  ///< in reading order
  double height = 0;
};

/// Ligatures (U+FB00–FB06) spelt out, no-break, thin and other spaces as a
/// space, U+2010/U+2011 hyphens as "-", zero-width characters and soft
/// hyphens inside a word removed (a soft hyphen at the end stays: it marks a
/// hyphenation point), control characters as a space.
std::string normalize_glyphs(std::string_view utf8);

/// Groups a page's words into lines in reading order: rows by baseline, a
/// row split where a gap is wider than a word space; a run of rows split at
/// one gutter is two text columns (left column first) when both sides hold
/// running text, else a table whose cells become lines of their own.
std::vector<PdfLine> lay_out_page(std::vector<PdfWord> words);

/// Is `line` a page number: "3", "- 3 -", "Page 3", "Page 3 / 7", "3 / 7",
/// "3 sur 7", "p. 3"? `page` (1-based) is the page it sits on: a bare
/// number must equal it.
bool is_page_number(std::string_view line, int page);

/// Removes the running header and footer: among the first and last three
/// lines of each page, a line seen (digits aside) at the same end of most
/// pages (at least two), and page numbers.
void drop_running_lines(std::vector<PdfPage>& pages);

/// The text of the pages: lines of one paragraph joined by a space, a line
/// that ended short (the next word would have fit), a table cell or a list
/// item on a line of its own, paragraphs (a wider gap, another font size)
/// separated by a blank line; a paragraph runs on over a page or column
/// break when its last line there fills the column; words hyphenated at a
/// line end joined as resolve_hyphens decides.
std::string pages_to_text(const std::vector<PdfPage>& pages);

/// The mark pages_to_text leaves where a line ended with a hyphen right
/// after a letter and the next began with a letter: "cri-\x01minels".
inline constexpr char kHyphenBreak = '\x01';

/// Resolves each kHyphenBreak of `text`: the hyphen is kept ("Sud-Est",
/// "peut-être", "2014-2018") when the next part starts with a capital or a
/// digit, when the hyphenated form is written elsewhere in the text, when the
/// first part is a prefix French writes with a hyphen ("sous-", "mi-") and
/// the second a word of the text, or the second part is an enclitic ("-ci",
/// "-là", "-même"); else the word is joined ("cri-minels" → "criminels"),
/// the typesetter's hyphenation being the more common case.
std::string resolve_hyphens(std::string_view text);

}  // namespace fouille::corpus::detail
