// Private: what a Searcher holds, shared by the files that implement it
// (searcher.cpp runs a search, understand.cpp reads the query).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <xapian.h>

#include "fouille/searcher/index.h"
#include "fouille/searcher/searcher.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/expressions.h"
#include "fouille/stemming/synonyms.h"

#include "facets.h"
#include "index_internal.h"
#include "query/plan.h"
#include "query_compiler.h"
#include "set_cache.h"

namespace fouille::searcher {

struct Searcher::Impl {
  explicit Impl(std::shared_ptr<Index> shared);

  std::shared_ptr<Index> index;  // shares the facet table with the other threads' searchers
  FollowedDatabase followed;
  const std::string& path = index->path();
  Xapian::Database& db = followed.db();
  // Spelling suggestions: a remote shard gives none, so a shard map may name
  // a local spelling-only database.
  std::optional<Xapian::Database> spelling;
  stemming::Analyzer analyzer;
  stemming::Synonyms synonyms{stemming::shipped_synonyms(), analyzer};
  stemming::Expressions expressions{synonyms};
  std::shared_ptr<const FacetTable> facet_table;  // kept while a search uses it
  std::shared_ptr<SetCache> set_cache;            // the same revision's

  Result search(const Request& request);
  CompiledQuery understand(const Request& request, Result& result);
  const FacetTable& facets();
  std::optional<std::string> suggest(const std::string& query, const CompiledQuery& compiled);
  Plan more_like(const std::string& id, CompiledQuery& compiled);
  void note_empty_filters(const Request& request, const FacetTable& table, Result& result);
};

}  // namespace fouille::searcher
