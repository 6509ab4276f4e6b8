// Private: turns a parsed corpus::Document into the Xapian::Document the index
// stores — free text with positions, prefixed field terms, boolean filter
// terms, value slots and the document data — as the schema says — and the
// terms of the multi-word expressions its free text holds.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <xapian.h>

#include "fouille/base/hash.h"
#include "fouille/corpus/document.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/expressions.h"
#include "fouille/stemming/synonyms.h"

#include "word_counts.h"

namespace fouille::indexer {

/// Words seen, for Xapian's spelling dictionary: word as written -> count.
using SpellingCounts = WordCounts;

class DocumentBuilder {
 public:
  /// `spelling` may be null (no spelling data collected).
  explicit DocumentBuilder(SpellingCounts* spelling) : spelling_(spelling) {}

  /// `stamp` identifies the source file's version (size and mtime).
  Xapian::Document build(const corpus::Document& doc, const std::string& file, const std::string& stamp);

  /// Seconds spent in the analysis chain by build() so far (part of its time).
  double analyse_seconds() const { return analyse_seconds_; }

  /// The fields whose free text build() indexes, in the order of their
  /// positions.
  static std::span<const corpus::FieldId> text_order();

 private:
  // Text analysed at a time (cut at the next line end), and the tokens kept
  // allocated between documents.
  static constexpr std::size_t kWindowBytes = 256 * 1024;
  static constexpr std::size_t kWindowTokens = 1 << 16;
  // Texts this short (a title, a project type, a country's name) have their
  // analysis kept, as many as kCachedTexts: field values recur from document
  // to document, and a short text costs the analyser more per word.
  static constexpr std::size_t kCachedBytes = 160;
  static constexpr std::size_t kCachedTexts = 1 << 14;

  // A text's tokens, and the terms they give beside their own: the prefixed
  // accent term of each token ("" for none) and the expressions found.
  struct Analysis {
    std::vector<stemming::Token> tokens;
    std::vector<std::string> accent_terms;
    std::vector<std::string> expression_terms;
  };

  void analyze(std::string_view text, Analysis& into);  // timed
  const Analysis& analysis_of(std::string_view text);   // kept if short; valid until the next call
  // Indexes `text` bare and, when `field` has a text prefix, under it.
  void index_text(Xapian::Document& xdoc, std::string_view text, const corpus::Field& field, Xapian::termpos& position,
                  Xapian::termcount wdf);
  void index_field_text(Xapian::Document& xdoc, const corpus::Document& doc, const corpus::Field& field,
                        Xapian::termpos& position);
  void index_field_values(Xapian::Document& xdoc, const corpus::Document& doc, const corpus::Field& field,
                          const std::string& file, const std::string& stamp);
  void index_list_values(Xapian::Document& xdoc, const corpus::Document& doc, const corpus::Field& field);
  // One window of a text, analysed as `a`, its positions from `base`; `last` the last one given.
  void index_window(Xapian::Document& xdoc, std::string_view text, const Analysis& a, const corpus::Field& field,
                    Xapian::termpos base, Xapian::termcount wdf, Xapian::termpos& last);
  void index_areas(Xapian::Document& xdoc, const corpus::Document& doc, Xapian::termpos& position);

  stemming::Analyzer analyzer_;
  stemming::Synonyms synonyms_{stemming::shipped_synonyms(), analyzer_};
  stemming::Expressions expressions_{synonyms_};
  Analysis scratch_;                                                            // a long text's
  std::unordered_map<std::string, Analysis, ViewHash, std::equal_to<>> cache_;  // short texts'
  std::vector<std::string_view> expression_keys_;
  std::string prefixed_;                  // a field's prefix and a term
  std::unordered_set<std::string> seen_;  // terms an area name gave already
  SpellingCounts* spelling_;
  double analyse_seconds_ = 0;
};

}  // namespace fouille::indexer
