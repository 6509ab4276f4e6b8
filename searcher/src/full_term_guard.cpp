#include "full_term_guard.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace fouille::searcher {
namespace {

Xapian::Query rebuild(const Xapian::Query& query, const Xapian::Database& db, Xapian::doccount size, bool weighted);

// The subqueries of `query`, rewritten; the first keeps the context of its
// parent and the others are boolean when `rest_boolean` (FILTER, AND_NOT).
std::vector<Xapian::Query> children(const Xapian::Query& query, const Xapian::Database& db, Xapian::doccount size,
                                    bool weighted, bool rest_boolean) {
  std::vector<Xapian::Query> out;
  const std::size_t n = query.get_num_subqueries();
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const bool child_weighted = weighted && !(rest_boolean && i > 0);
    out.push_back(rebuild(query.get_subquery(i), db, size, child_weighted));
  }
  return out;
}

Xapian::Query rebuild(const Xapian::Query& query, const Xapian::Database& db, Xapian::doccount size, bool weighted) {
  const auto op = query.get_type();
  switch (op) {
    case Xapian::Query::LEAF_TERM: {
      if (weighted) return query;
      const std::string term = *query.get_terms_begin();
      return db.get_termfreq(term) == size ? Xapian::Query::MatchAll : query;
    }
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      auto parts = children(query, db, size, weighted, false);
      return Xapian::Query(op, parts.begin(), parts.end());
    }
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT: {
      auto parts = children(query, db, size, weighted, true);
      return Xapian::Query(op, parts.begin(), parts.end());
    }
    default:
      // Phrases and NEAR need positions (no shortcut); value ranges hold no
      // term; MatchAll and MatchNothing are what they are.
      return query;
  }
}

}  // namespace

Xapian::Query guard_full_terms(const Xapian::Query& query, const Xapian::Database& db, bool weighted) {
  const Xapian::doccount size = db.get_doccount();
  if (size == 0 || query.empty()) return query;
  return rebuild(query, db, size, weighted);
}

Xapian::Query expand_wildcard(const Xapian::Database& db, const std::string& prefix, Xapian::termcount limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) terms.emplace_back(t.get_termfreq(), *t);
  if (terms.size() > limit) {
    std::partial_sort(terms.begin(), terms.begin() + limit, terms.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    terms.resize(limit);
  }
  std::vector<Xapian::Query> parts;
  parts.reserve(terms.size());
  for (auto& [freq, term] : terms) parts.emplace_back(std::move(term));
  // No term: the prefix itself, which no term of the database is, keeps the
  // clause (an empty query would be dropped from its AND) and matches nothing.
  if (parts.empty()) return Xapian::Query(prefix);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
}

}  // namespace fouille::searcher
