#include "fouille/searcher/request_options.h"

#include <charconv>

#include "fouille/stemming/error.h"

namespace fouille::searcher {
namespace {

std::string named(std::string_view option, std::string_view text) {
  return std::string(option) + " " + std::string(text) + ": ";
}

}  // namespace

std::pair<std::string, std::string> parse_filter(std::string_view text, std::string_view option) {
  std::size_t at = text.find_first_of("=:");
  if (at == std::string_view::npos || at == 0) throw UsageError(named(option, text) + "expected FIELD=VALUE");
  return {std::string(text.substr(0, at)), std::string(text.substr(at + 1))};
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Operator parse_operator(std::string_view text, std::string_view option) {
  if (text == "auto") return Operator::kAuto;
  if (text == "and") return Operator::kAnd;
  if (text == "or") return Operator::kOr;
  throw UsageError(named(option, text) + "expected and or or");
}

std::string parse_sort(std::string_view text, std::string_view option) {
  for (const char* key : {"relevance", "budget", "-budget", "year", "-year"}) {
    if (text == key) return key;
  }
  throw UsageError(named(option, text) + "expected relevance, budget, -budget, year or -year");
}

std::size_t parse_count(std::string_view text, std::string_view option, std::size_t max) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    throw UsageError(named(option, text) + "expected a whole number");
  }
  if (n > max) throw UsageError(named(option, text) + "at most " + std::to_string(max));
  return n;
}

}  // namespace fouille::searcher
