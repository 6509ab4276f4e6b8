#include "field_text.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "fouille/base/error.h"
#include "fouille/corpus/countries.h"

namespace fouille::testsupport::detail {
namespace {

const std::vector<std::string> kDomainPhrases = {
    "traite des personnes",
    "traite des êtres humains",
    "lutte contre la traite",
    "migrants vulnérables",
    "protection des victimes",
    "renforcement des capacités",
    "gestion des frontières",
    "migration de main-d’œuvre",
    "travailleurs migrants",
    "santé des migrants",
    "changement climatique",
    "déplacés internes",
    "retour volontaire",
    "réintégration durable",
    "société civile",
    "autorités nationales",
    "cadre juridique",
    "mécanisme national d’orientation",
    "collecte de données",
    "cohésion sociale",
    "diaspora",
    "l’OIM",
    "les femmes et les jeunes",
    "les enfants non accompagnés",
    "la coopération régionale",
    "les organisations non gouvernementales",
    "le secteur privé",
    "l’égalité des sexes",
    "la non-punition",
    "les procédures opérationnelles",
    "l’assistance directe",
    "la sensibilisation des communautés",
};
const std::vector<std::string> kFunctionWords = {
    "de",  "la",   "le", "et",  "les", "des",  "en",  "du",  "un", "une",   "à",    "pour", "par", "dans",
    "sur", "avec", "au", "aux", "est", "sont", "qui", "que", "ce", "cette", "leur", "plus", "ont", "été",
};

}  // namespace

std::vector<Country> country_table() {
  std::vector<Country> out;
  const corpus::Countries& c = corpus::countries();
  for (const char* const* code = icu::Locale::getISOCountries(); *code && out.size() < 150; ++code) {
    std::string continent = c.continent(*code);
    if (continent.empty()) continue;
    icu::UnicodeString en;
    icu::Locale("", *code).getDisplayCountry(icu::Locale::getEnglish(), en);
    Country k{*code, c.french_name(*code), "", continent};
    en.toUTF8String(k.english);
    if (k.french.find('(') != std::string::npos || k.english.find('(') != std::string::npos) continue;
    out.push_back(std::move(k));
  }
  return out;
}

FrenchText::FrenchText(const std::string& wordlist, std::size_t vocabulary, Rng& rng) {
  std::ifstream in(wordlist);
  if (!in) throw CorpusError(wordlist + ": cannot read the word list (install wfrench)");
  std::string w;
  while (std::getline(in, w)) {
    if (w.size() >= 2 && w.find_first_of("-' ") == std::string::npos && !(w[0] >= 'A' && w[0] <= 'Z')) {
      words_.push_back(w);
    }
  }
  if (words_.empty()) throw CorpusError(wordlist + ": no word of two letters or more in the word list");
  // A fixed shuffle, then the first `vocabulary` words ranked for Zipf.
  for (std::size_t i = words_.size(); i > 1; --i) std::swap(words_[i - 1], words_[rng.below(i)]);
  words_.resize(std::min(words_.size(), vocabulary));
  double total = 0;
  for (std::size_t r = 1; r <= words_.size(); ++r)
    cdf_.push_back(total += 1.0 / std::pow(static_cast<double>(r), 1.05));
  for (auto& c : cdf_) c /= total;
}

const std::string& FrenchText::word(Rng& rng) const {
  std::size_t rank = static_cast<std::size_t>(std::lower_bound(cdf_.begin(), cdf_.end(), rng.uniform()) - cdf_.begin());
  return words_[std::min(rank, words_.size() - 1)];
}

std::string FrenchText::narrative(Rng& rng, std::size_t target, const std::string& place,
                                  const std::vector<std::string>* extra) const {
  std::string text;
  while (text.size() < target) {
    std::size_t words = 8 + rng.below(14);
    std::string sentence;
    for (std::size_t w = 0; w < words; ++w) {
      if (!sentence.empty()) sentence += ' ';
      if (rng.chance(0.35)) {
        sentence += rng.pick(kFunctionWords);  // French text is one third function words
      } else if (rng.chance(0.06)) {
        sentence += extra && !extra->empty() && rng.chance(0.5) ? rng.pick(*extra) : rng.pick(kDomainPhrases);
      } else if (rng.chance(0.01)) {
        sentence += place;
      } else {
        sentence += word(rng);
      }
    }
    sentence[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(sentence[0])));
    text += sentence + (rng.chance(0.15) ? ".\n" : ". ");
  }
  return text;
}

}  // namespace fouille::testsupport::detail
