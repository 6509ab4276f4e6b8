#include "fouille/corpus/countries.h"

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "fouille/stemming/fold.h"
#include "table.h"

namespace fouille::data {
extern const std::string_view country_aliases;
}

namespace fouille::corpus {
namespace {

// Folded, every run of non-alphanumerics made one space: "Côte d’Ivoire" and
// "cote d'ivoire" meet, and words can be matched one by one.
std::string name_key(std::string_view name) {
  std::string folded = stemming::fold(name);
  std::string key;
  for (char c : folded) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (word) {
      key += c;
    } else if (!key.empty() && key.back() != ' ') {
      key += ' ';
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

std::vector<std::string> words_of(const std::string& key) {
  std::vector<std::string> words;
  for (auto w : detail::split(key, ' ')) {
    if (!w.empty()) words.emplace_back(w);
  }
  return words;
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
  auto add = [&](const std::string& name, const std::string& code) {
    std::string key = name_key(name);
    if (key.empty()) return;
    by_name_.emplace(key, code);
    longest_name_words_ = std::max(longest_name_words_, words_of(key).size());
  };
  // Aliases first: on a clash they win over ICU's names.
  detail::for_each_row(data::country_aliases, [&](int, const std::vector<std::string_view>& cols) {
    if (cols.size() < 2) return;
    for (auto alias : detail::split(cols[1], '|')) add(std::string(alias), std::string(cols[0]));
  });
  for (const char* const* code = icu::Locale::getISOCountries(); *code; ++code) {
    names_[*code] = Names{display_name(*code, icu::Locale::getFrench()), display_name(*code, icu::Locale::getEnglish()),
                          containing(*code, URGN_CONTINENT), containing(*code, URGN_SUBCONTINENT)};
    for (const icu::Locale* locale : {&icu::Locale::getFrench(), &icu::Locale::getEnglish()}) {
      std::string name = display_name(*code, *locale);
      if (name == *code) continue;  // ICU has no name for it
      add(name, *code);
      // "Myanmar (Birmanie)": each part is a name too.
      std::size_t open = name.find(" (");
      if (open != std::string::npos && name.back() == ')') {
        add(name.substr(0, open), *code);
        add(name.substr(open + 2, name.size() - open - 3), *code);
      }
    }
  }
  // Continents and UN M.49 subregions, by their French and English names.
  for (URegionType type : {URGN_CONTINENT, URGN_SUBCONTINENT}) {
    UErrorCode status = U_ZERO_ERROR;
    icu::StringEnumeration* codes = icu::Region::getAvailable(type, status);
    if (U_FAILURE(status) || !codes) continue;
    while (const char* code = codes->next(nullptr, status)) {
      std::string french = display_name(code, icu::Locale::getFrench());
      areas_.emplace(name_key(french), french);
      areas_.emplace(name_key(display_name(code, icu::Locale::getEnglish())), french);
    }
    delete codes;
  }
}

std::optional<std::string> Countries::area(std::string_view name) const {
  auto it = areas_.find(name_key(name));
  if (it == areas_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Countries::code(std::string_view name) const {
  std::string_view t = detail::trim(name);
  if (t.size() == 2 && std::isupper(static_cast<unsigned char>(t[0])) &&
      std::isupper(static_cast<unsigned char>(t[1]))) {
    std::string c(t);
    if (french_name(c) != c) return c;
  }
  auto it = by_name_.find(name_key(t));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

CountryList Countries::parse_list(std::string_view text) const {
  CountryList out;
  std::string chunk_text(text);
  for (char& c : chunk_text) {
    if (c == ';' || c == '\n' || c == '/') c = ',';
  }
  auto add_code = [&](const std::string& code) {
    if (std::find(out.codes.begin(), out.codes.end(), code) == out.codes.end()) out.codes.push_back(code);
  };
  for (auto chunk : detail::split(chunk_text, ',')) {
    std::vector<std::string> words = words_of(name_key(chunk));
    std::string unknown;
    auto flush_unknown = [&] {
      if (!unknown.empty() && unknown != "et" && unknown != "and" && unknown != "and the") {
        out.unknown.push_back(unknown);
      }
      unknown.clear();
    };
    for (std::size_t i = 0; i < words.size();) {
      std::size_t matched = 0;
      for (std::size_t n = std::min(longest_name_words_, words.size() - i); n > 0; --n) {
        std::string candidate = words[i];
        for (std::size_t k = 1; k < n; ++k) candidate += ' ' + words[i + k];
        if (auto it = by_name_.find(candidate); it != by_name_.end()) {
          flush_unknown();
          add_code(it->second);
          matched = n;
          break;
        }
      }
      if (matched) {
        i += matched;
      } else {
        if (!unknown.empty()) unknown += ' ';
        unknown += words[i++];
      }
    }
    flush_unknown();
  }
  // A chunk where nothing matched is one unknown name: keep it as written.
  if (out.codes.empty()) {
    out.unknown.clear();
    for (auto chunk : detail::split(chunk_text, ',')) {
      std::string_view t = detail::trim(chunk);
      if (!t.empty()) out.unknown.emplace_back(t);
    }
  }
  return out;
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
