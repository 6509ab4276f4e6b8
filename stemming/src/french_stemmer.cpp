#include "fouille/stemming/french_stemmer.h"

#include <libstemmer.h>

#include "fouille/base/error.h"
#include "fouille/stemming/fold.h"

#include "word_lists.h"

namespace fouille::stemming {

struct FrenchStemmer::Impl {
  sb_stemmer* snowball = nullptr;
  bool accent_table = true;
};

FrenchStemmer::FrenchStemmer(bool accent_table) : impl_(std::make_unique<Impl>()) {
  impl_->snowball = sb_stemmer_new("french", "UTF_8");
  if (!impl_->snowball) throw Error("libstemmer has no French stemmer for UTF-8");
  impl_->accent_table = accent_table;
  if (accent_table) detail::accent_stem("");  // index the table now, not inside a timed loop
}

FrenchStemmer::~FrenchStemmer() { sb_stemmer_delete(impl_->snowball); }

std::string FrenchStemmer::get_description() const { return "fouille-french"; }

std::string FrenchStemmer::snowball(std::string_view word) {
  const sb_symbol* stem =
      sb_stemmer_stem(impl_->snowball, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (!stem) return std::string(word);  // out of memory: the word itself is a fair term
  return std::string(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(impl_->snowball)));
}

std::string FrenchStemmer::stem_folded(std::string_view folded) {
  for (char c : folded) {
    if (c >= '0' && c <= '9') return std::string(folded);  // a code or a number
  }
  if (impl_->accent_table) {
    if (auto stem = detail::accent_stem(folded)) return std::string(*stem);
  }
  return snowball(folded);
}

std::string FrenchStemmer::operator()(const std::string& word) {
  std::string folded = fold(word);
  std::size_t apostrophe = folded.find('\'');
  if (apostrophe != std::string::npos && apostrophe + 1 < folded.size() &&
      detail::elisions().count(folded.substr(0, apostrophe))) {
    folded.erase(0, apostrophe + 1);
  }
  return stem_folded(folded);
}

}  // namespace fouille::stemming
