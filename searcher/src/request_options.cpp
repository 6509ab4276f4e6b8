#include "fouille/searcher/request_options.h"

#include <charconv>
#include <cstdint>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"

namespace fouille::searcher {
namespace {

// "OPTION VALUE: expected …" as the catalogue's `id` says it.
UsageError bad(const char* id, std::string_view option, std::string_view text) {
  return UsageError(Message{id, {option, text}});
}

}  // namespace

std::pair<std::string, std::string> parse_filter(std::string_view text, std::string_view option) {
  std::size_t at = text.find_first_of("=:");
  if (at == std::string_view::npos || at == 0) throw bad("option.expected_field_value", option, text);
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
  throw bad("option.expected_operator", option, text);
}

std::string parse_sort(std::string_view text, std::string_view option) {
  for (const char* key : {"relevance", "budget", "-budget", "year", "-year"}) {
    if (text == key) return key;
  }
  throw bad("option.expected_sort", option, text);
}

std::size_t parse_count(std::string_view text, std::string_view option, std::size_t max) {
  std::size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    throw bad("option.expected_count", option, text);
  }
  if (n > max) throw UsageError(Message{"option.too_large", {option, text, std::to_string(max)}});
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
