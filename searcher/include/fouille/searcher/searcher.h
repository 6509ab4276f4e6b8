// Ranked, faceted French search over a fouille database.
//
//   fouille::searcher::Searcher searcher("projets.db");
//   fouille::searcher::Request request;
//   request.query = "traite des êtres humains pays:Tadjikistan";
//   request.filters = {{"region", "Asia"}};
//   fouille::searcher::Result result = searcher.search(request);
//
// Query language: words (every word must match while that finds enough
// documents, else any word may after those, and Result::relaxed says so), "exact phrases", +required,
// -excluded, ET/AND, OU/OR, SAUF/NOT, PRES/NEAR, parentheses, prefix
// wildcards (trafi*), field:value with French or English field names, and
// ranges (budget:100k..200k, année:2022..2024). An empty query browses.
// A Searcher is not thread-safe: use one per thread, all made from one
// shared Index (fouille/searcher/index.h) to share what can be.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fouille/base/message.h"
#include "fouille/store/stored_document.h"

namespace fouille::searcher {

class Index;

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

/// A piece of a snippet; `match` pieces are the query's words (any inflection).
struct Segment {
  std::string text;
  bool match = false;
};

struct Hit {
  std::size_t rank = 0;  ///< 1-based, across pages
  std::string id;
  double score = 0;      ///< BM25 weight (0 when sorting by a field without query)
  std::string title;
  std::vector<Segment> snippet;
  /// The document as stored, typed; its body left out (the snippet shows it).
  store::StoredDocument document;
  std::size_t collapsed = 0;  ///< other documents of the same project hidden
  /// The document's facet values as the facets label them, in the Request's
  /// language: « Achevé » or « Completed », « Tadjikistan » or « Tajikistan ».
  struct Labels {
    std::string status, project_type, region, coverage;
    std::vector<std::string> countries;
  } labels;
};

struct FacetValue {
  std::string value;  ///< canonical value (ISO code for countries)
  std::string label;  ///< label to show, in the Request's language
  std::size_t count = 0;
};

/// Words of the query a synonym group expanded, and the spellings added.
struct SynonymExpansion {
  std::string words;
  std::vector<std::string> alternatives;
};

struct Result {
  std::string query;
  std::size_t offset = 0;
  std::size_t limit = 0;
  std::size_t total = 0;
  bool exact = true;          ///< total and facet counts are exact
  bool relaxed = false;       ///< too few documents hold every word: any word may, after them
  std::size_t all_words = 0;  ///< when relaxed: the documents holding every word (ranked first)
  std::optional<std::string> suggestion;  ///< "Vouliez-vous dire" (with Request::exact)
  /// The corrected query searched instead of `query`, whose unknown words
  /// had a near spelling ("Résultats pour …"); unset with Request::exact.
  std::optional<std::string> corrected;
  /// How a malformed query was read, as messages: to_json and the text
  /// output render them in `lang`.
  std::vector<Message> notes;
  Lang lang = Lang::kFr;                  ///< the Request's language
  std::vector<SynonymExpansion> synonyms; ///< synonyms the query was expanded with
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;
  double elapsed_ms = 0;
};

class Searcher {
 public:
  /// Opens the database read-only; throws IndexError naming it on failure.
  explicit Searcher(const std::string& db_path);
  /// Searches the database of `index`, sharing its per-revision tables with
  /// the other Searchers made from it. Throws IndexError like the above.
  explicit Searcher(std::shared_ptr<Index> index);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Throws QueryError (with the position) for a query that cannot be read
  /// and UsageError for an unknown filter field or sort key.
  Result search(const Request& request);

  /// Documents in the database.
  std::size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The facets counted by default, in display order.
const std::vector<std::string>& default_facets();

/// Version of the JSON schema below, shared by `fouille-search --json` and
/// the HTTP API; raised when a field changes meaning or goes away.
inline constexpr int kApiVersion = 1;

/// The Result as the JSON object `fouille-search --json` prints; its notes
/// in the Result's language.
nlohmann::json to_json(const Result& result);

}  // namespace fouille::searcher
