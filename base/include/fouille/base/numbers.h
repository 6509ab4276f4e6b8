// Guarded number parsing for command-line values: no exception from the
// standard library, no wrap-around of "-1" into 2^64-1, and a message that
// names the option.
//
//   std::uint64_t limit = fouille::base::parse_count("--limit", text, 0, kMax);
#pragma once

#include <cstdint>
#include <string_view>

namespace fouille::base {

/// The whole number `text` (decimal digits only) if it lies in [min, max].
/// Throws UsageError naming `option`, the value and the range otherwise
/// (negative, not a number, out of range).
std::uint64_t parse_count(std::string_view option, std::string_view text, std::uint64_t min, std::uint64_t max);

/// The decimal number `text` (digits with an optional '.' fraction) if it lies
/// in (0, max]. Throws UsageError naming `option` otherwise.
double parse_positive(std::string_view option, std::string_view text, double max);

}  // namespace fouille::base
