#include "table.h"

#include "fouille/base/lines.h"

namespace fouille::corpus::detail {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

std::string_view trim(std::string_view s) {
  auto is_space_at_front = [&](std::string_view v) -> std::size_t {
    if (v.empty()) return 0;
    unsigned char c = static_cast<unsigned char>(v.front());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') return 1;
    if (v.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(v[1]) == 0xA0) return 2;  // NBSP
    if (v.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(v[1]) == 0x80 &&
        (static_cast<unsigned char>(v[2]) == 0xAF || static_cast<unsigned char>(v[2]) == 0x89)) {
      return 3;  // narrow NBSP, thin space
    }
    return 0;
  };
  while (std::size_t n = is_space_at_front(s)) s.remove_prefix(n);
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && c == 0xA0 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2) {
      s.remove_suffix(2);
    } else if (s.size() >= 3 && (c == 0xAF || c == 0x89) && static_cast<unsigned char>(s[s.size() - 2]) == 0x80 &&
               static_cast<unsigned char>(s[s.size() - 3]) == 0xE2) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

void for_each_row(std::string_view tsv, const std::function<void(int, const std::vector<std::string_view>&)>& fn) {
  base::LineReader lines(tsv);
  for (std::string_view line; lines.next(line);) {
    // Blank here also means NBSP-only: trim() is the tables' idea of space.
    if (trim(line).empty() || line.front() == '#') continue;
    fn(static_cast<int>(lines.number()), split(line, '\t'));
  }
}

}  // namespace fouille::corpus::detail
