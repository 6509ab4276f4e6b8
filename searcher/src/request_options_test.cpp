#include "fouille/searcher/request_options.h"

#include <gtest/gtest.h>

#include "fouille/stemming/error.h"

namespace fouille::searcher {
namespace {

TEST(RequestOptions, Filters) {
  struct Case {
    const char* text;
    const char* field;
    const char* value;
  } cases[] = {
      {"region=Asia", "region", "Asia"},
      {"region:Afrique", "region", "Afrique"},
      {"pays=Côte d'Ivoire", "pays", "Côte d'Ivoire"},
      {"budget=100k..200k", "budget", "100k..200k"},
      {"titre:a=b", "titre", "a=b"},  // split at the first separator only
      {"statut=", "statut", ""},      // an empty value is the searcher's to refuse
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto [field, value] = parse_filter(c.text, "--filter");
    EXPECT_EQ(field, c.field);
    EXPECT_EQ(value, c.value);
  }
  for (const char* bad : {"", "region", "=Asia", ":Asia"}) {
    SCOPED_TRACE(bad);
    try {
      parse_filter(bad, "--filter");
      ADD_FAILURE() << "accepted";
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find("--filter"), std::string::npos) << e.what();
    }
  }
}

TEST(RequestOptions, Lists) {
  EXPECT_EQ(split_list("countries,year"), (std::vector<std::string>{"countries", "year"}));
  EXPECT_EQ(split_list(",countries,,year,"), (std::vector<std::string>{"countries", "year"}));
  EXPECT_TRUE(split_list("").empty());
}

TEST(RequestOptions, OperatorsSortsAndCounts) {
  EXPECT_EQ(parse_operator("auto", "operator"), Operator::kAuto);
  EXPECT_EQ(parse_operator("and", "operator"), Operator::kAnd);
  EXPECT_EQ(parse_operator("or", "operator"), Operator::kOr);
  EXPECT_THROW(parse_operator("ou", "operator"), UsageError);
  EXPECT_EQ(parse_sort("-budget", "sort"), "-budget");
  EXPECT_THROW(parse_sort("title", "sort"), UsageError);
  EXPECT_EQ(parse_count("25", "limit", 100), 25u);
  EXPECT_EQ(parse_count("0", "offset", 100), 0u);
  for (const char* bad : {"", "-1", "1e3", "12a", "101", "99999999999999999999999"}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(parse_count(bad, "limit", 100), UsageError);
  }
}

}  // namespace
}  // namespace fouille::searcher
