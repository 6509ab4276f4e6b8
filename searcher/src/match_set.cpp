#include "match_set.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "doc_set_source.h"
#include "full_term_guard.h"
#include "query/xapian_form.h"

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

}  // namespace

MatchSets::MatchSets(const Xapian::Database& db, const FacetTable& table, double time_limit, SetCache* cache)
    : db_(db), table_(table), last_(db.get_lastdocid()), time_limit_(time_limit), cache_(cache) {}

DocSet MatchSets::in_range(const Plan& plan) {
  const NumberRange* range = &plan.range();
  const FacetTable::Numbers* numbers = table_.numbers(range->slot);
  if (!numbers) return by_xapian(plan);
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
DocSet MatchSets::conjunction(const Plan& plan) {
  std::vector<std::pair<Xapian::doccount, std::string>> terms;
  std::vector<const Plan*> others;
  for (const Plan& part : plan.parts()) {
    if (part.op() == Plan::Op::kTerm) {
      terms.emplace_back(db_.get_termfreq(part.term()), part.term());
    } else {
      others.push_back(&part);
    }
  }
  std::sort(terms.begin(), terms.end());
  std::size_t next_term = 0;
  DocSet set;
  if (!others.empty()) {
    set = evaluate(*others.front());
    for (std::size_t i = 1; i < others.size() && !set.empty(); ++i) set.intersect(evaluate(*others[i]));
  } else {
    set = postings(terms[next_term++].second);
  }
  for (; next_term < terms.size() && !set.empty(); ++next_term) intersect_term(set, terms[next_term].second);
  return set;
}

// On one shard, a match spy collects the matches as they come; Xapian hands
// a spy shard-local ids, so on several shards they are read from the MSet,
// which holds global ids (and costs a sort by weight, all equal here).
DocSet MatchSets::by_xapian(const Plan& plan) {
  const bool positional = plan.op() == Plan::Op::kPhrase || plan.op() == Plan::Op::kNear;
  const std::string description = positional ? plan.key() : std::string();
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
  enquire.set_query(to_xapian(guard_full_terms(plan, db_, /*weighted=*/false), db_));
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

Plan MatchSets::ranked_form(const Plan& plan) const {
  if (positional_.empty() || db_.size() != 1) return plan;
  switch (plan.op()) {
    case Plan::Op::kPhrase:
    case Plan::Op::kNear: {
      const std::string key = plan.key();
      for (const auto& [known, set] : positional_) {
        if (known != key) continue;
        std::vector<Plan> terms;
        for (const auto& t : plan.terms()) terms.push_back(Plan::term(t));
        return Plan::join(Plan::Op::kFilter, {Plan::join(Plan::Op::kAnd, std::move(terms)), Plan::docs(set)});
      }
      return plan;
    }
    // Rebuilt: only operators that carry no parameter of their own (a scale
    // factor, a window). Not a synonym: Xapian combines its parts' term
    // statistics, which a posting source does not have.
    case Plan::Op::kAnd:
    case Plan::Op::kOr:
    case Plan::Op::kAndNot:
    case Plan::Op::kAndMaybe:
    case Plan::Op::kFilter: {
      if (plan.parts().empty()) return plan;
      std::vector<Plan> parts;
      parts.reserve(plan.parts().size());
      for (const Plan& part : plan.parts()) parts.push_back(ranked_form(part));
      return Plan::join(plan.op(), std::move(parts));
    }
    default:
      return plan;
  }
}

DocSet MatchSets::evaluate(const Plan& plan) {
  if (plan.op() >= Plan::Op::kAnd && plan.parts().empty()) return DocSet(last_);
  switch (plan.op()) {
    case Plan::Op::kAll:
      return table_.documents();
    case Plan::Op::kRange:
      return in_range(plan);
    case Plan::Op::kEmpty:
    case Plan::Op::kNothing:
      return DocSet(last_);
    case Plan::Op::kTerm:
      return postings(plan.term());
    case Plan::Op::kDocs:
      return plan.docs() ? *plan.docs() : table_.documents();
    case Plan::Op::kAnd:
    case Plan::Op::kFilter:
      return conjunction(plan);
    case Plan::Op::kOr:
    case Plan::Op::kSynonym: {
      DocSet set(last_);
      for (const Plan& part : plan.parts()) set.unite(evaluate(part));
      return set;
    }
    case Plan::Op::kAndNot: {
      const auto& parts = plan.parts();
      DocSet set = evaluate(parts.front());
      for (std::size_t i = 1; i < parts.size() && !set.empty(); ++i) set.subtract(evaluate(parts[i]));
      return set;
    }
    case Plan::Op::kAndMaybe:  // the optional parts only weigh
    case Plan::Op::kScale:
      return evaluate(plan.parts().front());
    case Plan::Op::kPhrase:
    case Plan::Op::kNear:
      break;
  }
  return by_xapian(plan);  // what needs positions
}

}  // namespace fouille::searcher
