// Private: a saved web page's bytes to UTF-8. The charset is told as a
// browser would, with one exception for pages saved again as UTF-8:
//
//   HtmlText t = html_to_utf8(bytes);  // t.text is valid UTF-8, t.charset its source
//
// Order: a byte order mark; else well-formed UTF-8 holding multi-byte
// sequences (a page saved by a browser is re-encoded to UTF-8 but keeps its
// old <meta charset>); else the charset the page declares (<meta charset>,
// http-equiv content-type); else what the text reader's detector says
// (line_reader.h). NUL bytes are dropped first: one stray NUL in a page is a
// fault of the page, not a sign of a binary file.
#pragma once

#include <string>
#include <string_view>

namespace fouille::corpus::detail {

struct HtmlText {
  std::string text;     ///< valid UTF-8 (ill-formed input replaced by U+FFFD)
  std::string charset;  ///< what the bytes were read as: "UTF-8", "windows-1252"…
};

/// The charset a page declares in its first bytes (<meta charset="…">, or
/// <meta http-equiv="Content-Type" content="…; charset=…">), lower case; empty
/// when none.
std::string declared_charset(std::string_view head);

/// Decodes a page to UTF-8 as above. Throws CorpusError (without the file
/// name) for a page with no text at all or control bytes in bulk (binary).
HtmlText html_to_utf8(std::string_view bytes);

}  // namespace fouille::corpus::detail
