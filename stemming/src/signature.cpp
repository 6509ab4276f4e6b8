#include <cstdint>
#include <cstdio>

#include "fouille/stemming/analyzer.h"

namespace fouille::data {
extern const std::string_view stopwords_fr;
extern const std::string_view stopwords_en;
extern const std::string_view elisions;
extern const std::string_view accent_stems;
extern const std::string_view synonyms;
extern const std::string_view areas;
extern const std::string_view families;
}  // namespace fouille::data

namespace fouille::stemming {
namespace {

// Raised whenever the code of the chain changes what it makes of a text
// (segmentation, folding, stemming, expressions, areas, word families) or
// the terms a document gets (folded terms capped, JSON Lines source terms
// joined by NUL); the tables count by content.
constexpr std::string_view kRules = "fouille-analysis-5";

std::string compute_signature() {
  // FNV-1a, 64 bits: stable across builds and platforms, unlike std::hash.
  std::uint64_t h = 14695981039346656037ull;
  for (std::string_view part : {kRules, data::stopwords_fr, data::stopwords_en, data::elisions, data::accent_stems, data::synonyms, data::areas, data::families}) {
    for (unsigned char c : part) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;  // parts end apart: "ab"+"c" is not "a"+"bc"
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace

std::string analysis_signature() {
  static const std::string signature = compute_signature();  // hashes about 1 MB of tables
  return signature;
}

}  // namespace fouille::stemming
