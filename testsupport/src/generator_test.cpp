#include "fouille/testsupport/generator.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "fouille/corpus/reader.h"

namespace fouille::testsupport {
namespace {

using namespace fouille::corpus;  // the vocabularies and readers it draws on

namespace fs = std::filesystem;

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    files[e.path().filename().string()] = s.str();
  }
  return files;
}

class GeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("fouille-gen-test-" + std::to_string(::getpid()));
    fs::remove_all(base_);
  }
  void TearDown() override { fs::remove_all(base_); }
  fs::path base_;
};

TEST_F(GeneratorTest, SameSeedSameBytesOtherSeedOtherBytes) {
  GeneratorOptions o;
  o.documents = 300;
  generate(o, base_ / "a");
  generate(o, base_ / "b");
  o.seed = 43;
  generate(o, base_ / "c");
  auto a = read_tree(base_ / "a");
  EXPECT_EQ(a, read_tree(base_ / "b"));
  EXPECT_NE(a, read_tree(base_ / "c"));
}

TEST_F(GeneratorTest, DistributionsLookLikeTheField) {
  GeneratorOptions o;
  o.documents = 2000;
  GeneratorStats stats = generate(o, base_);
  EXPECT_EQ(stats.documents, 2000u);
  std::map<std::string, int> layouts, status, regions, types;
  std::set<std::string> countries, words;
  std::size_t docs = 0, multi_country = 0, legacy = 0, english = 0;
  for (const auto& e : fs::directory_iterator(base_)) {
    FileResult r = read_file(e.path(), {});
    if (r.encoding == "windows-1252") ++legacy;
    for (const auto& d : r.documents) {
      ++docs;
      ++layouts[d.layout];
      ++status[d.status];
      ++regions[d.region];
      ++types[d.project_type];
      countries.insert(d.countries.begin(), d.countries.end());
      if (d.countries.size() > 1) ++multi_country;
      if (d.budget_usd) {
        EXPECT_GE(*d.budget_usd, 50000);
        EXPECT_LE(*d.budget_usd, 300000);
      }
      if (d.start_year) {
        EXPECT_GE(*d.start_year, 2005);
        EXPECT_LE(*d.end_year, 2026);
      }
      EXPECT_GE(d.body.size(), 1000u);
      EXPECT_LE(d.body.size(), 4300u);
      EXPECT_FALSE(d.title.empty());
      EXPECT_FALSE(d.countries.empty());
      std::istringstream body(d.body);
      for (std::string w; body >> w;) words.insert(w);
    }
    std::ifstream in(e.path());
    std::string first;
    std::getline(in, first);
    if (read_file(e.path(), {}).documents.size() == 1) {
      std::stringstream s;
      s << std::ifstream(e.path()).rdbuf();
      if (s.str().find("Project Status") != std::string::npos) ++english;
    }
  }
  EXPECT_EQ(docs, 2000u);
  for (const char* l : {"bullet", "bare", "web", "jsonl"}) EXPECT_GT(layouts[l], 50) << l;
  EXPECT_GT(status["Actif"], 600);
  EXPECT_GT(status["Achevé"], 800);
  EXPECT_GE(regions.size(), 6u);
  EXPECT_GE(types.size(), 10u);
  EXPECT_GE(countries.size(), 120u);
  EXPECT_GT(multi_country, 200u);
  EXPECT_GT(legacy, 20u);
  EXPECT_GT(english, 40u);
  EXPECT_GT(words.size(), 20000u);
}

}  // namespace
}  // namespace fouille::testsupport
