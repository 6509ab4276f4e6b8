// What a search asks: the query, filters, facets, sort, page and language.
// Read from command-line options and HTTP parameters alike by
// parse_request (request_options.h).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace fouille::searcher {

enum class Operator { kAuto, kAnd, kOr };

struct Request {
  std::string query;
  /// (field name, value) pairs: values of one field are OR-ed, fields AND-ed.
  std::vector<std::pair<std::string, std::string>> filters;
  /// Facets to count, by canonical key; empty: every facet of the schema.
  std::vector<std::string> facets;
  bool no_facets = false;
  std::string sort = "relevance";  ///< relevance|budget|-budget|year|-year
  bool collapse = false;           ///< one hit per project ID
  std::size_t offset = 0;
  std::size_t limit = 10;
  Operator op = Operator::kAuto;
  /// Language of the facet labels and notes: "fr" (default) or "en".
  std::string lang = "fr";
  /// Search the words as typed: no correction of unknown words (a
  /// suggestion is still given).
  bool exact = false;
  /// More like this: documents most similar to the one with this ID (any
  /// of its IDs), ranked by the terms that set it apart; a non-empty query
  /// restricts them. QueryError when no document has the ID.
  std::string like;
  /// Seconds after which each pass stops counting every match (0: never);
  /// past it, totals and facet counts are estimates (Result::exact false).
  double time_limit = 0;
};

}  // namespace fouille::searcher
