#include "fouille/stemming/synonyms.h"

#include <algorithm>

#include "fouille/base/lines.h"
#include "fouille/data/areas.h"
#include "fouille/data/families.h"
#include "fouille/data/synonyms.h"

#include "word_lists.h"

namespace fouille::stemming {

std::string_view shipped_areas() { return data::areas; }

std::string_view shipped_synonyms() {
  // The synonym table, then the names of each area as one group.
  static const std::string table = [] {
    std::string t(data::synonyms);
    t += '\n';
    t += data::families;
    base::for_each_data_line(data::areas, [&](std::string_view line) {
      t += '\n';
      t += line.substr(0, line.find('\t'));
    });
    return t;
  }();
  return table;
}

namespace {

// Does `inner` occur in `outer` as consecutive terms?
bool contains(const TermSequence& outer, const TermSequence& inner) {
  return outer.size() > inner.size() &&
         std::search(outer.begin(), outer.end(), inner.begin(), inner.end()) != outer.end();
}

}  // namespace

// A spelling that holds another spelling of its group matches only documents
// the shorter one matches already ("traite des personnes" and "traite"): it
// adds nothing to the group's matches, only the cost of a phrase check.
std::vector<Spelling> Synonyms::prune_subsumed(const std::vector<Spelling>& group) {
  std::vector<Spelling> kept;
  for (const auto& s : group) {
    bool subsumed =
        std::any_of(group.begin(), group.end(), [&](const Spelling& other) { return contains(s.terms, other.terms); });
    bool seen = std::any_of(kept.begin(), kept.end(), [&](const Spelling& k) { return k.terms == s.terms; });
    if (!subsumed && !seen) kept.push_back(s);
  }
  return kept;
}

Synonyms::Synonyms(std::string_view data, Analyzer& analyzer) {
  std::vector<Token> tokens;
  base::for_each_data_line(data, [&](std::string_view line) {
    std::vector<Spelling> group;
    while (!line.empty()) {
      std::size_t bar = line.find('|');
      std::string_view spelling = line.substr(0, bar);
      line.remove_prefix(bar == std::string_view::npos ? line.size() : bar + 1);
      tokens.clear();
      analyzer.analyze(spelling, tokens);
      Spelling analysed;
      analysed.text = std::string(spelling);
      for (const auto& t : tokens) {
        analysed.terms.push_back(t.term);
        analysed.stop.push_back(t.stopword);
      }
      if (!analysed.terms.empty()) group.push_back(std::move(analysed));
    }
    if (group.size() < 2) return;
    // Every spelling is matched in queries; the group's query uses the pruned list.
    for (std::size_t s = 0; s < group.size(); ++s) by_first_[group[s].terms.front()].emplace_back(groups_.size(), s);
    queries_.push_back(prune_subsumed(group));
    groups_.push_back(std::move(group));
  });
}

Synonyms::Match Synonyms::match(const std::vector<std::string>& terms, std::size_t at) const {
  Match best;
  auto it = by_first_.find(terms[at]);
  if (it == by_first_.end()) return best;
  for (auto [g, s] : it->second) {
    const TermSequence& seq = groups_[g][s].terms;
    if (seq.size() <= best.length || at + seq.size() > terms.size()) continue;
    if (std::equal(seq.begin(), seq.end(), terms.begin() + static_cast<std::ptrdiff_t>(at))) {
      best.length = seq.size();
      best.group = &queries_[g];
    }
  }
  return best;
}

}  // namespace fouille::stemming
