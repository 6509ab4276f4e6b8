#include "fouille/searcher/request_options.h"

#include <functional>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

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
  RequestLimits limits;
  limits.max_limit = 100;
  auto limit = [&](const char* text) { return parse_request({{"limit", text}}, limits, ParamStyle::kQuery).limit; };
  EXPECT_EQ(limit("25"), 25u);
  EXPECT_EQ(limit("0"), 0u);
  for (const char* bad : {"-1", "1e3", "12a", "101", "99999999999999999999999"}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(limit(bad), UsageError);
  }
}

// One parser for the command line and the API: the same settings give the
// same request, and a message names the setting as each spells it.
TEST(RequestOptions, OneParserForBothStyles) {
  const RequestParams params = {
      {"q", "traite"},  {"filter", "region=Asia"}, {"filter", "pays:Népal"}, {"sort", "-year"}, {"limit", "5"},
      {"offset", "10"}, {"operator", "or"},        {"no_facets", "1"},       {"exact", "true"}, {"lang", "en"}};
  const Request cli = parse_request(params, RequestLimits{}, ParamStyle::kOption);
  const Request api = parse_request(params, RequestLimits{}, ParamStyle::kQuery);
  for (const Request* r : {&cli, &api}) {
    EXPECT_EQ(r->query, "traite");
    EXPECT_EQ(r->filters.size(), 2u);
    EXPECT_EQ(r->sort, "-year");
    EXPECT_EQ(r->limit, 5u);
    EXPECT_EQ(r->offset, 10u);
    EXPECT_EQ(r->op, Operator::kOr);
    EXPECT_TRUE(r->no_facets);
    EXPECT_TRUE(r->exact);
    EXPECT_EQ(r->lang, "en");
  }
  auto message = [](const RequestParams& p, ParamStyle style) {
    try {
      parse_request(p, RequestLimits{}, style);
    } catch (const UsageError& e) {
      return describe(e, Lang::kEn);
    }
    return std::string();
  };
  EXPECT_EQ(message({{"no_facets", "peut-être"}}, ParamStyle::kOption), "--no-facets peut-être: expected 1 or 0");
  EXPECT_EQ(message({{"no_facets", "peut-être"}}, ParamStyle::kQuery), "no_facets peut-être: expected 1 or 0");
  EXPECT_NE(message({{"sort", "x"}, {"sort", "y"}}, ParamStyle::kQuery), "");  // once only
  EXPECT_NE(message({{"colour", "x"}}, ParamStyle::kQuery), "");               // unknown to the API
  EXPECT_NE(message({{"like", "PX.1"}}, ParamStyle::kQuery), "");              // the API has /api/similar
  EXPECT_EQ(parse_request({{"like", "PX.1"}}, RequestLimits{}, ParamStyle::kOption).like, "PX.1");
  RequestLimits small;
  small.max_query_bytes = 4;
  EXPECT_THROW(parse_request({{"q", "traite"}}, small, ParamStyle::kQuery), UsageError);
}

TEST(RequestOptions, ARequestFromTheCommandLine) {
  RequestText text;
  text.words = {"traite", "-europe", "\"êtres humains\""};
  text.filters = {"region=Asia", "pays:Népal"};
  text.facets = "countries,,year";
  text.sort = "-year";
  text.limit = "5";
  text.offset = "10";
  text.op = "or";
  text.like = "PX.0432";
  const Request r = parse_request(text);
  EXPECT_EQ(r.query, "traite -europe \"êtres humains\"");
  EXPECT_EQ(r.filters, (std::vector<std::pair<std::string, std::string>>{{"region", "Asia"}, {"pays", "Népal"}}));
  EXPECT_EQ(r.facets, (std::vector<std::string>{"countries", "year"}));
  EXPECT_EQ(r.sort, "-year");
  EXPECT_EQ(r.limit, 5u);
  EXPECT_EQ(r.offset, 10u);
  EXPECT_EQ(r.op, Operator::kOr);
  EXPECT_EQ(r.like, "PX.0432");
  EXPECT_EQ(parse_request(RequestText{}).limit, 10u);  // the defaults of fouille-search
}

TEST(RequestOptions, ARequestRefusesEachBadSettingNamingItsOption) {
  struct Case {
    std::function<void(RequestText&)> spoil;
    const char* message;
  };
  const Case cases[] = {
      {[](RequestText& t) { t.limit = "-5"; }, "--limit -5: expected a whole number from 0 to 18446744073709551615"},
      {[](RequestText& t) { t.offset = "-1"; }, "--offset -1: expected a whole number from 0 to 18446744073709551615"},
      {[](RequestText& t) { t.limit = "18446744073709551616"; },
       "--limit 18446744073709551616: expected a whole number"},
      {[](RequestText& t) { t.sort = "titre"; }, "--sort titre: expected relevance, budget, -budget, year or -year"},
      {[](RequestText& t) { t.op = "xor"; }, "--operator xor: expected and or or"},
      {[](RequestText& t) { t.filters = {"region"}; }, "--filter region: expected FIELD=VALUE"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.message);
    RequestText text;
    c.spoil(text);
    try {
      parse_request(text);
      ADD_FAILURE() << "accepted";
    } catch (const UsageError& e) {
      EXPECT_EQ(describe(e, Lang::kEn).rfind(c.message, 0), 0u) << describe(e, Lang::kEn);
    }
  }
}

}  // namespace
}  // namespace fouille::searcher
