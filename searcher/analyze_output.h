// fouille-search --analyze: what the French analysis chain makes of text,
// printed for people and scripts.
#pragma once

#include <istream>
#include <string>

namespace fouille {

/// One line on stdout per input line: the stemmed search terms, stop words
/// left out. Returns the exit code (0).
int analyze_lines(std::istream& in);

/// Every token of `text` on stdout, with its position, the word it came from
/// and its flags; invalid UTF-8 counted on stderr. Returns the exit code (0).
int analyze_text(const std::string& text);

}  // namespace fouille
