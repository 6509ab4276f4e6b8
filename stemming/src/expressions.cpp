#include "fouille/stemming/expressions.h"

namespace fouille::stemming {
namespace {

std::string key_of(const Phrase& p) {
  std::string key = std::to_string(p.window) + ":";
  for (std::size_t i = 0; i < p.terms.size(); ++i) {
    if (i) key += ' ';
    key += p.terms[i];
  }
  return key;
}

}  // namespace

Phrase make_phrase(const std::vector<std::string>& terms, const std::vector<bool>& /*stop*/) {
  // Every word is checked, stop words too: as gaps, « provinces du Sud-Est »
  // matched « provinces du Sud-Ouest ». The common phrases are expressions,
  // one posting list each, so reading stop words costs only rarer ones.
  Phrase p;
  p.window = static_cast<std::uint32_t>(terms.size());
  p.terms = terms;
  return p;
}

Expressions::Expressions(const Synonyms& synonyms) {
  for (const auto& group : synonyms.groups()) {
    for (const auto& spelling : group) {
      if (spelling.terms.size() < 2) continue;
      Entry e{make_phrase(spelling.terms, spelling.stop), ""};
      e.key = key_of(e.phrase);
      if (by_key_.count(e.key)) continue;  // two spellings, one phrase
      by_key_.emplace(e.key, entries_.size());
      by_first_[e.phrase.terms.front()].push_back(entries_.size());
      entries_.push_back(std::move(e));
    }
  }
}

std::string_view Expressions::key(const Phrase& phrase) const {
  if (phrase.terms.size() < 2) return {};
  auto it = by_key_.find(key_of(phrase));
  return it == by_key_.end() ? std::string_view() : std::string_view(entries_[it->second].key);
}

// From each token starting an expression, its next terms are taken at their
// earliest positions: the tightest fit from that start, so the phrase is
// within its window there if any choice of positions is.
void Expressions::find(const std::vector<Token>& tokens, std::vector<std::string_view>& keys) const {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    auto it = by_first_.find(tokens[i].term);
    if (it == by_first_.end()) continue;
    const std::uint32_t start = tokens[i].position;
    for (std::size_t e : it->second) {
      const Phrase& p = entries_[e].phrase;
      std::size_t next = 1;
      for (std::size_t j = i + 1; j < tokens.size() && next < p.terms.size(); ++j) {
        if (tokens[j].position - start >= p.window) break;
        if (tokens[j].term == p.terms[next]) ++next;
      }
      if (next == p.terms.size()) keys.push_back(entries_[e].key);
    }
  }
}

}  // namespace fouille::stemming
