#include "fouille/base/numbers.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "fouille/base/error.h"

namespace fouille::base {
namespace {

std::string shown(std::string_view text) {
  return text.size() > 40 ? std::string(text.substr(0, 40)) + "…" : std::string(text);
}

}  // namespace

std::uint64_t parse_count(std::string_view option, std::string_view text, std::uint64_t min, std::uint64_t max) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
  const auto [ptr, ec] =
      digits ? std::from_chars(text.data(), end, value) : std::from_chars_result{end, std::errc::invalid_argument};
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    throw UsageError(
        Message{"option.expected_count_range", {option, shown(text), std::to_string(min), std::to_string(max)}});
  }
  return value;
}

double parse_positive(std::string_view option, std::string_view text, double max) {
  double value = 0;
  const char* end = text.data() + text.size();
  const bool digits = !text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos;
  const auto [ptr, ec] =
      digits ? std::from_chars(text.data(), end, value) : std::from_chars_result{end, std::errc::invalid_argument};
  if (ec != std::errc() || ptr != end || !std::isfinite(value) || value <= 0 || value > max) {
    char bound[32];
    std::snprintf(bound, sizeof bound, "%g", max);
    throw UsageError(Message{"option.expected_positive", {option, shown(text), bound}});
  }
  return value;
}

}  // namespace fouille::base
