// The one schema: every field of a document with its labels, query names,
// Xapian prefixes, value slot and facet/sort/range behaviour. Loaded from
// corpus/data/schema.tsv (embedded), read by the readers, the indexer and the
// searcher alike, so they cannot disagree on a prefix or a slot. Code names a
// field by its FieldId, generated from the same table at build time
// (fouille/corpus/field_id.h): a misspelt field does not compile.
//
//   const auto& region = fouille::corpus::schema().field(FieldId::kRegion);
//   for (const auto& f : fouille::corpus::schema().fields()) {
//     switch (f.kind) { ... }   // behaviour follows the field's kind
//   }
//
// How values and terms are written to the database is the store's business
// (fouille/store/).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fouille/corpus/field_id.h"

namespace fouille::corpus {

enum class FieldKind { kText, kKeyword, kMulti, kNumber, kYear, kLabel, kInternal };

inline constexpr unsigned kNoSlot = static_cast<unsigned>(-1);

struct Field {
  FieldId id = FieldId{};  ///< its id: the row of the table
  std::string key;         ///< canonical key
  FieldKind kind = FieldKind::kText;
  std::string text_prefix;    ///< prefix of free-text terms, empty if none
  std::string filter_prefix;  ///< prefix of boolean filter terms, empty if none
  unsigned slot = kNoSlot;    ///< value slot, kNoSlot if none
  bool facet = false;
  bool sortable = false;
  bool range = false;
  bool shown = false;
  std::vector<std::string> names;   ///< query / --filter names
  std::vector<std::string> labels;  ///< labels met in documents

  bool multi() const { return kind == FieldKind::kMulti; }
};

class Schema {
 public:
  /// Parses a schema table; throws CorpusError naming the line on bad input,
  /// and when its keys are not, row for row, those FieldId was generated from.
  explicit Schema(std::string_view tsv);

  /// Every field, in the table's order (fields()[i].id == FieldId(i)).
  const std::vector<Field>& fields() const { return fields_; }
  /// The field `id`. Never throws.
  const Field& field(FieldId id) const { return fields_[static_cast<std::size_t>(id)]; }
  /// The field with canonical key `key` (as JSON writes it), or nullptr.
  const Field* field_for_key(std::string_view key) const;
  /// The field a document label names (any case, accents, a trailing colon
  /// tolerated), or nullptr.
  const Field* field_for_label(std::string_view label) const;
  /// field_for_label() of a label already trimmed and folded
  /// (stemming::fold): for a caller that folded the text for other uses.
  const Field* field_for_folded_label(std::string_view folded) const;
  /// The field a query or --filter name (or canonical key) names, or nullptr.
  const Field* field_for_name(std::string_view name) const;
  /// Folded document labels, longest first (for label-and-value lines).
  const std::vector<std::pair<std::string, const Field*>>& labels_longest_first() const { return labels_; }
  /// The folded labels whose first word is `first_word` (folded), longest
  /// first: what a line starting with that word may hold. Empty if none.
  const std::vector<std::pair<std::string, const Field*>>& labels_starting_with(std::string_view first_word) const;

 private:
  std::vector<Field> fields_;
  std::vector<std::pair<std::string, const Field*>> labels_;
  // Looked up for every line of every document: hashed, not scanned.
  std::unordered_map<std::string, const Field*> by_label_;
  std::unordered_map<std::string, std::vector<std::pair<std::string, const Field*>>> by_first_word_;
};

/// The schema shipped with fouille. Thread-safe.
const Schema& schema();

}  // namespace fouille::corpus
