// lay_out_page (pdf_text.h): a page's words into lines in reading order.
//
// The PDF library's own reading order is not used: it splits a table's two
// columns into two blocks and a bullet from its item. Instead rows are found
// by baseline, split into segments at wide gaps, and runs of rows split at one
// gutter are read as two text columns or as a table, by what they hold.
#include <algorithm>
#include <cmath>

#include "pdf_text.h"

namespace fouille::corpus::detail {
namespace {

// A gap wider than this many font sizes splits a row: a word space in
// justified text stays well under one; a table's or a column's gutter is wider.
constexpr double kSegmentGap = 1.6;
// A run of rows split at one gutter is two text columns when at least this
// many rows are split and each side averages this many words a row; else it
// is a table.
constexpr std::size_t kMinColumnRows = 4;
constexpr double kMinColumnWords = 5;

struct Segment {
  PdfLine line;
  std::size_t words = 0;
};

using Row = std::vector<Segment>;

bool bullet_only(std::string_view text) {
  for (std::string_view m : {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE2\x80\xA3",
                             "\xEF\x82\xB7", "\xC2\xB7", "-", "\xE2\x80\x93", "*", "\xE2\x9E\xA2", "\xEF\x82\xA7"}) {
    if (text == m) return true;
  }
  return false;
}

std::string trimmed(const std::string& s) {
  const std::size_t a = s.find_first_not_of(' ');
  if (a == std::string::npos) return {};
  std::string r = s.substr(a, s.find_last_not_of(' ') - a + 1);
  // Runs of spaces inside a word box (spaced-out letters) as one.
  r.erase(std::unique(r.begin(), r.end(), [](char x, char y) { return x == ' ' && y == ' '; }), r.end());
  return r;
}

// Splits one row (words sorted by x) into segments before each word whose
// `split` is set.
Row segments_of(const std::vector<PdfWord>& row, const std::vector<bool>& split) {
  Row segs;
  const PdfWord* prev = nullptr;
  for (std::size_t i = 0; i < row.size(); ++i) {
    const PdfWord& w = row[i];
    const double size = std::max(w.font_size, prev ? prev->font_size : 0.0);
    const double gap = prev ? w.x0 - prev->x1 : 0;
    if (!prev || split[i]) {
      if (!segs.empty() && segs.back().words == 1 && bullet_only(segs.back().line.text)) {
        segs.back().line.text += ' ';  // a bullet and its item: one segment
      } else {
        segs.push_back({});
        segs.back().line.x0 = w.x0;
        segs.back().line.y0 = w.y0;
        segs.back().line.y1 = w.y1;
        segs.back().line.first_word_width = w.x1 - w.x0;
      }
    } else if (w.text == "-" && i + 1 == row.size() && gap < 0.5 * size) {
      // A hyphen set apart at the end of a justified line: it ends the word.
    } else if (prev->space_after || gap > 0.15 * size) {
      segs.back().line.text += ' ';
    }
    Segment& s = segs.back();
    s.line.text += w.text;
    s.line.x1 = std::max(s.line.x1, w.x1);
    s.line.y0 = std::min(s.line.y0, w.y0);
    s.line.y1 = std::max(s.line.y1, w.y1);
    s.line.font_size = std::max(s.line.font_size, w.font_size);
    ++s.words;
    prev = &w;
  }
  return segs;
}

// Where rows split: at a gap wider than kSegmentGap font sizes, or at a gap
// merely wide (kSoftGap, and twice the row's usual word space) when other
// rows have a word starting at the same x after a wide gap: a table column
// whose cells nearly touch ("Pays bénéficiaires  Bénin, Togo").
std::vector<std::vector<bool>> splits_of(const std::vector<std::vector<PdfWord>>& rows) {
  constexpr double kSoftGap = 0.5, kAligned = 1.5;  // font sizes; points
  std::vector<std::vector<bool>> split(rows.size());
  std::vector<double> starts;  // x of words after a gap over 0.4 font sizes
  struct Candidate {
    std::size_t row, word;
  };
  std::vector<Candidate> candidates;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    split[r].assign(row.size(), false);
    std::vector<double> gaps;
    for (std::size_t i = 1; i < row.size(); ++i) gaps.push_back(row[i].x0 - row[i - 1].x1);
    std::vector<double> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    const double usual = sorted.empty() ? 0 : sorted[sorted.size() / 2];
    for (std::size_t i = 1; i < row.size(); ++i) {
      const double size = std::max(row[i].font_size, row[i - 1].font_size);
      const double gap = gaps[i - 1];
      if (gap > 0.4 * size) starts.push_back(row[i].x0);
      if (gap > kSegmentGap * size) {
        split[r][i] = true;
      } else if (gap > kSoftGap * size && (gaps.size() < 3 || gap > 2 * usual)) {
        candidates.push_back({r, i});
      }
    }
  }
  std::sort(starts.begin(), starts.end());
  for (const Candidate& c : candidates) {
    const double x = rows[c.row][c.word].x0;
    const auto from = std::lower_bound(starts.begin(), starts.end(), x - kAligned);
    const auto to = std::upper_bound(starts.begin(), starts.end(), x + kAligned);
    if (to - from >= 3) split[c.row][c.word] = true;  // itself and two more rows
  }
  return split;
}

// Rows by baseline: words sorted by their middle, a word joining the row
// when its middle lies within the band of the row's first word. The band
// does not grow: two columns whose lines are offset would otherwise chain
// every line of the page into one row. Then each row is split into segments.
std::vector<Row> rows_of(std::vector<PdfWord>& words) {
  std::sort(words.begin(), words.end(), [](const PdfWord& a, const PdfWord& b) { return a.y0 + a.y1 < b.y0 + b.y1; });
  std::vector<std::vector<PdfWord>> rows;
  double top = 0, bottom = 0;
  for (PdfWord& w : words) {
    const double middle = (w.y0 + w.y1) / 2;
    if (rows.empty() || middle > bottom || middle < top) {
      rows.emplace_back();
      top = w.y0;
      bottom = w.y1;
    }
    rows.back().push_back(std::move(w));
  }
  for (auto& row : rows) {
    std::stable_sort(row.begin(), row.end(), [](const PdfWord& a, const PdfWord& b) { return a.x0 < b.x0; });
  }
  const std::vector<std::vector<bool>> split = splits_of(rows);
  std::vector<Row> out;
  out.reserve(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(segments_of(rows[r], split[r]));
  return out;
}

// The end of the run of rows from `i` split at one gutter, with its sides'
// word counts; rows of one segment on either side of the gutter belong to it.
struct Run {
  std::size_t end = 0;
  double lo = 0, hi = 0;  // the gutter: left segments end before hi, right ones start after lo
  std::size_t split = 0;
  double left_words = 0, right_words = 0;
};

Run run_at(const std::vector<Row>& rows, std::size_t i) {
  Run run{i, rows[i][0].line.x1, rows[i][1].line.x0};
  std::size_t j = i;
  for (; j < rows.size(); ++j) {
    const Row& r = rows[j];
    if (r.size() == 2 && r[0].line.x1 < run.hi && r[1].line.x0 > run.lo) {
      run.lo = std::max(run.lo, r[0].line.x1);
      run.hi = std::min(run.hi, r[1].line.x0);
      ++run.split;
      run.left_words += static_cast<double>(r[0].words);
      run.right_words += static_cast<double>(r[1].words);
    } else if (!(r.size() == 1 && (r[0].line.x1 < run.hi || r[0].line.x0 > run.lo))) {
      break;
    }
  }
  // At least the row itself: one whose left segment reaches past the right
  // one's start (a word box wider than its text) would otherwise start a run
  // of no row, and the page would be laid out forever.
  run.end = std::max(j, i + 1);
  return run;
}

void set_column(std::vector<PdfLine>& lines, std::size_t from) {
  double right = 0;
  for (std::size_t k = from; k < lines.size(); ++k) right = std::max(right, lines[k].x1);
  for (std::size_t k = from; k < lines.size(); ++k) lines[k].column_x1 = right;
}

// Two text columns: the left one, then the right one.
void emit_columns(const std::vector<Row>& rows, const Run& run, std::size_t i, std::vector<PdfLine>& out) {
  for (int side = 0; side < 2; ++side) {
    const std::size_t from = out.size();
    for (std::size_t k = i; k < run.end; ++k) {
      for (const Segment& s : rows[k]) {
        const bool left = s.line.x1 < run.hi && !(rows[k].size() == 1 && s.line.x0 > run.lo);
        if (left == (side == 0)) out.push_back(s.line);
      }
    }
    set_column(out, from);
  }
}

// Appends `s` to the cell on its side of the row that starts at out[row_start],
// when it sits right under it; false if there is none.
bool continue_cell(const PdfLine& s, const Run& run, std::vector<PdfLine>& out, std::size_t row_start) {
  const bool left = s.x1 < run.hi && s.x0 <= run.lo;
  for (std::size_t c = row_start; c < out.size(); ++c) {
    PdfLine& cell = out[c];
    if ((cell.x1 < run.hi) == left && s.y0 - cell.y1 < s.font_size) {
      cell.text += ' ';
      cell.text += s.text;
      cell.x1 = std::max(cell.x1, s.x1);
      cell.y1 = std::max(cell.y1, s.y1);
      return true;
    }
  }
  return false;
}

// A table: each cell a line; a row of one segment continues the cell above it
// on its side (a wrapped value).
void emit_table(const std::vector<Row>& rows, const Run& run, std::size_t i, std::vector<PdfLine>& out) {
  std::size_t row_start = out.size();
  for (std::size_t k = i; k < run.end; ++k) {
    if (rows[k].size() == 1 && k > i && continue_cell(rows[k][0].line, run, out, row_start)) continue;
    row_start = out.size();
    for (const Segment& s : rows[k]) {
      out.push_back(s.line);
      out.back().cell = true;
      out.back().column_x1 = s.line.x1;
    }
  }
}

}  // namespace

std::vector<PdfLine> lay_out_page(std::vector<PdfWord> words) {
  std::erase_if(words, [](PdfWord& w) {
    w.text = trimmed(normalize_glyphs(w.text));
    if (w.font_size <= 0 || !std::isfinite(w.font_size)) w.font_size = w.y1 - w.y0;
    return w.text.empty() || !std::isfinite(w.x0) || !std::isfinite(w.x1) || !std::isfinite(w.y0) ||
           !std::isfinite(w.y1) || w.x1 < w.x0 || w.y1 < w.y0;
  });
  std::vector<Row> rows = rows_of(words);
  std::vector<PdfLine> out;
  std::vector<std::size_t> plain;  // lines of single-segment rows
  for (std::size_t i = 0; i < rows.size();) {
    if (rows[i].size() == 2) {
      const Run run = run_at(rows, i);
      const bool columns = run.split >= kMinColumnRows && run.left_words >= kMinColumnWords * run.split &&
                           run.right_words >= kMinColumnWords * run.split;
      (columns ? emit_columns : emit_table)(rows, run, i, out);
      i = run.end;
      continue;
    }
    if (rows[i].size() == 1) {
      plain.push_back(out.size());
      out.push_back(rows[i][0].line);
    } else {
      for (const Segment& s : rows[i]) {
        out.push_back(s.line);
        out.back().cell = true;
        out.back().column_x1 = s.line.x1;
      }
    }
    ++i;
  }
  // Lines of one segment: the page's text column ends where its longest line does.
  double right = 0;
  for (std::size_t k : plain) right = std::max(right, out[k].x1);
  for (std::size_t k : plain) out[k].column_x1 = right;
  return out;
}

}  // namespace fouille::corpus::detail
