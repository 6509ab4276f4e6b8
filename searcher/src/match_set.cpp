#include "match_set.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "doc_set_source.h"
#include "full_term_guard.h"
#include "range_source.h"

namespace fouille::searcher {
namespace {

// A set this many times smaller than a term's posting list is intersected by
// skipping through the list (a few postings decoded per member) rather than
// reading all of it.
constexpr std::size_t kSkipRatio = 16;
// A term in at least one document in this many is kept in the set cache
// once read (and at least kCachedPostings): a rarer one is read in little
// more time than its set takes to copy, and would crowd the frequent out.
constexpr Xapian::doccount kCachedShare = 16;
constexpr Xapian::doccount kCachedPostings = 64;

class Collector : public Xapian::MatchSpy {
 public:
  explicit Collector(DocSet& set) : set_(set) {}
  void operator()(const Xapian::Document& doc, double) override { set_.add(doc.get_docid()); }

 private:
  DocSet& set_;
};

std::string term_of(const Xapian::Query& leaf) { return *leaf.get_terms_begin(); }

}  // namespace

MatchSets::MatchSets(const Xapian::Database& db, const FacetTable& table, double time_limit, SetCache* cache)
    : db_(db), table_(table), last_(db.get_lastdocid()), time_limit_(time_limit), cache_(cache) {}

DocSet MatchSets::in_range(const Xapian::Query& query) {
  const std::optional<NumberRange> range = range_of(query);
  const FacetTable::Numbers* numbers = range ? table_.numbers(range->slot) : nullptr;
  if (!numbers) return by_xapian(query);
  auto first = numbers->begin(), last = numbers->end();
  if (range->low) first = std::lower_bound(first, last, std::pair(*range->low, Xapian::docid{0}));
  if (range->high) {
    last = std::upper_bound(first, last, *range->high, [](double v, const auto& n) { return v < n.first; });
  }
  DocSet set(last_);
  for (; first != last; ++first) set.add(first->second);
  return set;
}

// Frequent terms' sets go through the cache (see kCachedShare).
bool MatchSets::cacheable(const std::string& term) const {
  if (!cache_) return false;
  const Xapian::doccount postings = db_.get_termfreq(term);
  return postings >= kCachedPostings && postings >= last_ / kCachedShare;
}

DocSet MatchSets::postings(const std::string& term) const {
  const bool cached = cacheable(term);
  if (cached) {
    if (auto known = cache_->find("T" + term)) return *known;
  }
  DocSet set(last_);
  for (auto it = db_.postlist_begin(term), end = db_.postlist_end(term); it != end; ++it) set.add(*it);
  if (cached) cache_->add("T" + term, std::make_shared<const DocSet>(set));
  return set;
}

void MatchSets::intersect_term(DocSet& set, const std::string& term) const {
  if (cacheable(term)) {
    if (auto known = cache_->find("T" + term)) {  // already read: no copy, no skipping
      set.intersect(*known);
      return;
    }
  }
  const std::size_t members = set.count();
  if (members * kSkipRatio >= db_.get_termfreq(term)) {
    set.intersect(postings(term));
    return;
  }
  DocSet kept(last_);
  auto it = db_.postlist_begin(term);
  const auto end = db_.postlist_end(term);
  set.for_each([&](Xapian::docid d) {
    if (it == end) return;
    it.skip_to(d);
    if (it != end && *it == d) kept.add(d);
  });
  set = std::move(kept);
}

// Parts that are not plain terms first (they must be evaluated anyway), then
// the terms from the rarest, each by skipping once the set is small.
DocSet MatchSets::conjunction(const Xapian::Query& query) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  std::vector<Xapian::Query> others;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Xapian::Query part = query.get_subquery(i);
    if (part.get_type() == Xapian::Query::LEAF_TERM) {
      std::string term = term_of(part);
      terms.emplace_back(db_.get_termfreq(term), std::move(term));
    } else {
      others.push_back(std::move(part));
    }
  }
  std::sort(terms.begin(), terms.end());
  std::size_t next_term = 0;
  DocSet set;
  if (!others.empty()) {
    set = evaluate(others.front());
    for (std::size_t i = 1; i < others.size() && !set.empty(); ++i) set.intersect(evaluate(others[i]));
  } else {
    set = postings(terms[next_term++].second);
  }
  for (; next_term < terms.size() && !set.empty(); ++next_term) intersect_term(set, terms[next_term].second);
  return set;
}

// On one shard, a match spy collects the matches as they come; Xapian hands
// a spy shard-local ids, so on several shards they are read from the MSet,
// which holds global ids (and costs a sort by weight, all equal here).
DocSet MatchSets::by_xapian(const Xapian::Query& query) {
  const auto op = query.get_type();
  const bool positional = op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR;
  const std::string description = positional ? query.get_description() : std::string();
  if (positional && cache_) {
    if (auto known = cache_->find("P" + description)) {
      positional_.emplace_back(description, known);
      return *known;
    }
  }
  DocSet set(last_);
  Collector collect(set);
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  const bool one_shard = db_.size() == 1;
  if (one_shard) enquire.add_matchspy(&collect);
  if (time_limit_ > 0) enquire.set_time_limit(time_limit_);
  enquire.set_query(guard_full_terms(query, db_, /*weighted=*/false));
  Xapian::MSet counted = enquire.get_mset(0, one_shard ? 0 : db_.get_doccount(), db_.get_doccount());
  for (auto it = counted.begin(); it != counted.end(); ++it) set.add(*it);
  const bool complete = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
  if (!complete) exact_ = false;
  if (positional) {
    auto kept = std::make_shared<const DocSet>(set);
    positional_.emplace_back(description, kept);
    if (cache_ && complete) cache_->add("P" + description, std::move(kept));  // not one cut short
  }
  return set;
}

Xapian::Query MatchSets::ranked_form(const Xapian::Query& query) const {
  if (positional_.empty() || db_.size() != 1) return query;
  const auto op = query.get_type();
  const std::size_t n = query.get_num_subqueries();
  if (n == 0) return query;
  std::vector<Xapian::Query> parts;
  parts.reserve(n);
  if (op == Xapian::Query::OP_PHRASE || op == Xapian::Query::OP_NEAR) {
    const std::string description = query.get_description();
    for (const auto& [known, set] : positional_) {
      if (known != description) continue;
      for (std::size_t i = 0; i < n; ++i) parts.push_back(query.get_subquery(i));
      return Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()),
                           doc_set_query(set, db_));
    }
    return query;
  }
  // Rebuilt: only operators that carry no parameter of their own (a scale
  // factor, a window). Not OP_SYNONYM: Xapian combines its parts' term
  // statistics, which a posting source does not have.
  switch (op) {
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_XOR:
    case Xapian::Query::OP_AND_MAYBE:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_MAX:
      for (std::size_t i = 0; i < n; ++i) parts.push_back(ranked_form(query.get_subquery(i)));
      return Xapian::Query(op, parts.begin(), parts.end());
    default:
      return query;
  }
}

DocSet MatchSets::evaluate(const Xapian::Query& query) {
  const std::size_t n = query.get_num_subqueries();
  switch (query.get_type()) {
    case Xapian::Query::LEAF_MATCH_ALL:
      return table_.documents();
    case Xapian::Query::LEAF_POSTING_SOURCE:
      return in_range(query);
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return DocSet(last_);
    case Xapian::Query::LEAF_TERM:
      return postings(term_of(query));
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
      return conjunction(query);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX: {
      DocSet set(last_);
      for (std::size_t i = 0; i < n; ++i) set.unite(evaluate(query.get_subquery(i)));
      return set;
    }
    case Xapian::Query::OP_AND_NOT: {
      DocSet set = evaluate(query.get_subquery(0));
      for (std::size_t i = 1; i < n && !set.empty(); ++i) set.subtract(evaluate(query.get_subquery(i)));
      return set;
    }
    case Xapian::Query::OP_XOR: {
      DocSet set(last_);
      for (std::size_t i = 0; i < n; ++i) set.symmetric_difference(evaluate(query.get_subquery(i)));
      return set;
    }
    case Xapian::Query::OP_AND_MAYBE:  // the optional parts only weigh
    case Xapian::Query::OP_SCALE_WEIGHT:
      return evaluate(query.get_subquery(0));
    default:
      // Phrases, NEAR, Xapian value ranges, elite sets, unexpanded wildcards.
      return by_xapian(query);
  }
}

}  // namespace fouille::searcher
