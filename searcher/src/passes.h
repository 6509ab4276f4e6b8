// Private: the two passes of a search. The count pass finds every match as a
// set of documents, for the exact total and the facets, and relaxes a query
// whose every word finds too few; the ranked pass then weighs only the page
// of hits, restricted to what the count pass found.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "fouille/searcher/searcher.h"
#include "fouille/stemming/analyzer.h"

#include "doc_set.h"
#include "facets.h"
#include "match_set.h"
#include "query/plan.h"
#include "query_compiler.h"

namespace fouille::searcher {

// --filter values: one OR group per field key (the groups are AND-ed).
using FilterGroups = std::map<std::string, std::vector<Plan>>;

/// The request's filters, read as field queries, or as the values a facet
/// of `table` shows by the label given. Throws UsageError naming the filter
/// when a field or value cannot be read.
FilterGroups filter_groups(const Request& request, stemming::Analyzer& analyzer, const Xapian::Database& db,
                           const FacetTable& table);

/// `base` restricted by every filter group but the one of field `except`.
Plan filtered(const Plan& base, const FilterGroups& groups, const std::string& except = "");

// What the count pass leaves the ranked pass: the documents to rank and, when
// the query was relaxed, the query and documents holding every word, ranked
// first.
struct Counted {
  /// False when the database is served remotely: the matches were counted
  /// by Xapian on each shard, not gathered as sets, and the sets below are
  /// empty.
  bool sets = true;
  DocSet matched;
  Xapian::doccount matched_count = 0;
  std::optional<Plan> every_word;
  DocSet every_word_matched;
  Xapian::doccount all_words = 0;
  /// Relaxed: each meaningful clause (CompiledQuery::coverage), its
  /// documents (when sets), and its weight in the coverage of a partial match.
  std::vector<Plan> coverage_clauses;
  std::vector<std::shared_ptr<const DocSet>> coverage_sets;
  std::vector<double> coverage_weights;
};

/// The facet fields `request` asks for (the default ones unless it names
/// some, none with no_facets). Throws UsageError naming a key that is no
/// facet.
std::vector<const corpus::Field*> facet_fields(const Request& request);

/// A relaxed search ranks a partial match first by how much of the query it
/// holds: each clause it matches weighs this, for a clause `holding` of the
/// `documents`.
double coverage_weight(std::size_t holding, std::size_t documents);

/// Whether every word together finds too few (`all_words`), so that the
/// query is relaxed to any word.
bool too_few(const Request& request, const CompiledQuery& compiled, Xapian::doccount all_words);

/// Every match counted: fills result's total, exactness, synonyms and facets,
/// and relaxes `compiled` to any word when every word together finds too few.
Counted count_pass(const Request& request, CompiledQuery& compiled, const FilterGroups& groups, const FacetTable& table,
                   MatchSets& sets, Result& result);

/// count_pass for a database served remotely (remote_count_pass.cpp): the
/// same totals, relaxing and facet counts, each count a pass of Xapian's
/// matcher on every shard with a value-count spy per facet; `table` is
/// values-only.
Counted remote_count_pass(const Request& request, CompiledQuery& compiled, const FilterGroups& groups,
                          const FacetTable& table, const Xapian::Database& db, Result& result);

/// The page of hits the request asks for, appended to result.hits. `sets` is
/// null for a database served remotely.
void ranked_pass(const Request& request, const CompiledQuery& compiled, const FilterGroups& groups,
                 const MatchSets* sets, const Counted& counted, const Xapian::Database& db,
                 stemming::Analyzer& analyzer, Result& result);

}  // namespace fouille::searcher
