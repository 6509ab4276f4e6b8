#include "value_shapes.h"

#include <cstddef>

namespace fouille::corpus::layout {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// Digits from `from` to the end of `s`, or 0 when another byte comes first.
std::size_t digits_to_end(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (!digit(s[i])) return 0;
  }
  return s.size() - from;
}

bool digits_at(std::string_view s, std::size_t at, std::size_t count) {
  if (at + count > s.size()) return false;
  for (std::size_t i = at; i < at + count; ++i) {
    if (!digit(s[i])) return false;
  }
  return true;
}

std::size_t skip_spaces(std::string_view s, std::size_t at) {
  while (at < s.size() && s[at] == ' ') ++at;
  return at;
}

// (19|20)[0-9]{2} at `at`.
bool year_at(std::string_view s, std::size_t at) {
  return at + 4 <= s.size() && ((s[at] == '1' && s[at + 1] == '9') || (s[at] == '2' && s[at + 1] == '0')) &&
         digit(s[at + 2]) && digit(s[at + 3]);
}

// Each alternative starts with a byte other than a space or a digit, so the
// runs of spaces around them are read whole, with no going back.
constexpr std::string_view kRangeMarks[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "\xC3\xA0", "to", "au"};
constexpr std::string_view kCurrencyBefore[] = {"USD", "US$", "$", "\xE2\x82\xAC", "EUR"};
constexpr std::string_view kCurrencyAfter[] = {"USD", "$", "\xE2\x82\xAC", "EUR", "euro", "euros", "dollars"};

// ` *(USD|\$|€|EUR|euros?|dollars)?` from `at` to the end.
bool amount_tail(std::string_view s, std::size_t at) {
  std::string_view rest = s.substr(skip_spaces(s, at));
  if (rest.empty()) return true;
  for (std::string_view c : kCurrencyAfter) {
    if (rest == c) return true;
  }
  return false;
}

// The number ending at `end` (after its groups), then an optional decimal
// part `[.,][0-9]{1,2}`, then the tail.
bool amount_end(std::string_view s, std::size_t end) {
  if (amount_tail(s, end)) return true;
  if (end + 1 < s.size() && (s[end] == '.' || s[end] == ',') && digit(s[end + 1])) {
    if (amount_tail(s, end + 2)) return true;
    if (end + 2 < s.size() && digit(s[end + 2]) && amount_tail(s, end + 3)) return true;
  }
  return false;
}

// `[0-9]{1,3}([ ,.]?[0-9]{3})+` from `at`, then amount_end(). Whether a
// group has a separator is told by its first byte (a separator is no digit),
// so the only choices are the length of the lead and where the groups stop.
bool amount_number(std::string_view s, std::size_t at) {
  for (std::size_t lead = 1; lead <= 3; ++lead) {
    if (!digits_at(s, at, lead)) break;
    std::size_t j = at + lead;
    for (;;) {
      if (j < s.size() && (s[j] == ' ' || s[j] == ',' || s[j] == '.') && digits_at(s, j + 1, 3)) {
        j += 4;
      } else if (digits_at(s, j, 3)) {
        j += 3;
      } else {
        break;
      }
      if (amount_end(s, j)) return true;
    }
  }
  return false;
}

}  // namespace

bool project_id_shape(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && upper(s[i])) ++i;
  if (i < 2 || i > 4 || i == s.size() || s[i] != '.') return false;
  const std::size_t d = digits_to_end(s, i + 1);
  return d >= 3 && d <= 5;
}

bool prima_id_shape(std::string_view s) {
  return s.size() == 9 && upper(s[0]) && upper(s[1]) && digit(s[2]) && digit(s[3]) && upper(s[4]) &&
         digits_to_end(s, 5) == 4;
}

bool year_range_shape(std::string_view s) {
  if (!year_at(s, 0)) return false;
  const std::string_view rest = s.substr(skip_spaces(s, 4));
  for (std::string_view mark : kRangeMarks) {
    if (!rest.starts_with(mark)) continue;
    const std::size_t at = skip_spaces(rest, mark.size());
    return at + 4 == rest.size() && year_at(rest, at);
  }
  return false;
}

bool amount_shape(std::string_view s) {
  if (amount_number(s, skip_spaces(s, 0))) return true;
  for (std::string_view c : kCurrencyBefore) {
    if (s.starts_with(c) && amount_number(s, skip_spaces(s, c.size()))) return true;
  }
  return false;
}

}  // namespace fouille::corpus::layout
