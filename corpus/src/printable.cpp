#include "fouille/corpus/printable.h"

#include <unicode/utf8.h>

namespace fouille::corpus {

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < len;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c == '\t' || c == '\n' || c == '\r') {
      out += ' ';
    } else if (c < 0 || c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
      out += '?';
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

}  // namespace fouille::corpus
