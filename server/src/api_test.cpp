// The API's answers, called as functions (no socket): shapes, limits and the
// error status of each kind of bad input.
#include "api.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fouille/searcher/result_json.h"
#include "fouille/searcher/searcher.h"

#include "test_database.h"

namespace fouille::server {
namespace {

using nlohmann::json;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static Options options;
    options.db = test::shared_database("api");
    static SessionPool pool(std::make_shared<searcher::Index>(options.db));
    static Api api(options, pool);
    db_ = &options.db;
    api_ = &api;
  }
  static json get(const std::string& path, const Params& params, int expected_status) {
    Response r = api_->get(path, params);
    EXPECT_EQ(r.status, expected_status) << path << " " << r.body;
    EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
    return json::parse(r.body);
  }

  static const std::string* db_;
  static Api* api_;
};
const std::string* ApiTest::db_;
Api* ApiTest::api_;

TEST_F(ApiTest, SearchSharesTheCommandLineSchema) {
  json j = get("/api/search", {{"q", "traite"}, {"limit", "2"}}, 200);
  EXPECT_EQ(j["api_version"], searcher::kApiVersion);
  EXPECT_GT(j["total"]["value"].get<int>(), 0);
  EXPECT_EQ(j["hits"].size(), 2u);
  bool marked = false;
  for (const auto& segment : j["hits"][0]["snippet"]) marked = marked || segment["match"].get<bool>();
  EXPECT_TRUE(marked);
  for (const char* facet : {"region", "countries", "year", "budget_range"})
    EXPECT_TRUE(j["facets"].contains(facet)) << facet;
  // The same request through the library directly gives the same hits.
  searcher::Searcher s(*db_);
  searcher::Request request;
  request.query = "traite";
  request.limit = 2;
  json direct = searcher::to_json(s.search(request));
  EXPECT_EQ(j["hits"], direct["hits"]);
  EXPECT_EQ(j["facets"], direct["facets"]);
}

TEST_F(ApiTest, FiltersAreDisjunctiveWithinAFacet) {
  json all = get("/api/search", {{"q", ""}, {"limit", "0"}}, 200);
  ASSERT_GE(all["facets"]["countries"].size(), 2u);
  std::string a = all["facets"]["countries"][0]["value"], b = all["facets"]["countries"][1]["value"];
  json one = get("/api/search", {{"q", ""}, {"filter", "countries:" + a}}, 200);
  json two = get("/api/search", {{"q", ""}, {"filter", "countries:" + a}, {"filter", "countries:" + b}}, 200);
  EXPECT_EQ(one["total"]["value"], all["facets"]["countries"][0]["count"]);
  EXPECT_GT(two["total"]["value"].get<int>(), one["total"]["value"].get<int>());
  // Ticking a country leaves the other countries' counts as they were.
  EXPECT_EQ(one["facets"]["countries"], all["facets"]["countries"]);
}

TEST_F(ApiTest, EnglishLabelsForCountries) {
  json fr = get("/api/search", {{"q", ""}, {"filter", "pays=Sénégal"}}, 200);
  json en = get("/api/search", {{"q", ""}, {"filter", "pays=Sénégal"}, {"lang", "en"}}, 200);
  auto label_of = [](const json& j, const std::string& code) {
    for (const auto& v : j["facets"]["countries"]) {
      if (v["value"] == code) return v["label"].get<std::string>();
    }
    return std::string();
  };
  EXPECT_EQ(label_of(fr, "SN"), "Sénégal");
  EXPECT_EQ(label_of(en, "SN"), "Senegal");
}

TEST_F(ApiTest, DocumentsHoldEveryFieldAndTheirTextAsIs) {
  json j = get("/api/documents/CT.9901", {}, 200);
  EXPECT_EQ(j["document"]["title"], test::kMarkupTitle);  // JSON carries text; the page escapes it
  EXPECT_NE(j["document"]["body"].get<std::string>().find("Dakar"), std::string::npos);
  EXPECT_EQ(j["document"]["countries"], json::array({"SN"}));
  json missing = get("/api/documents/CT.0000", {}, 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
}

TEST_F(ApiTest, SimilarListsOtherProjectsNotItself) {
  json similar = get("/api/similar/CT.9901", {}, 200);
  ASSERT_TRUE(similar["hits"].is_array());
  EXPECT_FALSE(similar["hits"].empty());
  for (const auto& h : similar["hits"]) EXPECT_NE(h["id"], "CT.9901") << "a document is not similar to itself";
  EXPECT_EQ(get("/api/similar/ZZ.0000", {}, 404)["error"]["code"], "not_found");
}

TEST_F(ApiTest, AnalyzeAndHealth) {
  json a = get("/api/analyze", {{"text", "L’OIM et les êtres humains"}}, 200);
  ASSERT_FALSE(a["tokens"].empty());
  EXPECT_EQ(a["tokens"][0]["term"], "oim");
  json h = get("/api/health", {}, 200);
  EXPECT_EQ(h["status"], "ok");
  EXPECT_EQ(h["documents"].get<int>(), 13);
  EXPECT_TRUE(h["current_analysis"].get<bool>());
  EXPECT_FALSE(h["revision"].get<std::string>().empty());
}

TEST_F(ApiTest, BadInputIs400WithTheReason) {
  struct Case {
    Params params;
    const char* code;
    const char* says;
  } cases[] = {
      {{{"q", "budget:abc"}}, "bad_query", "budget"},
      {{{"q", "x"}, {"limit", "1000"}}, "bad_parameter", "limit"},
      {{{"q", "x"}, {"limit", "-1"}}, "bad_parameter", "limit"},
      {{{"q", "x"}, {"offset", "ten"}}, "bad_parameter", "offset"},
      {{{"q", "x"}, {"sort", "title"}}, "bad_parameter", "sort"},
      {{{"q", "x"}, {"operator", "xor"}}, "bad_parameter", "operator"},
      {{{"q", "x"}, {"filter", "region"}}, "bad_parameter", "filter"},
      {{{"q", "x"}, {"filter", "couleur:bleu"}}, "bad_parameter", "couleur"},
      {{{"q", "x"}, {"facets", "title"}}, "bad_parameter", "title"},
      {{{"q", "x"}, {"lang", "de"}}, "bad_parameter", "lang"},
      {{{"q", "x"}, {"q", "y"}}, "bad_parameter", "deux fois"},
      {{{"q", "x"}, {"page", "2"}}, "bad_parameter", "page"},
      {{{"q", std::string(1001, 'a')}}, "bad_parameter", "au plus 1000"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.says);
    json j = get("/api/search", c.params, 400);
    EXPECT_EQ(j["error"]["code"], c.code);
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.says), std::string::npos) << j;
  }
  EXPECT_EQ(get("/api/nothing", {}, 404)["error"]["code"], "not_found");
}

TEST_F(ApiTest, OddInputIsAnsweredNeverWith500) {
  const std::string deep = std::string(400, '(') + "traite" + std::string(400, ')');
  const std::vector<std::pair<std::string, Params>> calls = {
      {"/api/search", {{"q", "\xff\xfe"}}},
      {"/api/search", {{"q", std::string("a\0b", 3)}}},
      {"/api/search", {{"q", deep}}},
      {"/api/search", {{"q", "\"\" ( ) * - ET OU NEAR"}}},
      {"/api/search", {{"q", "année:3000..1"}}},
      {"/api/search", {{"filter", "region:\xff"}}},
      {"/api/search", {{"filter", ":"}}},
      {"/api/search", {{"facets", ",,"}, {"sort", ""}, {"limit", ""}}},
      {"/api/search", {{"offset", "10000"}, {"collapse", "1"}}},
      {"/api/documents/\xff", {}},
      {"/api/documents/a\0b", {}},
      {"/api/analyze", {{"text", "\xff\xc3"}}},
  };
  for (const auto& [path, params] : calls) {
    Response r = api_->get(path, params);
    SCOPED_TRACE(path + " " + (params.empty() ? "" : params[0].second.substr(0, 20)));
    EXPECT_TRUE(r.status == 200 || r.status == 400 || r.status == 404) << r.status << " " << r.body;
    EXPECT_NO_THROW(json::parse(r.body));
  }
}

TEST_F(ApiTest, AQueryErrorGivesItsPosition) {
  // A NEAR over a group is refused with the position of the operator.
  json j = get("/api/search", {{"q", "traite PRES (femmes OU enfants)"}}, 400);
  EXPECT_EQ(j["error"]["code"], "bad_query");
  EXPECT_TRUE(j["error"]["position"].is_number()) << j;
}

// The errors of a request are in its lang, in the shape fouille-search
// --json prints (#27).
TEST_F(ApiTest, ErrorsAreInTheRequestsLanguage) {
  struct Case {
    std::string path;
    Params params;
    int status;
    std::string code, id, message;
    json position;
  };
  const Case cases[] = {
      {"/api/search",
       {{"q", "budget:abc"}, {"lang", "en"}},
       400,
       "bad_query",
       "query.not_an_amount",
       "position 1: budget: “abc” is not an amount (e.g. 100000..200000, 150k..)",
       1},
      {"/api/search",
       {{"q", "budget:abc"}, {"lang", "fr"}},
       400,
       "bad_query",
       "query.not_an_amount",
       "position 1 : budget : « abc » n'est pas un montant (ex. 100000..200000, 150k..)",
       1},
      {"/api/search",
       {{"q", "budget:abc"}},
       400,
       "bad_query",
       "query.not_an_amount",
       "position 1 : budget : « abc » n'est pas un montant (ex. 100000..200000, 150k..)",
       1},
      {"/api/search",
       {{"q", "x"}, {"limit", "x"}, {"lang", "en"}},
       400,
       "bad_parameter",
       "option.expected_count_range",
       "limit x: expected a whole number from 0 to 100",
       nullptr},
      {"/api/search",
       {{"q", "x"}, {"colour", "x"}, {"lang", "en"}},
       400,
       "bad_parameter",
       "request.unknown_parameter",
       "colour: unknown parameter",
       nullptr},
      {"/api/search",
       {{"q", "x"}, {"filter", "couleur:bleu"}, {"lang", "en"}},
       400,
       "bad_parameter",
       "option.unknown_filter",
       "unknown field “couleur”",
       nullptr},
      {"/api/documents/ZZ.0",
       {{"lang", "en"}},
       404,
       "not_found",
       "request.no_document",
       "document ZZ.0: no document has this ID",
       nullptr},
      {"/api/similar/ZZ.0",
       {{"lang", "en"}},
       404,
       "not_found",
       "query.like_unknown",
       "no document has this ID",
       nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path + " " + c.params[0].second);
    json j = get(c.path, c.params, c.status);
    const json& e = j.at("error");
    EXPECT_EQ(e.size(), 6u) << e;
    EXPECT_EQ(e.at("code"), c.code);
    EXPECT_EQ(e.at("id"), c.id);
    EXPECT_NE(e.at("message").get<std::string>().find(c.message), std::string::npos) << e;
    EXPECT_EQ(e.at("position"), c.position);
  }
  // Notes too.
  json en = get("/api/search", {{"q", "\"lutte contre"}, {"lang", "en"}}, 200);
  ASSERT_EQ(en["notes"].size(), 1u) << en;
  EXPECT_EQ(en["notes"][0], "quote opened at position 1 is never closed: phrase read to the end");
  json fr = get("/api/search", {{"q", "\"lutte contre"}}, 200);
  EXPECT_EQ(fr["notes"][0], "guillemet ouvert en position 1 sans guillemet fermant : phrase lue jusqu'à la fin");
}

TEST(ApiUnavailable, AMissingDatabaseIs503) {
  Options options;
  options.db = "/nonexistent/fouille-db";
  SessionPool pool(std::make_shared<searcher::Index>(options.db));
  Api api(options, pool);
  const std::pair<const char*, Params> calls[] = {
      {"/api/search", {{"q", "x"}}}, {"/api/health", {}}, {"/api/documents/CT.1", {}}};
  for (const auto& [path, params] : calls) {
    Response r = api.get(path, params);
    EXPECT_EQ(r.status, 503) << path;
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "unavailable");
  }
}

}  // namespace
}  // namespace fouille::server
