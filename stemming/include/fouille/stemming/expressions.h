// Multi-word expressions — the several-word spellings of the synonym table:
// "société civile", "main-d'œuvre", "lutte contre la traite" — indexed as one
// term each where their phrase occurs. A query for one then reads a single
// posting list instead of checking word positions in every document holding
// its words, the cost that dominated synonym groups such as that of "ONG".
//
// A phrase occurs where its words, stop words included, appear at consecutive
// positions (a stop word matches only itself). The
// indexer finds expressions by that very rule, so an expression's term matches
// exactly the documents its phrase query would.
//
//   Expressions expressions(synonyms);
//   std::vector<std::string_view> keys;
//   expressions.find(tokens, keys);  // "2:societ civil" for "la société civile"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fouille/base/hash.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/synonyms.h"

namespace fouille::stemming {

/// A phrase as it is matched: its terms in order, within `window` positions.
struct Phrase {
  std::vector<std::string> terms;
  std::uint32_t window = 0;
};

/// The phrase of a term sequence: every term, stop words (flagged in `stop`)
/// included, at consecutive positions.
Phrase make_phrase(const std::vector<std::string>& terms, const std::vector<bool>& stop = {});

class Expressions {
 public:
  /// The several-word spellings of `synonyms`.
  explicit Expressions(const Synonyms& synonyms);

  struct Entry {
    Phrase phrase;
    std::string key;  ///< "window:term term…", the indexed term without prefix
  };
  const std::vector<Entry>& entries() const { return entries_; }

  /// The key of `phrase` if it is a known expression, else empty.
  std::string_view key(const Phrase& phrase) const;

  /// Appends the key of every expression occurring in `tokens` (positions as
  /// one Analyzer::analyze() call gives them), once per occurrence.
  void find(const std::vector<Token>& tokens, std::vector<std::string_view>& keys) const;

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t, ViewHash, std::equal_to<>> by_key_;
  std::unordered_map<std::string, std::vector<std::size_t>, ViewHash, std::equal_to<>> by_first_;
};

}  // namespace fouille::stemming
