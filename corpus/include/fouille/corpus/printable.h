// Text from documents and file names made safe to print on a terminal.
//
//   std::printf("%s\n", fouille::corpus::printable(doc.title).c_str());
//
// A title holding "\e]0;…\a" would retitle the user's terminal and "\e[2J"
// clear it: control characters (C0, DEL, C1) never reach the output.
#pragma once

#include <string>
#include <string_view>

namespace fouille::corpus {

/// `text` for one line of terminal output: tabs and line ends become spaces;
/// other control characters (ESC, BEL, DEL, U+0080–U+009F) and bytes that are
/// not UTF-8 become '?'. Everything else is kept as is. Never throws but
/// std::bad_alloc.
std::string printable(std::string_view text);

}  // namespace fouille::corpus
