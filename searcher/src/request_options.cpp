#include "fouille/searcher/request_options.h"

#include <charconv>
#include <cstdint>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"

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

std::string join_words(const std::vector<std::string>& words) {
  std::string query;
  for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
  return query;
}

Request parse_request(const RequestText& text) {
  Request request;
  request.query = join_words(text.words);
  for (const auto& f : text.filters) request.filters.push_back(parse_filter(f, "--filter"));
  request.facets = split_list(text.facets);
  request.no_facets = text.no_facets;
  request.lang = text.lang;
  request.sort = parse_sort(text.sort, "--sort");
  request.collapse = text.collapse;
  request.exact = text.exact;
  request.like = text.like;
  request.limit = base::parse_count("--limit", text.limit, 0, SIZE_MAX);
  request.offset = base::parse_count("--offset", text.offset, 0, SIZE_MAX);
  request.op = parse_operator(text.op, "--operator");
  return request;
}

}  // namespace fouille::searcher
