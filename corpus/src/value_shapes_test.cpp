#include "value_shapes.h"

#include <random>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fouille::corpus::layout {
namespace {

// The regular expressions the scanners replaced: the scanners must accept
// exactly what these accept.
const std::regex kProjectId(R"([A-Z]{2,4}\.[0-9]{3,5})");
const std::regex kPrimaId(R"([A-Z]{2}[0-9]{2}[A-Z][0-9]{4})");
const std::regex kYearRange("(19|20)[0-9]{2} *(-|\xE2\x80\x93|\xE2\x80\x94|\xC3\xA0|to|au) *(19|20)[0-9]{2}");
const std::regex kAmount(
    "(USD|US\\$|\\$|\xE2\x82\xAC|EUR)? *[0-9]{1,3}([ ,.]?[0-9]{3})+([.,][0-9]{1,2})? *"
    "(USD|\\$|\xE2\x82\xAC|EUR|euros?|dollars)?");

bool regex_says(const std::regex& re, const std::string& s) { return std::regex_match(s, re); }

struct Case {
  const char* text;
  bool project_id, prima_id, year_range, amount;
};

TEST(ValueShapes, Table) {
  const Case cases[] = {
      {"AFD.1234", true, false, false, false},
      {"ABCD.12345", true, false, false, false},
      {"A.123", false, false, false, false},
      {"ABCDE.123", false, false, false, false},
      {"AB.12", false, false, false, false},
      {"AB.123456", false, false, false, false},
      {"FR19B0042", false, true, false, false},
      {"FR19B004", false, false, false, false},
      {"2018 - 2023", false, false, true, false},
      {"2018\xE2\x80\x93"
       "2023",
       false, false, true, false},
      {"1998 \xC3\xA0 2004", false, false, true, false},
      {"2018 to 2023", false, false, true, false},
      {"2018 au 2023", false, false, true, false},
      {"2018 - 2123", false, false, false, false},
      {"1 250 000", false, false, false, true},
      {"1 250 000 \xE2\x82\xAC", false, false, false, true},
      {"USD 1,250,000.50", false, false, false, true},
      {"US$1234567", false, false, false, true},
      {"1234", false, false, false, true},
      {"123", false, false, false, false},
      {"2 500 000 euros", false, false, false, true},
      {"2 500 000 dollars", false, false, false, true},
      {"2 500 000 francs", false, false, false, false},
      {"1.250,5 EUR", false, false, false, true},
      {"1.250,505", false, false, false, true},  // three groups, no decimals
      {"1.250,5055", false, false, false, false},
      {"  1000  ", false, false, false, true},
      {"1000 x", false, false, false, false},
      {"  1000", false, false, false, true},
      {"1000 ", false, false, false, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(project_id_shape(c.text), c.project_id);
    EXPECT_EQ(prima_id_shape(c.text), c.prima_id);
    EXPECT_EQ(year_range_shape(c.text), c.year_range);
    EXPECT_EQ(amount_shape(c.text), c.amount);
    // The table itself agrees with the regular expressions.
    EXPECT_EQ(regex_says(kAmount, c.text), c.amount);
    EXPECT_EQ(regex_says(kYearRange, c.text), c.year_range);
  }
}

// Strings made of the pieces the shapes are built of, many of them near
// misses: each scanner must agree with its regular expression on every one.
TEST(ValueShapes, AgreeWithTheRegularExpressions) {
  const std::vector<std::string> pieces = {"0",
                                           "1",
                                           "9",
                                           "2",
                                           "20",
                                           "19",
                                           "2018",
                                           "1999",
                                           "123",
                                           "4567",
                                           " ",
                                           "  ",
                                           ",",
                                           ".",
                                           "-",
                                           "\xE2\x80\x93",
                                           "\xE2\x80\x94",
                                           "\xC3\xA0",
                                           "to",
                                           "au",
                                           "A",
                                           "FR",
                                           "AFD",
                                           "B",
                                           "USD",
                                           "US$",
                                           "$",
                                           "\xE2\x82\xAC",
                                           "EUR",
                                           "euro",
                                           "euros",
                                           "dollars",
                                           "x",
                                           "\xC2\xA0",
                                           "'"};
  std::mt19937 rng(29);
  std::size_t accepted[4] = {};
  for (int n = 0; n < 200000; ++n) {
    std::string s;
    const int count = static_cast<int>(rng() % 9);
    for (int k = 0; k < count; ++k) s += pieces[rng() % pieces.size()];
    SCOPED_TRACE("\"" + s + "\"");
    const bool shapes[4] = {project_id_shape(s), prima_id_shape(s), year_range_shape(s), amount_shape(s)};
    ASSERT_EQ(shapes[0], regex_says(kProjectId, s));
    ASSERT_EQ(shapes[1], regex_says(kPrimaId, s));
    ASSERT_EQ(shapes[2], regex_says(kYearRange, s));
    ASSERT_EQ(shapes[3], regex_says(kAmount, s));
    for (int i = 0; i < 4; ++i) accepted[i] += shapes[i];
  }
  // The generator reaches the accepting side of the shapes it can build.
  EXPECT_GT(accepted[0], 0u);
  EXPECT_GT(accepted[2], 0u);
  EXPECT_GT(accepted[3], 100u);
}

}  // namespace
}  // namespace fouille::corpus::layout
