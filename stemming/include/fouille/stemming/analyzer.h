// The French analysis chain: UTF-8 text in, search terms out, used identically
// by the indexer and the searcher.
//
//   fouille::stemming::Analyzer analyzer;
//   std::vector<fouille::stemming::Token> tokens;
//   analyzer.analyze("L’OIM renforce la lutte contre la traite", tokens);
//   // terms: oim renforc la lutt contr la trait   ("la" flagged stopword)
//
// Segmentation: words are runs of letters, digits and combining marks.
// - Elisions (l’ d’ qu’ jusqu’ …, with ' ’ or ʼ) are dropped from the word they
//   precede; other apostrophes stay inside the word (aujourd’hui).
// - Hyphens between letters split a compound into parts at consecutive
//   positions (Sud-Est -> sud, est), the later parts flagged `joined`, so a
//   query can ask for them as a phrase.
// - '.', ',', '/', '-' between alphanumerics with a digit on either side keep a
//   code or number whole: PX.0432, 2014-2018, 100000.00, 200,000.
// - Each ideograph (CJK) is a word of its own; symbols and emoji separate words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fouille::stemming {

/// One word of the input as the index and the query see it.
struct Token {
  std::string term;            ///< folded, stemmed term (codes folded only)
  std::uint32_t begin = 0;     ///< byte offset of the word in the input (elision excluded)
  std::uint32_t end = 0;       ///< byte offset one past the word
  std::uint32_t position = 0;  ///< word position, counted from 0 per analyze() call
  bool stopword = false;       ///< French stop word: no weight in ranked queries
  bool joined = false;         ///< hyphen-joined to the previous token (same compound)
  /// For a word written with accents: Snowball's stem of it lower-cased with
  /// its accents ("pêche" -> "pêch", "péché" -> "péch"), so an exact spelling
  /// can rank above an accent-free match; empty for an ASCII word.
  std::string accent_term;
};

/// Not thread-safe (it caches terms and owns a stemmer): one per thread.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  /// Appends the tokens of `text` to `out`. Never throws on any byte sequence:
  /// invalid UTF-8 separates words and is counted in invalid_bytes().
  void analyze(std::string_view text, std::vector<Token>& out);

  /// The term and stop-word flag of a single word (as analyze() would give).
  std::string term(std::string_view word, bool* stopword = nullptr);

  /// Invalid UTF-8 bytes met so far by analyze().
  std::size_t invalid_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Identifies the chain: its word lists, tables and rules. Two builds with
/// the same signature give every text the same terms; a database records the
/// signature it was indexed with, so a change is seen and the index redone.
std::string analysis_signature();

/// The version of the chain's rules alone ("fouille-analysis-6"), raised when
/// the code changes what it makes of a text or the terms a document gets;
/// part of analysis_signature().
std::string_view analysis_rules();

/// A word every page of the field uses (projet, programme…, in
/// data/generic_words.txt, any case or accents): queries give it no weight,
/// like a stop word. Thread-safe.
bool is_generic_word(std::string_view word);

}  // namespace fouille::stemming
