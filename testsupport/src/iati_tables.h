// The tables the IATI generator draws from, private to
// fouille::testsupport: real DAC sector and region codes with the phrases
// titles put them in, publishers (real registry refs and names), implementing
// partners, and the English sentences of bilingual descriptions.
#pragma once

#include <string>
#include <vector>

namespace fouille::testsupport::detail {

// Real DAC 5-digit purpose codes (vocabulary 1), with the phrase a title
// puts them in: French after "de"/"à" (so it starts with "la" or "l’"),
// English after "Support to".
struct Sector {
  const char* code;
  const char* french;
  const char* english;
};

// DAC regions (region vocabulary 1).
struct Region {
  const char* code;
  const char* french;
  const char* english;
};

// Publishers: real registry refs and names; the activities are not theirs.
// `lang` is the activities' xml:lang as the publisher writes it (one writes
// upper case); `english` scales the share of activities also in English.
struct Publisher {
  const char* ref;
  const char* type;
  const char* french;
  const char* english_name;
  const char* currency;
  const char* lang;
  const char* id_prefix;
  bool country_in_id;
  int digits;
  double english;
  double weight;
};

// Implementing partners (role 4); refs of the multilaterals are real, the
// others are left empty as many publishers leave them.
struct Org {
  const char* ref;
  const char* type;
  const char* name;
};

extern const std::vector<Sector> kSectors;
extern const std::vector<Region> kRegions;
/// ISO codes of the countries most French-language aid goes to.
extern const std::vector<std::string> kFocusCountries;
extern const std::vector<Publisher> kPublishers;
extern const std::vector<Org> kImplementers;
/// Openings of French titles ("Appui à "), then of English ones.
extern const std::vector<std::string> kActionsFr, kActionsEn;
/// Sentences of English descriptions, after the first that names the sector.
extern const std::vector<std::string> kSentencesEn;

}  // namespace fouille::testsupport::detail
