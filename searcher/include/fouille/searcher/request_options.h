// A search Request's settings read from text by one parser, the same for the
// command line (fouille-search --filter region=Asia --operator or) and the
// HTTP API (/api/search?filter=region:Asia&operator=or): only how a message
// names a setting differs (« --sort » or « sort »).
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

#include <cstdint>
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

/// Refuses `value` of setting `name` when longer than `max` bytes.
void check_bytes(const std::string& name, const std::string& value, std::size_t max);

/// Settings by name, as given: q, filter (repeatable), facets, no_facets,
/// sort, limit, offset, collapse, operator, lang, exact, and on the command
/// line like. A flag is "1"/"true" or "0"/"false"/"".
using RequestParams = std::vector<std::pair<std::string, std::string>>;

/// What a request may ask at most, and the time each pass may take.
struct RequestLimits {
  std::size_t max_limit = SIZE_MAX;
  std::size_t max_offset = SIZE_MAX;
  std::size_t max_query_bytes = SIZE_MAX;  ///< of q and of each filter
  std::size_t max_filters = SIZE_MAX;
  double time_limit = 0;  ///< seconds, 0 for none (Request::time_limit)
};

/// How messages name a setting: "--no-facets" (command line) or "no_facets" (API).
enum class ParamStyle { kOption, kQuery };

/// The Request `params` describe. Throws UsageError naming the setting and
/// the offending value: an unknown or repeated setting (but filter), a bad
/// value, one over its limit.
Request parse_request(const RequestParams& params, const RequestLimits& limits, ParamStyle style);

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

/// The Request `text` describes, read by the parser above. Throws UsageError
/// naming the option (--filter, --sort, --operator, --limit, --offset) and
/// the offending value; a negative --limit or --offset is refused, never
/// wrapped.
Request parse_request(const RequestText& text);

}  // namespace fouille::searcher
