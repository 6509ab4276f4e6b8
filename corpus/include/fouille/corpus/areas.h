// The areas a document lies in, by the names people type for them: UN M.49
// continents and subregions in French and English, and customary groupings
// (Maghreb, Sahel, Corne de l'Afrique…), from stemming/data/areas.tsv. The
// indexer writes these names as searchable text of each document.
//
//   for (std::string_view name : fouille::corpus::areas().names(doc)) ...
//   // a document in KZ: "Asie", "Asia", "Asie centrale", "Central Asia"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/document.h"

namespace fouille::corpus {

class Areas {
 public:
  /// Parses `table` (names <TAB> where); throws CorpusError naming the line
  /// for a row it cannot read.
  explicit Areas(std::string_view table);

  /// Every name of every area holding one of the document's countries,
  /// continents or subregions, in table order, each area once.
  std::vector<std::string_view> names(const Document& doc) const;

  struct Area {
    std::vector<std::string> names;
    enum class Kind { kContinent, kSubregion, kCountries } kind = Kind::kCountries;
    std::vector<std::string> members;  ///< folded M.49 names, or ISO codes
  };
  const std::vector<Area>& all() const { return areas_; }

 private:
  std::vector<Area> areas_;
};

/// The shipped table, parsed once. Thread-safe.
const Areas& areas();

}  // namespace fouille::corpus
