// The saved web pages of tests/corpus/web read through `fouille-index --dump`
// and compared with tests/corpus/web/expected.jsonl: the title, every field the
// page states, no menu or footer line in the narrative, the narrative kept.
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fouille/corpus/schema.h"
#include "fouille/corpus/vocabulary.h"

#include "test_support.h"

namespace fouille::test {
namespace {

const std::string kWeb = std::string(FOUILLE_TESTS) + "/corpus/web";

// Dumped documents by page file name.
std::map<std::string, nlohmann::json> dump_pages() {
  CommandResult r = run(std::string(FOUILLE_INDEX_BIN) + " --dump " + quote(kWeb));
  EXPECT_EQ(r.status, 0) << r.errors;
  std::map<std::string, nlohmann::json> out;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    auto doc = nlohmann::json::parse(line);
    std::string source = doc.value("source", "");
    out[source.substr(source.rfind('/') + 1)] = doc;
  }
  return out;
}

// What a field of the dump must hold for the expected value as the page wrote it.
nlohmann::json wanted(const std::string& key, const nlohmann::json& expected) {
  const corpus::Field* field = corpus::schema().field_for_key(key);
  if (field && corpus::vocabulary(field->id)) return corpus::normalize_keyword(field->id, expected.get<std::string>());
  return expected;
}

TEST(WebPages, TitlesFieldsAndNarrativesAsExpected) {
  auto docs = dump_pages();
  std::ifstream in(kWeb + "/expected.jsonl");
  ASSERT_TRUE(in) << kWeb << "/expected.jsonl";
  std::size_t pages = 0, titles = 0, fields = 0, fields_right = 0, menus = 0, menus_clean = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto expected = nlohmann::json::parse(line);
    const std::string file = expected["file"];
    SCOPED_TRACE(file);
    ++pages;
    ASSERT_TRUE(docs.count(file)) << "no document for " << file;
    const auto& doc = docs[file];
    const std::string body = doc.value("body", "");
    for (const auto& [key, value] : expected.items()) {
      if (key == "file") continue;
      if (key == "menu_lines") {
        for (const auto& menu : value) {
          ++menus;
          bool clean = body.find(menu.get<std::string>()) == std::string::npos;
          menus_clean += clean;
          EXPECT_TRUE(clean) << "menu line in the narrative: " << menu;
        }
      } else if (key == "body_must_contain") {
        for (const auto& phrase : value) {
          EXPECT_NE(body.find(phrase.get<std::string>()), std::string::npos) << "narrative lost: " << phrase;
        }
      } else {
        bool right = doc.contains(key) && doc[key] == wanted(key, value);
        if (key == "title") {
          titles += right;
        } else {
          ++fields;
          fields_right += right;
        }
        EXPECT_TRUE(right) << key << ": got " << (doc.contains(key) ? doc[key].dump() : "nothing") << ", want "
                           << wanted(key, value).dump();
      }
    }
  }
  std::cout << "web pages: " << pages << ", titles right " << titles << "/" << pages << ", fields right "
            << fields_right << "/" << fields << ", menu lines kept out " << menus_clean << "/" << menus << "\n";
  EXPECT_GE(pages, 20u);
}

}  // namespace
}  // namespace fouille::test
