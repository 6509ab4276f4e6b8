// The one schema: every field of a document with its labels, query names,
// Xapian prefixes, value slot and facet/sort/range behaviour. Loaded from
// corpus/data/schema.tsv (embedded), read by the readers, the indexer and the
// searcher alike, so they cannot disagree on a prefix or a slot.
//
//   const auto& region = fouille::corpus::schema().field("region");
//   doc.add_boolean_term(region.filter_prefix + value);
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fouille::corpus {

enum class FieldKind { kText, kKeyword, kMulti, kNumber, kYear, kLabel, kInternal };

inline constexpr unsigned kNoSlot = static_cast<unsigned>(-1);

struct Field {
  std::string key;            ///< canonical key
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
  /// Parses a schema table; throws CorpusError naming the line on bad input.
  explicit Schema(std::string_view tsv);

  const std::vector<Field>& fields() const { return fields_; }
  /// The field with canonical key `key`; throws std::out_of_range if none.
  const Field& field(std::string_view key) const;
  /// The field a document label names (any case, accents, a trailing colon
  /// tolerated), or nullptr.
  const Field* field_for_label(std::string_view label) const;
  /// The field a query or --filter name (or canonical key) names, or nullptr.
  const Field* field_for_name(std::string_view name) const;
  /// Folded document labels, longest first (for label-and-value lines).
  const std::vector<std::pair<std::string, const Field*>>& labels_longest_first() const {
    return labels_;
  }
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

/// Multi-valued fields are stored in one value slot, values joined by this byte.
inline constexpr char kMultiSeparator = '\x1f';

/// Database metadata key holding stemming::analysis_signature() of the chain
/// every document was indexed with (absent while some were not).
inline constexpr const char* kAnalysisKey = "fouille.analysis";

/// The filter term of `value` in `field`: its filter prefix then the value
/// folded (country codes stay upper case, as stored).
/// Terms longer than Xapian's limit are cut and given a hash of the whole.
std::string filter_term(const Field& field, std::string_view value);

/// The unique term of a document read from `file`, whose Document::source is
/// `source` (the path itself, or "path#id" for a JSON Lines record). A
/// record's term joins path and id with a NUL byte, which no path holds: a
/// file named "a.jsonl#x" and record x of "a.jsonl" never share a term.
std::string source_term(std::string_view file, std::string_view source);

}  // namespace fouille::corpus
