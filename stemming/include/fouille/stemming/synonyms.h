// Synonym groups (stemming/data/synonyms.txt), each spelling analysed by the
// French chain into a term sequence, matched against the terms of a query's
// words, longest first. Their several-word spellings are also the indexed
// expressions (expressions.h).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fouille/stemming/analyzer.h"

namespace fouille::stemming {

using TermSequence = std::vector<std::string>;

/// One spelling of a group: its text, its terms and which are stop words.
struct Spelling {
  std::string text;
  TermSequence terms;
  std::vector<bool> stop;
};

class Synonyms {
 public:
  Synonyms(std::string_view data, Analyzer& analyzer);

  struct Match {
    std::size_t length = 0;  ///< terms matched; 0: none
    /// The spellings of the group a query needs (those holding another one
    /// left out: they match nothing more).
    const std::vector<Spelling>* group = nullptr;
  };
  /// The longest spelling that starts at terms[at].
  Match match(const std::vector<std::string>& terms, std::size_t at) const;

  /// Every group with every spelling, in table order.
  const std::vector<std::vector<Spelling>>& groups() const { return groups_; }

 private:
  static std::vector<Spelling> prune_subsumed(const std::vector<Spelling>& group);

  std::vector<std::vector<Spelling>> groups_;   // every spelling
  std::vector<std::vector<Spelling>> queries_;  // spellings a query needs
  // first term -> (group, spelling) pairs
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, std::size_t>>> by_first_;
};

/// The shipped synonym table (to analyse once per analyzer): the groups of
/// data/synonyms.txt and data/families.txt, then the names of each area of
/// data/areas.tsv.
std::string_view shipped_synonyms();

/// The area table (data/areas.tsv): names, tab, where the area lies. Read by
/// corpus::areas(), which knows documents.
std::string_view shipped_areas();

}  // namespace fouille::stemming
