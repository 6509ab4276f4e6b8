#include "fouille/base/lines.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fouille::base {
namespace {

std::vector<std::string> all_lines(std::string_view text) {
  std::vector<std::string> out;
  LineReader lines(text);
  for (std::string_view line; lines.next(line);)
    out.push_back(std::to_string(lines.number()) + ":" + std::string(line));
  return out;
}

TEST(LineReader, SplitsAndNumbersLines) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"", {}},
      {"\n", {"1:"}},
      {"un", {"1:un"}},
      {"un\ndeux\n", {"1:un", "2:deux"}},
      {"un\r\ndeux\r\n", {"1:un", "2:deux"}},  // CRLF reads like LF
      {"un\n\ntrois", {"1:un", "2:", "3:trois"}},
      {"a\rb\n", {"1:a\rb"}},  // a lone CR inside a line is kept
      {"l’été\u00a0\n", {"1:l’été\u00a0"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(all_lines(c.text), c.expected);
  }
}

TEST(ForEachDataLine, SkipsBlankAndCommentLinesKeepingNumbers) {
  const std::string table = "# a comment\nrow one\n\n  \t\nrow\ttwo \r\n#\nlast";
  std::vector<std::string> seen;
  for_each_data_line(table, [&](std::string_view line, std::size_t number) {
    seen.push_back(std::to_string(number) + ":" + std::string(line));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"2:row one", "5:row\ttwo ", "7:last"}));

  std::vector<std::string> plain;
  for_each_data_line(table, [&](std::string_view line) { plain.emplace_back(line); });
  EXPECT_EQ(plain.size(), 3u);
}

}  // namespace
}  // namespace fouille::base
