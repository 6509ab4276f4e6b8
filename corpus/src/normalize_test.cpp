#include "fouille/corpus/normalize.h"

#include <gtest/gtest.h>

#include "fouille/corpus/vocabulary.h"

namespace fouille::corpus {
namespace {

struct AmountCase {
  const char* text;
  double value;
  const char* currency;
};

TEST(ParseAmount, ReadsFrenchAndEnglishNumbersAndCurrencies) {
  const AmountCase cases[] = {
      {"100000.00", 100000, ""},
      {"200,000", 200000, ""},
      {"1 250 000,50", 1250000.5, ""},
      {"1\xC2\xA0"
       "250\xC2\xA0"
       "000",
       1250000, ""},  // NBSP groups
      {"USD 150 000", 150000, "USD"},
      {"US$ 75,000", 75000, "USD"},
      {"2 750 000 €", 2750000, "EUR"},
      {"€600,000", 600000, "EUR"},
      {"1.250.000", 1250000, ""},
      {"150k", 150000, ""},
      {"1,5 M", 1500000, ""},
      {"2,5", 2.5, ""},
      {"CHF 2'450'000", 2450000, "CHF"},
      {"une valeur de 95 000", 95000, ""},  // « valeur » holds no euro
      {"95 000 euros", 95000, "EUR"},
      {"EURO 12 000", 12000, "EUR"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto amount = parse_amount(c.text);
    ASSERT_TRUE(amount.has_value());
    EXPECT_DOUBLE_EQ(amount->value, c.value);
    EXPECT_EQ(amount->currency, c.currency);
  }
  EXPECT_FALSE(parse_amount("néant").has_value());
}

TEST(ParseYears, FindsFourDigitYears) {
  EXPECT_EQ(parse_years("2018 - 2023"), (std::vector<int>{2018, 2023}));
  EXPECT_EQ(parse_years("01/03/2019"), (std::vector<int>{2019}));
  EXPECT_EQ(parse_years("2023"), (std::vector<int>{2023}));
  EXPECT_TRUE(parse_years("123456 et 1850").empty());
}

struct VocabularyCase {
  FieldId field;
  const char* value;
  const char* canonical;
};

TEST(Vocabulary, MapsSpellingsToCanonicalFrenchLabels) {
  const VocabularyCase cases[] = {
      {FieldId::kStatus, "Active", "Actif"},
      {FieldId::kStatus, "En cours", "Actif"},
      {FieldId::kStatus, "Completed", "Achevé"},
      {FieldId::kStatus, "TERMINÉ", "Achevé"},
      {FieldId::kStatus, "acheve", "Achevé"},
      {FieldId::kCoverage, "Regional", "Régional"},
      {FieldId::kCoverage, "Global", "Mondial"},
      {FieldId::kCoverage, "multi-regional", "Multirégional"},
      {FieldId::kProjectType, "Counter Trafficking", "Lutte contre la traite"},
      {FieldId::kProjectType, "Labour Migration", "Migration de main-d'œuvre"},
      {FieldId::kRegion, "Asia", "Asie et Océanie"},
      {FieldId::kRegion, "Asia and Oceania", "Asie et Océanie"},
      {FieldId::kRegion, "asie et oceanie", "Asie et Océanie"},
      {FieldId::kProjectType, "PX", "PX"},  // codes nobody expanded stay as given
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(normalize_keyword(c.field, c.value), c.canonical);
  }
  EXPECT_EQ(vocabulary(FieldId::kTitle), nullptr);  // a field without a vocabulary
}

TEST(Finish, DerivesIdGeographyAndUsdBudget) {
  Document d;
  d.source = "/x/a.txt";
  d.prima_id = "TJ10P0004";
  d.countries = {"TJ", "Atlantide"};
  d.budget = 200000;
  finish(d);
  EXPECT_EQ(d.id, "TJ10P0004");
  EXPECT_EQ(d.continent, (std::vector<std::string>{"Asie"}));
  EXPECT_EQ(d.subregion, (std::vector<std::string>{"Asie centrale"}));
  ASSERT_TRUE(d.budget_usd.has_value());
  EXPECT_EQ(d.currency, "USD");

  Document euro;
  euro.source = "/x/b.txt";
  euro.budget = 600000;
  euro.currency = "EUR";
  finish(euro);
  EXPECT_FALSE(euro.budget_usd.has_value());  // never silently taken as USD
  EXPECT_EQ(euro.id.rfind("doc-", 0), 0u);
}

TEST(RunningYears, SpanStartToEndElseWhatIsStated) {
  Document d;
  d.start_year = 2018;
  d.end_year = 2020;
  EXPECT_EQ(d.running_years(), (std::vector<int>{2018, 2019, 2020}));
  Document only_end;
  only_end.end_year = 2024;
  EXPECT_EQ(only_end.running_years(), (std::vector<int>{2024}));
  Document funding;
  funding.funding_year = 2023;
  EXPECT_EQ(funding.running_years(), (std::vector<int>{2023}));
}

TEST(BudgetRange, BucketsAreRangesQueriesAccept) {
  EXPECT_EQ(budget_range(50000), "0..100000");
  EXPECT_EQ(budget_range(100000), "100000..200000");
  EXPECT_EQ(budget_range(250000), "200000..");
  EXPECT_EQ(budget_range_label("200000.."), "200 000 $ et plus");
}

}  // namespace
}  // namespace fouille::corpus
