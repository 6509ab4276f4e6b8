// Controlled vocabularies (status, coverage, project type, funder region):
// one concept a row with a French and an English label; any French or English
// spelling, in any case, with or without accents, maps to the concept, which
// the index stores as its French label. Tables live in corpus/data/*.tsv.
//
//   using fouille::corpus::FieldId;
//   fouille::corpus::vocabulary(FieldId::kStatus)->canonical("Completed")   // "Achevé"
//   fouille::corpus::vocabulary(FieldId::kStatus)->label("Terminée", "en")  // "Completed"
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fouille/corpus/field_id.h"

namespace fouille::corpus {

class Vocabulary {
 public:
  /// Parses "French<TAB>English<TAB>alias|alias" rows; throws CorpusError on a
  /// bad row or on a spelling given to two concepts. With `by_meaning`,
  /// canonical() also matches spellings by their meaning words.
  Vocabulary(std::string_view name, std::string_view tsv, bool by_meaning = false);

  /// The canonical label of `value`, or nothing when the value is unknown.
  /// A spelling no row lists is matched by its meaning words (its terms
  /// through the French chain, stop words left out, in any order): « Health
  /// Promotion and Assist for Migrants » is « Health Promotion and Assistance
  /// for Migrants ». A set of meaning words two concepts share matches
  /// neither; a value with a word more is no label (« Politique migratoire et
  /// recherche appliquée » is not « Recherche »), unless it is a trailing
  /// participle (« … Assistance Provided »); a value with a word or two less
  /// is the one concept whose spelling holds all its words (two at least,
  /// half the spelling's or more). Only vocabularies
  /// built `by_meaning` (project types: regions are the funder's own labels,
  /// « Corne de l'Afrique » is not « Afrique de l'Est et Corne de l'Afrique »).
  std::optional<std::string> canonical(std::string_view value) const;
  /// canonical(value) where `key` is key_of_folded() of the value trimmed and
  /// folded (stemming::fold): a caller trying one value against every
  /// vocabulary folds it once.
  std::optional<std::string> canonical(std::string_view value, const std::string& key) const;
  /// The key a spelling is looked up by, from its fold.
  static std::string key_of_folded(std::string_view folded);
  /// The label of `value` in `lang` ("fr" or "en"); a value the table does
  /// not know is returned as given.
  std::string label(std::string_view value, std::string_view lang) const;
  /// Canonical labels, in table order.
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  struct Meaning {
    std::vector<std::string> words;  // sorted, each once
    std::string label;
  };
  std::optional<std::string> shortened(std::vector<std::string> terms) const;

  std::unordered_map<std::string, std::string> by_folded_;
  std::vector<Meaning> meanings_;                            // every spelling's meaning words, by_meaning only
  std::unordered_map<std::string, std::string> by_meaning_;  // empty label: two concepts share it
  std::vector<std::string> labels_;
  std::unordered_map<std::string, std::string> english_;  // French label -> English label
};

/// The fields with a shipped vocabulary, in the order a bare line is tried
/// against them (status, coverage, project type, region). The one list.
std::span<const FieldId> vocabulary_fields();

/// The shipped vocabulary of `field`, or nullptr when it has none.
/// Thread-safe.
const Vocabulary* vocabulary(FieldId field);

/// Normalises a keyword value of `field`: the canonical label when the field
/// has a vocabulary that knows it, else the value trimmed and kept as given.
std::string normalize_keyword(FieldId field, std::string_view value);

}  // namespace fouille::corpus
