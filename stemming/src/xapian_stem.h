// fouille's French stemmer as a Xapian::Stem, so that Xapian's own
// TermGenerator and QueryParser use exactly the term function fouille uses.
// Header-only on purpose: only code that uses Xapian includes it, and the
// stemming library itself neither includes nor links Xapian.
//
//   Xapian::TermGenerator generator;
//   generator.set_stemmer(fouille::stemming::make_french_stem());
#pragma once

#include <string>

#include <xapian.h>

#include "fouille/stemming/french_stemmer.h"

namespace fouille::stemming {
namespace detail {

/// FrenchStemmer as Xapian sees a stemmer.
class XapianFrenchStem : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return stemmer_(word); }
  std::string get_description() const override { return stemmer_.get_description(); }

 private:
  FrenchStemmer stemmer_;
};

}  // namespace detail

/// A Xapian::Stem backed by a new FrenchStemmer (one per thread, like the
/// stemmer itself); Xapian owns it through its reference count.
inline Xapian::Stem make_french_stem() { return Xapian::Stem(new detail::XapianFrenchStem()); }

}  // namespace fouille::stemming
