#include "fouille/corpus/countries.h"

#include <gtest/gtest.h>

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
      {"Tadjikistan, Atlantide", {"TJ"}, {"atlantide"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    CountryList list = countries().parse_list(c.text);
    EXPECT_EQ(list.codes, c.codes);
    EXPECT_EQ(list.unknown, c.unknown);
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
}

}  // namespace
}  // namespace fouille::corpus
