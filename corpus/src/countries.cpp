#include "fouille/corpus/countries.h"

#include <algorithm>

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/unistr.h>

#include "fouille/data/country_aliases.h"
#include "fouille/data/iso_countries.h"

#include "country_names.h"
#include "table.h"

namespace fouille::corpus {
namespace {

using detail::name_key;
using detail::NameToken;

std::size_t word_count(const std::string& key) {
  return key.empty() ? 0 : static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

std::string display_name(const char* code, const icu::Locale& in) {
  icu::UnicodeString name;
  icu::Locale("", code).getDisplayCountry(in, name);
  std::string out;
  name.toUTF8String(out);
  return out;
}

std::string containing(std::string_view code, URegionType type) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Region* region = icu::Region::getInstance(std::string(code).c_str(), status);
  if (U_FAILURE(status) || !region) return {};
  const icu::Region* parent = region->getContainingRegion(type);
  if (!parent) return {};
  return display_name(parent->getRegionCode(), icu::Locale::getFrench());
}

}  // namespace

Countries::Countries() {
  // Precedence on a clash: the curated aliases, then iso-codes' names, then
  // ICU's, then the variants derived from all of them.
  std::vector<std::pair<std::string, std::string>> names;  // (name, code), in precedence order
  detail::for_each_row(data::country_aliases, [&](int, const std::vector<std::string_view>& cols) {
    if (cols.size() < 2) return;
    for (auto alias : detail::split(cols[1], '|')) names.emplace_back(alias, cols[0]);
  });
  // Names in other languages come after every English and French one: a
  // name two languages give two countries keeps its English or French sense.
  std::vector<std::pair<std::string, std::string>> others;
  std::unordered_map<std::string, std::string> iso_english = read_iso_names(names, others);
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    Names& n = names_[*code];
    n.french = display_name(*code, icu::Locale::getFrench());
    n.english = display_name(*code, icu::Locale::getEnglish());
    for (const std::string* name : {&n.french, &n.english}) {
      if (*name != *code) names.emplace_back(*name, *code);  // else ICU has no name for it
    }
    // ISO's English reads better than ICU's short forms (« Bosnia & Herzegovina », « Congo - Kinshasa »).
    if (auto it = iso_english.find(*code); it != iso_english.end()) n.english = it->second;
    n.continent = containing(*code, URGN_CONTINENT);
    n.subregion = containing(*code, URGN_SUBCONTINENT);
  }
  for (auto* list : {&names, &others}) {
    const std::size_t exact = list->size();
    for (std::size_t i = 0; i < exact; ++i) {
      for (auto& v : detail::name_variants((*list)[i].first)) list->emplace_back(std::move(v), (*list)[i].second);
    }
  }
  names.insert(names.end(), std::make_move_iterator(others.begin()), std::make_move_iterator(others.end()));
  for (const auto& [name, code] : names) add_name(name, code);
  read_areas();
}

std::unordered_map<std::string, std::string> Countries::read_iso_names(
    std::vector<std::pair<std::string, std::string>>& names, std::vector<std::pair<std::string, std::string>>& others) {
  std::unordered_map<std::string, std::string> english;  // code -> English display name
  detail::for_each_row(data::iso_countries, [&](int, const std::vector<std::string_view>& cols) {
    if (cols.size() != 4) return;
    std::string code(cols[0]);
    if (code.size() == 2 && !english.count(code)) {
      if (auto display = detail::display_form(detail::split(cols[1], '|').front()); !display.empty()) {
        english[code] = display;
      }
    }
    for (std::size_t c = 1; c <= 2; ++c) {
      for (auto name : detail::split(cols[c], '|')) names.emplace_back(name, code);
    }
    for (auto name : detail::split(cols[3], '|')) {
      if (!name.empty()) others.emplace_back(name, code);
    }
    if (code.size() == 4 && !names_.count(code)) {  // a former country: its names from iso-codes
      names_[code] = Names{
          std::string(detail::split(cols[2], '|').front()), std::string(detail::split(cols[1], '|').front()), {}, {}};
    }
  });
  return english;
}

void Countries::add_name(const std::string& name, const std::string& code) {
  std::string key = name_key(name);
  if (key.empty()) return;
  by_name_.emplace(key, code);
  for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
    key_heads_.insert(key.substr(0, space));
  }
  key_heads_.insert(key);
  if (name.find(',') != std::string::npos) comma_keys_.insert(key);
  longest_name_words_ = std::max(longest_name_words_, word_count(key));
}

void Countries::read_areas() {
  // Continents and UN M.49 subregions, by their French and English names.
  for (URegionType type : {URGN_CONTINENT, URGN_SUBCONTINENT}) {
    UErrorCode status = U_ZERO_ERROR;
    icu::StringEnumeration* codes = icu::Region::getAvailable(type, status);
    if (U_FAILURE(status) || !codes) continue;
    while (const char* code = codes->next(nullptr, status)) {
      std::string french = display_name(code, icu::Locale::getFrench());
      areas_.emplace(name_key(french), french);
      std::string english = display_name(code, icu::Locale::getEnglish());
      areas_.emplace(name_key(english), french);
      area_english_.emplace(french, english);
    }
    delete codes;
  }
}

std::optional<std::string> Countries::area(std::string_view name) const {
  auto it = areas_.find(name_key(name));
  if (it == areas_.end()) return std::nullopt;
  return it->second;
}

bool Countries::is_code(std::string_view t) const {
  return (t.size() == 2 || t.size() == 4) &&
         std::all_of(t.begin(), t.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) && names(t) != nullptr;
}

std::string Countries::english_area(std::string_view french) const {
  auto it = area_english_.find(std::string(french));
  return it == area_english_.end() ? std::string(french) : it->second;
}

std::optional<std::string> Countries::code(std::string_view name) const {
  std::string_view t = detail::trim(name);
  if (is_code(t)) return std::string(t);
  auto it = by_name_.find(name_key(t));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

std::size_t Countries::match_at(const std::vector<NameToken>& tokens, std::size_t i, std::string* code) const {
  // The longest run of words from i that is a name; a comma may sit inside
  // it only when the name was written with one ("Korea, Republic of").
  std::string key;
  std::size_t words = 0, best = 0;
  bool comma = false;
  for (std::size_t j = i; j < tokens.size() && words < longest_name_words_; ++j) {
    if (tokens[j].kind == NameToken::kBreak) break;
    if (tokens[j].kind == NameToken::kComma) {
      comma = true;
      continue;
    }
    if (detail::is_connector(tokens[j].folded)) continue;  // "Trinidad and Tobago", "the Gambia"
    if (!key.empty()) key += ' ';
    key += tokens[j].folded;
    ++words;
    if (!key_heads_.count(key)) break;  // no longer run of words is a name either
    auto it = by_name_.find(key);
    if (it != by_name_.end() && (!comma || comma_keys_.count(key))) {
      *code = it->second;
      best = j + 1 - i;
    }
  }
  return best;
}

CountryList Countries::parse_list(std::string_view text) const {
  CountryList out;
  const std::vector<NameToken> tokens = detail::name_tokens(text);
  // Words no name took, per stretch between separators: kept as written when
  // the stretch named no country, dropped as a qualifier when it did
  // ("Tadjikistan (région de Khatlon)"). Joining words ("et", "and", "the")
  // are never names alone.
  std::size_t begin = std::string::npos, end = 0;
  bool matched = false;
  std::size_t words = 0;
  auto close_stretch = [&] {
    if (begin != std::string::npos && !matched) out.unknown.emplace_back(detail::trim(text.substr(begin, end - begin)));
    if (matched) out.qualifiers += words;
    words = 0;
    begin = std::string::npos;
    matched = false;
  };
  for (std::size_t i = 0; i < tokens.size();) {
    const NameToken& t = tokens[i];
    if (t.kind != NameToken::kWord) {
      close_stretch();
      ++i;
      continue;
    }
    std::string code;
    const bool alone = (i == 0 || tokens[i - 1].kind != NameToken::kWord) &&
                       (i + 1 == tokens.size() || tokens[i + 1].kind != NameToken::kWord);
    if (alone && is_code(text.substr(t.begin, t.end - t.begin))) {  // "KM", "LA" (not the article)
      code = std::string(text.substr(t.begin, t.end - t.begin));
      if (std::find(out.codes.begin(), out.codes.end(), code) == out.codes.end()) out.codes.push_back(code);
      matched = true;
      ++i;
      continue;
    }
    if (std::size_t n = match_at(tokens, i, &code)) {
      if (std::find(out.codes.begin(), out.codes.end(), code) == out.codes.end()) out.codes.push_back(code);
      matched = true;
      i += n;
      continue;
    }
    if (!detail::is_connector(t.folded)) {
      if (begin == std::string::npos) begin = t.begin;
      end = t.end;
      ++words;
    }
    ++i;
  }
  close_stretch();
  return out;
}

bool Countries::names_only(std::string_view text) const {
  // Every word of such a list lies in a name or is a code, so the first word
  // that is no joining word starts a name (a name's key holds no joining
  // word, and a name read from a joining word before it starts with this
  // one) or is a code (maybe spelt as a joining word, « LA »): any other first
  // word settles it.
  bool may = false;
  detail::for_each_name_token(text, [&](NameToken&& t) {
    if (t.kind != NameToken::kWord) return true;
    const std::string_view raw = text.substr(t.begin, t.end - t.begin);
    // A code alone, even one spelt as a joining word ("LA").
    may = (raw.size() == 2 || raw.size() == 4) &&
          std::all_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (may) return false;
    if (detail::is_connector(t.folded)) return true;
    may = key_heads_.count(t.folded) > 0;
    return false;
  });
  if (!may) return false;
  const CountryList list = parse_list(text);
  return !list.codes.empty() && list.unknown.empty() && list.qualifiers == 0;
}

const Countries::Names* Countries::names(std::string_view code) const {
  auto it = names_.find(std::string(code));
  return it == names_.end() ? nullptr : &it->second;
}

std::string Countries::french_name(std::string_view code) const {
  const Names* n = names(code);
  return n && !n->french.empty() ? n->french : std::string(code);
}

std::string Countries::english_name(std::string_view code) const {
  const Names* n = names(code);
  return n && !n->english.empty() ? n->english : std::string(code);
}

std::string Countries::continent(std::string_view code) const {
  const Names* n = names(code);
  return n ? n->continent : std::string();
}

std::string Countries::subregion(std::string_view code) const {
  const Names* n = names(code);
  return n ? n->subregion : std::string();
}

const Countries& countries() {
  static const Countries c;
  return c;
}

}  // namespace fouille::corpus
