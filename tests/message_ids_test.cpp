// Every catalogue id the sources name has its row in base/data/messages.tsv:
// a misspelt id would otherwise show up to a user as the bare id.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "fouille/base/message.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

// String literals shaped like an id of one of the catalogue's groups.
std::set<std::string> ids_in(const fs::path& file) {
  static const std::regex literal(
      R"re("((?:field|help|index|note|option|out|query|read|request|serve|shard|store|sys)\.[a-z_]+(?:\.[a-z_]+)?)")re");
  static const std::regex not_an_id(R"(.*\.(html|js|css|tsv|txt|json|jsonl|csv|xml|pdf|docx|odt)$)");
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  std::set<std::string> out;
  for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it) {
    const std::string id = (*it)[1].str();
    if (!std::regex_match(id, not_an_id)) out.insert(id);
  }
  return out;
}

TEST(MessageIds, EveryIdTheSourcesNameIsInTheCatalogue) {
  std::size_t seen = 0;
  for (const char* part :
       {"base", "cli", "corpus", "indexer", "searcher", "server", "shard", "store", "testsupport", "bench"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(FOUILLE_SOURCE_DIR) / part)) {
      const fs::path& p = entry.path();
      const std::string name = p.filename().string();
      if (p.extension() != ".cpp" && p.extension() != ".h") continue;
      if (name.ends_with("_test.cpp")) continue;  // tests name ids that must not exist
      for (const auto& id : ids_in(p)) {
        ++seen;
        EXPECT_TRUE(has_message(id)) << id << " in " << p.string();
      }
    }
  }
  EXPECT_GT(seen, 150u);
}

}  // namespace
}  // namespace fouille
