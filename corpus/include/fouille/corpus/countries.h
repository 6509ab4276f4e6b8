// Country names to ISO 3166 alpha-2 codes, and codes to their French name,
// continent and UN M.49 subregion, from ICU's locale and region data plus a
// short alias table (corpus/data/country_aliases.tsv) for older and official
// names ICU lacks.
//
//   fouille::corpus::countries().code("Lao People's Democratic Republic")  // "LA"
//   fouille::corpus::countries().parse_list("Afrique du Sud République de Moldova")
//       // {"ZA", "MD"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fouille::corpus {

struct CountryList {
  std::vector<std::string> codes;    ///< recognised, in order, no duplicates
  std::vector<std::string> unknown;  ///< stretches of text no name matched
};

class Countries {
 public:
  Countries();

  /// The code of a country name (French or English, any case or accents), or
  /// of a code itself ("KM"); nothing if unknown.
  std::optional<std::string> code(std::string_view name) const;
  /// Countries in a list written one a line, comma-separated, or
  /// space-separated with multi-word names: known names match longest first.
  CountryList parse_list(std::string_view text) const;

  /// French display name of a code ("TJ" -> "Tadjikistan"); the code if unknown.
  std::string french_name(std::string_view code) const;
  /// English display name of a code ("TJ" -> "Tajikistan"); the code if unknown.
  std::string english_name(std::string_view code) const;
  /// French names of the continent and subregion containing a code ("Asie",
  /// "Asie centrale"); empty when ICU knows no containment.
  std::string continent(std::string_view code) const;
  std::string subregion(std::string_view code) const;
  /// The French name of a continent or subregion given any French or English
  /// name of it ("Asia", "asie centrale"); nothing if unknown.
  std::optional<std::string> area(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::string> by_name_;  // folded name -> code
  std::unordered_map<std::string, std::string> areas_;    // folded name -> French name
  // Per code, read from ICU once: these are asked for every document.
  struct Names {
    std::string french, english, continent, subregion;
  };
  std::unordered_map<std::string, Names> names_;
  const Names* names(std::string_view code) const;
  std::size_t longest_name_words_ = 1;
};

/// The shared instance. Thread-safe.
const Countries& countries();

}  // namespace fouille::corpus
