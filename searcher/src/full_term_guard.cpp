#include "full_term_guard.h"

#include <algorithm>
#include <functional>
#include <utility>
#include <vector>

namespace fouille::searcher {
namespace {

using Frequency = std::function<Xapian::doccount(const std::string&)>;

Plan rebuild(const Plan& plan, const Frequency& frequency, Xapian::doccount size, bool weighted) {
  switch (plan.op()) {
    case Plan::Op::kTerm:
      if (weighted) return plan;
      return frequency(plan.term()) == size ? Plan::all() : plan;
    case Plan::Op::kAnd:
    case Plan::Op::kOr:
    case Plan::Op::kAndMaybe:
    case Plan::Op::kSynonym:
    case Plan::Op::kFilter:
    case Plan::Op::kAndNot: {
      // FILTER and AND NOT read their parts after the first without wdf.
      const bool rest_boolean = plan.op() == Plan::Op::kFilter || plan.op() == Plan::Op::kAndNot;
      std::vector<Plan> parts;
      parts.reserve(plan.parts().size());
      for (std::size_t i = 0; i < plan.parts().size(); ++i) {
        parts.push_back(rebuild(plan.parts()[i], frequency, size, weighted && !(rest_boolean && i > 0)));
      }
      return Plan::join(plan.op(), std::move(parts));
    }
    default:
      // Phrases and NEAR need positions (no shortcut); ranges and sets hold
      // no term; all and nothing are what they are; a scaled part is left
      // as it is.
      return plan;
  }
}

// The terms rebuild() asks the frequency of.
void collect_terms(const Plan& plan, bool weighted, std::vector<Xapian::Query>& terms) {
  if (plan.op() == Plan::Op::kTerm && !weighted) terms.emplace_back(plan.term());
  if (plan.op() < Plan::Op::kAnd || plan.op() == Plan::Op::kScale) return;
  const bool rest_boolean = plan.op() == Plan::Op::kFilter || plan.op() == Plan::Op::kAndNot;
  for (std::size_t i = 0; i < plan.parts().size(); ++i)
    collect_terms(plan.parts()[i], weighted && !(rest_boolean && i > 0), terms);
}

}  // namespace

Plan guard_full_terms(const Plan& plan, const Xapian::Database& db, bool weighted) {
  const Xapian::doccount size = db.get_doccount();
  if (size == 0 || plan.empty()) return plan;
  return rebuild(
      plan, [&](const std::string& term) { return db.get_termfreq(term); }, size, weighted);
}

Plan guard_full_terms_remote(const Plan& plan, const Xapian::Database& db, bool weighted) {
  const Xapian::doccount size = db.get_doccount();
  if (size == 0 || plan.empty()) return plan;
  std::vector<Xapian::Query> terms;
  collect_terms(plan, weighted, terms);
  if (terms.empty()) return plan;
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  const Xapian::MSet stats = enquire.get_mset(0, 0);
  return rebuild(
      plan, [&](const std::string& term) { return stats.get_termfreq(term); }, size, weighted);
}

Plan expand_wildcard(const Xapian::Database& db, const std::string& prefix, Xapian::termcount limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) terms.emplace_back(t.get_termfreq(), *t);
  if (terms.size() > limit) {
    std::partial_sort(terms.begin(), terms.begin() + limit, terms.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    terms.resize(limit);
  }
  std::vector<Plan> parts;
  parts.reserve(terms.size());
  for (auto& [freq, term] : terms) parts.push_back(Plan::term(std::move(term)));
  // No term: the prefix itself, which no term of the database is, keeps the
  // clause (an empty query would be dropped from its AND) and matches nothing.
  if (parts.empty()) return Plan::term(prefix);
  return Plan::join(Plan::Op::kSynonym, std::move(parts));
}

}  // namespace fouille::searcher
