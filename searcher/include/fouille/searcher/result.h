// What a search answers: the total, the page of hits with snippets, the
// facets, and how the query was read (corrections, synonyms, notes).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "fouille/base/message.h"
#include "fouille/store/stored_document.h"

namespace fouille::searcher {

/// A piece of a snippet; `match` pieces are the query's words (any inflection).
struct Segment {
  std::string text;
  bool match = false;
};

struct Hit {
  std::size_t rank = 0;  ///< 1-based, across pages
  std::string id;
  double score = 0;  ///< BM25 weight (0 when sorting by a field without query)
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
  bool exact = true;                      ///< total and facet counts are exact
  bool relaxed = false;                   ///< too few documents hold every word: any word may, after them
  std::size_t all_words = 0;              ///< when relaxed: the documents holding every word (ranked first)
  std::optional<std::string> suggestion;  ///< "Vouliez-vous dire" (with Request::exact)
  /// The corrected query searched instead of `query`, whose unknown words
  /// had a near spelling ("Résultats pour …"); unset with Request::exact.
  std::optional<std::string> corrected;
  /// How a malformed query was read, as messages: to_json and the text
  /// output render them in `lang`.
  std::vector<Message> notes;
  Lang lang = Lang::kFr;                   ///< the Request's language
  std::vector<SynonymExpansion> synonyms;  ///< synonyms the query was expanded with
  std::vector<Hit> hits;
  std::map<std::string, std::vector<FacetValue>> facets;
  double elapsed_ms = 0;
  /// Where elapsed_ms went (for fouille-bench; not in the JSON): the query
  /// read and the count pass (every match, the facets), the ranked pass's
  /// matching (Xapian weighing the matches for the page) and the page's hits
  /// (stored documents read, snippets made).
  struct Passes {
    double count_ms = 0;
    double rank_ms = 0;
    double hits_ms = 0;
  } passes;
};

}  // namespace fouille::searcher
