#include "signature.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fouille/base/hash.h"
#include "fouille/data/analysis_tables.h"
#include "fouille/stemming/analyzer.h"

namespace fouille::stemming {
namespace {

// The tables the build digests, in its order (FOUILLE_SIGNATURE_TABLES).
std::vector<std::string> signature_tables() {
  std::vector<std::string> paths;
  std::string_view list = FOUILLE_SIGNATURE_TABLES;
  while (!list.empty()) {
    const std::size_t bar = list.find('|');
    paths.emplace_back(list.substr(0, bar));
    list.remove_prefix(bar == std::string_view::npos ? list.size() : bar + 1);
  }
  return paths;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string digest(const std::vector<std::string>& tables) {
  base::Fnv1a h;
  for (const auto& t : tables) h.add_part(t);
  return h.hex();
}

TEST(AnalysisSignature, CoversEveryTableThatChangesTerms) {
  const std::vector<std::string> paths = signature_tables();
  auto covers = [&](std::string_view tail) {
    return std::any_of(paths.begin(), paths.end(), [&](const std::string& p) { return p.ends_with(tail); });
  };
  for (const char* table :
       {"stemming/data/stopwords_fr.txt", "stemming/data/elisions.txt", "stemming/data/accent_stems.tsv",
        "stemming/data/synonyms.txt", "stemming/data/areas.tsv", "stemming/data/families.txt", "corpus/data/schema.tsv",
        "corpus/data/label_forms.tsv", "corpus/data/iso_countries.tsv", "corpus/data/country_aliases.tsv",
        "corpus/data/status.tsv", "corpus/data/coverage.tsv", "corpus/data/project_types.tsv",
        "corpus/data/regions.tsv", "corpus/data/chrome.tsv"}) {
    EXPECT_TRUE(covers(table)) << table << " is not in the analysis signature";
  }
}

TEST(AnalysisSignature, IsTheDigestOfTheTablesAsBuilt) {
  std::vector<std::string> tables;
  for (const auto& p : signature_tables()) tables.push_back(read(p));
  // Fails when a table was edited after the build: rebuild.
  EXPECT_EQ(digest(tables), data::analysis_tables);
  EXPECT_EQ(analysis_signature(), detail::signature_of(data::analysis_tables));
  EXPECT_EQ(analysis_signature().size(), 16u);
  EXPECT_EQ(analysis_signature().find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(AnalysisSignature, ChangesWithAnyByteOfAnyTable) {
  const std::vector<std::string> paths = signature_tables();
  std::vector<std::string> tables;
  for (const auto& p : paths) tables.push_back(read(p));
  const std::string before = detail::signature_of(digest(tables));
  for (std::size_t i = 0; i < tables.size(); ++i) {
    SCOPED_TRACE(paths[i]);
    std::vector<std::string> edited = tables;
    edited[i] += "\nune ligne de plus";  // a new vocabulary entry, say
    EXPECT_NE(detail::signature_of(digest(edited)), before);
    if (!tables[i].empty()) {
      edited = tables;
      edited[i][edited[i].size() / 2] ^= 0x01;  // one bit of one byte
      EXPECT_NE(detail::signature_of(digest(edited)), before);
    }
  }
}

}  // namespace
}  // namespace fouille::stemming
