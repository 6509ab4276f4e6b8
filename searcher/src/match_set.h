// Private: the documents a query matches, unweighted, for exact totals and
// facet counts.
//
// Xapian's matcher spends about 0.2 µs on each matching document of a count
// pass (a Document handle and a match-spy call per document, a heap of
// postlists), while reading a posting list into a bit set costs about
// 0.02 µs a posting (100,000 generated documents: 16 ms against 1.3 ms for a
// word in 77,000 of them). So the count pass evaluates the query itself:
// terms as posting lists, AND / OR / AND NOT as set operations, number ranges
// from the facet table's sorted numbers. What needs positions
// (phrases, NEAR) is left to Xapian, each such part on its own, through
// guard_full_terms.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "doc_set.h"
#include "facets.h"
#include "query/plan.h"
#include "set_cache.h"

namespace fouille::searcher {

class MatchSets {
 public:
  /// `table` is the facet table of `db`'s revision (every document, sorted
  /// numbers); both must outlive this object. `time_limit` (seconds, 0 for
  /// none) bounds each part left to Xapian. `cache`, if any, is the
  /// revision's: frequent terms' and phrases' sets are read from it, or
  /// added to it.
  MatchSets(const Xapian::Database& db, const FacetTable& table, double time_limit, SetCache* cache = nullptr);

  /// The documents `plan` matches, as Xapian would match it.
  DocSet evaluate(const Plan& plan);

  /// False once a part left to Xapian stopped at the time limit: the sets
  /// since then may miss documents.
  bool exact() const { return exact_; }
  /// `plan` as the ranked pass should weigh it, once evaluate() saw it:
  /// each phrase or NEAR whose documents the count pass found becomes the
  /// AND of its parts filtered by those documents. Xapian weighs a phrase as
  /// the AND of its terms, so weights and matches are the same, but
  /// positions are not read a second time. Unchanged on a database of
  /// several shards.
  Plan ranked_form(const Plan& plan) const;

 private:
  bool cacheable(const std::string& term) const;
  DocSet postings(const std::string& term) const;
  void intersect_term(DocSet& set, const std::string& term) const;
  DocSet conjunction(const Plan& plan);
  DocSet by_xapian(const Plan& plan);
  DocSet in_range(const Plan& plan);

  const Xapian::Database& db_;
  const FacetTable& table_;
  Xapian::docid last_;
  double time_limit_;
  SetCache* cache_;
  bool exact_ = true;
  // The documents of each positional part evaluated, by its key.
  std::vector<std::pair<std::string, std::shared_ptr<const DocSet>>> positional_;
};

}  // namespace fouille::searcher
