// The French stemmer: the term function of fouille. src/xapian_stem.h wraps it as
// a Xapian::Stem for Xapian's own TermGenerator and QueryParser; this header
// needs no Xapian.
//
//   fouille::stemming::FrenchStemmer stem;
//   stem("Renforcées") == stem("renforcer") == "renforc"
//
// The term of a word is: fold (case, accents, ligatures) -> elision stripped
// -> Snowball French (libstemmer). Folding comes first so a word and its
// accent-free spelling always meet; a table built from a French word list
// (data/accent_stems.tsv) restores the stem Snowball gives the accented form
// when stemming the accent-free form would give another one ("abandonnee"
// stems like "abandonnée"). Words holding a digit are codes and stay whole.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace fouille::stemming {

/// Not thread-safe (libstemmer keeps state): use one instance per thread.
class FrenchStemmer {
 public:
  /// `accent_table` false gives bare Snowball on the folded word (used to
  /// build the table itself).
  explicit FrenchStemmer(bool accent_table = true);
  ~FrenchStemmer();
  FrenchStemmer(const FrenchStemmer&) = delete;
  FrenchStemmer& operator=(const FrenchStemmer&) = delete;

  /// The term for any word as typed (any case, accents, elision).
  std::string operator()(const std::string& word);
  /// "fouille-french", the name Xapian shows for this stemmer.
  std::string get_description() const;

  /// The term for a word already folded by fold() with no elision.
  std::string stem_folded(std::string_view folded);

  /// Bare Snowball French on `word` (lower case, NFC), no folding, no table.
  std::string snowball(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fouille::stemming
