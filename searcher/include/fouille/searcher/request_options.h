// A search Request's settings read from text, the same for the command line
// (fouille-search --filter region=Asia --operator or) and the HTTP API
// (/api/search?filter=region:Asia&operator=or).
//
//   request.filters.push_back(fouille::searcher::parse_filter("pays=Comores", "--filter"));
//   request.facets = fouille::searcher::split_list("countries,year");
//   request.op = fouille::searcher::parse_operator("or", "--operator");
//
//   fouille::searcher::RequestText text;   // the command line's settings as typed
//   text.words = {"traite", "-europe"};
//   text.sort = "-budget";
//   fouille::searcher::Request request = fouille::searcher::parse_request(text);
//
// Each throws UsageError naming `option` and the offending text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fouille/searcher/searcher.h"

namespace fouille::searcher {

/// "FIELD=VALUE" or "FIELD:VALUE" (split at the first '=' or ':') into
/// (field, value). The field is checked when searching.
std::pair<std::string, std::string> parse_filter(std::string_view text, std::string_view option);

/// Comma-separated items, empty ones left out ("countries,,year" -> 2 items).
std::vector<std::string> split_list(std::string_view text);

/// "auto", "and" or "or".
Operator parse_operator(std::string_view text, std::string_view option);

/// "relevance", "budget", "-budget", "year" or "-year", checked here so a
/// bad key is refused before any search.
std::string parse_sort(std::string_view text, std::string_view option);

/// A non-negative decimal count no larger than `max` ("10").
std::size_t parse_count(std::string_view text, std::string_view option, std::size_t max);

/// A search request's settings as the command line gives them, unchecked.
struct RequestText {
  std::vector<std::string> words;    ///< the query, word by word
  std::vector<std::string> filters;  ///< FIELD=VALUE each (--filter)
  std::string facets;                ///< comma-separated (--facets)
  bool no_facets = false;
  std::string lang = "fr";
  std::string sort = "relevance";
  bool collapse = false;
  bool exact = false;
  std::string like;
  std::string limit = "10";
  std::string offset = "0";
  std::string op = "auto";  ///< --operator
};

/// The query words joined by single spaces.
std::string join_words(const std::vector<std::string>& words);

/// The Request `text` describes. Throws UsageError naming the option
/// (--filter, --sort, --operator, --limit, --offset) and the offending value;
/// a negative --limit or --offset is refused, never wrapped.
Request parse_request(const RequestText& text);

}  // namespace fouille::searcher
