// The French stemmer as a Xapian::StemImplementation, so that Xapian's own
// TermGenerator and QueryParser can use exactly the term function fouille uses.
//
//   Xapian::Stem stem = fouille::stemming::make_french_stem();
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

#include <xapian.h>

namespace fouille::stemming {

/// Not thread-safe (libstemmer keeps state): use one instance per thread.
class FrenchStemmer : public Xapian::StemImplementation {
 public:
  /// `accent_table` false gives bare Snowball on the folded word (used to
  /// build the table itself).
  explicit FrenchStemmer(bool accent_table = true);
  ~FrenchStemmer() override;
  FrenchStemmer(const FrenchStemmer&) = delete;
  FrenchStemmer& operator=(const FrenchStemmer&) = delete;

  /// The term for any word as typed (any case, accents, elision).
  std::string operator()(const std::string& word) override;
  std::string get_description() const override;

  /// The term for a word already folded by fold() with no elision.
  std::string stem_folded(std::string_view folded);

  /// Bare Snowball French on `word` (lower case, NFC), no folding, no table.
  std::string snowball(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// A Xapian::Stem backed by a new FrenchStemmer (one per thread, like the
/// stemmer itself).
Xapian::Stem make_french_stem();

}  // namespace fouille::stemming
