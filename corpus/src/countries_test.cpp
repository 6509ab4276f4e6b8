#include "fouille/corpus/countries.h"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fouille::corpus {
namespace {

struct NameCase {
  const char* name;
  const char* code;
};

TEST(Countries, ResolveFrenchEnglishOfficialAndOlderNames) {
  const NameCase cases[] = {
      {"Tadjikistan", "TJ"},
      {"Tajikistan", "TJ"},
      {"TADJIKISTAN", "TJ"},
      {"Turkménistan", "TM"},
      {"Turkmenistan", "TM"},
      {"Azerbaïdjan", "AZ"},
      {"Azerbaidjan", "AZ"},
      {"Cambodge", "KH"},
      {"Birmanie", "MM"},
      {"Myanmar", "MM"},
      {"Lao People's Democratic Republic", "LA"},
      {"Laos", "LA"},
      {"République de Moldova", "MD"},
      {"Viêt Nam", "VN"},
      {"Vietnam", "VN"},
      {"Comores", "KM"},
      {"Comoros", "KM"},
      {"KM", "KM"},
      {"Côte d’Ivoire", "CI"},
      {"Afrique du Sud", "ZA"},
      {"Thaïlande", "TH"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto code = countries().code(c.name);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, c.code);
  }
  EXPECT_FALSE(countries().code("Atlantide").has_value());
}

struct ListCase {
  const char* text;
  std::vector<std::string> codes;
  std::vector<std::string> unknown;
};

TEST(Countries, ParseListsInEveryShape) {
  const ListCase cases[] = {
      {"Afrique du Sud République de Moldova Burkina Faso", {"ZA", "MD", "BF"}, {}},
      {"Tadjikistan, Kirghizistan", {"TJ", "KG"}, {}},
      {"Philippines\nMalaisie\nThaïlande", {"PH", "MY", "TH"}, {}},
      {"Tadjikistan et Ouzbékistan", {"TJ", "UZ"}, {}},
      {"Guinée-Bissau; Guinée", {"GW", "GN"}, {}},
      {"Tajikistan, Tadjikistan", {"TJ"}, {}},
      {"Atlantide", {}, {"Atlantide"}},
      {"Tadjikistan, Atlantide", {"TJ"}, {"Atlantide"}},
      {"Bosnia and Herzegovina, Trinidad and Tobago and Serbia", {"BA", "TT", "RS"}, {}},
      {"Korea, Republic of; Moldova, République de", {"KR", "MD"}, {}},
      {"Micronesia (Federated States of), Palau", {"FM", "PW"}, {}},
      {"Democratic People's Republic of Korea", {"KP"}, {}},
      {"United Kingdom of Great Britain and Northern Ireland", {"GB"}, {}},
      {"Congo / Hong Kong • Saint-Christophe-et-Niévès", {"CG", "HK", "KN"}, {}},
      {"la République démocratique du Congo et le Rwanda", {"CD", "RW"}, {}},
      {"the Philippines & Viet Nam", {"PH", "VN"}, {}},
      {"Pakistan (Punjab, Sindh)", {"PK"}, {"Sindh"}},
      {"LA, KM", {"LA", "KM"}, {}},
      {"TADJIKISTAN ET OUZBEKISTAN", {"TJ", "UZ"}, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    CountryList list = countries().parse_list(c.text);
    EXPECT_EQ(list.codes, c.codes);
    EXPECT_EQ(list.unknown, c.unknown);
  }
}

// The iso-codes files, read here on their own (not through the generated
// table), so that a name the table or the reader drops fails the test.
constexpr const char* kIsoJson = "/usr/share/iso-codes/json/";
constexpr const char* kIsoMo = "/usr/share/locale/fr/LC_MESSAGES/";

nlohmann::json read_json(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open (install iso-codes)");
  return nlohmann::json::parse(in);
}

// A gettext .mo catalogue: original -> translation (little-endian files).
std::map<std::string, std::string> read_mo(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open (install iso-codes)");
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string bytes = buf.str();
  auto u32 = [&](std::size_t at) {
    std::uint32_t v;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  };
  if (bytes.size() < 20 || u32(0) != 0x950412deu) throw std::runtime_error(path + ": not a .mo file");
  std::map<std::string, std::string> out;
  const std::uint32_t n = u32(8), originals = u32(12), translations = u32(16);
  for (std::uint32_t i = 0; i < n; ++i) {
    out[bytes.substr(u32(originals + 8 * i + 4), u32(originals + 8 * i))] =
        bytes.substr(u32(translations + 8 * i + 4), u32(translations + 8 * i));
  }
  return out;
}

TEST(Countries, ResolveEveryIsoCodesNameInEnglishAndFrench) {
  const auto current = read_json(std::string(kIsoJson) + "iso_3166-1.json")["3166-1"];
  const auto former = read_json(std::string(kIsoJson) + "iso_3166-3.json")["3166-3"];
  const auto fr1 = read_mo(std::string(kIsoMo) + "iso_3166-1.mo");
  const auto fr3 = read_mo(std::string(kIsoMo) + "iso_3166-3.mo");
  std::set<std::string> active;
  for (const auto& c : current) active.insert(c["alpha_2"].get<std::string>());
  std::size_t checked = 0;
  auto expect = [&](const std::string& name, const std::string& code) {
    SCOPED_TRACE(name);
    EXPECT_EQ(countries().code(name).value_or("?"), code);
    CountryList list = countries().parse_list(name);
    EXPECT_EQ(list.codes, std::vector<std::string>{code});
    EXPECT_TRUE(list.unknown.empty());
    ++checked;
  };
  auto both = [&](const std::string& english, const std::map<std::string, std::string>& fr, const std::string& code) {
    expect(english, code);
    if (auto it = fr.find(english); it != fr.end()) expect(it->second, code);
  };
  for (const auto& c : current) {
    for (const char* key : {"name", "official_name", "common_name"}) {
      if (c.contains(key)) both(c[key].get<std::string>(), fr1, c["alpha_2"].get<std::string>());
    }
  }
  for (const auto& c : former) {
    // A former country stands for its one successor, else for itself.
    const std::string alpha4 = c["alpha_4"].get<std::string>();
    both(c["name"].get<std::string>(), fr3, active.count(alpha4.substr(2)) ? alpha4.substr(2) : alpha4);
  }
  EXPECT_GT(checked, 700u);
}

// The other languages of the table, each name resolved to its country; a
// name two countries share across languages (rare: « Guinea ») resolves to
// one of them.
TEST(Countries, ResolveEveryIsoCodesNameInOtherLanguages) {
  const auto current = read_json(std::string(kIsoJson) + "iso_3166-1.json")["3166-1"];
  std::map<std::string, std::set<std::string>> codes_of;  // name -> codes it names, in any language
  const std::string fr = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo";
  std::vector<std::map<std::string, std::string>> catalogues = {read_mo(fr)};
  for (const char* lang : {"ar", "de", "es", "it", "nl", "pl", "pt", "pt_BR", "ru", "sv", "tr", "zh_CN", "zh_TW"}) {
    catalogues.push_back(read_mo(std::string("/usr/share/locale/") + lang + "/LC_MESSAGES/iso_3166-1.mo"));
  }
  for (const auto& c : current) {
    for (const char* key : {"name", "official_name", "common_name"}) {
      if (!c.contains(key)) continue;
      const std::string english = c[key].get<std::string>();
      codes_of[english].insert(c["alpha_2"].get<std::string>());
      for (const auto& cat : catalogues) {
        if (auto it = cat.find(english); it != cat.end()) codes_of[it->second].insert(c["alpha_2"].get<std::string>());
      }
    }
  }
  std::size_t checked = 0;
  for (const auto& [name, codes] : codes_of) {
    SCOPED_TRACE(name);
    const std::string got = countries().code(name).value_or("?");
    EXPECT_TRUE(codes.count(got)) << got;
    ++checked;
  }
  EXPECT_GT(checked, 4500u);
}

TEST(Countries, ResolveUnAndUsualSpellings) {
  const NameCase cases[] = {
      {"Micronesia (Federated States of)", "FM"},
      {"Bolivia (Plurinational State of)", "BO"},
      {"Venezuela (République bolivarienne du)", "VE"},
      {"The Democratic Republic of the Congo", "CD"},
      {"Democratic Republic of the Congo", "CD"},
      {"Republic of Korea", "KR"},
      {"république de corée", "KR"},
      {"COREE, REPUBLIQUE DE", "KR"},
      {"Moldova, République de", "MD"},
      {"Tanzania, United Republic of", "TZ"},
      {"la Bosnie-Herzégovine", "BA"},
      {"Bosnie et Herzégovine", "BA"},
      {"Trinité et Tobago", "TT"},
      {"the Gambia", "GM"},
      {"Zaïre", "CD"},
      {"Burma", "MM"},
      {"Deutschland", "DE"},
      {"España", "ES"},
      {"Brasil", "BR"},
      {"Kenia", "KE"},
      {"Российская Федерация", "RU"},
      {"مصر", "EG"},
      {"中国", "CN"},
      {"Tchécoslovaquie", "CSHH"},
      {"Czechoslovakia", "CSHH"},
      {"Hong Kong SAR, China", "HK"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(countries().code(c.name).value_or("?"), c.code);
  }
}

// names_only() refuses most text from its first word: it must still say
// what parse_list() says, for lists opening with a joining word, a code, a
// comma or a break, and for text that only starts like a name.
TEST(Countries, NamesOnlyAgreesWithParseList) {
  struct Case {
    const char* text;
    bool names_only;
  };
  const Case cases[] = {
      {"Tadjikistan", true},
      {"the Gambia", true},
      {"et la Gambie, le Niger", true},
      {", Mali", true},
      {"; Sénégal / Côte d’Ivoire", true},
      {"KM, Madagascar", true},
      {"Korea, Republic of", true},
      {"Trinidad and Tobago", true},
      {"Tadjikistan (région de Khatlon)", false},
      {"Guatemala: Huehuetenango", false},
      {"Contexte et justification", false},
      {"Afrique du Sud République de Moldova", true},
      {"République démocratique", false},
      {"LA", true},
      {"XX", false},
      {"et", false},
      {"", false},
      {"2018", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const CountryList list = countries().parse_list(c.text);
    EXPECT_EQ(!list.codes.empty() && list.unknown.empty() && list.qualifiers == 0, c.names_only);
    EXPECT_EQ(countries().names_only(c.text), c.names_only);
  }
}

TEST(Countries, ListsKeepNamesHoldingACommaWhole) {
  for (const auto& [text, codes] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"Hong Kong SAR, China", {"HK"}},
           {"Hong Kong SAR, China; Macao SAR, China", {"HK", "MO"}},
           {"Deutschland, España", {"DE", "ES"}},
       }) {
    SCOPED_TRACE(text);
    EXPECT_EQ(countries().parse_list(text).codes, codes);
  }
}

TEST(Countries, NameContinentAndSubregionInFrench) {
  EXPECT_EQ(countries().french_name("TJ"), "Tadjikistan");
  EXPECT_EQ(countries().continent("TJ"), "Asie");
  EXPECT_EQ(countries().subregion("TJ"), "Asie centrale");
  EXPECT_EQ(countries().continent("BF"), "Afrique");
  EXPECT_EQ(countries().continent("FJ"), "Océanie");
  EXPECT_EQ(countries().area("Central Asia").value_or(""), "Asie centrale");
  EXPECT_EQ(countries().area("asie").value_or(""), "Asie");
  EXPECT_FALSE(countries().area("Mordor").has_value());
  EXPECT_EQ(countries().english_area("Asie centrale"), "Central Asia");
  // English names shown in lists: ISO's usual names, inversions put right.
  EXPECT_EQ(countries().english_name("BA"), "Bosnia and Herzegovina");
  EXPECT_EQ(countries().english_name("KR"), "South Korea");
  EXPECT_EQ(countries().english_name("CD"), "The Democratic Republic of the Congo");
  EXPECT_EQ(countries().english_name("TJ"), "Tajikistan");
  EXPECT_EQ(countries().english_name("VN"), "Vietnam");  // not the former Democratic Republic of Viet-Nam
}

}  // namespace
}  // namespace fouille::corpus
