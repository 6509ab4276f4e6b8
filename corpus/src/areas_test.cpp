#include "fouille/corpus/areas.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/corpus/countries.h"

namespace fouille::corpus {
namespace {

// Every member the table names is one a document can hold: an M.49 name ICU
// gives, or a country code ICU knows.
TEST(Areas, EveryMemberIsKnown) {
  ASSERT_GT(areas().all().size(), 30u);
  for (const auto& area : areas().all()) {
    SCOPED_TRACE(area.names.front());
    for (const auto& m : area.members) {
      if (area.kind == Areas::Area::Kind::kCountries) {
        EXPECT_NE(countries().french_name(m), m) << m;
      } else {
        EXPECT_TRUE(countries().area(m).has_value()) << m;
      }
    }
  }
}

Document in(std::vector<std::string> codes) {
  Document d;
  for (const auto& c : codes) {
    d.countries.push_back(c);
    d.continent.push_back(countries().continent(c));
    d.subregion.push_back(countries().subregion(c));
  }
  return d;
}

TEST(Areas, NamesTheAreasOfADocumentsCountries) {
  struct Case {
    std::vector<std::string> countries;
    std::vector<std::string> expected;  // among the names
    std::vector<std::string> not_expected;
  };
  const Case cases[] = {
      {{"KZ"}, {"Asie", "Asia", "Asie centrale", "Central Asia"}, {"Afrique", "Asie du Sud"}},
      {{"KE"}, {"Afrique de l'Est", "East Africa", "Afrique subsaharienne", "Grands Lacs"}, {"Corne de l'Afrique"}},
      {{"ET"}, {"Corne de l'Afrique", "Horn of Africa"}, {"Maghreb"}},
      {{"MA"}, {"Maghreb", "Afrique du Nord", "North Africa"}, {"Sahel", "Afrique subsaharienne"}},
      {{"HT"}, {"Caraïbes", "Caribbean", "Amérique latine", "Latin America"}, {"Amérique du Nord"}},
      {{"RS"}, {"Balkans", "Western Balkans", "Europe du Sud"}, {"Asie"}},
      {{"VN"}, {"Asie du Sud-Est", "Southeast Asia"}, {"Asie centrale"}},
      {{}, {}, {"Asie", "Afrique"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.countries.empty() ? "none" : c.countries.front());
    auto names = areas().names(in(c.countries));
    for (const auto& n : c.expected) EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
    for (const auto& n : c.not_expected) EXPECT_EQ(std::find(names.begin(), names.end(), n), names.end()) << n;
  }
}

TEST(Areas, ABadRowIsAnErrorNamingTheLine) {
  EXPECT_THROW(Areas("# c\nSahel\n"), CorpusError);
  EXPECT_THROW(Areas("Sahel\tplanet:Mars\n"), CorpusError);
  try {
    Areas("Sahel\tcountries:ML\nAsie\n");
    FAIL();
  } catch (const CorpusError& e) {
    EXPECT_NE(std::string(e.what()).find("areas.tsv:2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace fouille::corpus
