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

#include <memory>
#include <string>
#include <vector>

#include "fouille/searcher/request.h"
#include "fouille/searcher/result.h"

namespace fouille::searcher {

class Index;

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

}  // namespace fouille::searcher
