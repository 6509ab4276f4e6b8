// Lines of a text held in memory: the data tables embedded in the binaries
// and the documents the readers split.
//
//   fouille::base::LineReader lines(text);
//   for (std::string_view line; lines.next(line);) use(lines.number(), line);
//
//   fouille::base::for_each_data_line(table, [&](std::string_view row, std::size_t number) { ... });
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

namespace fouille::base {

/// Splits a text at '\n'; a '\r' ending a line is dropped, so CRLF text reads
/// like LF text. Text ending in '\n' has no empty last line; empty text has no
/// line. The lines view the text, which must outlive them. Never throws.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : rest_(text) {}

  /// Sets `line` to the next line and returns true, or returns false at the end.
  bool next(std::string_view& line) {
    if (rest_.empty()) return false;
    const std::size_t eol = rest_.find('\n');
    line = rest_.substr(0, eol);
    rest_.remove_prefix(eol == std::string_view::npos ? rest_.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number_;
    return true;
  }

  /// The 1-based number of the line `next` gave last (0 before the first).
  std::size_t number() const { return number_; }

 private:
  std::string_view rest_;
  std::size_t number_ = 0;
};

/// True when `line` holds only ASCII spaces and tabs (or nothing).
inline bool is_blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

/// Calls `fn(line)` or `fn(line, number)` for each line of a data table that
/// is neither blank nor a comment ('#' first). Rows keep their inner and
/// trailing spaces: a table's own parser decides what they mean.
template <typename Fn>
void for_each_data_line(std::string_view table, Fn&& fn) {
  LineReader lines(table);
  for (std::string_view line; lines.next(line);) {
    if (is_blank(line) || line.front() == '#') continue;
    if constexpr (std::is_invocable_v<Fn&, std::string_view, std::size_t>) {
      fn(line, lines.number());
    } else {
      fn(line);
    }
  }
}

}  // namespace fouille::base
