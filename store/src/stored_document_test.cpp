#include "fouille/store/stored_document.h"

#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fouille/corpus/document_json.h"

namespace fouille::store {
namespace {

corpus::Document full_document() {
  corpus::Document d;
  d.id = "CT.1172";
  d.title = "Renforcer la lutte contre la traite des êtres humains au Tadjikistan";
  d.body = "L’OIM appuie les autorités tadjikes : formation, refuges, retour volontaire.";
  d.project_id = "CT.1172";
  d.prima_id = "TJ10P0004";
  d.status = "Achevé";
  d.project_type = "Lutte contre la traite";
  d.budget_usd = 249999.5;
  d.budget = 249999.5;
  d.currency = "USD";
  d.coverage = "National";
  d.start_year = 2018;
  d.end_year = 2021;
  d.funding_year = 2017;
  d.region = "Asie et Océanie";
  d.countries = {"TJ", "Vallée de Ferghana"};
  d.continent = {"Asie"};
  d.subregion = {"Asie centrale"};
  d.implementer = "OIM Douchanbé";
  d.client = "Bureau de la population, des réfugiés et des migrations";
  d.source = "/corpus/projets.jsonl#CT.1172";
  d.layout = "jsonl";
  return d;
}

void expect_same(const corpus::Document& a, const corpus::Document& b) {
  // Compared through the JSON form, which names the member that differs.
  EXPECT_EQ(corpus::to_json(a).dump(1), corpus::to_json(b).dump(1));
  EXPECT_EQ(a.budget, b.budget);
  EXPECT_EQ(a.start_year, b.start_year);
  EXPECT_EQ(a.countries, b.countries);
}

TEST(StoredDocument, RoundTripsEveryMember) {
  const corpus::Document doc = full_document();
  expect_same(decode_document(encode_document(doc)), doc);
}

TEST(StoredDocument, RoundTripsSparseDocuments) {
  corpus::Document only_title;
  only_title.title = "Migration de main-d'œuvre";
  corpus::Document only_budget;
  only_budget.budget = 1e9;
  only_budget.currency = "EUR";
  for (const auto* doc : {&only_title, &only_budget}) {
    expect_same(decode_document(encode_document(*doc)), *doc);
  }
}

TEST(StoredDocument, ReadsWhatMainsDatabasesHold) {
  // The data as databases already built store it: read back, typed.
  const StoredDocument d = decode_document(
      R"({"budget":150000.0,"budget_usd":150000.0,"countries":["ML","SN"],"currency":"USD","end_year":2020,)"
      R"("id":"PX.0432","layout":"bullet","source":"/c/mali.txt","start_year":2019,"title":"Retour"})");
  EXPECT_EQ(d.id, "PX.0432");
  EXPECT_EQ(d.budget_usd, 150000.0);
  EXPECT_EQ(d.countries, (std::vector<std::string>{"ML", "SN"}));
  EXPECT_EQ(d.end_year, 2020);
  EXPECT_EQ(d.layout, "bullet");
  EXPECT_FALSE(d.funding_year.has_value());
}

TEST(StoredDocument, BadDataGivesAnEmptyOrPartialDocument) {
  EXPECT_TRUE(decode_document("not json").id.empty());
  EXPECT_TRUE(decode_document("[1, 2]").id.empty());
  const StoredDocument d = decode_document(R"({"id":"A","start_year":"2019","countries":"TJ","other":1})");
  EXPECT_EQ(d.id, "A");
  EXPECT_FALSE(d.start_year.has_value());  // the wrong type: left out
  EXPECT_TRUE(d.countries.empty());
}

TEST(StoredDocument, NestedAndMistypedValuesAreLeftOut) {
  const StoredDocument d =
      decode_document(R"({"id":"A","other":{"id":"B","countries":["XX"]},"countries":["TJ",["KG"],{"c":"UZ"},3,"KZ"],)"
                      R"("title":["not a string"],"start_year":99999999999,"end_year":2020.5,"budget_usd":12})");
  EXPECT_EQ(d.id, "A");
  EXPECT_EQ(d.countries, (std::vector<std::string>{"TJ", "KZ"}));
  EXPECT_TRUE(d.title.empty());
  EXPECT_FALSE(d.start_year.has_value());  // no int holds it
  EXPECT_FALSE(d.end_year.has_value());    // not an integer
  EXPECT_EQ(d.budget_usd, 12.0);           // an integer is a number
  EXPECT_TRUE(decode_document(R"([{"id":"A"}])").id.empty());
  EXPECT_TRUE(decode_document(R"({"id":"A")").id.empty());  // cut short: nothing, as bad JSON
  EXPECT_EQ(decode_document(R"({"countries":["A"],"countries":["B"]})").countries, std::vector<std::string>{"B"});
}

TEST(StoredDocument, NonUtf8BytesBecomeReplacementCharacters) {
  corpus::Document doc;
  doc.source = "/c/caf\xE9.txt";  // Latin-1 file name
  EXPECT_EQ(decode_document(encode_document(doc)).source, "/c/caf\xEF\xBF\xBD.txt");
}

// encode_document writes strings itself, faster than nlohmann's dump(): the
// bytes must be dump()'s, escapes, non-ASCII text and invalid bytes alike.
TEST(StoredDocument, WritesTheBytesNlohmannWould) {
  std::string every_ascii;
  for (int c = 1; c < 0x80; ++c) every_ascii += static_cast<char>(c);
  const std::vector<std::string> texts = {
      "",
      every_ascii,
      "L’OIM « appuie » les \"autorités\"\ttadjikes\r\n\\ — 中文 😀",
      "ligne 1\nligne 2\x01\x1f\x7f",
      "caf\xE9 cr\xC3",          // invalid: dump() replaces
      "\xF0\x9F\x98",            // a sequence cut short
      "\xED\xA0\x80 surrogate",  // an encoded surrogate is invalid UTF-8
  };
  std::vector<std::string> lanes = texts;  // each byte needing care at each place of a 64-bit word
  for (const std::string special : {"\"", "\\", "\x01", "\x1f", "\xC3\xA9", "\xE9", "\x7f"}) {
    for (std::size_t at = 0; at < 17; ++at) lanes.push_back(std::string(at, 'a') + special + std::string(20, 'b'));
  }
  for (const auto& text : lanes) {
    SCOPED_TRACE(text);
    corpus::Document doc = full_document();
    doc.body = text;
    doc.title = text + "!";
    doc.countries = {text, "TJ"};
    EXPECT_EQ(encode_document(doc),
              corpus::to_json(doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
}

// encode_document writes the members itself, without corpus::to_json's tree:
// the bytes must be the tree's, for every kind of member present or absent.
TEST(StoredDocument, WritesTheBytesOfTheJsonTree) {
  corpus::Document empty;
  corpus::Document numbers;
  numbers.budget = 0.1;
  numbers.budget_usd = 1e21;
  numbers.start_year = -44;
  numbers.end_year = 0;
  corpus::Document odd_numbers;
  odd_numbers.budget = std::numeric_limits<double>::quiet_NaN();
  odd_numbers.budget_usd = -std::numeric_limits<double>::infinity();
  odd_numbers.funding_year = std::numeric_limits<int>::min();
  corpus::Document lists;
  lists.countries = {"", "TJ"};
  lists.related = {"child:A"};
  lists.layout = "jsonl";
  corpus::Document last_member_only;
  last_member_only.title = "Titre";
  corpus::Document first_member_only;
  first_member_only.body = "Corps";
  for (const auto* doc : {&empty, &numbers, &odd_numbers, &lists, &last_member_only, &first_member_only}) {
    SCOPED_TRACE(corpus::to_json(*doc).dump());
    EXPECT_EQ(encode_document(*doc),
              corpus::to_json(*doc).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  EXPECT_EQ(encode_document(empty), "{}");
}

}  // namespace
}  // namespace fouille::store
